// What the evaluation pages read: one evaluation with every partner's answer, a partnership's history, and the
// comparison of partnerships for a year. Scores come from scores.ts (the same rules as the dashboard's figures).
import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { isStaff } from '../actors/visibility.js';
import { partnershipPartners } from '../partnerships/schema.js';
import type { PartnershipMode } from '../partnerships/vocabulary.js';
import { mayAnswerFor, mayMeasure, readableEvaluation, readablePartnership } from './access.js';
import type {
  ComparisonQuery,
  ComparisonView,
  EvaluationSummary,
  EvaluationView,
  PartnershipEvaluations,
  ResponseView,
} from './contract.js';
import { indicatorLibrary, libraryIndicator } from './indicator-library.js';
import {
  evaluationIndicators,
  evaluationObjectives,
  evaluationResponses,
  evaluationScores,
  evaluations,
} from './schema.js';
import { emptyDimensionScores, rounded, scoresOf } from './scores.js';
import type { EvaluationDimension } from './vocabulary.js';

const libraryOrder = new Map<string, number>(indicatorLibrary.map((i, n) => [i.key, n]));

/** The answers given to an evaluation, by partner. */
async function responsesOf(db: Db, evaluationId: string): Promise<Map<string, ResponseView>> {
  const rows = await db.select().from(evaluationResponses).where(eq(evaluationResponses.evaluationId, evaluationId));
  if (!rows.length) return new Map();
  const ids = rows.map((r) => r.id);
  const [scores, objectives] = await Promise.all([
    db.select().from(evaluationScores).where(inArray(evaluationScores.responseId, ids)),
    db
      .select()
      .from(evaluationObjectives)
      .where(inArray(evaluationObjectives.responseId, ids))
      .orderBy(asc(evaluationObjectives.position)),
  ]);
  return new Map(
    rows.map((r) => {
      const answers = Object.fromEntries(
        Object.keys(emptyDimensionScores()).map((d) => [d, { score: null, comment: '' }]),
      ) as ResponseView['scores'];
      for (const s of scores.filter((s) => s.responseId === r.id)) {
        answers[s.dimension as EvaluationDimension] = { score: s.score, comment: s.comment };
      }
      return [
        r.actorId,
        {
          scores: answers,
          objectives: objectives
            .filter((o) => o.responseId === r.id)
            .map((o) => ({ label: o.label, status: o.status })),
          balance: r.balance,
          balanceComment: r.balanceComment,
          onBehalf: r.onBehalf,
          answeredAt: r.updatedAt.toISOString(),
        },
      ];
    }),
  );
}

/**
 * What a partner's form starts with: its objectives of its latest earlier answer, else its expectations written when
 * the partnership was framed (one objective).
 */
async function suggestedObjectives(
  db: Db,
  partnershipId: string,
  year: number,
  actorIds: string[],
): Promise<Map<string, string[]>> {
  if (!actorIds.length) return new Map();
  const [previous, framing] = await Promise.all([
    db
      .select({ actorId: evaluationResponses.actorId, year: evaluations.year, label: evaluationObjectives.label })
      .from(evaluationObjectives)
      .innerJoin(evaluationResponses, eq(evaluationResponses.id, evaluationObjectives.responseId))
      .innerJoin(evaluations, eq(evaluations.id, evaluationResponses.evaluationId))
      .where(
        and(
          eq(evaluations.partnershipId, partnershipId),
          lt(evaluations.year, year),
          inArray(evaluationResponses.actorId, actorIds),
        ),
      )
      .orderBy(desc(evaluations.year), asc(evaluationObjectives.position)),
    db
      .select({ actorId: partnershipPartners.actorId, expectations: partnershipPartners.expectations })
      .from(partnershipPartners)
      .where(eq(partnershipPartners.partnershipId, partnershipId)),
  ]);
  return new Map(
    actorIds.map((actorId) => {
      const mine = previous.filter((p) => p.actorId === actorId);
      const latest = mine[0]?.year;
      if (latest !== undefined) return [actorId, mine.filter((p) => p.year === latest).map((p) => p.label)];
      const expectations = framing.find((f) => f.actorId === actorId)?.expectations.trim() ?? '';
      return [actorId, expectations.length >= 2 ? [expectations.slice(0, 300)] : []];
    }),
  );
}

