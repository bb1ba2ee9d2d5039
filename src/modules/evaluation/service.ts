// Writing evaluations. Staff open a partnership's evaluation for a year (its indicators carried over from the latest
// earlier year, measures left blank), choose its indicators, close it and open it again. Each partner answers for
// itself (its members; staff on its behalf, recorded as such); the partners' members enter measures. A closed
// evaluation refuses answers and measures. Every multi-row write is one transaction, the evaluation row locked.
import { and, desc, eq, lt, notInArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { isStaff, requireStaff } from '../actors/visibility.js';
import type { PartnershipMode } from '../partnerships/vocabulary.js';
import { parisDay } from '../programmes/common.js';
import { mayAnswerFor, mayMeasure, readableEvaluation, readablePartnership } from './access.js';
import {
  evaluationStatusInput,
  type IndicatorsInput,
  indicatorsInput,
  type MeasurementInput,
  measurementInput,
  type OpenEvaluationInput,
  openEvaluationInput,
  type ResponseInput,
  responseInput,
} from './contract.js';
import { libraryIndicator } from './indicator-library.js';
import {
  evaluationIndicators,
  evaluationObjectives,
  evaluationResponses,
  evaluationScores,
  evaluations,
} from './schema.js';
import { evaluationDimensions } from './vocabulary.js';

/** An evaluation's year may not be after the current one (Paris time). */
export const currentYear = () => Number(parisDay(new Date()).slice(0, 4));

/** The indicators of the library that suit a partnership's mode. */
const suitsMode = (key: string, mode: PartnershipMode) =>
  (libraryIndicator(key)?.modes as readonly string[] | undefined)?.includes(mode) ?? false;

/** Locks the evaluation row for the transaction; refuses when it is closed. */
async function lockOpen(tx: Tx, id: string) {
  const [row] = await tx
    .select({ closedAt: evaluations.closedAt })
    .from(evaluations)
    .where(eq(evaluations.id, id))
    .for('update');
  if (!row) throw notFound('Évaluation');
  if (row.closedAt !== null) throw conflict('Évaluation close : elle ne reçoit plus de réponses ni de mesures');
}

/** Opens the evaluation of a year; answers its id. The year's evaluation may exist only once. */
export async function openEvaluation(
  db: Db,
  by: CurrentUser,
  partnershipId: string,
  input: OpenEvaluationInput,
): Promise<string> {
  requireStaff(by);
  const { year } = parseInput(openEvaluationInput, input);
  const partnership = await readablePartnership(db, by, partnershipId);
  if (partnership.status === 'abandoned') throw conflict('Partenariat abandonné : il ne s’évalue plus');
  if (year > currentYear()) throw invalid([{ field: 'year', code: 'evaluationYearInFuture' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evaluations)
      .values({ partnershipId, year, openedBy: by.id })
      .onConflictDoNothing()
      .returning({ id: evaluations.id });
    if (!row) throw conflict('Cette année est déjà évaluée', [{ field: 'year', code: 'evaluationExists' }]);
    const [previous] = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.partnershipId, partnershipId), lt(evaluations.year, year)))
      .orderBy(desc(evaluations.year))
      .limit(1);
    if (previous) {
      const carried = await tx
        .select({
          key: evaluationIndicators.key,
          baseline: evaluationIndicators.baseline,
          target: evaluationIndicators.target,
        })
        .from(evaluationIndicators)
        .where(eq(evaluationIndicators.evaluationId, previous.id));
      // The partnership's mode may have changed since: only what suits it now carries over.
      const suited = carried.filter((i) => suitsMode(i.key, partnership.mode));
      if (suited.length) {
        await tx
          .insert(evaluationIndicators)
          .values(suited.map((i) => ({ ...i, evaluationId: row.id, updatedBy: by.id })));
      }
    }
    return row.id;
  });
}

export async function setEvaluationStatus(db: Db, by: CurrentUser, id: string, input: { closed: boolean }) {
  requireStaff(by);
  const { closed } = parseInput(evaluationStatusInput, input);
  const updated = await db
    .update(evaluations)
    .set(closed ? { closedAt: new Date(), closedBy: by.id } : { closedAt: null, closedBy: null })
    .where(eq(evaluations.id, id))
    .returning({ id: evaluations.id });
  if (!updated.length) throw notFound('Évaluation');
}

