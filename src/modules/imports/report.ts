// What the admin web UI shows of the imports: the runs with their counters (from the database) and live progress
// (from the server's memory), the rejected lines with their reasons in words, and the review queue with the imported
// organisation beside its candidate actor. Staff only.
import { pipeline, Readable } from 'node:stream';
import { type Stringifier, stringify } from 'csv-stringify';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { fieldMessage } from '../../http/messages.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { requireStaff } from '../actors/visibility.js';
import { communes, territories, territoryCommunes } from '../reference/schema.js';
import type { ReviewView, RunView } from './contract.js';
import type { ImportJobs } from './jobs.js';
import { listPendingReviews } from './reviews.js';
import { importRejections, importRuns, type StoredScope } from './schema.js';

type RunRow = typeof importRuns.$inferSelect;

/** Territories by their sorted communes, to name a stored scope (an import keeps the communes, not the territory). */
async function territoriesByCommunes(db: Db): Promise<Map<string, { id: string; name: string }>> {
  const rows = await db
    .select({ id: territories.id, name: territories.name, code: territoryCommunes.communeCode })
    .from(territories)
    .innerJoin(territoryCommunes, eq(territoryCommunes.territoryId, territories.id))
    .orderBy(asc(territories.id), asc(territoryCommunes.communeCode));
  const codes = new Map<string, { id: string; name: string; codes: string[] }>();
  for (const r of rows) {
    const t = codes.get(r.id) ?? { id: r.id, name: r.name, codes: [] };
    t.codes.push(r.code);
    codes.set(r.id, t);
  }
  return new Map([...codes.values()].map((t) => [t.codes.join(','), { id: t.id, name: t.name }]));
}

function scopeView(scope: StoredScope, named: Map<string, { id: string; name: string }>): RunView['scope'] {
  const territory = scope.communeCodes ? named.get(scope.communeCodes.join(',')) : undefined;
  return {
    departement: scope.departement,
    territoryId: territory?.id ?? null,
    territoryName: territory?.name ?? null,
    communeCount: scope.communeCodes?.length ?? null,
  };
}

/**
 * `liveRunId` is read before the run's row: a run that ends between the two reads then shows as live one poll longer,
 * never as stopped-and-resumable with a stale 'running' status.
 */
function runView(
  run: RunRow,
  jobs: ImportJobs,
  liveRunId: string | null,
  named: Map<string, { id: string; name: string }>,
  withFiles: Set<string>,
): RunView {
  const live = run.id === liveRunId;
  return {
    id: run.id,
    source: run.source,
    fileName: run.fileName,
    fileSize: run.fileSize,
    scope: scopeView(run.scope, named),
    status: run.status,
    live,
    resumable: run.status !== 'done' && !live && withFiles.has(run.id),
    fromCommandLine: run.startedBy === null && !withFiles.has(run.id),
    itemsDone: run.itemsDone,
    counters: {
      created: run.created,
      updated: run.updated,
      unchanged: run.unchanged,
      merged: run.merged,
      queued: run.queued,
      skipped: run.skipped,
      rejected: run.rejected,
    },
    progress: jobs.progressOf(run.id),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  };
}

/** The runs, newest first, one page of them. */
export async function listRuns(
  db: Db,
  by: CurrentUser | null,
  jobs: ImportJobs,
  page: { page: number; pageSize: number },
): Promise<{ items: RunView[]; total: number; liveRunId: string | null }> {
  requireStaff(by);
  const liveRunId = jobs.liveRunId();
  const [rows, [total], named, withFiles] = await Promise.all([
    db
      .select()
      .from(importRuns)
      .orderBy(desc(importRuns.startedAt), desc(importRuns.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(importRuns),
    territoriesByCommunes(db),
    jobs.uploads.runsWithFiles(),
  ]);
  return {
    items: rows.map((r) => runView(r, jobs, liveRunId, named, withFiles)),
    total: total?.n ?? 0,
    liveRunId,
  };
}

export async function getRun(db: Db, by: CurrentUser | null, jobs: ImportJobs, runId: string): Promise<RunView> {
  requireStaff(by);
  const liveRunId = jobs.liveRunId();
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, runId));
  if (!run) throw notFound('Import');
  return runView(run, jobs, liveRunId, await territoriesByCommunes(db), await jobs.uploads.runsWithFiles());
}

