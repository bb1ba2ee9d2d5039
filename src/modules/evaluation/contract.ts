// Shared by server and web: a partnership's yearly evaluation (issue 8, point 1). Staff open and close evaluations
// and choose the indicators; each partner answers for itself (its members, or staff on its behalf); readers compare.
// Who reads one partnership's evaluations is decided by the service (staff, observers, the partners' members; 404
// for anyone else).
import { z } from 'zod';
import { readers, staff } from '../../auth/roles.js';
import { dateTime, defineRoute, idParams } from '../../http/contract.js';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { indicatorKeys } from './indicator-library.js';
import { type EvaluationDimension, evaluationDimensions, objectiveStatuses, scoreMax, scoreMin } from './vocabulary.js';

/** Who may answer or measure: staff, and members for their own organisation (checked by the service). */
const answerers = ['admin', 'animator', 'member'] as const;

export const evaluationYear = z.number().int().min(2000).max(2100);
const score = z.number().int().min(scoreMin).max(scoreMax);

// ---------- inputs ----------

export const openEvaluationInput = z.object({ year: evaluationYear });
export type OpenEvaluationInput = z.input<typeof openEvaluationInput>;

export const evaluationStatusInput = z.object({ closed: z.boolean() });

/** A dimension's answer: 1–5, or null for « je ne sais pas » (then not counted); left out, it is required. */
export const dimensionAnswer = z.object({
  score: score.nullable(),
  comment: z.string().trim().max(2000).default(''),
});

const scoresShape = Object.fromEntries(evaluationDimensions.map((d) => [d, dimensionAnswer])) as Record<
  EvaluationDimension,
  typeof dimensionAnswer
>;

export const objectiveInput = z.object({
  label: z.string().trim().min(2).max(300),
  status: z.enum(objectiveStatuses),
});

export const responseInput = z
  .object({
    scores: z.object(scoresShape),
    objectives: z.array(objectiveInput).max(20).default([]),
    /** 1 « nous donnons bien plus que nous recevons » … 3 équilibré … 5 « nous recevons bien plus… ». */
    balance: score,
    balanceComment: z.string().trim().max(2000).default(''),
  })
  .superRefine((r, ctx) => {
    if (evaluationDimensions.every((d) => r.scores[d].score === null)) {
      ctx.addIssue({ code: 'custom', path: ['scores'], message: 'noScoreGiven' });
    }
    const seen = new Set<string>();
    r.objectives.forEach((o, i) => {
      const label = o.label.toLocaleLowerCase('fr');
      if (seen.has(label))
        ctx.addIssue({ code: 'custom', path: ['objectives', i, 'label'], message: 'duplicateObjective' });
      seen.add(label);
    });
  });
export type ResponseInput = z.input<typeof responseInput>;

/** A measure: not negative, to the hundredth. */
export const measureValue = z
  .number()
  .min(0)
  .max(999_999_999_999)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'twoDecimalsAtMost' });
const optionalMeasure = measureValue.nullish().transform((v) => v ?? null);

export const measurementInput = z.object({
  measured: optionalMeasure,
  /** Where the measure comes from: words or a link. */
  evidence: z.string().trim().max(2000).default(''),
});
export type MeasurementInput = z.input<typeof measurementInput>;

/** A chosen indicator: its baseline and target (the measure and its evidence are entered on their own). */
export const indicatorInput = z.object({
  key: z.enum(indicatorKeys),
  baseline: optionalMeasure,
  target: optionalMeasure,
});
export type IndicatorInput = z.input<typeof indicatorInput>;

/** The evaluation's indicators: keys left out are removed; each key once (the repeat is named). */
export const indicatorsInput = z.object({ indicators: z.array(indicatorInput).max(30) }).superRefine((b, ctx) => {
  const seen = new Set<string>();
  b.indicators.forEach((i, n) => {
    if (seen.has(i.key))
      ctx.addIssue({ code: 'custom', path: ['indicators', n, 'key'], message: 'duplicateIndicator' });
    seen.add(i.key);
  });
});
export type IndicatorsInput = z.input<typeof indicatorsInput>;

export const comparisonQuery = z.object({
  year: z.coerce.number().pipe(evaluationYear).optional(),
  mode: z.enum(partnershipModes).optional(),
});
/** As the route hands it over, parsed. */
export type ComparisonQuery = z.output<typeof comparisonQuery>;

// ---------- views ----------

const nullableScore = z.number().nullable();
export const dimensionScores = z.object(
  Object.fromEntries(evaluationDimensions.map((d) => [d, nullableScore])) as Record<
    EvaluationDimension,
    typeof nullableScore
  >,
);
/** Rounded to one decimal, 0–100. */
export const scoreView = z.object({ dimensions: dimensionScores, overall: z.number().nullable() });
export type ScoreView = z.infer<typeof scoreView>;

const partnershipRef = z.object({ id: z.uuid(), title: z.string(), mode: z.enum(partnershipModes) });

export const evaluationSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  closedAt: dateTime.nullable(),
  /**
   * Partners who answered, of how many partners: the current ones and the former ones who answered while partners
   * (the evaluation page lists the same).
   */
  responses: z.number().int(),
  partners: z.number().int(),
  scores: scoreView,
});
export type EvaluationSummary = z.infer<typeof evaluationSummary>;

export const partnershipEvaluations = z.object({
  partnership: partnershipRef,
  /** Staff: open and close evaluations, choose indicators. */
  canManage: z.boolean(),
  /** Newest first: the history of the partnership's scores year by year. */
  evaluations: z.array(evaluationSummary),
});
export type PartnershipEvaluations = z.infer<typeof partnershipEvaluations>;

