// Register files uploaded from the admin web UI, kept on disk under DATA_DIR/imports until their run is done: the
// registers weigh gigabytes, so a file is streamed to disk as it arrives (never held in memory), its size checked and
// its SHA-256 computed as it grows (starting a run then needs no second pass over gigabytes). Beside each file
// `<id>.data`, a small `<id>.json` says its name, size, hash, when it came and, once a run uses it, which run and as
// which file (what resuming after a server restart reads). Nothing of the contents is logged.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid, tooLarge } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { requireStaff } from '../actors/visibility.js';
import { formatBytes } from './bytes.js';
import type { UploadView } from './contract.js';

/** Which file of a run an upload is: the RNA's one file, or SIRENE's two. */
export type UploadRole = 'file' | 'establishments' | 'units';

export interface StoredUpload extends UploadView {
  /** SHA-256 of the file, hex, computed as it arrived. */
  sha256: string;
  runId: string | null;
  role: UploadRole | null;
}

/** Unused uploads are deleted after a day; those of an unfinished run after a week (time enough to resume it). */
const unusedRetentionMs = 24 * 3600_000;
const unfinishedRetentionMs = 7 * 24 * 3600_000;

const idPattern = /^[0-9a-f-]{36}$/;

export class UploadStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  dataPath(id: string) {
    return path.join(this.dir, `${id}.data`);
  }

  private metaPath(id: string) {
    return path.join(this.dir, `${id}.json`);
  }

  /**
   * Streams a request body to disk. Refused without reading when its declared length exceeds the limit, stopped as
   * soon as it does otherwise (the body is left unread: the caller closes the connection rather than drain an unbounded
   * body); a refused or broken upload leaves no file behind. Staff only.
   */
  async save(
    by: CurrentUser | null,
    input: { fileName: string; body: Readable; declaredLength: number | null },
  ): Promise<UploadView> {
    requireStaff(by);
    const max = formatBytes(this.maxBytes);
    const refused = () => tooLarge([{ field: 'file', code: 'importFileTooLarge', params: { max } }]);
    if (input.declaredLength !== null && input.declaredLength > this.maxBytes) throw refused();
    await mkdir(this.dir, { recursive: true });
    const id = randomUUID();
    const partial = path.join(this.dir, `${id}.part`);
    let size = 0;
    const hash = createHash('sha256');
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) return done(refused());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // The request is piped rather than part of the pipeline: a refused upload must not destroy the request's stream
    // here (the connection would close before the problem is sent); the route closes it once the answer is sent.
    const written = pipeline(counter, createWriteStream(partial));
    input.body.on('error', (error) => counter.destroy(error));
    input.body.pipe(counter);
    try {
      await written;
      if (size === 0) throw invalid([{ field: 'file', code: 'fileEmpty' }]);
    } catch (error) {
      input.body.unpipe(counter);
      input.body.pause();
      await rm(partial, { force: true });
      throw error;
    }
    const stored: StoredUpload = {
      id,
      fileName: input.fileName,
      size,
      sha256: hash.digest('hex'),
      uploadedAt: new Date().toISOString(),
      runId: null,
      role: null,
    };
    await rename(partial, this.dataPath(id));
    await this.write(stored);
    return { id, fileName: stored.fileName, size, uploadedAt: stored.uploadedAt };
  }

  /** An upload whose file is still there, or null. */
  async find(id: string): Promise<StoredUpload | null> {
    if (!idPattern.test(id)) return null;
    try {
      return JSON.parse(await readFile(this.metaPath(id), 'utf8')) as StoredUpload;
    } catch {
      return null;
    }
  }

  /** Whether an upload's file is still on disk with the size it came with (its metadata may outlive it). */
  async intact(upload: StoredUpload): Promise<boolean> {
    const info = await stat(this.dataPath(upload.id)).catch(() => null);
    return info?.size === upload.size;
  }

  /** Records that a run reads these uploads, each as its role. */
  async attach(runId: string, uploads: { upload: StoredUpload; role: UploadRole }[]) {
    for (const { upload, role } of uploads) await this.write({ ...upload, runId, role });
  }

  /** The uploads a run reads, by role. */
  async ofRun(runId: string): Promise<Partial<Record<UploadRole, StoredUpload>>> {
    const found: Partial<Record<UploadRole, StoredUpload>> = {};
    for (const upload of await this.all()) if (upload.runId === runId && upload.role) found[upload.role] = upload;
    return found;
  }

  /** The ids of the runs whose files are still here (those that may be resumed). */
  async runsWithFiles(): Promise<Set<string>> {
    return new Set((await this.all()).flatMap((u) => (u.runId ? [u.runId] : [])));
  }

  async remove(ids: string[]) {
    for (const id of ids) {
      await rm(this.dataPath(id), { force: true });
      await rm(this.metaPath(id), { force: true });
    }
  }

  /** Deletes the uploads past their retention, and partial files of uploads that broke off a day ago. */
  async sweep(now = Date.now(), keepRunId: string | null = null) {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const upload of await this.all()) {
      if (upload.runId !== null && upload.runId === keepRunId) continue;
      const age = now - Date.parse(upload.uploadedAt);
      if (age > (upload.runId ? unfinishedRetentionMs : unusedRetentionMs)) await this.remove([upload.id]);
    }
    // A partial file is an upload still arriving, or one whose server stopped mid-way.
    for (const name of names.filter((n) => n.endsWith('.part'))) {
      const info = await stat(path.join(this.dir, name)).catch(() => null);
      if (info && now - info.mtimeMs > unusedRetentionMs) await rm(path.join(this.dir, name), { force: true });
    }
  }

  private async all(): Promise<StoredUpload[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const uploads = await Promise.all(
      names.filter((n) => n.endsWith('.json')).map((n) => this.find(n.slice(0, -'.json'.length))),
    );
    return uploads.filter((u): u is StoredUpload => u !== null);
  }

  private async write(upload: StoredUpload) {
    await writeFile(this.metaPath(upload.id), JSON.stringify(upload));
  }
}
