// An import run: reads any stream of register items (the RNA or SIRENE readers, or generated ones in tests) and loads
// it in batches, each ONE transaction that writes its organisations (load.ts), its rejected lines, the run's counters
// and the resume cursor `items_done` together. A crash at any point (even kill -9) therefore leaves the database as
// after some whole batch; running the same file again with the same scope resumes that run after its cursor, with the
// same batch boundaries, and ends in exactly the state of an uninterrupted run. The cursor counts the stream's items
// (a reader yields the same items in the same order for the same file and scope), so readers may yield line numbers
// in any order. Nothing about the lines is logged.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { actorInput } from '../actors/contract.js';
import { communes, themes } from '../reference/schema.js';
import { type BatchCounts, batchRow, loadRound, lockRegisterWrites } from './load.js';
import { splitRounds } from './rounds.js';
import { importRejections, importRuns, type StoredScope } from './schema.js';
import type { ImportScope, RegisterItem, RegisterOrganisation, RegisterSource, Rejection } from './types.js';

export type ImportRun = typeof importRuns.$inferSelect;
export type Counters = Pick<
  ImportRun,
  'created' | 'updated' | 'unchanged' | 'skipped' | 'rejected' | 'merged' | 'queued'
>;

export interface ImportOptions {
  source: RegisterSource;
  fileName: string;
  /** SHA-256 of the file, hex: with the size, what identifies "the same file" for resuming. */
  fileHash: string;
  fileSize: number;
  scope: ImportScope;
  /** The same items in the same order for the same file and scope (what resuming relies on). */
  items: AsyncIterable<RegisterItem>;
  /** The user who started it (null from the command line). */
  by: { id: string } | null;
  /**
   * Lines to write (organisations and rejected lines) per batch, 2 000 by default; a batch also ends after
   * `itemsPerBatch` items, whatever they are (skipped lines cost a counter each: a national file read for one
   * territory would otherwise make a transaction of little more than the cursor every few thousand lines).
   */
  batchSize?: number;
  onProgress?: (run: ImportRun) => void;
}

export const storedScope = (scope: ImportScope): StoredScope => ({
  communeCodes: scope.communeCodes ? [...scope.communeCodes].sort() : null,
  departement: scope.departement,
});

/** The limits of the actors' contract that register texts may exceed: cut rather than the line rejected. */
const limits = { name: 200, address: 300, description: 5000, themes: 20 };

/** Fields a register may get wrong without the organisation being unusable: left empty rather than the line rejected. */
const droppable = new Set(['website', 'postalCode', 'address']);

/** What the database checks with foreign keys, checked per line so that a bad line never fails its batch. */
interface References {
  communes: ReadonlySet<string>;
  themes: ReadonlySet<string>;
}

async function loadReferences(db: Db): Promise<References> {
  const [c, t] = await Promise.all([
    db.select({ code: communes.code }).from(communes),
    db.select({ id: themes.id }).from(themes),
  ]);
  return { communes: new Set(c.map((r) => r.code)), themes: new Set(t.map((r) => r.id)) };
}

const contractIssues = (o: RegisterOrganisation) =>
  actorInput.safeParse({
    family: o.family,
    name: o.name,
    rna: o.rna,
    siren: o.siren,
    siret: o.siret,
    address: o.address,
    postalCode: o.postalCode,
    communeCode: o.communeCode,
    website: o.website,
    description: o.description,
    themes: o.themes,
    companySize: o.family === 'company' ? o.companySize : null,
  });

/**
 * The organisation as the directory may store it (the actors' own contract holds, so that the imported profile can
 * be edited and saved as is), or the reason its line is rejected, naming the field, never its value.
 */
