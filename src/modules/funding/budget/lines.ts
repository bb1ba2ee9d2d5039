// Writing a programme's budget lines (staff only): a line and its funding sources are written together, in one
// transaction, and a change replaces both. What the sources count for may exceed the line's forecast (a grant may
// cover more, a forecast is revised later): allowed, shown as a warning (overFunded, see figures.ts), never refused.
import { eq, inArray } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { type FieldIssue, invalid, notFound, parseInput } from '../../../errors.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { contributions } from '../../partnerships/schema.js';
import { fundingApplications } from '../applications/schema.js';
import { requireProgrammeField, territoryIssues } from './common.js';
import { type LineInput, lineFields, type NewLineInput, newLineFields } from './contract.js';
import { budgetLineSources, budgetLines } from './schema.js';

type LineData = ReturnType<typeof lineFields.parse>;

/**
 * Each source's reference checked, and locked until the transaction ends (`for key share`): an application of the same
 * programme (any status); a financial contribution (other natures are not money). Issues on `sources.<i>.<field>`.
 */
async function sourceIssues(db: Handle, programmeId: string, data: LineData): Promise<FieldIssue[]> {
  const applicationIds = data.sources.flatMap((s) =>
    s.kind === 'application' && s.applicationId ? [s.applicationId] : [],
  );
  const contributionIds = data.sources.flatMap((s) =>
    s.kind === 'contribution' && s.contributionId ? [s.contributionId] : [],
  );
  const apps = applicationIds.length
    ? await db
        .select({ id: fundingApplications.id, programmeId: fundingApplications.programmeId })
        .from(fundingApplications)
        .where(inArray(fundingApplications.id, applicationIds))
        .for('key share')
    : [];
  const contribs = contributionIds.length
    ? await db
        .select({ id: contributions.id, nature: contributions.nature })
        .from(contributions)
        .where(inArray(contributions.id, contributionIds))
        .for('key share')
    : [];
  const appProgramme = new Map(apps.map((a) => [a.id, a.programmeId]));
  const contributionNature = new Map(contribs.map((c) => [c.id, c.nature]));
  return data.sources.flatMap((s, i): FieldIssue[] => {
    if (s.kind === 'application' && s.applicationId) {
      if (!appProgramme.has(s.applicationId))
        return [{ field: `sources.${i}.applicationId`, code: 'unknownApplication' }];
      if (appProgramme.get(s.applicationId) !== programmeId)
        return [{ field: `sources.${i}.applicationId`, code: 'notInProgramme' }];
    }
    if (s.kind === 'contribution' && s.contributionId) {
      const nature = contributionNature.get(s.contributionId);
      if (!nature) return [{ field: `sources.${i}.contributionId`, code: 'unknownContribution' }];
      if (nature !== 'financial') return [{ field: `sources.${i}.contributionId`, code: 'contributionNotFinancial' }];
    }
    return [];
  });
}

/** The sources as rows: only the reference their kind needs (the others dropped). */
const sourceRows = (lineId: string, data: LineData) =>
  data.sources.map((s) => ({
    lineId,
    kind: s.kind,
    applicationId: s.kind === 'application' ? s.applicationId : null,
    contributionId: s.kind === 'contribution' ? s.contributionId : null,
    label: s.label,
    amount: s.amount,
  }));

async function checkLine(db: Handle, programmeId: string, data: LineData) {
  const issues = [
    ...(await territoryIssues(db, programmeId, data.territoryId)),
    ...(await sourceIssues(db, programmeId, data)),
  ];
  if (issues.length) throw invalid(issues);
}

export async function createLine(db: Db, by: Viewer, input: NewLineInput): Promise<string> {
  requireStaff(by);
  const { programmeId, ...data } = parseInput(newLineFields, input);
  await requireProgrammeField(db, programmeId);
  const { sources: _sources, ...fields } = data;
  return db.transaction(async (tx) => {
    await checkLine(tx, programmeId, data);
    const [row] = await tx
      .insert(budgetLines)
      .values({ ...fields, programmeId })
      .returning({ id: budgetLines.id });
    if (!row) throw new Error('insert returned nothing');
    if (data.sources.length) await tx.insert(budgetLineSources).values(sourceRows(row.id, data));
    return row.id;
  });
}

/** The line's programme, or 404. */
async function lineProgramme(db: Handle, id: string): Promise<string> {
  const [row] = await db
    .select({ programmeId: budgetLines.programmeId })
    .from(budgetLines)
    .where(eq(budgetLines.id, id));
  if (!row) throw notFound('Ligne de budget');
  return row.programmeId;
}

/** Replaces the line's fields and its sources as a whole; answers the line's programme. */
export async function updateLine(db: Db, by: Viewer, id: string, input: LineInput): Promise<string> {
  requireStaff(by);
  const data = parseInput(lineFields, input);
  const programmeId = await lineProgramme(db, id);
  const { sources: _sources, ...fields } = data;
  await db.transaction(async (tx) => {
    await checkLine(tx, programmeId, data);
    await tx
      .update(budgetLines)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(budgetLines.id, id));
    await tx.delete(budgetLineSources).where(eq(budgetLineSources.lineId, id));
    if (data.sources.length) await tx.insert(budgetLineSources).values(sourceRows(id, data));
  });
  return programmeId;
}

export async function deleteLine(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  const deleted = await db.delete(budgetLines).where(eq(budgetLines.id, id)).returning({ id: budgetLines.id });
  if (!deleted.length) throw notFound('Ligne de budget');
}
