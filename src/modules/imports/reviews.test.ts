import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database, Db } from '../../db/client.js';
import type { DomainError } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { aixScope, association, itemsFrom, streamOf } from './fixtures.js';
import { acceptMatch, listPendingReviews, rejectMatch } from './reviews.js';
import { runImport } from './runs.js';
import { actorRegisterRecords, importMatchReviews } from './schema.js';
import type { RegisterOrganisation } from './types.js';

let fileNo = 0;
const importOf = (db: Db, organisations: RegisterOrganisation[]) =>
  runImport(db, {
    source: 'rna',
    fileName: 'rna.csv',
    fileHash: `review-${++fileNo}`,
    fileSize: 10,
    scope: aixScope,
    items: streamOf(itemsFrom(organisations)),
    by: null,
    batchSize: 10,
  });

const kindOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: DomainError) => e.kind,
  );

describe('uncertain matches', () => {
  let database: Database;
  let animator: CurrentUser;
  let member: CurrentUser;
  const db = () => database.db;
  const pending = (registerId: string) =>
    db()
      .select()
      .from(importMatchReviews)
      .where(eq(importMatchReviews.registerId, registerId))
      .orderBy(importMatchReviews.createdAt);
  const addActor = async (name: string) => {
    const [row] = await db()
      .insert(actors)
      .values({ family: 'association', name, communeCode: '13001', website: 'https://etoile.example.org' })
      .returning();
    if (!row) throw new Error('not inserted');
    return row;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    animator = (await signedInAs(db(), 'animator')).user;
    member = (await signedInAs(db(), 'member')).user;
  });
  afterAll(() => database.close());

  it('queues the same normalised name in the same commune instead of creating a duplicate, once', async () => {
    const etoile = await addActor("L'Étoile d'Aix");
    const run = await importOf(db(), [
      association(1, { name: 'L ETOILE D AIX' }),
      association(2, { name: "L'Étoile d'Arles" }),
    ]);
    expect(run).toMatchObject({ created: 1, queued: 1 });
    expect(await db().select().from(actors).where(eq(actors.name, 'L ETOILE D AIX'))).toEqual([]);
    const again = await importOf(db(), [association(1, { name: 'L ETOILE D AIX', description: 'Objet révisé' })]);
    expect(again).toMatchObject({ created: 0, queued: 1 });
    const reviews = await pending('W130000001');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ candidateActorId: etoile.id, status: 'pending', runId: again.id, line: 2 });
    const firstPage = { page: 1, pageSize: 50 };
    const queue = await listPendingReviews(db(), animator, firstPage);
    expect(queue.total).toBe(1);
    expect(queue.items.map((r) => [r.organisation.registerId, r.candidate.name])).toEqual([
      ['W130000001', "L'Étoile d'Aix"],
    ]);
    expect(await kindOf(listPendingReviews(db(), member, firstPage))).toBe('forbidden');
    expect(reviews[0]?.organisation).toMatchObject({
      name: 'L ETOILE D AIX',
      description: 'Objet révisé',
      rna: 'W130000001',
    });
  });

  it('accepting merges the organisation into the candidate: its empty fields filled, the record attached', async () => {
    const [review] = await pending('W130000001');
    if (!review) throw new Error('no review');
    expect(await kindOf(acceptMatch(db(), member, review.id))).toBe('forbidden');
    expect(await acceptMatch(db(), animator, review.id)).toBe(review.candidateActorId);
    const [actor] = await db().select().from(actors).where(eq(actors.id, review.candidateActorId));
    expect(actor).toMatchObject({
      name: "L'Étoile d'Aix",
      rna: 'W130000001',
      website: 'https://etoile.example.org',
      description: 'Objet révisé',
    });
    const [decided] = await pending('W130000001');
    expect(decided).toMatchObject({ status: 'accepted', decidedBy: animator.id });
    expect(await kindOf(rejectMatch(db(), animator, review.id))).toBe('conflict');
    // The next import finds the actor by its register record.
    const next = await importOf(db(), [association(1, { name: 'L ETOILE D AIX', description: 'Objet révisé' })]);
    expect(next).toMatchObject({ unchanged: 1, queued: 0, created: 0 });
  });

  it('rejecting creates a new unclaimed actor with the register record', async () => {
    const other = await addActor('Les Jardins Partagés');
    await importOf(db(), [association(3, { name: 'LES JARDINS PARTAGES' })]);
    const [review] = await pending('W130000003');
    if (!review) throw new Error('no review');
    const id = await rejectMatch(db(), animator, review.id);
    expect(id).not.toBe(other.id);
    const [created] = await db().select().from(actors).where(eq(actors.id, id));
    expect(created).toMatchObject({ name: 'LES JARDINS PARTAGES', rna: 'W130000003', communeCode: '13001' });
    const [record] = await db()
      .select()
      .from(actorRegisterRecords)
      .where(eq(actorRegisterRecords.registerId, 'W130000003'));
    expect(record).toMatchObject({ actorId: id, claimedAt: null, status: 'active' });
    expect(await kindOf(rejectMatch(db(), animator, '00000000-0000-0000-0000-000000000000'))).toBe('notFound');
  });

  it('two organisations of one batch with the same name: the second waits for review of the first', async () => {
    // Both have RNA numbers: different organisations, no review.
    const run = await importOf(db(), [
      association(4, { name: 'Club de Pétanque' }),
      association(5, { name: 'CLUB DE PETANQUE' }),
    ]);
    expect(run).toMatchObject({ created: 2, queued: 0 });
    const noRna = await importOf(db(), [
      association(6, { name: 'Amicale des Boulistes', rna: null }),
      association(7, { name: 'AMICALE DES BOULISTES', rna: null }),
    ]);
    expect(noRna).toMatchObject({ created: 1, queued: 1 });
  });
});
