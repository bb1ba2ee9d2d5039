// How answers become comparable scores. A partner's 1–5 answer is normalised to 0–100; an evaluation's dimension
// score is the mean over the partners who answered that dimension (a partner who did not answer, or answered « je ne
// sais pas », does not count); an evaluation's overall score is the mean of its dimension scores. Across several
// evaluations (a comparison, a dashboard), each evaluation weighs the same, whatever its number of partners.
import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { type EvaluationDimension, evaluationDimensions, scoreMax, scoreMin } from './vocabulary.js';

/** 0–100 per dimension, null when nobody answered it. */
export type DimensionScores = Record<EvaluationDimension, number | null>;

export interface EvaluationScore {
  dimensions: DimensionScores;
  overall: number | null;
}

export function emptyDimensionScores(): DimensionScores {
  return Object.fromEntries(evaluationDimensions.map((d) => [d, null])) as DimensionScores;
}

/** One decimal, as every score is shown and compared. */
export const roundScore = (v: number) => Math.round(v * 10) / 10;

/** The mean of the values that are there, null when none is. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

/** An evaluation's overall score from its (unrounded) dimension scores. */
export function withOverall(dimensions: DimensionScores): EvaluationScore {
  return { dimensions, overall: meanOf(evaluationDimensions.map((d) => dimensions[d])) };
}

/** Several evaluations' scores merged, each evaluation weighing the same: per dimension and overall means. */
export function meanScore(scores: readonly EvaluationScore[]): EvaluationScore {
  const dimensions = emptyDimensionScores();
  for (const d of evaluationDimensions) dimensions[d] = meanOf(scores.map((s) => s.dimensions[d]));
  return { dimensions, overall: meanOf(scores.map((s) => s.overall)) };
}

/** Rounded for display and comparison (computations keep the unrounded values). */
export function rounded(score: EvaluationScore): EvaluationScore {
  const dimensions = emptyDimensionScores();
  for (const d of evaluationDimensions) {
    const v = score.dimensions[d];
    dimensions[d] = v === null ? null : roundScore(v);
  }
  return { dimensions, overall: score.overall === null ? null : roundScore(score.overall) };
}

/**
 * The unrounded scores of the evaluations whose ids `evaluationIds` (an SQL subquery or list) selects, by evaluation id;
 * every selected evaluation is in the map, unanswered ones with null scores.
 */
export async function scoresOf(db: Handle, evaluationIds: SQL): Promise<Map<string, EvaluationScore>> {
  const rows = await rowsOf<{ id: string; dimension: EvaluationDimension | null; score: number | null }>(
    db,
    sql`select e.id, d.dimension, d.score
      from evaluations e
      left join (
        select r.evaluation_id, s.dimension,
          avg((s.score - ${scoreMin}) * 100.0 / ${scoreMax - scoreMin})::float8 as score
        from evaluation_responses r
        join evaluation_scores s on s.response_id = r.id
        where s.score is not null
        group by r.evaluation_id, s.dimension
      ) d on d.evaluation_id = e.id
      where e.id in (${evaluationIds})`,
  );
  const dims = new Map<string, DimensionScores>();
  for (const r of rows) {
    const d = dims.get(r.id) ?? emptyDimensionScores();
    if (r.dimension !== null) d[r.dimension] = r.score;
    dims.set(r.id, d);
  }
  return new Map([...dims].map(([id, d]) => [id, withOverall(d)]));
}
