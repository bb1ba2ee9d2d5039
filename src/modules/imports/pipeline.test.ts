// The RNA reader's items through the loader: generated files of the register's layouts and the hand-made quirks file
// load without the loader rejecting what the reader accepted, and a second run of the same file changes nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { readRna } from './rna/read.js';
import { everywhere, generatedRows, writeRnaFile } from './rna/testing.js';
import { type ImportRun, runImport } from './runs.js';
import type { RegisterItem } from './types.js';

/** Every item lands in exactly one counter. */
const accounted = (r: ImportRun) => r.created + r.merged + r.queued + r.updated + r.unchanged + r.skipped + r.rejected;

describe('RNA files through the loader', () => {
  let database: Database;
  let dir: string;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'alliances-pipeline-'));
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const load = (file: string, fileHash: string) =>
    runImport(db(), {
      source: 'rna',
      fileName: path.basename(file),
      fileHash,
      fileSize: 1,
      scope: everywhere,
      items: readRna(file, everywhere),
      by: null,
      batchSize: 50,
    });

  const readerRejections = async (file: string) => {
    let n = 0;
    for await (const item of readRna(file, everywhere) as AsyncIterable<RegisterItem>)
      if (item.kind === 'rejected') n++;
    return n;
  };

  for (const layout of ['waldec', 'import'] as const) {
    it(`loads a generated ${layout} file, then finds it unchanged`, async () => {
      const file = path.join(dir, `${layout}.csv`);
      await writeRnaFile(file, generatedRows(layout, 300), { layout });
      const first = await load(file, `${layout}-1`);
      expect(first.status).toBe('done');
      expect(first.itemsDone).toBe(300);
      // Everything the reader accepted is loaded: the loader's own checks (contract, communes) reject nothing more.
      expect(first.rejected).toBe(await readerRejections(file));
      // The second layout meets the first's associations (same RNA numbers): updates or unchanged, not creations.
      expect(accounted(first)).toBe(300);
      expect(first.created + first.updated + first.unchanged).toBeGreaterThan(200);
      const again = await load(file, `${layout}-2`);
      expect(again).toMatchObject({
        created: 0,
        updated: 0,
        merged: 0,
        unchanged: first.created + first.merged + first.updated + first.unchanged,
      });
    });
  }

  it('loads the quirks fixture with every line accounted for', async () => {
    const file = path.join(import.meta.dirname, 'rna', 'fixtures', 'waldec-quirks.csv');
    const run = await load(file, 'quirks');
    expect(run.status).toBe('done');
    const [{ n } = { n: -1 }] = await rowsOf<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM import_rejections WHERE run_id = ${run.id}`,
    );
    expect(n).toBe(run.rejected);
    expect(accounted(run)).toBe(run.itemsDone);
  });
});
