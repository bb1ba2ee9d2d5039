// The reports an application owes its funder (interim, final), their deadlines and when they went. A « reported »
// application keeps every report submitted (at least one): a write that would leave it owing one is refused.
import { and, eq } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { conflict, notFound, parseInput } from '../../../errors.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { type ReportInput, reportFields } from './contract.js';
import { reportsAllSubmitted } from './pipeline.js';
import { fundingReports } from './schema.js';
import { requireApplication } from './service.js';

/**
 * Runs a write on an application's reports in a transaction that locks the application (so that it cannot be marked
 * reported meanwhile), then refuses it when the application is reported and would owe a report again.
 */
async function writeReports<T>(db: Db, id: string, write: (tx: Handle) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const app = await requireApplication(tx, id, true);
    const result = await write(tx);
    if (app.status === 'reported' && !(await reportsAllSubmitted(tx, id))) {
      throw conflict(
        'Ce dossier est soldé\u202f: ses comptes rendus doivent rester remis au financeur (au moins un). Revenez d’abord sur son statut.',
        [{ field: 'reports', code: 'applicationReported' }],
      );
    }
    return result;
  });
}

export async function addReport(db: Db, by: Viewer, id: string, input: ReportInput): Promise<string> {
  requireStaff(by);
  const data = parseInput(reportFields, input);
  return writeReports(db, id, async (tx) => {
    const [row] = await tx
      .insert(fundingReports)
      .values({ applicationId: id, ...data })
      .returning({ id: fundingReports.id });
    if (!row) throw new Error('report not inserted');
    return row.id;
  });
}

export async function updateReport(db: Db, by: Viewer, id: string, reportId: string, input: ReportInput) {
  requireStaff(by);
  const data = parseInput(reportFields, input);
  await writeReports(db, id, async (tx) => {
    const updated = await tx
      .update(fundingReports)
      .set(data)
      .where(and(eq(fundingReports.id, reportId), eq(fundingReports.applicationId, id)))
      .returning({ id: fundingReports.id });
    if (updated.length === 0) throw notFound('Compte rendu');
  });
}

export async function deleteReport(db: Db, by: Viewer, id: string, reportId: string): Promise<void> {
  requireStaff(by);
  await writeReports(db, id, async (tx) => {
    const deleted = await tx
      .delete(fundingReports)
      .where(and(eq(fundingReports.id, reportId), eq(fundingReports.applicationId, id)))
      .returning({ id: fundingReports.id });
    if (deleted.length === 0) throw notFound('Compte rendu');
  });
}
