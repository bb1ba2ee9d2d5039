// An application's status pipeline: drafting → submitted → granted | refused, granted → reported once every report
// went to the funder; one step back (submitted → drafting, granted | refused → submitted) only with a reason. Every
// move is written to the history in the same transaction as the status.
import { eq, isNull, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { conflict, invalid, parseInput } from '../../../errors.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { parisDay } from '../../programmes/common.js';
import { type ApplicationStatus, applicationBackSteps } from '../vocabulary.js';
import { type StatusMoveInput, statusMoveFields } from './contract.js';
import { fundingApplicationSteps, fundingApplications, fundingPayments, fundingReports } from './schema.js';
import { type ApplicationRow, requireApplication } from './service.js';

const forward: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  drafting: ['submitted'],
  submitted: ['granted', 'refused'],
  granted: ['reported'],
  refused: [],
  reported: [],
};
const back = applicationBackSteps;

/** Whether `from → to` is a move forward, one step back, or not allowed. */
export function moveKind(from: ApplicationStatus, to: ApplicationStatus): 'forward' | 'back' | null {
  if (forward[from].includes(to)) return 'forward';
  return back[from] === to ? 'back' : null;
}

/** The statuses an application may move to from this one by the pipeline alone, forward first. */
const movesFrom = (from: ApplicationStatus): ApplicationStatus[] => [
  ...forward[from],
  ...(back[from] ? [back[from]] : []),
];

/** Whether payments are recorded on the application (it then cannot go back from granted). */
const hasPayments = async (db: Handle, id: string) =>
  (await db.$count(fundingPayments, eq(fundingPayments.applicationId, id))) > 0;

/** Whether the application has at least one report and every one of them went to the funder. */
export async function reportsAllSubmitted(db: Handle, id: string): Promise<boolean> {
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      open: sql<number>`count(*) filter (where ${isNull(fundingReports.submittedOn)})::int`,
    })
    .from(fundingReports)
    .where(eq(fundingReports.applicationId, id));
  return !!counts && counts.total > 0 && counts.open === 0;
}

/** Why what is recorded on the application refuses `to` (a move the pipeline allows), or null when nothing does. */
async function blockerOf(db: Handle, app: ApplicationRow, to: ApplicationStatus) {
  if (app.status === 'granted' && to === 'submitted' && (await hasPayments(db, app.id))) {
    return conflict(
      'Des versements sont enregistrés sur ce dossier\u202f: supprimez-les avant de revenir en arrière.',
      [{ field: 'payments', code: 'paymentsRecorded' }],
    );
  }
  if (to === 'reported' && !(await reportsAllSubmitted(db, app.id))) {
    return conflict('Le compte rendu doit être remis au financeur\u202f: marquez chaque compte rendu comme envoyé.', [
      { field: 'reports', code: 'reportsPending' },
    ]);
  }
  return null;
}

/** The statuses the application may move to now: the pipeline's moves that what is recorded on it does not block. */
export async function movesOf(db: Handle, app: ApplicationRow): Promise<ApplicationStatus[]> {
  const moves = movesFrom(app.status);
  const blocked = await Promise.all(moves.map((to) => blockerOf(db, app, to)));
  return moves.filter((_, i) => blocked[i] === null);
}

const statusWords: Record<ApplicationStatus, string> = {
  drafting: 'en préparation',
  submitted: 'déposé',
  granted: 'accordé',
  refused: 'refusé',
  reported: 'soldé (compte rendu remis)',
};

/**
 * Moves an application along its pipeline (staff only). Forward moves set their dates (today by default) and, when
 * granted, the amount granted; a step back needs a reason and undoes what the step had set.
 */
export async function moveApplication(db: Db, by: Viewer, id: string, input: StatusMoveInput): Promise<void> {
  requireStaff(by);
  const move = parseInput(statusMoveFields, input);
  await db.transaction(async (tx) => {
    const app = await requireApplication(tx, id, true);
    const kind = moveKind(app.status, move.to);
    if (kind === null) {
      throw conflict(
        `Un dossier ${statusWords[app.status]} ne peut pas passer à «\u00a0${statusWords[move.to]}\u00a0».`,
        [{ field: 'to', code: 'statusMoveRefused' }],
      );
    }
    const blocker = await blockerOf(tx, app, move.to);
    if (blocker) throw blocker;
    const today = parisDay(new Date());
    let changes: Partial<typeof fundingApplications.$inferInsert>;
    if (kind === 'back') {
      if (move.reason === '') throw invalid([{ field: 'reason', code: 'backReasonRequired' }]);
      changes = move.to === 'drafting' ? { submittedOn: null } : { decidedOn: null, amountGranted: null };
    } else if (move.to === 'submitted') {
      changes = { submittedOn: move.submittedOn ?? today };
    } else if (move.to === 'granted' || move.to === 'refused') {
      const decidedOn = move.decidedOn ?? today;
      if (move.to === 'granted' && move.amountGranted === null) {
        throw invalid([{ field: 'amountGranted', code: 'required' }]);
      }
      if (app.submittedOn && decidedOn < app.submittedOn) {
        throw invalid([{ field: 'decidedOn', code: 'decidedBeforeSubmitted' }]);
      }
      changes = { decidedOn, amountGranted: move.to === 'granted' ? move.amountGranted : null };
    } else {
      changes = {};
    }
    await tx
      .update(fundingApplications)
      .set({ ...changes, status: move.to, updatedAt: new Date() })
      .where(eq(fundingApplications.id, id));
    await tx.insert(fundingApplicationSteps).values({
      applicationId: id,
      fromStatus: app.status,
      toStatus: move.to,
      reason: move.reason,
      byUserId: by.id,
    });
  });
}
