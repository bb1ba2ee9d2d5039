import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../app.js';
import { type AuthState, sessionCookie } from '../../auth/session.js';
import type { Config } from '../../config.js';
import { unauthenticated } from '../../errors.js';
import { type App, registerRoute } from '../../http/route.js';
import { noteSignedIn } from '../audit/hook.js';
import { signUpCitizen, updateOwnCommune } from './citizens.js';
import * as c from './contract.js';
import { acceptInvitation, getInvitationByToken, inviteUser, listInvitations } from './invitations.js';
import { requestPasswordReset, resetPassword } from './password-resets.js';
import {
  type CurrentUser,
  createApiToken,
  listApiTokens,
  listUsers,
  revokeApiToken,
  type SignedInSession,
  sessionLifetimeMs,
  sessionView,
  signIn,
  signOut,
  updateUser,
} from './service.js';

function cookieOptions(config: Config) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: config.publicUrl.startsWith('https'),
  };
}

/** The route's access rule has let only signed-in callers through; this narrows the type. */
function caller(auth: AuthState): CurrentUser {
  if (!auth.user) throw unauthenticated();
  return auth.user;
}

/** Sets the session cookie and answers what GET /auth/session would (sign-in, accepted invitations and claims). */
export async function openSessionCookie({ db, config }: AppContext, reply: FastifyReply, session: SignedInSession) {
  noteSignedIn(reply.request, session.user);
  reply.setCookie(sessionCookie, session.token, { ...cookieOptions(config), maxAge: sessionLifetimeMs / 1000 });
  return { user: await sessionView(db, session.user), csrfToken: session.csrfToken };
}

export function registerAccountRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;

  const openSession = (reply: FastifyReply, session: SignedInSession) => openSessionCookie(ctx, reply, session);

  registerRoute(app, c.getSession, async ({ auth }) =>
    auth.user ? { user: await sessionView(db, auth.user), csrfToken: auth.csrfToken } : { user: null, csrfToken: null },
  );

  registerRoute(app, c.login, async ({ body, ip, auth, reply }) => {
    const session = await signIn(db, { email: body.email, password: body.password, ip });
    // A new session replaces the one the browser had, if any.
    if (auth.sessionTokenHash) await signOut(db, auth.sessionTokenHash);
    return openSession(reply, session);
  });

  registerRoute(app, c.logout, async ({ auth, reply }) => {
    if (auth.sessionTokenHash) await signOut(db, auth.sessionTokenHash);
    reply.clearCookie(sessionCookie, cookieOptions(config));
    return null;
  });

  registerRoute(app, c.requestPasswordReset, async ({ body }) => {
    await requestPasswordReset(db, body.email, config.publicUrl);
    return null;
  });

  registerRoute(app, c.resetPassword, async ({ body }) => {
    await resetPassword(db, body.token, body.password);
    return null;
  });

  registerRoute(app, c.createInvitation, async ({ auth, body }) =>
    inviteUser(db, caller(auth), body, config.publicUrl),
  );

  registerRoute(app, c.listInvitations, async () => ({ items: await listInvitations(db) }));

  registerRoute(app, c.getInvitation, async ({ params }) => getInvitationByToken(db, params.token));

  registerRoute(app, c.acceptInvitation, async ({ body, reply }) => {
    const session = await acceptInvitation(db, body.token, { displayName: body.displayName, password: body.password });
    return openSession(reply, session);
  });

  registerRoute(app, c.citizenSignup, async ({ body, ip }) => {
    await signUpCitizen(db, body, ip, config.publicUrl);
    return { accepted: true as const };
  });

  registerRoute(app, c.updateMe, async ({ auth, body }) => updateOwnCommune(db, caller(auth), body.communeCode));

  registerRoute(app, c.listUsers, async () => ({ items: await listUsers(db) }));

  registerRoute(app, c.updateUser, async ({ auth, params, body }) => updateUser(db, caller(auth), params.id, body));

  registerRoute(app, c.listApiTokens, async ({ auth }) => ({ items: await listApiTokens(db, caller(auth)) }));

  registerRoute(app, c.createApiToken, async ({ auth, body }) => createApiToken(db, caller(auth), body.name));

  registerRoute(app, c.revokeApiToken, async ({ auth, params }) => {
    await revokeApiToken(db, caller(auth), params.id);
    return null;
  });
}
