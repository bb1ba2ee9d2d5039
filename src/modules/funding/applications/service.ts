// Starting and editing funding applications (staff only): exactly one target that exists, the call's funder, the
// co-funders in the directory; each unknown reference named by its field. The status moves in pipeline.ts.
import { eq } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { conflict, type FieldIssue, invalid, notFound, parseInput } from '../../../errors.js';
import { unknownActors } from '../../actors/validation.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { partnerships } from '../../partnerships/schema.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { projects } from '../../projects/schema.js';
import { budgetLineSources } from '../budget/schema.js';
import { fundingCalls } from '../calls/schema.js';
import { securedStatuses } from '../vocabulary.js';
import { type ApplicationData, type ApplicationInput, applicationFields } from './contract.js';
import { fundingApplicationSteps, fundingApplications, fundingPayments } from './schema.js';

export type ApplicationRow = typeof fundingApplications.$inferSelect;

/** The application, or 404; `lock` holds it until the transaction ends (moves, payments). */
export async function requireApplication(db: Handle, id: string, lock = false): Promise<ApplicationRow> {
  const query = db.select().from(fundingApplications).where(eq(fundingApplications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Dossier de financement');
  return row;
}

/** Whether a row with this id exists (locked `for key share` so that it stays until the write commits). */
async function exists(
  db: Handle,
  column: typeof programmes.id | typeof projects.id | typeof partnerships.id,
  id: string,
) {
  const rows = await db.select({ id: column }).from(column.table).where(eq(column, id)).for('key share');
  return rows.length > 0;
}

/** The application's fields checked against the database; the funder is the call's when a call is given. */
async function checkedApplication(tx: Handle, data: ApplicationData) {
  const issues: FieldIssue[] = [];
  let funderActorId = data.funderActorId;
  if (data.callId) {
    const [call] = await tx
      .select({ funderActorId: fundingCalls.funderActorId })
      .from(fundingCalls)
      .where(eq(fundingCalls.id, data.callId))
      .for('key share');
    if (!call) issues.push({ field: 'callId', code: 'unknownCall' });
    else if (funderActorId !== null && funderActorId !== call.funderActorId) {
      issues.push({ field: 'funderActorId', code: 'funderNotOfCall' });
    } else funderActorId = call.funderActorId;
  }
  issues.push(
    ...(await unknownActors(tx, [
      ...(funderActorId ? [{ field: 'funderActorId', id: funderActorId }] : []),
      ...data.coFunding.flatMap((l, i) => (l.actorId ? [{ field: `coFunding.${i}.actorId`, id: l.actorId }] : [])),
    ])),
  );
  if (data.programmeId && !(await exists(tx, programmes.id, data.programmeId))) {
    issues.push({ field: 'programmeId', code: 'unknownProgramme' });
  } else if (data.programmeId && data.territoryId) {
    const [territory] = await tx
      .select({ programmeId: programmeTerritories.programmeId })
      .from(programmeTerritories)
      .where(eq(programmeTerritories.id, data.territoryId))
      .for('key share');
    if (!territory) issues.push({ field: 'territoryId', code: 'unknownTerritory' });
    else if (territory.programmeId !== data.programmeId) issues.push({ field: 'territoryId', code: 'notInProgramme' });
  }
  if (data.projectId && !(await exists(tx, projects.id, data.projectId))) {
    issues.push({ field: 'projectId', code: 'unknownProject' });
  }
  if (data.partnershipId && !(await exists(tx, partnerships.id, data.partnershipId))) {
    issues.push({ field: 'partnershipId', code: 'unknownPartnership' });
  }
  if (issues.length || !funderActorId) throw invalid(issues);
  return {
    title: data.title,
    callId: data.callId,
    funderActorId,
    programmeId: data.programmeId,
    territoryId: data.territoryId,
    projectId: data.projectId,
    partnershipId: data.partnershipId,
    year: data.year,
    amountRequested: data.amountRequested,
    coFunding: data.coFunding,
    notes: data.notes,
  };
}

/** Starts an application, drafting; its history opens with that first status. */
export async function createApplication(db: Db, by: Viewer, input: ApplicationInput): Promise<string> {
  requireStaff(by);
  const data = parseInput(applicationFields, input);
  return db.transaction(async (tx) => {
    const values = await checkedApplication(tx, data);
    const [row] = await tx
      .insert(fundingApplications)
      .values({ ...values, status: 'drafting', createdBy: by.id })
      .returning({ id: fundingApplications.id });
    if (!row) throw new Error('application not inserted');
    await tx.insert(fundingApplicationSteps).values({ applicationId: row.id, toStatus: 'drafting', byUserId: by.id });
    return row.id;
  });
}

export async function updateApplication(db: Db, by: Viewer, id: string, input: ApplicationInput): Promise<void> {
  requireStaff(by);
  const data = parseInput(applicationFields, input);
  await db.transaction(async (tx) => {
    await requireApplication(tx, id, true);
    const values = await checkedApplication(tx, data);
    await tx
      .update(fundingApplications)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(fundingApplications.id, id));
  });
}

/**
 * Deletes an application with its history, reports and documents; refused while it holds money: granted or reported,
 * payments received, or sources of the programme's budget (they would silently lose their funding).
 */
export async function deleteApplication(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  await db.transaction(async (tx) => {
    const app = await requireApplication(tx, id, true);
    if ((securedStatuses as readonly string[]).includes(app.status)) {
      throw conflict(
        'Ce dossier a été accordé\u202f: il reste dans l’historique des financements. Revenez d’abord sur son statut.',
        [{ field: 'status', code: 'applicationGranted' }],
      );
    }
    const [payments, sources] = await Promise.all([
      tx.$count(fundingPayments, eq(fundingPayments.applicationId, id)),
      tx.$count(budgetLineSources, eq(budgetLineSources.applicationId, id)),
    ]);
    if (payments > 0) {
      throw conflict('Des versements sont enregistrés sur ce dossier\u202f: supprimez-les d’abord.', [
        { field: 'payments', code: 'paymentsRecorded' },
      ]);
    }
    if (sources > 0) {
      throw conflict(
        'Ce dossier finance des lignes du budget du programme\u202f: retirez-le d’abord de leurs sources.',
        [{ field: 'budget', code: 'applicationFundsBudget', params: { count: sources } }],
      );
    }
    await tx.delete(fundingApplications).where(eq(fundingApplications.id, id));
  });
}
