// Erasure requests: a person asks (one pending at a time), staff erase or refuse with a reason. Staff also erase
// directly what the retention review finds (a listed person, an inactive account).
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Handle } from '../../db/client.js';
import { conflict, forbidden, notFound, parseInput } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { requireStaff } from '../actors/visibility.js';
import {
  type ErasureDecisionBody,
  type ErasureQueueItem,
  type ErasureRequestView,
  erasureDecisionBody,
} from './contract.js';
import { eraseAccountIn, erasePersonIn } from './erasure.js';
import { erasureRequests } from './schema.js';

const decider = alias(users, 'decider');

const requestColumns = {
  id: erasureRequests.id,
  status: erasureRequests.status,
  createdAt: erasureRequests.createdAt,
  decidedAt: erasureRequests.decidedAt,
  reason: erasureRequests.reason,
};

const requestView = (r: {
  id: string;
  status: ErasureRequestView['status'];
  createdAt: Date;
  decidedAt: Date | null;
  reason: string;
}): ErasureRequestView => ({
  id: r.id,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
  reason: r.reason,
});

export async function myErasureRequests(db: Db, user: CurrentUser) {
  const rows = await db
    .select(requestColumns)
    .from(erasureRequests)
    .where(eq(erasureRequests.userId, user.id))
    .orderBy(desc(erasureRequests.createdAt));
  return { items: rows.map(requestView) };
}

/** Records a request; 409 while another one waits (checked under a per-person lock, so two clicks make one). */
export function requestErasure(db: Db, user: CurrentUser): Promise<ErasureRequestView> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`erasure:${user.id}`}, 0))`);
    const pending = await tx.$count(
      erasureRequests,
      and(eq(erasureRequests.userId, user.id), eq(erasureRequests.status, 'pending')),
    );
    if (pending > 0) throw conflict('Une demande d’effacement est déjà en attente.');
    const [row] = await tx.insert(erasureRequests).values({ userId: user.id }).returning(requestColumns);
    if (!row) throw new Error('erasure request not inserted');
    return requestView(row);
  });
}

async function queueItems(db: Db, where: ReturnType<typeof eq>, newestFirst: boolean): Promise<ErasureQueueItem[]> {
  const rows = await db
    .select({
      ...requestColumns,
      userId: erasureRequests.userId,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      decidedByName: decider.displayName,
    })
    .from(erasureRequests)
    .innerJoin(users, eq(users.id, erasureRequests.userId))
    .leftJoin(decider, eq(decider.id, erasureRequests.decidedBy))
    .where(where)
    .orderBy(newestFirst ? desc(erasureRequests.decidedAt) : asc(erasureRequests.createdAt))
    .limit(500);
  return rows.map((r) => ({
    ...requestView(r),
    userId: r.userId,
    displayName: r.displayName,
    email: r.email,
    role: r.role,
    decidedByName: r.decidedByName,
  }));
}

export async function erasureQueue(db: Db, viewer: CurrentUser, status: 'pending' | 'decided') {
  requireStaff(viewer);
  const where = status === 'pending' ? eq(erasureRequests.status, 'pending') : ne(erasureRequests.status, 'pending');
  return { items: await queueItems(db, where, status === 'decided') };
}

/**
 * Who may erase an account: staff, never their own (another person of the team decides); a staff account only by an
 * admin (an animator cannot remove the team); never the last active admin (the platform would have no one to run
 * it). Admin erasures take one lock, so two admins cannot erase each other at the same time.
 */
async function checkMayErase(tx: Handle, viewer: CurrentUser, userId: string) {
  if (userId === viewer.id) throw conflict('Votre propre compte doit être effacé par une autre personne de l’équipe.');
  const [target] = await tx
    .select({ role: users.role, disabledAt: users.disabledAt, erasedAt: users.erasedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!target) throw notFound('Compte');
  if (target.role !== 'admin' && target.role !== 'animator') return;
  if (viewer.role !== 'admin') throw forbidden();
  if (target.role !== 'admin' || target.disabledAt || target.erasedAt) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('erasure:admins', 0))`);
  const otherAdmins = await tx.$count(
    users,
    and(eq(users.role, 'admin'), isNull(users.disabledAt), isNull(users.erasedAt), ne(users.id, userId)),
  );
  if (otherAdmins === 0) throw conflict('Le dernier compte administrateur actif ne peut pas être effacé.');
}

/** Erases the account (one transaction with the request's decision) or refuses with a reason. */
export async function decideErasure(
  db: Db,
  viewer: CurrentUser,
  requestId: string,
  input: ErasureDecisionBody,
): Promise<ErasureQueueItem> {
  requireStaff(viewer);
  const body = parseInput(erasureDecisionBody, input);
  await db.transaction(async (tx) => {
    const [request] = await tx.select().from(erasureRequests).where(eq(erasureRequests.id, requestId)).for('update');
    if (!request) throw notFound('Demande d’effacement');
    if (request.status !== 'pending') throw conflict('Cette demande a déjà été traitée.');
    const now = new Date();
    if (body.decision === 'erase') {
      await checkMayErase(tx, viewer, request.userId);
      await eraseAccountIn(tx, request.userId, now);
    }
    await tx
      .update(erasureRequests)
      .set({
        status: body.decision === 'erase' ? 'done' : 'refused',
        decidedAt: now,
        decidedBy: viewer.id,
        reason: body.reason,
      })
      .where(eq(erasureRequests.id, requestId));
  });
  const [item] = await queueItems(db, eq(erasureRequests.id, requestId), false);
  if (!item) throw notFound('Demande d’effacement');
  return item;
}

/** Staff erase an account directly (found by the retention review), under the rules of checkMayErase. */
export async function eraseAccount(db: Db, viewer: CurrentUser, userId: string) {
  requireStaff(viewer);
  const erasedAt = await db.transaction(async (tx) => {
    await checkMayErase(tx, viewer, userId);
    return eraseAccountIn(tx, userId);
  });
  return { erasedAt: erasedAt.toISOString() };
}

export async function erasePerson(db: Db, viewer: CurrentUser, personId: string) {
  requireStaff(viewer);
  const erasedAt = await db.transaction((tx) => erasePersonIn(tx, personId));
  return { erasedAt: erasedAt.toISOString() };
}
