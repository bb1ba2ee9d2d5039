// The background runs of the admin web imports: a second start while one is live is refused; closing the server in the
// middle of SIRENE's units pass (which yields almost nothing) returns at once and leaves the run failed and resumable,
// and resuming it ends in the rows of an uninterrupted import; a file that cannot be read fails its run, logged, with
// its files kept for a retry.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database, Db } from '../../db/client.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { ImportJobs } from './jobs.js';
import { runImport } from './runs.js';
import { importRuns } from './schema.js';
import { readSirene, type SireneFiles } from './sirene/read.js';
import { establishmentRow, fakeSiren, fakeSiret, unitRow, writeSireneFiles } from './sirene/testing.js';
import type { ImportScope } from './types.js';
import { UploadStore } from './uploads.js';

/** Enough units that reading them all takes far longer than closing should (the wanted ones come last). */
const unitCount = 400_000;
const wanted = 30;
const scope: ImportScope = { communeCodes: null, departement: '13' };

class Lines {
  warnings: string[] = [];
  errors: string[] = [];
  warn = (line: string) => this.warnings.push(line);
  error = (line: string) => this.errors.push(line);
}

async function actorRows(db: Db) {
  return db
    .select({ name: actors.name, siret: actors.siret, siren: actors.siren, communeCode: actors.communeCode })
    .from(actors)
    .orderBy(asc(actors.siret));
}

describe('import jobs', () => {
  let dir: string;
  let files: SireneFiles;
  let database: Database;
  let animator: CurrentUser;

  const upload = async (store: UploadStore, file: string) =>
    store.save(animator, { fileName: path.basename(file), body: createReadStream(file), declaredLength: null });

  /** Waits until the run is no longer live in these jobs. */
  const settled = async (jobs: ImportJobs, id: string) => {
    for (let i = 0; i < 600 && jobs.liveRunId() === id; i++) await new Promise((r) => setTimeout(r, 50));
    const [run] = await database.db.select().from(importRuns).where(eq(importRuns.id, id));
    if (!run) throw new Error('run gone');
    return run;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alliances-jobs-'));
    files = await writeSireneFiles(dir, {
      units: (function* () {
        for (let n = 1; n <= unitCount; n++) yield unitRow(fakeSiren(n));
      })(),
      establishments: (function* () {
        for (let n = unitCount - wanted + 1; n <= unitCount; n++)
          yield establishmentRow(fakeSiret(fakeSiren(n)), '13001');
      })(),
    });
    database = await createTestDatabase();
    animator = (await signedInAs(database.db, 'animator')).user;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stops at once when closed mid-pass, stays resumable, and resuming gives the uninterrupted result', async () => {
    const store = new UploadStore(path.join(dir, 'uploads'), 1024 ** 3);
    const log = new Lines();
    const jobs = new ImportJobs(database.db, store, log);
    const establishments = await upload(store, files.establishments);
    const units = await upload(store, files.units);
    const input = {
      source: 'sirene' as const,
      establishmentsUploadId: establishments.id,
      unitsUploadId: units.id,
      departement: '13',
    };
    const id = await jobs.start(animator, input);
    expect(jobs.liveRunId()).toBe(id);
    // A second start while one is live is refused, naming the request's field.
    await expect(jobs.start(animator, input)).rejects.toMatchObject({
      kind: 'conflict',
      issues: [{ field: 'source', code: 'importBusy' }],
    });
    await expect(jobs.resume(animator, id)).rejects.toMatchObject({ issues: [{ field: 'id', code: 'importBusy' }] });

    // In the units pass, early on: reading the rest would take far longer than closing may.
    const unitsSize = (await stat(files.units)).size;
    for (let i = 0; i < 400; i++) {
      const bytes = jobs.progressOf(id)?.bytesRead ?? 0;
      if (bytes > establishments.size) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const read = jobs.progressOf(id)?.bytesRead ?? 0;
    expect(read).toBeGreaterThan(establishments.size);
    expect(read).toBeLessThan(establishments.size + unitsSize / 4);
    const closing = Date.now();
    await jobs.close();
    expect(Date.now() - closing).toBeLessThan(300);
    expect(jobs.liveRunId() === id).toBe(false);

    const [stopped] = await database.db.select().from(importRuns).where(eq(importRuns.id, id));
    expect(stopped).toMatchObject({ status: 'failed', error: 'Import interrompu par l’arrêt du serveur' });
    expect(log.warnings).toEqual([`import run ${id} stopped with the server, resumable`]);
    expect(log.errors).toEqual([]);
    expect(Object.keys(await store.ofRun(id)).sort()).toEqual(['establishments', 'units']);

    // A new server resumes it from the stored files.
    const next = new ImportJobs(database.db, store, log);
    expect(await next.resume(animator, id)).toBe(id);
    const done = await settled(next, id);
    expect(done).toMatchObject({ status: 'done', created: wanted, error: null });
    expect(await store.ofRun(id)).toEqual({});

    const fresh = await createTestDatabase();
    try {
      const sizes = (await stat(files.establishments)).size + unitsSize;
      await runImport(fresh.db, {
        source: 'sirene',
        fileName: 'x',
        fileHash: 'uninterrupted',
        fileSize: sizes,
        scope,
        items: readSirene(files, scope),
        by: null,
      });
      expect(await actorRows(database.db)).toEqual(await actorRows(fresh.db));
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('fails a run whose file has a bad header, logs it, keeps its files, and lets it be resumed', async () => {
    const store = new UploadStore(path.join(dir, 'uploads-bad'), 1024 ** 3);
    const log = new Lines();
    const jobs = new ImportJobs(database.db, store, log);
    const bad = await store.save(animator, {
      fileName: 'pas-rna.csv',
      body: Readable.from([Buffer.from('nom;ville\nLes Tisserands;Aix\n')]),
      declaredLength: null,
    });
    const id = await jobs.start(animator, { source: 'rna', fileUploadId: bad.id, departement: '13' });
    const failed = await settled(jobs, id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual(expect.any(String));
    expect(log.errors).toEqual([`import run ${id} failed: ${failed.error}`]);
    expect(Object.keys(await store.ofRun(id))).toEqual(['file']);
    // Resumable: the same files, the same failure (nothing was loaded).
    expect(await jobs.resume(animator, id)).toBe(id);
    expect((await settled(jobs, id)).status).toBe('failed');
    expect(log.errors).toHaveLength(2);

    // Its upload stays its own: another run may not take it.
    await expect(
      jobs.start(animator, { source: 'rna', fileUploadId: bad.id, departement: '84' }),
    ).rejects.toMatchObject({ kind: 'conflict', issues: [{ field: 'fileUploadId', code: 'importUploadInUse' }] });
    // A file gone from the disk (its metadata left) cannot be resumed: a conflict naming the route's parameter.
    await rm(store.dataPath(bad.id));
    await expect(jobs.resume(animator, id)).rejects.toMatchObject({
      issues: [{ field: 'id', code: 'importFilesGone' }],
    });
    await expect(
      jobs.start(animator, { source: 'rna', fileUploadId: bad.id, departement: '13' }),
    ).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'fileUploadId', code: 'importUploadUnknown' }] });
    await jobs.close();
  });
});
