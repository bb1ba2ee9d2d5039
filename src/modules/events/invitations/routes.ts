import type { AppContext } from '../../../app.js';
import { type App, registerRoute, signedIn } from '../../../http/route.js';
import { invitationRoutes as r } from './contract.js';
import * as invitations from './service.js';

export function registerInvitationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.invite, ({ params, body, auth }) =>
    invitations.invite(db, auth.user, params.id, body, ctx.config.publicUrl),
  );

  registerRoute(app, r.list, ({ params, auth }) => invitations.listInvitations(db, auth.user, params.id));

  registerRoute(app, r.mine, ({ params, auth }) => invitations.isInvited(db, signedIn(auth.user), params.id));

  registerRoute(app, r.remove, async ({ params, auth }) => {
    await invitations.removeInvitation(db, auth.user, params.id, params.invitationId);
    return null;
  });
}