function prepare(
  refs: References,
  line: number,
  o: RegisterOrganisation,
): { organisation: RegisterOrganisation } | Rejection {
  let data: RegisterOrganisation = {
    ...o,
    name: o.name.trim().slice(0, limits.name),
    address: o.address?.trim().slice(0, limits.address) || null,
    description: o.description.trim().slice(0, limits.description),
    themes: [...new Set(o.themes.filter((t) => refs.themes.has(t)))].sort().slice(0, limits.themes),
  };
  let parsed = contractIssues(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const fatal = issues.find((i) => !droppable.has(String(i.path[0])));
    if (fatal) return { line, reason: fatal.message, detail: fatal.path.join('.') };
    data = { ...data, ...Object.fromEntries(issues.map((i) => [String(i.path[0]), null])) };
    parsed = contractIssues(data);
    if (!parsed.success) throw new Error('register data still invalid once emptied');
  }
  if (data.communeCode && !refs.communes.has(data.communeCode)) {
    return { line, reason: 'unknownCommune', detail: 'communeCode' };
  }
  const { rna, siren, siret, website, postalCode } = parsed.data;
  return { organisation: { ...data, rna, siren, siret, website: website ?? null, postalCode: postalCode ?? null } };
}

/** The unfinished run of this file and scope (running: killed; failed: stopped by an error), or a new one. */
/**
 * The unfinished run of these files and scope, the oldest one: the run an import of them resumes (the web UI asks it
 * before starting, to answer with the run's id at once).
 */
export async function findUnfinishedRun(
  db: Db,
  source: RegisterSource,
  identity: { hash: string; size: number },
  scope: ImportScope,
): Promise<ImportRun | undefined> {
  const [unfinished] = await db
    .select()
    .from(importRuns)
    .where(
      and(
        eq(importRuns.source, source),
        eq(importRuns.fileHash, identity.hash),
        eq(importRuns.fileSize, identity.size),
        sql`${importRuns.scope} = ${JSON.stringify(storedScope(scope))}::jsonb`,
        inArray(importRuns.status, ['running', 'failed']),
      ),
    )
    .orderBy(importRuns.startedAt)
    .limit(1);
  return unfinished;
}

async function resumeOrStart(db: Db, o: ImportOptions): Promise<ImportRun> {
  const scope = storedScope(o.scope);
  const unfinished = await findUnfinishedRun(db, o.source, { hash: o.fileHash, size: o.fileSize }, o.scope);
  if (unfinished) {
    const [row] = await db
      .update(importRuns)
      .set({ status: 'running', error: null })
      .where(eq(importRuns.id, unfinished.id))
      .returning();
    return row ?? unfinished;
  }
  const [row] = await db
    .insert(importRuns)
    .values({
      source: o.source,
      fileName: o.fileName,
      fileHash: o.fileHash,
      fileSize: o.fileSize,
      scope,
      startedBy: o.by?.id ?? null,
    })
    .returning();
  if (!row) throw new Error('import run not created');
  return row;
}

/** An item with its 1-based position in the stream, checked against the contract (prepare) before its batch. */
type Prepared =
  | { position: number; kind: 'skipped' }
  | { position: number; kind: 'rejected'; rejection: Rejection }
  | { position: number; kind: 'organisation'; line: number; organisation: RegisterOrganisation };

function prepareItem(refs: References, position: number, item: RegisterItem): Prepared {
  if (item.kind === 'skipped') return { position, kind: 'skipped' };
  if (item.kind === 'rejected') return { position, kind: 'rejected', rejection: item.rejection };
  const prepared = prepare(refs, item.line, item.organisation);
  return 'organisation' in prepared
    ? { position, kind: 'organisation', line: item.line, organisation: prepared.organisation }
    : { position, kind: 'rejected', rejection: prepared };
}

/**
 * One batch in one transaction. The run row is locked and its cursor read again, so that two processes resuming the
 * same run never load a line twice (and batches of concurrent imports take turns: lockRegisterWrites).
 */
