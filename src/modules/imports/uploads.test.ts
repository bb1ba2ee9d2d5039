// Uploaded register files on disk: kept while useful, deleted after their retention, never left half-written.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../accounts/service.js';
import { UploadStore } from './uploads.js';

const animator: CurrentUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'a@test.local',
  displayName: 'A',
  role: 'animator',
  actorId: null,
  locale: 'fr',
};
const hour = 3600_000;

describe('upload store', () => {
  let dir: string;
  let store: UploadStore;
  const names = async () => (await readdir(dir)).sort();
  const save = (text: string, declaredLength: number | null = null) =>
    store.save(animator, { fileName: 'f.csv', body: Readable.from([Buffer.from(text)]), declaredLength });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alliances-uploads-'));
    store = new UploadStore(dir, 100);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps an unused upload a day and one of an unfinished run a week', async () => {
    const unused = await save('a;b\n1;2\n');
    const used = await save('c;d\n3;4\n');
    const stored = await store.find(used.id);
    if (!stored) throw new Error('not stored');
    await store.attach('run-1', [{ upload: stored, role: 'file' }]);
    expect(await store.ofRun('run-1')).toEqual({ file: { ...stored, runId: 'run-1', role: 'file' } });
    const uploadedAt = Date.parse(used.uploadedAt);

    await store.sweep(uploadedAt + 23 * hour);
    expect(await names()).toHaveLength(4);
    await store.sweep(uploadedAt + 25 * hour);
    expect(await names()).toEqual([`${used.id}.data`, `${used.id}.json`]);
    expect(await store.find(unused.id)).toBeNull();
    // The live run's files stay whatever their age.
    await store.sweep(uploadedAt + 8 * 24 * hour, 'run-1');
    expect(await names()).toHaveLength(2);
    await store.sweep(uploadedAt + 8 * 24 * hour);
    expect(await names()).toEqual([]);
  });

  it('removes partial files of broken uploads once stale, and never leaves one behind a refused upload', async () => {
    await writeFile(path.join(dir, 'broken.part'), 'x');
    await store.sweep(Date.now());
    expect(await names()).toEqual(['broken.part']);
    const old = new Date(Date.now() - 25 * hour);
    await utimes(path.join(dir, 'broken.part'), old, old);
    await store.sweep(Date.now());
    expect(await names()).toEqual([]);

    await expect(save('x'.repeat(101))).rejects.toMatchObject({
      issues: [{ field: 'file', code: 'importFileTooLarge' }],
    });
    await expect(save('x', 101)).rejects.toMatchObject({ issues: [{ field: 'file', code: 'importFileTooLarge' }] });
    await expect(save('')).rejects.toMatchObject({ issues: [{ field: 'file', code: 'fileEmpty' }] });
    expect(await names()).toEqual([]);
    expect(await store.find('../etc/passwd')).toBeNull();
  });

  it('is for staff only', async () => {
    await expect(
      store.save({ ...animator, role: 'member' }, { fileName: 'f', body: Readable.from(['x']), declaredLength: 1 }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await names()).toEqual([]);
  });
});
