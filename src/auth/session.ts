import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import { unsafeMethods } from '../http/contract.js';
import { type CurrentUser, userFromApiToken, userFromSession } from '../modules/accounts/service.js';
import { csrfHeader, sessionCookie } from './names.js';

export { csrfHeader, sessionCookie };

export interface AuthState {
  user: CurrentUser | null;
  via: 'session' | 'token' | null;
  /** The session's CSRF token, echoed by the web app in the x-csrf-token header on unsafe requests. */
  csrfToken: string | null;
  sessionTokenHash: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState;
  }
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Resolves who calls: a Bearer personal API token, or the session cookie. Cookie-authenticated unsafe requests must
 * carry the session's CSRF token; cross-origin unsafe requests are refused whatever they carry.
 */
export function registerAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('auth', null as unknown as AuthState);
  app.addHook('onRequest', async (request) => {
    request.auth = { user: null, via: null, csrfToken: null, sessionTokenHash: null };
    if (!request.url.startsWith('/api/')) return;
    if (unsafeMethods.has(request.method) && !sameOrigin(request)) throw forbidden('Origine de la requête refusée');
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const user = await userFromApiToken(db, bearer);
      if (user) request.auth = { user, via: 'token', csrfToken: null, sessionTokenHash: null };
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (!cookie) return;
    const session = await userFromSession(db, cookie);
    if (!session) return;
    if (unsafeMethods.has(request.method) && request.headers[csrfHeader] !== session.csrfToken) {
      throw forbidden('Jeton CSRF manquant ou invalide');
    }
    request.auth = {
      user: session.user,
      via: 'session',
      csrfToken: session.csrfToken,
      sessionTokenHash: session.tokenHash,
    };
  });
}
