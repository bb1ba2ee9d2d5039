// Import runs started from the admin web UI: the same runImport as the command line, in the background of the server
// process, one at a time. The run's counters and cursor are in the database (runs.ts commits them batch by batch);
// what only the live process knows — bytes read, rate, time left — is kept here in memory. Stopping the server aborts
// the live run at once, even inside a pass over a file that yields nothing (the readers' streams take the signal;
// runImport marks the run failed); a run stopped that way, or left 'running' by a killed server, is resumed from its
// stored files: runImport finds it by the files' identity and scope and goes on after its cursor.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { requireStaff } from '../actors/visibility.js';
import { type LiveProgress, type StartRunInput, startRunBody } from './contract.js';
import { combineIdentities, type FileIdentity } from './hash.js';
import { readRna } from './rna/read.js';
import { findUnfinishedRun, type ImportRun, runImport, storedScope } from './runs.js';
import { importRuns, type StoredScope } from './schema.js';
import { resolveScope, ScopeError } from './scope.js';
import { readSirene } from './sirene/read.js';
import type { ImportScope, RegisterItem, RegisterSource } from './types.js';
import type { StoredUpload, UploadRole, UploadStore } from './uploads.js';

interface Live {
  runId: string;
  totalBytes: number;
  bytes: number;
  /** The cursor when this process took the run (a resumed run's earlier items are left out of the rate). */
  startItems: number;
  items: number;
  startedAt: number;
  abort: AbortController;
  done: Promise<void>;
}

/** The files a source reads, in the order fileIdentity hashes them (the command line's order). */
const rolesOf: Record<RegisterSource, UploadRole[]> = { rna: ['file'], sirene: ['establishments', 'units'] };

const fieldOfRole: Record<UploadRole, string> = {
  file: 'fileUploadId',
  establishments: 'establishmentsUploadId',
  units: 'unitsUploadId',
};

/** What the jobs need of a logger (Fastify's `app.log` fits): a run's id and an error's message, never any content. */
export interface ImportLog {
  warn(message: string): void;
  error(message: string): void;
}

const stoppedMessage = 'Import interrompu par l’arrêt du serveur';

/**
 * Stops at the next item once the server is closing (the readers stop within a chunk, see launch), and tells the
 * reason in words rather than as the stream's AbortError; runImport then marks the run failed (resumable).
 */
async function* abortable(items: AsyncIterable<RegisterItem>, signal: AbortSignal): AsyncGenerator<RegisterItem> {
  try {
    for await (const item of items) {
      signal.throwIfAborted();
      yield item;
    }
  } catch (error) {
    throw signal.aborted ? new Error(stoppedMessage) : error;
  }
}

const identityOf = (files: StoredUpload[]): FileIdentity =>
  combineIdentities(files.map((f) => ({ hash: f.sha256, size: f.size })));

const hour = 3600_000;

const scopeOf = (stored: StoredScope): ImportScope => ({
  communeCodes: stored.communeCodes ? new Set(stored.communeCodes) : null,
  departement: stored.departement,
});