async function requireRun(db: Db, runId: string) {
  const [run] = await db.select({ id: importRuns.id }).from(importRuns).where(eq(importRuns.id, runId));
  if (!run) throw notFound('Import');
}

const rejectionOrder = [asc(importRejections.line), asc(importRejections.position)];

const rejectionColumns = {
  line: importRejections.line,
  position: importRejections.position,
  reason: importRejections.reason,
  detail: importRejections.detail,
};

/** A run's rejected lines by line number, one page, each reason with its French text. */
export async function listRejections(
  db: Db,
  by: CurrentUser | null,
  runId: string,
  page: { page: number; pageSize: number },
) {
  requireStaff(by);
  await requireRun(db, runId);
  const where = eq(importRejections.runId, runId);
  const [rows, [total]] = await Promise.all([
    db
      .select(rejectionColumns)
      .from(importRejections)
      .where(where)
      .orderBy(...rejectionOrder)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(importRejections).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, message: fieldMessage(r.reason) })), total: total?.n ?? 0 };
}

/** Rows read per query of the CSV: a run may reject millions of lines, never held at once. */
const csvBatch = 5000;

/** A run's rejected lines in order, read batch by batch after the last one seen (line, position). */
async function* rejectionRecords(db: Db, runId: string): AsyncGenerator<string[]> {
  yield ['Ligne', 'Motif', 'Détail'];
  let after: { line: number; position: number } | null = null;
  for (;;) {
    const rows = await db
      .select(rejectionColumns)
      .from(importRejections)
      .where(
        and(
          eq(importRejections.runId, runId),
          after
            ? sql`(${importRejections.line}, ${importRejections.position}) > (${after.line}, ${after.position})`
            : undefined,
        ),
      )
      .orderBy(...rejectionOrder)
      .limit(csvBatch);
    for (const r of rows) yield [String(r.line), fieldMessage(r.reason), r.detail];
    const last = rows.at(-1);
    if (!last || rows.length < csvBatch) return;
    after = last;
  }
}

/** Every rejected line as CSV for a spreadsheet in French (`;`, UTF-8 with a BOM, CRLF), streamed as it is read. */
export async function rejectionsCsv(db: Db, by: CurrentUser | null, runId: string): Promise<Stringifier> {
  requireStaff(by);
  await requireRun(db, runId);
  const csv = stringify({ delimiter: ';', record_delimiter: '\r\n', bom: true });
  // A failed read destroys the CSV stream too, which breaks off the download rather than end it early.
  pipeline(Readable.from(rejectionRecords(db, runId)), csv, () => undefined);
  return csv;
}

/** One page of the pending reviews, each imported organisation beside its candidate actor, and their total. */
export async function pendingReviews(
  db: Db,
  by: CurrentUser | null,
  page: { page: number; pageSize: number },
): Promise<{ items: ReviewView[]; total: number }> {
  const { items: pending, total } = await listPendingReviews(db, by, page);
  if (pending.length === 0) return { items: [], total };
  const candidates = await db
    .select({
      id: actors.id,
      name: actors.name,
      communeCode: actors.communeCode,
      address: actors.address,
      postalCode: actors.postalCode,
      rna: actors.rna,
      siren: actors.siren,
      siret: actors.siret,
    })
    .from(actors)
    .where(inArray(actors.id, [...new Set(pending.map((p) => p.candidate.id))]));
  const codes = [
    ...new Set(pending.flatMap((p) => [p.organisation.communeCode, p.candidate.communeCode]).filter((c) => c !== null)),
  ] as string[];
  const names = new Map(
    codes.length
      ? (
          await db
            .select({ code: communes.code, name: communes.name })
            .from(communes)
            .where(inArray(communes.code, codes))
        ).map((c) => [c.code, c.name])
      : [],
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const communeName = (code: string | null) => (code ? (names.get(code) ?? null) : null);
  const items = pending.flatMap((p) => {
    const c = byId.get(p.candidate.id);
    if (!c) return [];
    const o = p.organisation;
    return [
      {
        id: p.id,
        line: p.line,
        source: o.source,
        registerId: o.registerId,
        createdAt: p.createdAt.toISOString(),
        organisation: {
          name: o.name,
          communeCode: o.communeCode,
          communeName: communeName(o.communeCode),
          address: o.address,
          postalCode: o.postalCode,
          rna: o.rna,
          siren: o.siren,
          siret: o.siret,
        },
        candidate: { ...c, communeName: communeName(c.communeCode) },
      },
    ];
  });
  return { items, total };
}
