// The review queue of uncertain matches (an imported organisation named like an actor of its commune, without an
// identifier to tell): an animator accepts (the organisation is merged into the candidate actor, filling its empty
// fields, and the register record joins it) or rejects (a new unclaimed actor is created). One transaction each,
// under the review's row lock, reusing the import's own set-based statements on a one-row batch.
import { count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { conflict, notFound } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { requireStaff } from '../actors/visibility.js';
import { batchRow, createBatchTable, lockRegisterWrites, writeCreations, writeMerges, writeRecords } from './load.js';
import { importMatchReviews } from './schema.js';

type Review = typeof importMatchReviews.$inferSelect;

async function decide(db: Db, by: CurrentUser | null, reviewId: string, accept: boolean): Promise<string> {
  requireStaff(by);
  return db.transaction(async (tx) => {
    await lockRegisterWrites(tx);
    const [review] = await tx
      .select()
      .from(importMatchReviews)
      .where(eq(importMatchReviews.id, reviewId))
      .for('update');
    if (!review) throw notFound('Proposition de rapprochement');
    if (review.status !== 'pending') {
      throw conflict('Cette proposition a déjà été traitée', [{ field: 'review', code: 'importReviewDecided' }]);
    }
    const actorId = accept ? await merge(tx, review, by.id) : await create(tx, review, by.id);
    await tx
      .update(importMatchReviews)
      .set({ status: accept ? 'accepted' : 'rejected', decidedBy: by.id, decidedAt: new Date() })
      .where(eq(importMatchReviews.id, reviewId));
    await tx.execute(sql`DROP TABLE import_batch`);
    return actorId;
  });
}

async function merge(tx: Tx, review: Review, userId: string): Promise<string> {
  await createBatchTable(tx, [batchRow(review.line, review.organisation)]);
  await tx.execute(sql`UPDATE import_batch SET how = 'identifier', actor_id = ${review.candidateActorId}::uuid`);
  await writeMerges(tx, userId);
  await writeRecords(tx, review.runId);
  return review.candidateActorId;
}

async function create(tx: Tx, review: Review, userId: string): Promise<string> {
  await createBatchTable(tx, [batchRow(review.line, review.organisation)]);
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`UPDATE import_batch SET how = 'create', actor_id = gen_random_uuid() RETURNING actor_id AS id`,
  );
  if (!row) throw new Error('review batch empty');
  await writeCreations(tx, userId);
  await writeRecords(tx, review.runId);
  return row.id;
}

/** Accepts an uncertain match: the organisation joins the candidate actor. Staff only. Returns the actor's id. */
export const acceptMatch = (db: Db, by: CurrentUser | null, reviewId: string) => decide(db, by, reviewId, true);

/** Rejects an uncertain match: the organisation becomes a new unclaimed actor. Staff only. Returns its id. */
export const rejectMatch = (db: Db, by: CurrentUser | null, reviewId: string) => decide(db, by, reviewId, false);

export interface PendingReview {
  id: string;
  line: number;
  organisation: Review['organisation'];
  candidate: { id: string; name: string; communeCode: string | null };
  createdAt: Date;
}

/** The pending uncertain matches, oldest first, one page of them with their candidate actor, and their total. Staff only. */
export async function listPendingReviews(
  db: Db,
  by: CurrentUser | null,
  page: { page: number; pageSize: number },
): Promise<{ items: PendingReview[]; total: number }> {
  requireStaff(by);
  const pending = eq(importMatchReviews.status, 'pending');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: importMatchReviews.id,
        line: importMatchReviews.line,
        organisation: importMatchReviews.organisation,
        createdAt: importMatchReviews.createdAt,
        candidateId: actors.id,
        candidateName: actors.name,
        candidateCommune: actors.communeCode,
      })
      .from(importMatchReviews)
      .innerJoin(actors, eq(actors.id, importMatchReviews.candidateActorId))
      .where(pending)
      .orderBy(importMatchReviews.createdAt, importMatchReviews.id)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    // Counted like the page is listed: a review whose candidate actor is gone is not shown.
    db
      .select({ n: count() })
      .from(importMatchReviews)
      .innerJoin(actors, eq(actors.id, importMatchReviews.candidateActorId))
      .where(pending),
  ]);
  const items = rows.map(({ candidateId, candidateName, candidateCommune, ...r }) => ({
    ...r,
    candidate: { id: candidateId, name: candidateName, communeCode: candidateCommune },
  }));
  return { items, total: total?.n ?? 0 };
}