export class ImportJobs {
  private live: Live | null = null;
  /** Set while a start or resume is being checked, so that two requests never start two runs. */
  private starting = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    readonly uploads: UploadStore,
    private readonly log: ImportLog,
  ) {}

  /** Deletes the uploads past their retention now and every hour until close, never the live run's. */
  startSweeping() {
    const sweep = () =>
      this.uploads
        .sweep(Date.now(), this.live?.runId ?? null)
        .catch((error) => this.log.error(`import uploads sweep failed: ${messageOf(error)}`));
    void sweep();
    this.sweeper = setInterval(sweep, hour);
    this.sweeper.unref();
  }

  /** Checks the request, then starts the run in the background; returns its id (a resumed run's when it is one). */
  async start(by: CurrentUser | null, input: StartRunInput): Promise<string> {
    requireStaff(by);
    const body = parseInput(startRunBody, input);
    return this.exclusively('source', async () => {
      const chosen: { upload: StoredUpload; role: UploadRole }[] = [];
      const missing: string[] = [];
      for (const role of rolesOf[body.source]) {
        const id = body[fieldOfRole[role] as 'fileUploadId'] as string;
        const upload = await this.uploads.find(id);
        if (upload && (await this.uploads.intact(upload))) chosen.push({ upload, role });
        else missing.push(fieldOfRole[role]);
      }
      if (missing.length) throw invalid(missing.map((field) => ({ field, code: 'importUploadUnknown' })));
      let scope: ImportScope;
      try {
        scope = await resolveScope(
          this.db,
          body.territory ? { territory: body.territory } : { departement: body.departement ?? '' },
        );
      } catch (error) {
        if (!(error instanceof ScopeError)) throw error;
        throw invalid([
          body.territory
            ? { field: 'territory', code: 'importUnknownTerritory' }
            : { field: 'departement', code: 'importUnknownDepartement' },
        ]);
      }
      const files = chosen.map((c) => c.upload);
      // Hashed as they arrived: the answer comes at once, whatever the files weigh.
      const run = await this.runFor(body.source, chosen, identityOf(files), scope, by.id);
      await this.uploads.attach(run.id, chosen);
      this.launch(run, files, scope, by.id);
      return run.id;
    });
  }

  /** Resumes an unfinished run that is not live, from its stored files. */
  async resume(by: CurrentUser | null, runId: string): Promise<string> {
    requireStaff(by);
    return this.exclusively('id', async () => {
      const [run] = await this.db.select().from(importRuns).where(eq(importRuns.id, runId));
      if (!run) throw notFound('Import');
      if (run.status === 'done') throw conflict('Cet import est terminé', [{ field: 'id', code: 'importRunDone' }]);
      const byRole = await this.uploads.ofRun(runId);
      const files = rolesOf[run.source].map((role) => byRole[role]);
      const intact = await Promise.all(files.map((f) => (f ? this.uploads.intact(f) : false)));
      if (intact.includes(false)) {
        throw conflict('Fichiers de l’import supprimés', [{ field: 'id', code: 'importFilesGone' }]);
      }
      const present = files as StoredUpload[];
      // The stored hashes, computed from the very bytes written, and each file's size on disk: only this server writes
      // these files, so a truncated or replaced one shows in its size, and resuming needs no pass over gigabytes.
      const identity = identityOf(present);
      if (identity.hash !== run.fileHash || identity.size !== run.fileSize) {
        throw conflict('Fichiers de l’import modifiés', [{ field: 'id', code: 'importFilesChanged' }]);
      }
      this.launch(run, present, scopeOf(run.scope), by.id);
      return run.id;
    });
  }

  /** The live run's progress, if this run is the live one. */
  progressOf(runId: string, now = Date.now()): LiveProgress | null {
    const live = this.live;
    if (live?.runId !== runId) return null;
    const seconds = (now - live.startedAt) / 1000;
    const byteRate = seconds > 0 ? live.bytes / seconds : 0;
    return {
      bytesRead: live.bytes,
      totalBytes: live.totalBytes,
      itemsPerSecond: seconds > 0 ? Math.round(((live.items - live.startItems) / seconds) * 10) / 10 : 0,
      secondsLeft: byteRate > 0 ? Math.round((live.totalBytes - live.bytes) / byteRate) : null,
    };
  }

  /** The run this server works on now, if any. */
  liveRunId(): string | null {
    return this.live?.runId ?? null;
  }

  /** Aborts the live run (it stays resumable) and waits until runImport has recorded it. */
  async close() {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    const live = this.live;
    if (!live) return;
    live.abort.abort();
    await live.done;
  }

  /** Runs a start or a resume unless a run is live or being started (409 naming `field`, the request's). */
  private async exclusively<T>(field: string, work: () => Promise<T>): Promise<T> {
    if (this.live || this.starting) {
      throw conflict('Un import est déjà en cours', [{ field, code: 'importBusy' }]);
    }
    this.starting = true;
    try {
      return await work();
    } finally {
      this.starting = false;
    }
  }

  /**
   * The run runImport will work on, so that its id can be answered at once: the oldest unfinished run of these files
   * and scope (the one runImport resumes), else a new one that runImport then takes as unfinished.
   */
  private async runFor(
    source: RegisterSource,
    chosen: { upload: StoredUpload; role: UploadRole }[],
    identity: FileIdentity,
    scope: ImportScope,
    userId: string,
  ): Promise<ImportRun> {
    const unfinished = await findUnfinishedRun(this.db, source, identity, scope);
    // An upload another unfinished run reads stays that run's (its only way to be resumed).
    const taken = chosen.find((c) => c.upload.runId !== null && c.upload.runId !== unfinished?.id);
    if (taken) {
      throw conflict('Fichier déjà utilisé par un autre import', [
        { field: fieldOfRole[taken.role], code: 'importUploadInUse' },
      ]);
    }
    if (unfinished) return unfinished;
    const [created] = await this.db
      .insert(importRuns)
      .values({
        source,
        fileName: chosen.map((c) => c.upload.fileName).join(' + '),
        fileHash: identity.hash,
        fileSize: identity.size,
        scope: storedScope(scope),
        startedBy: userId,
      })
      .returning();
    if (!created) throw new Error('import run not created');
    return created;
  }

  private launch(run: ImportRun, files: StoredUpload[], scope: ImportScope, userId: string) {
    const abort = new AbortController();
    const live: Live = {
      runId: run.id,
      totalBytes: run.fileSize,
      bytes: 0,
      startItems: run.itemsDone,
      items: run.itemsDone,
      startedAt: Date.now(),
      abort,
      done: Promise.resolve(),
    };
    const onBytes = (n: number) => {
      live.bytes = n;
    };
    const paths = files.map((f) => this.uploads.dataPath(f.id));
    const options = { onBytes, signal: abort.signal };
    const items =
      run.source === 'rna'
        ? readRna(paths[0] as string, scope, options)
        : readSirene({ establishments: paths[0] as string, units: paths[1] as string }, scope, options);
    live.done = runImport(this.db, {
      source: run.source,
      fileName: run.fileName,
      fileHash: run.fileHash,
      fileSize: run.fileSize,
      scope,
      items: abortable(items, abort.signal),
      by: { id: userId },
      onProgress: (r) => {
        live.items = r.itemsDone;
      },
    })
      // Done: the report is in the database, the files are no longer needed.
      .then(() => this.uploads.remove(files.map((f) => f.id)))
      // runImport has marked the run failed with the error's message; its files stay for resuming. The log line says
      // which run and why, never the files' content.
      .catch((error) => {
        if (abort.signal.aborted) this.log.warn(`import run ${run.id} stopped with the server, resumable`);
        else this.log.error(`import run ${run.id} failed: ${messageOf(error)}`);
      })
      .finally(() => {
        if (this.live === live) this.live = null;
      });
    this.live = live;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'imports');
