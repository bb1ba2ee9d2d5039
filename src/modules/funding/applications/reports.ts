// The reports an application owes its funder (interim, final), their deadlines and when they went.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound, parseInput } from '../../../errors.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { type ReportInput, reportFields } from './contract.js';
import { fundingReports } from './schema.js';
import { requireApplication } from './service.js';

export async function addReport(db: Db, by: Viewer, id: string, input: ReportInput): Promise<string> {
  requireStaff(by);
  const data = parseInput(reportFields, input);
  return db.transaction(async (tx) => {
    await requireApplication(tx, id, true);
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
  const updated = await db
    .update(fundingReports)
    .set(data)
    .where(and(eq(fundingReports.id, reportId), eq(fundingReports.applicationId, id)))
    .returning({ id: fundingReports.id });
  if (updated.length === 0) throw notFound('Compte rendu');
}

export async function deleteReport(db: Db, by: Viewer, id: string, reportId: string): Promise<void> {
  requireStaff(by);
  const deleted = await db
    .delete(fundingReports)
    .where(and(eq(fundingReports.id, reportId), eq(fundingReports.applicationId, id)))
    .returning({ id: fundingReports.id });
  if (deleted.length === 0) throw notFound('Compte rendu');
}
