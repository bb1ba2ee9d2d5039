import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allows, staff, type UserRole } from '../../auth/roles.js';
import type { Db } from '../../db/client.js';
import { type RouteContract, unsafeMethods } from '../../http/contract.js';
import * as accounts from '../accounts/contract.js';
import { acceptClaim } from '../imports/claims/contract.js';
import { auditEntries } from './schema.js';
import type { AuditKind } from './vocabulary.js';

const actionOf = (c: Pick<RouteContract, 'method' | 'path'>) => `${c.method} ${c.path}`;

/** Routes that open or close a session or change a password: recorded as `signIn`, not as plain writes. */
export const signInActions: ReadonlySet<string> = new Set(
  [
    accounts.login,
    accounts.logout,
    accounts.requestPasswordReset,
    accounts.resetPassword,
    accounts.acceptInvitation,
    acceptClaim,
  ].map(actionOf),
);

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record acted on: the `:id` parameter, else the first other parameter holding a uuid. Only uuids: a route's
 * other parameters may be secrets (an invitation's token) that must not reach the log.
 */
export function targetOf(params: unknown): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const values = Object.entries(params as Record<string, unknown>)
    .sort(([a], [b]) => (a === 'id' ? -1 : b === 'id' ? 1 : 0))
    .map(([, v]) => v);
  const found = values.find((v) => typeof v === 'string' && uuidLike.test(v));
  return typeof found === 'string' ? found.toLowerCase() : null;
}

/**
 * Who signed in on this request, set by the handler that opens the session (the request itself was anonymous).
 * A WeakMap rather than a request decoration: nothing else needs it, and it goes with the request.
 */
const signedInBy = new WeakMap<FastifyRequest, { id: string; role: UserRole }>();

export function noteSignedIn(request: FastifyRequest, user: { id: string; role: UserRole }) {
  signedInBy.set(request, { id: user.id, role: user.role });
}

/** What to record of a request, or null when it is not audited (safe reads, non-staff reads, unmatched routes). */
export function auditKindOf(request: FastifyRequest, status: number): AuditKind | null {
  const template = request.routeOptions.url;
  if (!template?.startsWith('/api/')) return null;
  if (unsafeMethods.has(request.method)) {
    return signInActions.has(`${request.method} ${template}`) ? 'signIn' : 'write';
  }
  const role = request.auth?.user?.role;
  if (request.method === 'GET' && request.routeOptions.config.personalData && allows(staff, role ?? null)) {
    return status < 400 ? 'personalRead' : null;
  }
  return null;
}

/** The status recorded when the client closed the connection before the answer (nginx's convention). */
export const clientClosedStatus = 499;

function entryOf(request: FastifyRequest, status: number, kind: AuditKind) {
  const user = request.auth?.user ?? signedInBy.get(request) ?? null;
  return {
    userId: user?.id ?? null,
    role: user?.role ?? null,
    via: request.auth?.via ?? '',
    kind,
    action: `${request.method} ${request.routeOptions.url}`,
    targetId: targetOf(request.params),
    status,
    ip: request.ip,
  };
}

/** Inserts still running: awaited when the app closes (and by tests, which read the log right after a request). */
const pending = new Set<Promise<void>>();

export async function auditWritesSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

/**
 * Writes an audit entry for every write through the API and every read of personal data by staff. After the
 * response is sent (onResponse): the log never delays nor breaks an answer. A client that hangs up before the answer
 * gets no onResponse (Fastify 5), nor an onRequestAbort once its body was read: a write is then recorded when its
 * connection closes unanswered (status 499), else a client could keep it out of the log by hanging up. One entry per
 * request, whichever comes first. A failed insert is logged with its error code only, never the entry (it holds an
 * IP address and ids).
 */
export function registerAuditHook(app: FastifyInstance, db: Db) {
  const recorded = new WeakSet<FastifyRequest>();
  const record = (request: FastifyRequest, status: number) => {
    const kind = auditKindOf(request, status);
    if (kind === null || recorded.has(request)) return;
    recorded.add(request);
    const write = db
      .insert(auditEntries)
      .values(entryOf(request, status, kind))
      .then(
        () => undefined,
        (error: { code?: unknown }) => {
          app.log.error({ code: typeof error?.code === 'string' ? error.code : undefined }, 'audit entry not written');
        },
      )
      .finally(() => pending.delete(write));
    pending.add(write);
  };
  app.addHook('onResponse', (request, reply, done) => {
    record(request, reply.statusCode);
    done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    // Only writes: a read's answer never reached the client, so nobody read anything.
    if (unsafeMethods.has(request.method)) {
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) record(request, clientClosedStatus);
      });
    }
    done();
  });
  app.addHook('onClose', async () => auditWritesSettled());
}
