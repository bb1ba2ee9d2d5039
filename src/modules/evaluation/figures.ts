// The evaluation figures of a scope (the dashboard's and the annual review's): one function, tested, reused by both.

import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { yearSpanOf } from '../dashboard/figures/common.js';
import { partnershipInScope, type ResolvedScope } from '../dashboard/scope.js';
import { indicatorLibrary } from './indicator-library.js';
import {
  type DimensionScores,
  type EvaluationScore,
  emptyDimensionScores,
  meanScore,
  rounded,
  roundScore,
  scoresOf,
} from './scores.js';
import type { ObjectiveStatus } from './vocabulary.js';

/**
 * The public sees evaluation figures only when at least this many partnerships' answers make them up: fewer would
 * let anyone read one partnership's answers through them.
 */
export const publicEvaluationMinimum = 3;

export interface EvaluationYearFigures {
  year: number;
  /** Partnerships with at least one partner's answer that year. */
  evaluatedPartnerships: number;
  responses: number;
  dimensions: DimensionScores;
  overall: number | null;
}

export interface IndicatorTotal {
  /** The library's key, e.g. `beneficiariesReached`. */
  key: string;
  labelFr: string;
  labelEn: string;
  /** e.g. `personnes`, `heures`, `t`; '' for a plain count. */
  unitFr: string;
  unitEn: string;
  /**
   * Sums over the evaluations in scope that record the indicator with a measure (null when none gave that value):
   * baseline and target count only beside a measure, so that a target carried over from year to year is not added
   * up once per year, and the three sums compare.
   */
  baseline: number | null;
  target: number | null;
  measured: number | null;
  /** How many evaluations (partnership × year) record it, measured or not. */
  evaluations: number;
}

export interface EvaluationFigures {
  /** Distinct partnerships with at least one partner's answer in scope. */
  evaluatedPartnerships: number;
  /** Evaluations (partnership × year) opened in scope, answered or not. */
  evaluations: number;
  /** Partners' questionnaires answered. */
  responses: number;
  /**
   * Per dimension, the mean over the evaluations in scope of each evaluation's score (itself the mean over the
   * partners who answered it of (score − 1) / 4 × 100), rounded to one decimal.
   */
  dimensions: DimensionScores;
  /** Mean of the evaluations' overall scores (an evaluation's = mean of its dimension scores), one decimal. */
  overall: number | null;
  /** Year by year, oldest first, only years with at least one evaluation. */
  byYear: EvaluationYearFigures[];
  /** One row per indicator key recorded in scope, in the library's order. */
  indicators: IndicatorTotal[];
  /** Partners' own objectives in scope. `metPercent` = met / total × 100 (one decimal), null when none. */
  objectives: { total: number; met: number; partlyMet: number; notMet: number; metPercent: number | null };
  /**
   * The balance of the relationship as partners see it, 1 « nous donnons bien plus que nous recevons » … 3 balanced …
   * 5 « nous recevons bien plus que nous donnons »: mean (two decimals) and count per answer (index 0 = 1).
   */
  balance: { responses: number; average: number | null; distribution: [number, number, number, number, number] };
}

/**
 * The ids of the evaluations in scope, as a subquery: those of the partnerships in scope not abandoned (as the
 * dashboard's `scoped_partnerships`), of a calendar year the scope's span meets.
 */
function evaluationsInScope(scope: ResolvedScope): SQL {
  const { from, to } = yearSpanOf(scope);
  return sql`select e.id from evaluations e join partnerships p on p.id = e.partnership_id
    where p.status <> 'abandoned' and ${partnershipInScope(scope)}
    and ${from === undefined ? sql`true` : sql`e.year >= ${from}`} and ${to === undefined ? sql`true` : sql`e.year <= ${to}`}`;
}

/** No figure: for the public when too few partnerships' answers make them up. */
export function emptyEvaluationFigures(): EvaluationFigures {
  return {
    evaluatedPartnerships: 0,
    evaluations: 0,
    responses: 0,
    dimensions: emptyDimensionScores(),
    overall: null,
    byYear: [],
    indicators: [],
    objectives: { total: 0, met: 0, partlyMet: 0, notMet: 0, metPercent: null },
    balance: { responses: 0, average: null, distribution: [0, 0, 0, 0, 0] },
  };
}

interface EvaluationRow {
  id: string;
  year: number;
  partnershipId: string;
  responses: number;
}