export const responseView = z.object({
  scores: z.object(
    Object.fromEntries(
      evaluationDimensions.map((d) => [d, z.object({ score: score.nullable(), comment: z.string() })]),
    ) as Record<EvaluationDimension, z.ZodObject<{ score: z.ZodNullable<typeof score>; comment: z.ZodString }>>,
  ),
  objectives: z.array(objectiveInput),
  balance: z.number().int().nullable(),
  balanceComment: z.string(),
  /** Answered by staff on the partner's behalf. */
  onBehalf: z.boolean(),
  answeredAt: dateTime,
});
export type ResponseView = z.infer<typeof responseView>;

export const evaluationPartner = z.object({
  actorId: z.uuid(),
  name: z.string(),
  /** Its answer, null until it answers. */
  response: responseView.nullable(),
  /** What its form starts with when it has not answered: last year's objectives, else its framing expectations. */
  suggestedObjectives: z.array(z.string()),
  /** The caller may answer for it (a member for its own organisation, staff for any partner), evaluation open. */
  canAnswer: z.boolean(),
});
export type EvaluationPartner = z.infer<typeof evaluationPartner>;

export const indicatorView = z.object({
  key: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  unitFr: z.string(),
  unitEn: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  measured: z.number().nullable(),
  evidence: z.string(),
});
export type IndicatorView = z.infer<typeof indicatorView>;

export const evaluationView = z.object({
  id: z.uuid(),
  year: z.number().int(),
  closedAt: dateTime.nullable(),
  partnership: partnershipRef,
  canManage: z.boolean(),
  /** The caller may enter measured values and evidence (staff, the partners' members), evaluation open. */
  canMeasure: z.boolean(),
  partners: z.array(evaluationPartner),
  indicators: z.array(indicatorView),
  scores: scoreView,
  /** Objectives of every partner: how many met, partly met, not met. */
  objectives: z.object({ met: z.number().int(), partlyMet: z.number().int(), notMet: z.number().int() }),
  /** Mean balance (1–5, two decimals) over the partners who answered. */
  balance: z.number().nullable(),
});
export type EvaluationView = z.infer<typeof evaluationView>;

export const comparisonRow = z.object({
  evaluationId: z.uuid(),
  partnership: partnershipRef,
  year: z.number().int(),
  closedAt: dateTime.nullable(),
  responses: z.number().int(),
  partners: z.number().int(),
  scores: scoreView,
});
export type ComparisonRow = z.infer<typeof comparisonRow>;

export const comparisonView = z.object({
  /** The year shown: the one asked, else the latest with an evaluation (null: none at all). */
  year: z.number().int().nullable(),
  /** Years with at least one evaluation, newest first. */
  years: z.array(z.number().int()),
  /** Best overall score first; evaluations nobody answered yet last. */
  rows: z.array(comparisonRow),
});
export type ComparisonView = z.infer<typeof comparisonView>;

// ---------- routes ----------

const tags = ['evaluation'];
const keyParams = idParams.extend({ key: z.string().max(100) });
const actorParams = idParams.extend({ actorId: z.uuid() });

export const evaluationRoutes = {
  ofPartnership: defineRoute({
    method: 'GET',
    path: '/api/v1/partnerships/:id/evaluations',
    summary: "A partnership's evaluations year by year with their scores (staff, observers, the partners' members)",
    tags,
    access: 'signedIn',
    params: idParams,
    response: partnershipEvaluations,
  }),
  open: defineRoute({
    method: 'POST',
    path: '/api/v1/partnerships/:id/evaluations',
    summary: "Opens a partnership's evaluation for a year (its indicators carried over from the year before)",
    tags,
    access: staff,
    params: idParams,
    body: openEvaluationInput,
    response: evaluationView,
    status: 201,
  }),
  compare: defineRoute({
    method: 'GET',
    path: '/api/v1/evaluations',
    summary: "The partnerships' scores per dimension for a year, best first, by mode",
    tags,
    access: readers,
    query: comparisonQuery,
    response: comparisonView,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/evaluations/:id',
    summary: "An evaluation: the partners' answers, the indicators and the scores",
    tags,
    access: 'signedIn',
    params: idParams,
    response: evaluationView,
  }),
  setStatus: defineRoute({
    method: 'PUT',
    path: '/api/v1/evaluations/:id/status',
    summary: 'Closes an evaluation (no more answers nor measures) or opens it again',
    tags,
    access: staff,
    params: idParams,
    body: evaluationStatusInput,
    response: evaluationView,
  }),
  answer: defineRoute({
    method: 'PUT',
    path: '/api/v1/evaluations/:id/responses/:actorId',
    summary: "A partner's answer (its members, or staff on its behalf), replaced as a whole",
    tags,
    access: answerers,
    params: actorParams,
    body: responseInput,
    response: evaluationView,
  }),
  setIndicators: defineRoute({
    method: 'PUT',
    path: '/api/v1/evaluations/:id/indicators',
    summary: "The evaluation's indicators from the library with their baseline and target (measures entered stay)",
    tags,
    access: staff,
    params: idParams,
    body: indicatorsInput,
    response: evaluationView,
  }),
  measure: defineRoute({
    method: 'PUT',
    path: '/api/v1/evaluations/:id/indicators/:key',
    summary: "An indicator's measured value and evidence (staff, the partners' members)",
    tags,
    access: answerers,
    params: keyParams,
    body: measurementInput,
    response: evaluationView,
  }),
} as const;
