// Recording calls for projects (staff only): every reference checked, each unknown value named by its field.
import { eq } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { conflict, type FieldIssue, invalid, notFound, parseInput } from '../../../errors.js';
import { unique, unknownActors } from '../../actors/validation.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { unknownCommunes, unknownSdgs, unknownThemes } from '../../reference/checks.js';
import { fundingApplications } from '../applications/schema.js';
import { type CallData, type CallInput, callFields } from './contract.js';
import { fundingCalls } from './schema.js';

/** The call's data, checked: its shape, then that its funder, themes, SDGs and communes exist. */
async function checkedCall(db: Db, input: CallInput): Promise<CallData> {
  const data = parseInput(callFields, input);
  const issues: FieldIssue[] = [
    ...(await unknownActors(db, [{ field: 'funderActorId', id: data.funderActorId }])),
    ...(await unknownThemes(db, data.themes)),
    ...(await unknownSdgs(db, data.sdgs)),
    ...(await unknownCommunes(db, data.communeCodes)),
  ];
  if (issues.length) throw invalid(issues);
  return {
    ...data,
    themes: unique(data.themes),
    sdgs: unique(data.sdgs),
    communeCodes: unique(data.communeCodes),
    eligibleFamilies: unique(data.eligibleFamilies),
  };
}

/** The call, or 404. */
async function requireCall(db: Handle, id: string) {
  const [row] = await db.select().from(fundingCalls).where(eq(fundingCalls.id, id));
  if (!row) throw notFound('Appel à projets');
  return row;
}

export async function createCall(db: Db, by: Viewer, input: CallInput): Promise<string> {
  requireStaff(by);
  const data = await checkedCall(db, input);
  const [row] = await db
    .insert(fundingCalls)
    .values({ ...data, createdBy: by.id })
    .returning({ id: fundingCalls.id });
  if (!row) throw new Error('call not inserted');
  return row.id;
}

export async function updateCall(db: Db, by: Viewer, id: string, input: CallInput): Promise<void> {
  requireStaff(by);
  await requireCall(db, id);
  const data = await checkedCall(db, input);
  await db
    .update(fundingCalls)
    .set({ ...data, updatedAt: new Date() })
    .where(eq(fundingCalls.id, id));
}

/** Deletes a call that no application answers (they would lose their call), with its documents. */
export async function deleteCall(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: fundingCalls.id })
      .from(fundingCalls)
      .where(eq(fundingCalls.id, id))
      .for('update');
    if (!row) throw notFound('Appel à projets');
    const answering = await tx.$count(fundingApplications, eq(fundingApplications.callId, id));
    if (answering > 0) {
      throw conflict(
        'Des dossiers de financement répondent à cet appel\u202f: supprimez-les ou rattachez-les ailleurs.',
        [{ field: 'applications', code: 'callHasApplications', params: { count: answering } }],
      );
    }
    await tx.delete(fundingCalls).where(eq(fundingCalls.id, id));
  });
}
