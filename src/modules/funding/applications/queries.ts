// Reading funding applications (staff and the steering committee; a member those it follows, see access.ts): the list
// with its totals, one application whole.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { isStaff, type Viewer } from '../../actors/visibility.js';
import { partnerships } from '../../partnerships/schema.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { toCents } from '../../projects/contract.js';
import { projects } from '../../projects/schema.js';
import { fundingCalls } from '../calls/schema.js';
import { followedApplications, readsFunding } from './access.js';
import type { ApplicationDetail, ApplicationList, ApplicationQuery, ApplicationSummary } from './contract.js';
import { documentsOf } from './documents.js';
import { movesOf } from './pipeline.js';
import { fundingApplicationSteps, fundingApplications, fundingPayments, fundingReports } from './schema.js';

const funders = alias(actors, 'funder');
const received = sql<string>`(select coalesce(sum(p.amount), 0) from ${fundingPayments} p
  where p.application_id = ${fundingApplications.id})`;

const summaryColumns = {
  application: fundingApplications,
  callTitle: fundingCalls.title,
  funderName: funders.name,
  programmeName: programmes.name,
  territoryName: programmeTerritories.name,
  projectTitle: projects.title,
  partnershipTitle: partnerships.title,
  received,
};

/** The applications with the names of their call, funder and target. */
const withNames = (db: Db) =>
  db
    .select(summaryColumns)
    .from(fundingApplications)
    .innerJoin(funders, eq(funders.id, fundingApplications.funderActorId))
    .leftJoin(fundingCalls, eq(fundingCalls.id, fundingApplications.callId))
    .leftJoin(programmes, eq(programmes.id, fundingApplications.programmeId))
    .leftJoin(programmeTerritories, eq(programmeTerritories.id, fundingApplications.territoryId))
    .leftJoin(projects, eq(projects.id, fundingApplications.projectId))
    .leftJoin(partnerships, eq(partnerships.id, fundingApplications.partnershipId));

type SummaryRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

const namedOrNull = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

function summaryOf(r: SummaryRow): ApplicationSummary {
  const a = r.application;
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    year: a.year,
    call: a.callId && r.callTitle !== null ? { id: a.callId, title: r.callTitle } : null,
    funder: { id: a.funderActorId, name: r.funderName },
    programme: namedOrNull(a.programmeId, r.programmeName),
    territory: namedOrNull(a.territoryId, r.territoryName),
    project: namedOrNull(a.projectId, r.projectTitle),
    partnership: namedOrNull(a.partnershipId, r.partnershipTitle),
    amountRequested: a.amountRequested,
    amountGranted: a.amountGranted,
    amountReceived: Number(r.received),
    submittedOn: a.submittedOn,
    decidedOn: a.decidedOn,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Sums to the cent. */
const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + toCents(v ?? 0), 0) / 100;

/** What the list holds for this viewer and these filters (shared by the list and its export). */
export function applicationListCondition(viewer: Viewer, query: ApplicationQuery): SQL | undefined {
  const a = fundingApplications;
  return and(
    followedApplications(viewer),
    query.status.length ? inArray(a.status, query.status) : undefined,
    query.funder ? eq(a.funderActorId, query.funder) : undefined,
    query.call ? eq(a.callId, query.call) : undefined,
    query.programme ? eq(a.programmeId, query.programme) : undefined,
    query.territory ? eq(a.territoryId, query.territory) : undefined,
    query.project ? eq(a.projectId, query.project) : undefined,
    query.partnership ? eq(a.partnershipId, query.partnership) : undefined,
    query.year ? eq(a.year, query.year) : undefined,
  );
}

/** The list's rows, newest year first, then by title; at most `limit` when given (the export's cap). */
export async function listedApplications(db: Db, viewer: Viewer, query: ApplicationQuery, limit?: number) {
  const a = fundingApplications;
  const ordered = withNames(db)
    .where(applicationListCondition(viewer, query))
    .orderBy(desc(a.year), asc(a.title), asc(a.id));
  return (await (limit === undefined ? ordered : ordered.limit(limit))).map(summaryOf);
}

/** The applications matching the filters, with what they requested, were granted and received. */
export async function listApplications(db: Db, viewer: Viewer, query: ApplicationQuery): Promise<ApplicationList> {
  const items = await listedApplications(db, viewer, query);
  return {
    items,
    totals: {
      requested: sum(items.map((i) => i.amountRequested)),
      granted: sum(items.map((i) => i.amountGranted)),
      received: sum(items.map((i) => i.amountReceived)),
    },
  };
}

/**
 * One application whole; the names of who moved it only for staff (never e-mails), the working notes only for staff
 * and observers. One the viewer does not follow is not found (its existence is not revealed).
 */
export async function getApplication(db: Db, viewer: Viewer, id: string): Promise<ApplicationDetail> {
  const [row] = await withNames(db).where(and(eq(fundingApplications.id, id), followedApplications(viewer)));
  if (!row) throw notFound('Dossier de financement');
  const a = row.application;
  const coFunderIds = a.coFunding.flatMap((l) => (l.actorId ? [l.actorId] : []));
  const staff = isStaff(viewer);
  const [coFunders, steps, payments, reports, documents, moves] = await Promise.all([
    coFunderIds.length
      ? db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, coFunderIds))
      : Promise.resolve([]),
    db
      .select({
        id: fundingApplicationSteps.id,
        fromStatus: fundingApplicationSteps.fromStatus,
        toStatus: fundingApplicationSteps.toStatus,
        reason: fundingApplicationSteps.reason,
        by: users.displayName,
        at: fundingApplicationSteps.at,
      })
      .from(fundingApplicationSteps)
      .leftJoin(users, eq(users.id, fundingApplicationSteps.byUserId))
      .where(eq(fundingApplicationSteps.applicationId, id))
      .orderBy(asc(fundingApplicationSteps.id)),
    db
      .select({
        id: fundingPayments.id,
        receivedOn: fundingPayments.receivedOn,
        amount: fundingPayments.amount,
        note: fundingPayments.note,
      })
      .from(fundingPayments)
      .where(eq(fundingPayments.applicationId, id))
      .orderBy(asc(fundingPayments.receivedOn), asc(fundingPayments.createdAt)),
    db
      .select()
      .from(fundingReports)
      .where(eq(fundingReports.applicationId, id))
      .orderBy(asc(fundingReports.dueOn), asc(fundingReports.createdAt)),
    documentsOf(db, 'application', [id]),
    staff ? movesOf(db, a) : Promise.resolve([]),
  ]);
  const reportDocuments = await documentsOf(
    db,
    'report',
    reports.map((r) => r.id),
  );
  const names = new Map(coFunders.map((c) => [c.id, c.name]));
  return {
    ...summaryOf(row),
    notes: readsFunding(viewer) ? a.notes : null,
    coFunding: a.coFunding.map((l) => ({
      actorId: l.actorId,
      name: (l.actorId ? names.get(l.actorId) : undefined) ?? l.label,
      label: l.label,
      amount: l.amount,
      secured: l.secured,
    })),
    history: steps.map((s) => ({ ...s, by: staff ? s.by : null, at: s.at.toISOString() })),
    payments,
    reports: reports.map((r) => ({
      id: r.id,
      title: r.title,
      dueOn: r.dueOn,
      submittedOn: r.submittedOn,
      documents: reportDocuments.get(r.id) ?? [],
    })),
    documents: documents.get(id) ?? [],
    moves,
    canEdit: staff,
    createdAt: a.createdAt.toISOString(),
  };
}
