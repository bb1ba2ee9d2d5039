// The register imports through the admin web API: the real RNA fixture uploaded, imported in the background, its
// report read back; every bad input answered with a problem naming its field and nothing changed; the review queue.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import { association, itemsFrom, streamOf } from './fixtures.js';
import { fileIdentity } from './hash.js';
import { runImport, storedScope } from './runs.js';
import { importRuns } from './schema.js';
import { UploadStore } from './uploads.js';

const fixture = readFileSync(path.join(import.meta.dirname, 'rna/fixtures/waldec-quirks.csv'));
const maxBytes = 8000;
const base = '/api/v1/imports';

describe('register imports from the web UI', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dataDir: string;
  let animator: SignedIn;
  let member: SignedIn;
  const call = callerOf(() => app);
  const uploadsDir = () => path.join(dataDir, 'imports');
  const files = async () => (await readdir(uploadsDir()).catch(() => [])).sort();
  const runCount = async () => (await database.db.select({ n: count() }).from(importRuns))[0]?.n;

  const upload = async (body: Buffer | Readable, fileName = 'rna_waldec_13.csv', who: SignedIn = animator) => {
    const res = await app.inject({
      method: 'POST',
      url: `${base}/uploads?fileName=${encodeURIComponent(fileName)}`,
      headers: { ...who.headers, 'content-type': 'text/csv' },
      payload: body,
    });
    return { status: res.statusCode, headers: res.headers, body: res.json() };
  };

  /** Polls the run until this server no longer works on it. */
  const settled = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const res = await call(animator, 'GET', `${base}/runs/${id}`);
      if (!res.body.live) return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import run did not settle');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'alliances-imports-'));
    const config = {
      ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }),
      demoData: false,
      importMaxBytes: maxBytes,
    };
    app = await buildApp({ db: database.db, databaseKind: database.kind, config });
    await app.ready();
    animator = await signedInAs(database.db, 'animator');
    member = await signedInAs(database.db, 'member');
    // Named like the fixture's Gardanne line, in Gardanne, without an RNA number: an uncertain match.
    await database.db.insert(actors).values({ family: 'association', name: 'Association 14', communeCode: '13041' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uploads, imports in the background, reports the rejected lines, deletes the file', async () => {
    const up = await upload(fixture);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'rna_waldec_13.csv', size: fixture.length });
    expect(await files()).toEqual([`${up.body.id}.data`, `${up.body.id}.json`]);

    const start = await call(animator, 'POST', `${base}/runs`, {
      source: 'rna',
      fileUploadId: up.body.id,
      territory: 'pays-d-aix',
    });
    expect(start.status).toBe(202);
    const run = await settled(start.body.id);
    expect(run).toMatchObject({
      id: start.body.id,
      source: 'rna',
      fileName: 'rna_waldec_13.csv',
      fileSize: fixture.length,
      status: 'done',
      live: false,
      resumable: false,
      fromCommandLine: false,
      progress: null,
      error: null,
      scope: { territoryId: 'pays-d-aix', territoryName: expect.any(String), departement: null },
    });
    expect(run.counters.rejected).toBeGreaterThan(0);
    expect(run.counters.queued).toBe(1);
    expect(run.counters.created).toBeGreaterThan(0);
    expect(await files()).toEqual([]);

    const all = await call(animator, 'GET', `${base}/runs/${run.id}/rejections?pageSize=200`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(run.counters.rejected);
    const lines = all.body.items.map((r: { line: number }) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(all.body.items).toContainEqual({
      line: 14,
      position: expect.any(Number),
      reason: 'badDate',
      message: 'Date invalide (AAAA-MM-JJ attendu).',
      detail: expect.any(String),
    });
    const second = await call(animator, 'GET', `${base}/runs/${run.id}/rejections?page=2&pageSize=2`);
    expect(second.body).toEqual({ items: all.body.items.slice(2, 4), total: all.body.total });

    const csv = await call(animator, 'GET', `${base}/runs/${run.id}/rejections.csv`);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\ufeffLigne;Motif;Détail\r\n')).toBe(true);
    expect(csv.text).toContain('14;Date invalide (AAAA-MM-JJ attendu).;');

    const list = await call(animator, 'GET', `${base}/runs`);
    expect(list.body.total).toBe(1);
    expect(list.body.liveRunId).toBeNull();
    expect(list.body.items[0]).toEqual(run);
  });

  it('answers bad input with a problem naming the field, and changes nothing', async () => {
    const before = await runCount();
    const up = await upload(fixture);
    const cases: [unknown, string[][], number][] = [
      [
        { source: 'rna', fileUploadId: crypto.randomUUID(), territory: 'pays-d-aix' },
        [['fileUploadId', 'importUploadUnknown']],
        422,
      ],
      [
        { source: 'rna', fileUploadId: up.body.id, territory: 'atlantide' },
        [['territory', 'importUnknownTerritory']],
        422,
      ],
      [
        { source: 'rna', fileUploadId: up.body.id, departement: '99' },
        [['departement', 'importUnknownDepartement']],
        422,
      ],
      [
        { source: 'rna', fileUploadId: up.body.id, territory: 'pays-d-aix', departement: '13' },
        [['departement', 'importScopeOne']],
        400,
      ],
      [{ source: 'rna', fileUploadId: up.body.id }, [['territory', 'importScopeOne']], 400],
      [
        { source: 'sirene', fileUploadId: up.body.id, departement: '13' },
        [
          ['fileUploadId', 'importSireneTwoFiles'],
          ['establishmentsUploadId', 'required'],
          ['unitsUploadId', 'required'],
        ],
        400,
      ],
      [
        { source: 'sirene', establishmentsUploadId: up.body.id, unitsUploadId: up.body.id, departement: '13' },
        [['unitsUploadId', 'importSameFileTwice']],
        400,
      ],
      [
        { source: 'rna', fileUploadId: up.body.id, unitsUploadId: up.body.id, departement: '13' },
        [['unitsUploadId', 'importRnaOneFile']],
        400,
      ],
    ];
    for (const [body, fields, status] of cases) {
      const res = await call(animator, 'POST', `${base}/runs`, body);
      expect([res.status, res.type.split(';')[0], fieldsOf(res.body)]).toEqual([
        status,
        'application/problem+json',
        fields,
      ]);
    }
    expect(await runCount()).toBe(before);
    expect(await files()).toEqual([`${up.body.id}.data`, `${up.body.id}.json`]);

    const unknownRun = await call(animator, 'GET', `${base}/runs/${crypto.randomUUID()}`);
    expect(unknownRun.status).toBe(404);
    expect((await call(member, 'POST', `${base}/runs`, cases[0]?.[0])).status).toBe(403);
    expect((await upload(fixture, 'x.csv', member)).status).toBe(403);
    expect(await files()).toEqual([`${up.body.id}.data`, `${up.body.id}.json`]);
  });

  it('refuses an oversized upload, declared or streamed, without reading it all, and keeps nothing of it', async () => {
    const before = await files();
    const big = Buffer.alloc(maxBytes + 1, 0x61);
    const declared = await upload(big);
    expect([declared.status, declared.headers.connection, fieldsOf(declared.body)]).toEqual([
      413,
      'close',
      [['file', 'importFileTooLarge']],
    ]);
    // Without a length the limit is enforced as the bytes arrive, and the rest is not read: an endless body is
    // answered, and only a little of it was pulled.
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled++;
          yield Buffer.alloc(1000, 0x61);
        }
      })(),
    );
    const streamed = await upload(endless);
    expect([streamed.status, streamed.headers.connection, fieldsOf(streamed.body)]).toEqual([
      413,
      'close',
      [['file', 'importFileTooLarge']],
    ]);
    expect(pulled).toBeLessThan(100);
    expect(streamed.body.errors[0].message).toBe('Le fichier dépasse la taille autorisée (7,8\u00a0ko).');
    const empty = await upload(Buffer.alloc(0));
    expect([empty.status, fieldsOf(empty.body)]).toEqual([422, [['file', 'fileEmpty']]]);
    expect(await files()).toEqual(before);
    const noName = await app.inject({
      method: 'POST',
      url: `${base}/uploads`,
      headers: { ...animator.headers, 'content-type': 'text/csv' },
      payload: fixture,
    });
    expect([noName.statusCode, fieldsOf(noName.json())]).toEqual([400, [['fileName', 'required']]]);
  });

  it('resumes a run its server left running, from the stored file, and then refuses to resume it again', async () => {
    const up = await upload(fixture, 'reprise.csv');
    const store = new UploadStore(uploadsDir(), maxBytes);
    const stored = await store.find(up.body.id);
    if (!stored) throw new Error('upload not stored');
    const identity = { hash: stored.sha256, size: stored.size };
    expect(identity).toEqual(await fileIdentity([store.dataPath(stored.id)]));
    const [left] = await database.db
      .insert(importRuns)
      .values({
        source: 'rna',
        fileName: 'reprise.csv',
        fileHash: identity.hash,
        fileSize: identity.size,
        scope: storedScope({ communeCodes: null, departement: '84' }),
      })
      .returning();
    if (!left) throw new Error('run not inserted');
    await store.attach(left.id, [{ upload: stored, role: 'file' }]);
    const before = await call(animator, 'GET', `${base}/runs/${left.id}`);
    expect(before.body).toMatchObject({ status: 'running', live: false, resumable: true });

    const resumed = await call(animator, 'POST', `${base}/runs/${left.id}/resume`);
    expect([resumed.status, resumed.body]).toEqual([202, { id: left.id }]);
    const run = await settled(left.id);
    expect(run).toMatchObject({ status: 'done', resumable: false, scope: { departement: '84', territoryId: null } });
    expect(run.itemsDone).toBeGreaterThan(0);
    expect(await store.ofRun(left.id)).toEqual({});

    const again = await call(animator, 'POST', `${base}/runs/${left.id}/resume`);
    expect([again.status, fieldsOf(again.body)]).toEqual([409, [['id', 'importRunDone']]]);
  });

  it('shows the review queue side by side, and accepts or rejects through the routes', async () => {
    // A second uncertain match, queued by an import of generated items.
    await database.db.insert(actors).values({ family: 'association', name: 'Les Tisserands', communeCode: '13001' });
    await runImport(database.db, {
      source: 'rna',
      fileName: 'rna.csv',
      fileHash: 'web-review',
      fileSize: 1,
      scope: { communeCodes: new Set(['13001']), departement: null },
      items: streamOf(itemsFrom([association(7, { name: 'LES TISSERANDS' })])),
      by: null,
    });
    const queue = await call(animator, 'GET', `${base}/reviews`);
    expect(queue.status).toBe(200);
    expect(queue.body.items).toHaveLength(2);
    expect(queue.body.total).toBe(2);
    // Page by page, with the total.
    const secondPage = await call(animator, 'GET', `${base}/reviews?page=2&pageSize=1`);
    expect(secondPage.body).toEqual({ items: [queue.body.items[1]], total: 2 });
    const [gardanne, tisserands] = queue.body.items;
    expect(gardanne).toMatchObject({
      source: 'rna',
      organisation: { name: 'ASSOCIATION 14', communeCode: '13041', communeName: 'Gardanne', rna: expect.any(String) },
      candidate: { name: 'Association 14', communeCode: '13041', communeName: 'Gardanne', rna: null },
    });
    expect(tisserands.candidate.name).toBe('Les Tisserands');
    expect((await call(member, 'GET', `${base}/reviews`)).status).toBe(403);

    // Two animators accept the same match at once: one merges, the other is told it is already decided.
    const both = await Promise.all([
      call(animator, 'POST', `${base}/reviews/${gardanne.id}/accept`),
      call(animator, 'POST', `${base}/reviews/${gardanne.id}/accept`),
    ]);
    const [accepted, refused] = both.sort((a, b) => a.status - b.status);
    expect(accepted).toMatchObject({ status: 200, body: { actorId: gardanne.candidate.id } });
    expect([refused?.status, fieldsOf(refused?.body)]).toEqual([409, [['review', 'importReviewDecided']]]);
    const [merged] = await database.db.select().from(actors).where(eq(actors.id, gardanne.candidate.id));
    expect(merged?.rna).toBe(gardanne.organisation.rna);

    const rejected = await call(animator, 'POST', `${base}/reviews/${tisserands.id}/reject`);
    expect(rejected.status).toBe(200);
    expect(rejected.body.actorId).not.toBe(tisserands.candidate.id);
    const [created] = await database.db.select().from(actors).where(eq(actors.id, rejected.body.actorId));
    expect(created?.name).toBe('LES TISSERANDS');

    expect((await call(animator, 'GET', `${base}/reviews`)).body).toEqual({ items: [], total: 0 });
    const twice = await call(animator, 'POST', `${base}/reviews/${gardanne.id}/reject`);
    expect([twice.status, fieldsOf(twice.body)]).toEqual([409, [['review', 'importReviewDecided']]]);
    expect((await call(animator, 'POST', `${base}/reviews/${crypto.randomUUID()}/accept`)).status).toBe(404);
  });

  it('streams a rejections CSV of several read batches, every line once, in order', async () => {
    const count = 5003; // past one batch of 5000 rows
    const run = await runImport(database.db, {
      source: 'rna',
      fileName: 'rejets.csv',
      fileHash: 'web-many-rejections',
      fileSize: 1,
      scope: { communeCodes: new Set(['13001']), departement: null },
      items: streamOf(itemsFrom(Array.from({ length: count }, () => ({ rejected: 'invalidRna' })))),
      by: null,
    });
    // Loaded as the command line does (no user, no uploaded files): the pages say so rather than "stopped".
    expect((await call(animator, 'GET', `${base}/runs/${run.id}`)).body).toMatchObject({
      fromCommandLine: true,
      resumable: false,
    });
    const csv = await call(animator, 'GET', `${base}/runs/${run.id}/rejections.csv`);
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('\ufeffLigne;Motif;Détail');
    expect(lines.at(-1)).toBe('');
    const numbers = lines.slice(1, -1).map((l) => Number(l.split(';')[0]));
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 2));
  });
});
