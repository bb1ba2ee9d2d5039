// The crash test, in process: a run whose stream breaks after some batches, then the same file again, must end in
// exactly the rows of an uninterrupted run on a fresh database (the kill -9 child-process test comes with the CLI).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { actors } from '../actors/schema.js';
import { aixScope, association, itemsFrom, streamOf } from './fixtures.js';
import { runImport } from './runs.js';
import { importRuns } from './schema.js';
import type { RegisterItem } from './types.js';

/**
 * 60 lines with every case: creations, rejections, skips, dead bodies, same-name pairs, merges, reviews; yielded like
 * the SIRENE reader does, line numbers not in order (skips and rejections first, then the organisations).
 */
const lines = itemsFrom(
  Array.from({ length: 60 }, (_, i) => {
    if (i % 11 === 3) return { rejected: 'invalidRna' };
    if (i % 13 === 5) return { skipped: 'outOfScope' as const };
    if (i % 17 === 7) return association(i, { status: 'dissolved' });
    if (i % 9 === 2) return association(i, { name: `Maison commune ${i % 4}`, rna: null, registerId: `X${i}` });
    if (i === 40) return association(1000, { name: 'Déjà Là' });
    if (i === 41) return association(41, { name: "L'Ancienne" });
    return association(i, { themes: i % 2 ? ['solidarity'] : [] });
  }),
);
const items = [...lines.filter((i) => i.kind !== 'organisation'), ...lines.filter((i) => i.kind === 'organisation')];

/** Actors the directory already holds: one with an RNA of the file, one with a name of the file. */
async function seed(db: Db) {
  await db.insert(actors).values([
    {
      family: 'association',
      name: 'Déjà Là',
      rna: 'W130001000',
      communeCode: '13001',
      website: 'https://la.example.org',
    },
    { family: 'association', name: "l'ancienne", communeCode: '13001' },
  ]);
}

const options = (db: Db, stream: AsyncIterable<RegisterItem>) =>
  runImport(db, {
    source: 'rna',
    fileName: 'rna.csv',
    fileHash: 'same-file',
    fileSize: 4242,
    scope: aixScope,
    items: stream,
    by: null,
    batchSize: 7,
  });

async function* breakingAfter(n: number) {
  yield* streamOf(items.slice(0, n));
  throw new Error('killed');
}

/** Every row the import writes, without generated ids and times, sorted. */
async function snapshot(db: Db) {
  return {
    actors: await rowsOf(
      db,
      sql`SELECT family, name, rna, siren, siret, address, postal_code, commune_code, website, description, themes,
        company_size FROM actors ORDER BY name, rna`,
    ),
    records: await rowsOf(
      db,
      sql`SELECT r.source, r.register_id, r.status, r.values, r.claimed_at, a.name AS actor
        FROM actor_register_records r JOIN actors a ON a.id = r.actor_id ORDER BY r.register_id`,
    ),
    history: await rowsOf(
      db,
      sql`SELECT a.name, a.rna, h.action, h.changes FROM actor_history h JOIN actors a ON a.id = h.actor_id
        ORDER BY a.name, a.rna, h.changes::text`,
    ),
    rejections: await rowsOf(db, sql`SELECT position, line, reason, detail FROM import_rejections ORDER BY position`),
    reviews: await rowsOf(
      db,
      sql`SELECT v.line, v.register_id, v.status, v.organisation, a.name AS candidate
        FROM import_match_reviews v JOIN actors a ON a.id = v.candidate_actor_id ORDER BY v.register_id`,
    ),
    runs: await rowsOf(
      db,
      sql`SELECT status, items_done, created, updated, unchanged, skipped, rejected, merged, queued, error
        FROM import_runs`,
    ),
  };
}

/** The final state after crashes after the given numbers of items; `cursors` receives the run's cursor after each. */
async function finalState(crashes: number[], killed: boolean, cursors: number[] = []) {
  const database = await createTestDatabase();
  try {
    await seed(database.db);
    for (const n of crashes) {
      await expect(options(database.db, breakingAfter(n))).rejects.toThrow('killed');
      const [run] = await database.db.select({ itemsDone: importRuns.itemsDone }).from(importRuns);
      cursors.push(run?.itemsDone ?? -1);
      // kill -9 leaves the run "running" without an error: the next run must resume it all the same.
      if (killed) await database.db.update(importRuns).set({ status: 'running', error: null });
    }
    await options(database.db, streamOf(items));
    return await snapshot(database.db);
  } finally {
    await database.close();
  }
}

describe('resuming an interrupted import', () => {
  it('ends in exactly the rows of an uninterrupted run, whatever the point of the crash', async () => {
    const reference = await finalState([], false);
    expect(reference.runs).toEqual([
      expect.objectContaining({ status: 'done', items_done: 60, rejected: 6, merged: 1, queued: 2 }),
    ]);
    expect(reference.actors.length).toBeGreaterThan(40);
    expect(reference.history.length).toBe(reference.actors.length - 1); // the seeded actor without merge has none
    // A batch ends after 7 lines to write (skipped lines do not count): the items above end batches after 12, 19, 26,
    // 33, 40… Mid-batch (17, 14, the cursor then on the last boundary before), on a boundary (19: the crash comes when
    // the next item is read, the batch just cut committed), and twice in a row (9, then 40 as after kill -9).
    const cursors: number[] = [];
    expect(await finalState([17], false, cursors)).toEqual(reference);
    expect(await finalState([14], false, cursors)).toEqual(reference);
    expect(await finalState([19], false, cursors)).toEqual(reference);
    expect(await finalState([9, 40], true, cursors)).toEqual(reference);
    expect(cursors).toEqual([12, 12, 19, 0, 40]);
  });
});