async function commitBatch(db: Db, current: ImportRun, batch: Prepared[]): Promise<ImportRun> {
  const runId = current.id;
  return db.transaction(async (tx) => {
    await lockRegisterWrites(tx);
    // The batch's statements are small but their cost estimates are not (a fresh directory has no statistics): JIT
    // compilation would add tens of milliseconds to each.
    await tx.execute(sql`SET LOCAL jit = off`);
    const [run] = await rowsOf<{ items_done: number }>(
      tx,
      sql`SELECT items_done FROM import_runs WHERE id = ${runId} FOR UPDATE`,
    );
    if (!run) throw new Error('import run vanished');
    const fresh = batch.filter((p) => p.position > run.items_done);
    const counts: Counters = { created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0, merged: 0, queued: 0 };
    const rejections: (Rejection & { position: number })[] = [];
    const organisations: { line: number; organisation: RegisterOrganisation }[] = [];
    for (const p of fresh) {
      if (p.kind === 'skipped') counts.skipped++;
      else if (p.kind === 'rejected') rejections.push({ position: p.position, ...p.rejection });
      else organisations.push(p);
    }
    for (const round of await splitRounds(tx, organisations)) {
      add(
        counts,
        await loadRound(
          tx,
          current,
          round.map((r) => batchRow(r.line, r.organisation)),
        ),
      );
    }
    if (rejections.length) {
      await tx
        .insert(importRejections)
        .values(rejections.map((r) => ({ runId, ...r })))
        .onConflictDoNothing();
    }
    counts.rejected = rejections.length;
    const last = fresh.at(-1)?.position ?? run.items_done;
    const [updated] = await tx
      .update(importRuns)
      .set({
        itemsDone: last,
        // The counters' columns bear their names.
        ...Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, sql`${sql.identifier(k)} + ${n}::int`])),
      })
      .where(eq(importRuns.id, runId))
      .returning();
    if (!updated) throw new Error('import run vanished');
    return updated;
  });
}

function add(total: Counters, batch: BatchCounts) {
  for (const [k, n] of Object.entries(batch) as [keyof BatchCounts, number][]) total[k] += n;
}

async function finish(db: Handle, runId: string, error: string | null): Promise<ImportRun> {
  const [row] = await db
    .update(importRuns)
    .set({ status: error === null ? 'done' : 'failed', error, finishedAt: new Date() })
    .where(eq(importRuns.id, runId))
    .returning();
  if (!row) throw new Error('import run vanished');
  return row;
}

/**
 * What a failed run records: the database's own message, not Drizzle's wrapping of it, which quotes the statement and
 * its parameters (a batch's organisations).
 */
function failureOf(e: unknown): string {
  const cause = e instanceof Error && e.message.startsWith('Failed query:') ? e.cause : e;
  return cause instanceof Error ? cause.message : String(cause);
}

/** The most items of a batch (ImportOptions.batchSize): at most a few megabytes held, a cursor saved every second or so. */
const itemsPerBatch = 50_000;

/**
 * Imports (or resumes importing) a register file's items. Returns the finished run with its counters. An error of the
 * items' stream or of the database marks the run failed (its message only, never a line) and is thrown again; the
 * committed batches stay, and the next run of the same file resumes after them.
 */
export async function runImport(db: Db, o: ImportOptions): Promise<ImportRun> {
  const batchSize = o.batchSize ?? 2000;
  const maxItems = Math.max(batchSize, itemsPerBatch);
  const refs = await loadReferences(db);
  let run = await resumeOrStart(db, o);
  const cursor = run.itemsDone;
  let batch: Prepared[] = [];
  // The batch's lines to write. Batch boundaries follow the items alone: the same file and scope make the same batches.
  let work = 0;
  let position = 0;
  // The previous batch's transaction: the database writes it while the next batch is read and checked here (the
  // two take about the same time, on two cores). One at most, so batches commit in order and memory holds two.
  let writing: Promise<ImportRun> | null = null;
  const settle = async () => {
    if (!writing) return;
    run = await writing;
    writing = null;
  };
  const write = (items: Prepared[]) => {
    writing = commitBatch(db, run, items).then((committed) => {
      o.onProgress?.(committed);
      return committed;
    });
    // Awaited by settle(); until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  };
  try {
    for await (const item of o.items) {
      position++;
      if (position <= cursor) continue;
      const prepared = prepareItem(refs, position, item);
      batch.push(prepared);
      if (prepared.kind !== 'skipped') work++;
      if (work >= batchSize || batch.length >= maxItems) {
        await settle();
        write(batch);
        batch = [];
        work = 0;
      }
    }
    await settle();
    if (batch.length) {
      write(batch);
      await settle();
    }
  } catch (e) {
    // A batch still being written commits or fails on its own: the run's cursor is then final.
    await (writing as Promise<ImportRun> | null)?.catch(() => undefined);
    await finish(db, run.id, failureOf(e).slice(0, 500));
    throw e;
  }
  return finish(db, run.id, null);
}
