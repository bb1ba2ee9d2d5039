// Reading calls for projects: anyone may; the applications answering a call (and how many there are) are shown to
// staff and observers only.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../../db/arrays.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { actors } from '../../actors/schema.js';
import { isStaff, type Viewer } from '../../actors/visibility.js';
import { parisDay } from '../../programmes/common.js';
import { communes } from '../../reference/schema.js';
import { readsFunding } from '../applications/access.js';
import { documentsOf } from '../applications/documents.js';
import { fundingApplications } from '../applications/schema.js';
import type { CallStatus } from '../vocabulary.js';
import type { CallDetail, CallPage, CallQuery, CallSummary } from './contract.js';
import { fundingCalls } from './schema.js';
import { callStatusSql } from './status.js';

const statusSql = (today: string) => callStatusSql(sql`${fundingCalls.opensOn}`, sql`${fundingCalls.closesOn}`, today);
/** Open calls first, then announced ones, then closed ones. */
const rankSql = (today: string) => sql`case ${statusSql(today)} when 'open' then 0 when 'announced' then 1 else 2 end`;

const applicationCount = sql<number>`(select count(*)::int from ${fundingApplications}
  where ${fundingApplications.callId} = ${fundingCalls.id})`;

function selection(today: string) {
  return {
    call: fundingCalls,
    funderName: actors.name,
    status: statusSql(today),
    applicationCount,
  };
}
type Row = { call: typeof fundingCalls.$inferSelect; funderName: string; status: CallStatus; applicationCount: number };

/** How many applications answer a call is the funding readers' business, not the public's. */
const countFor = (viewer: Viewer, r: Row) => (readsFunding(viewer) ? r.applicationCount : null);

async function communeNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: communes.code, name: communes.name })
    .from(communes)
    .where(inArray(communes.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

function summaryOf(viewer: Viewer, r: Row, names: Map<string, string>): CallSummary {
  const c = r.call;
  return {
    id: c.id,
    title: c.title,
    funder: { id: c.funderActorId, name: r.funderName },
    themes: c.themes,
    sdgs: c.sdgs,
    communes: c.communeCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    eligibleFamilies: c.eligibleFamilies,
    envelope: c.envelope,
    amountMin: c.amountMin,
    amountMax: c.amountMax,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    status: r.status,
    link: c.link,
    applicationCount: countFor(viewer, r),
  };
}

/**
 * Searches the calls: French full text (title first, then description), themes, funder, status and commune (a call
 * without communes applies everywhere); open calls first by closing date, then announced ones, then closed ones, the
 * latest closed first.
 */
export async function listCalls(
  db: Db,
  viewer: Viewer,
  query: CallQuery,
  today = parisDay(new Date()),
): Promise<CallPage> {
  const conditions: SQL[] = [];
  const q = query.q?.trim() || null;
  const tsquery = q ? sql`websearch_to_tsquery('fr_unaccent', ${q})` : null;
  if (tsquery) conditions.push(sql`${fundingCalls.searchVector} @@ ${tsquery}`);
  const themes = query.theme.map((v) => v.trim()).filter(Boolean);
  if (themes.length) conditions.push(sql`${fundingCalls.themes} && ${textArray(themes)}`);
  if (query.funder) conditions.push(eq(fundingCalls.funderActorId, query.funder));
  if (query.status.length) {
    conditions.push(
      sql`${statusSql(today)} in (${sql.join(
        query.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  const codes = query.commune.map((v) => v.trim()).filter(Boolean);
  if (codes.length) {
    conditions.push(
      sql`(cardinality(${fundingCalls.communeCodes}) = 0 or ${fundingCalls.communeCodes} && ${textArray(codes)})`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, total] = await Promise.all([
    db
      .select(selection(today))
      .from(fundingCalls)
      .innerJoin(actors, eq(actors.id, fundingCalls.funderActorId))
      .where(where)
      .orderBy(
        asc(rankSql(today)),
        sql`case when ${fundingCalls.closesOn} < ${today}::date then null else ${fundingCalls.closesOn} end asc nulls last`,
        asc(fundingCalls.opensOn),
        desc(fundingCalls.closesOn),
        asc(fundingCalls.title),
        asc(fundingCalls.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.$count(fundingCalls, where),
  ]);
  const names = await communeNames(
    db,
    rows.flatMap((r) => r.call.communeCodes),
  );
  return { items: rows.map((r) => summaryOf(viewer, r, names)), total, page: query.page, pageSize: query.pageSize };
}

/** One call with its funder, its documents' metadata and, for staff and observers, the applications answering it. */
export async function getCall(db: Db, viewer: Viewer, id: string, today = parisDay(new Date())): Promise<CallDetail> {
  const [row] = await db
    .select(selection(today))
    .from(fundingCalls)
    .innerJoin(actors, eq(actors.id, fundingCalls.funderActorId))
    .where(eq(fundingCalls.id, id));
  if (!row) throw notFound('Appel à projets');
  const [names, documents, applications] = await Promise.all([
    communeNames(db, row.call.communeCodes),
    documentsOf(db, 'call', [id]),
    readsFunding(viewer)
      ? db
          .select({
            id: fundingApplications.id,
            title: fundingApplications.title,
            status: fundingApplications.status,
            year: fundingApplications.year,
            amountRequested: fundingApplications.amountRequested,
            amountGranted: fundingApplications.amountGranted,
          })
          .from(fundingApplications)
          .where(eq(fundingApplications.callId, id))
          .orderBy(desc(fundingApplications.year), asc(fundingApplications.title))
      : Promise.resolve(null),
  ]);
  return {
    ...summaryOf(viewer, row, names),
    description: row.call.description,
    documents: documents.get(id) ?? [],
    applications,
    canEdit: isStaff(viewer),
    createdAt: row.call.createdAt.toISOString(),
    updatedAt: row.call.updatedAt.toISOString(),
  };
}