/**
 * A partner's answer, replacing its previous one: its scores, objectives and balance. A member answers for its own
 * organisation only; staff for any current partner (`onBehalf`).
 */
export async function answerEvaluation(
  db: Db,
  by: CurrentUser,
  id: string,
  actorId: string,
  input: ResponseInput,
): Promise<void> {
  const evaluation = await readableEvaluation(db, by, id);
  if (!evaluation.partnership.partnerIds.includes(actorId)) throw notFound('Partenaire');
  if (!mayAnswerFor(by, actorId)) throw forbidden('Vous répondez pour votre propre organisation seulement');
  const data = parseInput(responseInput, input);
  await db.transaction(async (tx) => {
    await lockOpen(tx, id);
    const fields = {
      balance: data.balance,
      balanceComment: data.balanceComment,
      answeredBy: by.id,
      onBehalf: isStaff(by),
      updatedAt: new Date(),
    };
    const [response] = await tx
      .insert(evaluationResponses)
      .values({ evaluationId: id, actorId, ...fields })
      .onConflictDoUpdate({ target: [evaluationResponses.evaluationId, evaluationResponses.actorId], set: fields })
      .returning({ id: evaluationResponses.id });
    if (!response) throw new Error('upsert returned nothing');
    await tx.delete(evaluationScores).where(eq(evaluationScores.responseId, response.id));
    await tx.delete(evaluationObjectives).where(eq(evaluationObjectives.responseId, response.id));
    await tx.insert(evaluationScores).values(
      evaluationDimensions.map((dimension) => ({
        responseId: response.id,
        dimension,
        score: data.scores[dimension].score,
        comment: data.scores[dimension].comment,
      })),
    );
    if (data.objectives.length) {
      await tx
        .insert(evaluationObjectives)
        .values(data.objectives.map((o, position) => ({ responseId: response.id, position, ...o })));
    }
  });
}

/**
 * Staff choose the evaluation's indicators, each from the library and suited to the partnership's mode, with their
 * baseline and target. Keys left out are removed; the measures and evidence the partners entered stay as they are.
 */
export async function setIndicators(db: Db, by: CurrentUser, id: string, input: IndicatorsInput): Promise<void> {
  requireStaff(by);
  const evaluation = await readableEvaluation(db, by, id);
  const data = parseInput(indicatorsInput, input);
  const issues = data.indicators.flatMap((i, n) =>
    suitsMode(i.key, evaluation.partnership.mode)
      ? []
      : [{ field: `indicators.${n}.key`, code: 'indicatorNotForMode' }],
  );
  if (issues.length) throw invalid(issues);
  const keys = data.indicators.map((i) => i.key);
  await db.transaction(async (tx) => {
    await lockOpen(tx, id);
    await tx
      .delete(evaluationIndicators)
      .where(
        and(
          eq(evaluationIndicators.evaluationId, id),
          keys.length ? notInArray(evaluationIndicators.key, keys) : undefined,
        ),
      );
    for (const { key, baseline, target } of data.indicators) {
      const chosen = { baseline, target, updatedBy: by.id, updatedAt: new Date() };
      await tx
        .insert(evaluationIndicators)
        .values({ evaluationId: id, key, ...chosen })
        .onConflictDoUpdate({ target: [evaluationIndicators.evaluationId, evaluationIndicators.key], set: chosen });
    }
  });
}

/** A measured value and its evidence, by staff or one of the partners' members. */
export async function measureIndicator(
  db: Db,
  by: CurrentUser,
  id: string,
  key: string,
  input: MeasurementInput,
): Promise<void> {
  const evaluation = await readableEvaluation(db, by, id);
  if (!mayMeasure(by, evaluation.partnership.partnerIds)) throw forbidden();
  const data = parseInput(measurementInput, input);
  await db.transaction(async (tx) => {
    await lockOpen(tx, id);
    const updated = await tx
      .update(evaluationIndicators)
      .set({ ...data, updatedBy: by.id, updatedAt: new Date() })
      .where(and(eq(evaluationIndicators.evaluationId, id), eq(evaluationIndicators.key, key)))
      .returning({ key: evaluationIndicators.key });
    if (!updated.length) throw notFound('Indicateur');
  });
}
