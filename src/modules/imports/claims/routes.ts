import type { AppContext } from '../../../app.js';
import { type App, registerRoute } from '../../../http/route.js';
import { openSessionCookie } from '../../accounts/routes.js';
import * as c from './contract.js';
import { acceptClaim, getClaimByToken, getClaimStatus, requestClaim } from './service.js';

/** Claiming an imported (unclaimed) actor: by an animator's invitation or an e-mail at the website's domain. */
export function registerClaimRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;

  registerRoute(app, c.getClaimStatus, async ({ params }) => getClaimStatus(db, params.id));

  // A limit reached throws RateLimited: src/http/security.ts sets the 429's Retry-After.
  registerRoute(app, c.requestClaim, async ({ params, body, ip }) => {
    await requestClaim(db, params.id, { email: body.email, ip }, config.publicUrl);
    return null;
  });

  registerRoute(app, c.getClaim, async ({ params }) => getClaimByToken(db, params.token));

  registerRoute(app, c.acceptClaim, async ({ body, reply }) => {
    const session = await acceptClaim(db, body.token, { displayName: body.displayName, password: body.password });
    return openSessionCookie(ctx, reply, session);
  });
}