/** Figures of a set of evaluations (all of the scope's, or one year's). */
function summarise(rows: readonly EvaluationRow[], scores: ReadonlyMap<string, EvaluationScore>) {
  const answered = rows.filter((r) => r.responses > 0);
  const score = rounded(meanScore(answered.flatMap((r) => scores.get(r.id) ?? [])));
  return {
    evaluatedPartnerships: new Set(answered.map((r) => r.partnershipId)).size,
    responses: rows.reduce((n, r) => n + r.responses, 0),
    dimensions: score.dimensions,
    overall: score.overall,
  };
}

/**
 * The evaluation figures of the partnerships in scope (`partnershipInScope`: public audiences count published
 * partnerships only; abandoned ones never). An evaluation of year Y is in the scope's span when the span meets that
 * calendar year. The public gets no figure at all (`emptyEvaluationFigures`) when fewer than
 * `publicEvaluationMinimum` partnerships were answered in scope, and no year whose answered partnerships are fewer.
 */
export async function evaluationFigures(db: Handle, scope: ResolvedScope): Promise<EvaluationFigures> {
  const ids = evaluationsInScope(scope);
  const [evaluationRows, scores, objectiveRows, balanceRows, indicatorRows] = await Promise.all([
    rowsOf<EvaluationRow>(
      db,
      sql`select e.id, e.year, e.partnership_id as "partnershipId",
          (select count(*)::int from evaluation_responses r where r.evaluation_id = e.id) as responses
        from evaluations e where e.id in (${ids}) order by e.year`,
    ),
    scoresOf(db, ids),
    rowsOf<{ status: ObjectiveStatus; count: number }>(
      db,
      sql`select o.status, count(*)::int as count from evaluation_objectives o
        join evaluation_responses r on r.id = o.response_id
        where r.evaluation_id in (${ids}) group by o.status`,
    ),
    rowsOf<{ balance: number; count: number }>(
      db,
      sql`select r.balance, count(*)::int as count from evaluation_responses r
        where r.evaluation_id in (${ids}) and r.balance is not null group by r.balance`,
    ),
    rowsOf<Pick<IndicatorTotal, 'key' | 'baseline' | 'target' | 'measured' | 'evaluations'>>(
      db,
      sql`select i.key, sum(i.baseline) filter (where i.measured is not null)::float8 as baseline,
          sum(i.target) filter (where i.measured is not null)::float8 as target,
          sum(i.measured)::float8 as measured, count(*)::int as evaluations
        from evaluation_indicators i where i.evaluation_id in (${ids}) group by i.key`,
    ),
  ]);

  const all = summarise(evaluationRows, scores);
  const isPublic = scope.audience === 'public';
  if (isPublic && all.evaluatedPartnerships < publicEvaluationMinimum) return emptyEvaluationFigures();
  const years = [...new Set(evaluationRows.map((r) => r.year))].sort((a, b) => a - b);
  const byYear = years.map((year) => ({
    year,
    ...summarise(
      evaluationRows.filter((r) => r.year === year),
      scores,
    ),
  }));
  const count = (status: ObjectiveStatus) => objectiveRows.find((r) => r.status === status)?.count ?? 0;
  const [met, partlyMet, notMet] = [count('met'), count('partlyMet'), count('notMet')];
  const totalObjectives = met + partlyMet + notMet;
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of balanceRows) distribution[r.balance - 1] = r.count;
  const balanceResponses = distribution.reduce((a, b) => a + b, 0);
  const balanceSum = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  const measuredByKey = new Map(indicatorRows.map((r) => [r.key, r]));

  return {
    ...all,
    evaluations: evaluationRows.length,
    byYear: isPublic ? byYear.filter((y) => y.evaluatedPartnerships >= publicEvaluationMinimum) : byYear,
    indicators: indicatorLibrary.flatMap(({ key, labelFr, labelEn, unitFr, unitEn }) => {
      const r = measuredByKey.get(key);
      return r ? [{ ...r, labelFr, labelEn, unitFr, unitEn }] : [];
    }),
    objectives: {
      total: totalObjectives,
      met,
      partlyMet,
      notMet,
      metPercent: totalObjectives ? roundScore((met / totalObjectives) * 100) : null,
    },
    balance: {
      responses: balanceResponses,
      average: balanceResponses ? Math.round((balanceSum / balanceResponses) * 100) / 100 : null,
      distribution,
    },
  };
}