export async function evaluationViewOf(db: Db, user: CurrentUser | null, id: string): Promise<EvaluationView> {
  const evaluation = await readableEvaluation(db, user, id);
  const { partnership } = evaluation;
  const open = evaluation.closedAt === null;
  const responses = await responsesOf(db, id);
  // Current partners, then former partners who answered while they were partners.
  const actorIds = [...new Set([...partnership.partnerIds, ...responses.keys()])];
  const unanswered = partnership.partnerIds.filter((a) => !responses.has(a));
  const [names, suggestions, indicators, scores] = await Promise.all([
    actorIds.length
      ? db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, actorIds))
      : [],
    suggestedObjectives(db, partnership.id, evaluation.year, unanswered),
    db.select().from(evaluationIndicators).where(eq(evaluationIndicators.evaluationId, id)),
    scoresOf(db, sql`${id}::uuid`),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const answered = [...responses.values()];
  const objectives = answered.flatMap((r) => r.objectives);
  const balances = answered.flatMap((r) => (r.balance === null ? [] : [r.balance]));
  const score = scores.get(id);
  return {
    id,
    year: evaluation.year,
    closedAt: evaluation.closedAt?.toISOString() ?? null,
    partnership: { id: partnership.id, title: partnership.title, mode: partnership.mode },
    canManage: isStaff(user),
    canMeasure: open && mayMeasure(user, partnership.partnerIds),
    partners: actorIds.map((actorId) => ({
      actorId,
      name: nameOf.get(actorId) ?? '',
      response: responses.get(actorId) ?? null,
      suggestedObjectives: suggestions.get(actorId) ?? [],
      canAnswer: open && partnership.partnerIds.includes(actorId) && mayAnswerFor(user, actorId),
    })),
    indicators: indicators
      .filter((i) => libraryIndicator(i.key))
      .sort((a, b) => (libraryOrder.get(a.key) ?? 0) - (libraryOrder.get(b.key) ?? 0))
      .map((i) => {
        const { labelFr, labelEn, unitFr, unitEn } = libraryIndicator(i.key) ?? indicatorLibrary[0];
        return {
          key: i.key,
          labelFr,
          labelEn,
          unitFr,
          unitEn,
          baseline: i.baseline,
          target: i.target,
          measured: i.measured,
          evidence: i.evidence,
        };
      }),
    scores: rounded(score ?? { dimensions: emptyDimensionScores(), overall: null }),
    objectives: {
      met: objectives.filter((o) => o.status === 'met').length,
      partlyMet: objectives.filter((o) => o.status === 'partlyMet').length,
      notMet: objectives.filter((o) => o.status === 'notMet').length,
    },
    balance: balances.length ? Math.round((balances.reduce((a, b) => a + b, 0) / balances.length) * 100) / 100 : null,
  };
}

interface SummaryRow {
  id: string;
  year: number;
  closedAt: string | null;
  responses: number;
  partners: number;
  partnershipId: string;
  title: string;
  mode: PartnershipMode;
}

/** Evaluations with their counts, for the history and the comparison. */
function summaryRows(db: Db, where: SQL) {
  return rowsOf<SummaryRow>(
    db,
    sql`select e.id, e.year, to_json(e.closed_at)#>>'{}' as "closedAt",
        (select count(*)::int from evaluation_responses r where r.evaluation_id = e.id) as responses,
        (select count(*)::int from (
          select pp.actor_id from partnership_partners pp where pp.partnership_id = e.partnership_id
          union select r.actor_id from evaluation_responses r where r.evaluation_id = e.id) a) as partners,
        p.id as "partnershipId", p.title, p.mode
      from evaluations e join partnerships p on p.id = e.partnership_id
      where ${where}`,
  );
}

function summaryOf(row: SummaryRow, scores: Awaited<ReturnType<typeof scoresOf>>): EvaluationSummary {
  return {
    id: row.id,
    year: row.year,
    closedAt: row.closedAt === null ? null : new Date(row.closedAt).toISOString(),
    responses: row.responses,
    partners: row.partners,
    scores: rounded(scores.get(row.id) ?? { dimensions: emptyDimensionScores(), overall: null }),
  };
}

export async function partnershipEvaluationsOf(
  db: Db,
  user: CurrentUser | null,
  partnershipId: string,
): Promise<PartnershipEvaluations> {
  const partnership = await readablePartnership(db, user, partnershipId);
  const where = sql`e.partnership_id = ${partnershipId}`;
  const [rows, scores] = await Promise.all([
    summaryRows(db, where),
    scoresOf(db, sql`select e.id from evaluations e where ${where}`),
  ]);
  return {
    partnership: { id: partnership.id, title: partnership.title, mode: partnership.mode },
    canManage: isStaff(user),
    evaluations: rows.sort((a, b) => b.year - a.year).map((r) => summaryOf(r, scores)),
  };
}

/** Readers compare the partnerships evaluated a year (the latest by default), optionally of one mode. */
export async function comparisonOf(db: Db, query: ComparisonQuery): Promise<ComparisonView> {
  const years = (await rowsOf<{ year: number }>(db, sql`select distinct year from evaluations order by year desc`)).map(
    (r) => r.year,
  );
  const year = query.year ?? years[0] ?? null;
  if (year === null) return { year, years, rows: [] };
  const where = sql`e.year = ${year} and ${query.mode ? sql`p.mode = ${query.mode}` : sql`true`}`;
  const [rows, scores] = await Promise.all([
    summaryRows(db, where),
    scoresOf(db, sql`select e.id from evaluations e join partnerships p on p.id = e.partnership_id where ${where}`),
  ]);
  const compared = rows.map((r) => {
    const { id, ...summary } = summaryOf(r, scores);
    return {
      evaluationId: id,
      partnership: { id: r.partnershipId, title: r.title, mode: r.mode },
      ...summary,
    };
  });
  compared.sort(
    (a, b) =>
      (b.scores.overall ?? -1) - (a.scores.overall ?? -1) ||
      a.partnership.title.localeCompare(b.partnership.title, 'fr'),
  );
  return { year, years, rows: compared };
}
