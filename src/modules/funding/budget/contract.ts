// Shared by server and web: the programme's budget (lines, their funding sources and figures) and the volunteer
// valuation, with the XLSX export (issue 7 point 3). Readers (staff and the steering committee) read; staff write.
import { z } from 'zod';
import { readers, staff } from '../../../auth/roles.js';
import { defineRoute, idParams, noContent, optionalUuid } from '../../../http/contract.js';
import { eurosValue } from '../../partnerships/contract.js';
import { applicationStatuses, budgetCategories, fundingSourceKinds } from '../vocabulary.js';

const year = z.number().int().min(2000).max(2100);
const positiveEuros = eurosValue.refine((v) => v > 0, { message: 'amountNotPositive' });

// ---------- inputs ----------

/** Where part of a line's money comes from; the id or label its kind needs is required (named on its field). */
export const sourceFields = z
  .object({
    kind: z.enum(fundingSourceKinds),
    applicationId: optionalUuid,
    contributionId: optionalUuid,
    /** Own funds: what they are (« Apport PAA »); optional words for the other kinds. */
    label: z.string().trim().max(200).default(''),
    amount: positiveEuros,
  })
  .superRefine((s, ctx) => {
    const missing =
      s.kind === 'application' && !s.applicationId
        ? 'applicationId'
        : s.kind === 'contribution' && !s.contributionId
          ? 'contributionId'
          : s.kind === 'ownFunds' && !s.label
            ? 'label'
            : null;
    if (missing) ctx.addIssue({ code: 'custom', path: [missing], message: 'required' });
  });
export type SourceInput = z.input<typeof sourceFields>;

/** The same application or contribution twice on a line would count it twice: each repeat is named. */
const distinctSources = (b: { sources: z.output<typeof sourceFields>[] }, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  b.sources.forEach((s, i) => {
    const ref = s.kind === 'application' ? s.applicationId : s.kind === 'contribution' ? s.contributionId : null;
    if (!ref) return;
    const field = s.kind === 'application' ? 'applicationId' : 'contributionId';
    if (seen.has(ref)) ctx.addIssue({ code: 'custom', path: ['sources', i, field], message: 'duplicateSource' });
    seen.add(ref);
  });
};

const lineShape = {
  year,
  /** Null: a transversal line (coordination…). */
  territoryId: optionalUuid,
  category: z.enum(budgetCategories),
  label: z.string().trim().min(2).max(200),
  forecast: eurosValue.default(0),
  committed: eurosValue.default(0),
  actual: eurosValue.default(0),
  position: z.number().int().min(0).max(999).default(0),
  sources: z.array(sourceFields).max(50).default([]),
};

export const newLineFields = z.object({ programmeId: z.uuid(), ...lineShape }).superRefine(distinctSources);
export type NewLineInput = z.input<typeof newLineFields>;
/** A line keeps its programme; its fields and sources are replaced as a whole. */
export const lineFields = z.object(lineShape).superRefine(distinctSources);
export type LineInput = z.input<typeof lineFields>;

export const rateShape = {
  year,
  /** Empty: the default rate of the year, for the roles without their own. */
  role: z.string().trim().max(120).default(''),
  hourlyRate: positiveEuros,
};
export const newRateFields = z.object({ programmeId: z.uuid(), ...rateShape });
export type NewRateInput = z.input<typeof newRateFields>;
export const rateFields = z.object(rateShape);
export type RateInput = z.input<typeof rateFields>;

const hourAmount = z
  .number()
  .positive({ message: 'amountNotPositive' })
  .max(10_000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'invalid' });

const hoursShape = {
  territoryId: optionalUuid,
  /** The organisation of the directory the volunteers came from, when known. */
  actorId: optionalUuid,
  /** A person-role (« bénévole d'animation »), never a person's name. */
  role: z.string().trim().min(2).max(120),
  workedOn: z.iso.date({ message: 'invalidDate' }),
  hours: hourAmount,
  description: z.string().trim().max(2000).default(''),
};
export const newHoursFields = z.object({ programmeId: z.uuid(), ...hoursShape });
export type NewHoursInput = z.input<typeof newHoursFields>;
export const hoursFields = z.object(hoursShape);
export type HoursInput = z.input<typeof hoursFields>;

const queryYear = z.coerce.number().int().min(2000).max(2100).optional();

/** A programme's budget over a span of years (both ends optional: every year). */
export const budgetQuery = z.object({ programmeId: z.uuid(), from: queryYear, to: queryYear }).superRefine((q, ctx) => {
  if (q.from !== undefined && q.to !== undefined && q.to < q.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
  }
});
export type BudgetQuery = z.output<typeof budgetQuery>;

// ---------- views ----------

/** The four columns of the seeds plus what a budget needs to be followed: funded, expected, left to find. */
export const figures = z.object({
  forecast: z.number(),
  committed: z.number(),
  actual: z.number(),
  /** Secured: granted applications (up to their grant), contributions, own funds. */
  funded: z.number(),
  /** Submitted applications, not decided yet. */
  expected: z.number(),
  /** forecast − funded − expected, never below 0 (summed line by line in totals). */
  remaining: z.number(),
});
export type Figures = z.infer<typeof figures>;

export const sourceView = z.object({
  id: z.uuid(),
  kind: z.enum(fundingSourceKinds),
  applicationId: z.uuid().nullable(),
  contributionId: z.uuid().nullable(),
  /** The label typed on the source (own funds), or the application's title, or the contribution's description. */
  label: z.string(),
  /** The application's funder, or the contributing partner. */
  funderName: z.string().nullable(),
  applicationStatus: z.enum(applicationStatuses).nullable(),
  amount: z.number(),
  funded: z.number(),
  expected: z.number(),
});
export type SourceView = z.infer<typeof sourceView>;

export const lineView = figures.extend({
  id: z.uuid(),
  programmeId: z.uuid(),
  year: z.number().int(),
  territoryId: z.uuid().nullable(),
  territoryName: z.string().nullable(),
  category: z.enum(budgetCategories),
  label: z.string(),
  position: z.number().int(),
  /** The sources bring more than the forecast (allowed: shown as a warning). */
  overFunded: z.boolean(),
  sources: z.array(sourceView),
});
export type LineView = z.infer<typeof lineView>;

export const sourceTotal = z.object({
  kind: z.enum(fundingSourceKinds),
  /** The application's id, the contributing partner's id, or `ownFunds`. */
  key: z.string(),
  label: z.string(),
  funderName: z.string().nullable(),
  allocated: z.number(),
  funded: z.number(),
  expected: z.number(),
});
export type SourceTotal = z.infer<typeof sourceTotal>;

export const budgetTotals = z.object({
  overall: figures,
  byYear: z.array(figures.extend({ year: z.number().int() })),
  byTerritory: z.array(figures.extend({ territoryId: z.uuid().nullable(), territoryName: z.string().nullable() })),
  byCategory: z.array(figures.extend({ category: z.enum(budgetCategories) })),
  bySource: z.array(sourceTotal),
});
export type BudgetTotals = z.infer<typeof budgetTotals>;

const territoryRef = z.object({ id: z.uuid(), name: z.string() });

export const budgetView = z.object({
  programme: z.object({ id: z.uuid(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  territories: z.array(territoryRef),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  lines: z.array(lineView),
  totals: budgetTotals,
});
export type BudgetView = z.infer<typeof budgetView>;

export const applicationChoice = z.object({
  id: z.uuid(),
  title: z.string(),
  funderName: z.string(),
  year: z.number().int(),
  status: z.enum(applicationStatuses),
  territoryId: z.uuid().nullable(),
  amountRequested: z.number(),
  amountGranted: z.number().nullable(),
});
export const contributionChoice = z.object({
  id: z.uuid(),
  description: z.string(),
  actorName: z.string(),
  /** The partnership's or alliance's title. */
  ownerTitle: z.string(),
  value: z.number().nullable(),
});
export const sourceChoices = z.object({
  applications: z.array(applicationChoice),
  contributions: z.array(contributionChoice),
});
export type SourceChoices = z.infer<typeof sourceChoices>;

export const applicationBudget = z.object({
  lines: z.array(
    z.object({
      lineId: z.uuid(),
      programmeId: z.uuid(),
      year: z.number().int(),
      territoryName: z.string().nullable(),
      category: z.enum(budgetCategories),
      label: z.string(),
      amount: z.number(),
      funded: z.number(),
      expected: z.number(),
    }),
  ),
});
export type ApplicationBudgetView = z.infer<typeof applicationBudget>;

export const rateView = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  year: z.number().int(),
  role: z.string(),
  hourlyRate: z.number(),
});
export type RateView = z.infer<typeof rateView>;

export const hoursView = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  territoryId: z.uuid().nullable(),
  territoryName: z.string().nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  role: z.string(),
  workedOn: z.string(),
  hours: z.number(),
  description: z.string(),
  /** The rate applied (the role's, else the year's default); null: no rate, the hours are not valued. */
  hourlyRate: z.number().nullable(),
  value: z.number().nullable(),
});
export type HoursView = z.infer<typeof hoursView>;

/** Hours, the valued part of them and its value, and the hours with no rate (« non valorisées »). */
export const valuationFigures = z.object({
  hours: z.number(),
  valuedHours: z.number(),
  value: z.number(),
  unvaluedHours: z.number(),
});
export type ValuationFigures = z.infer<typeof valuationFigures>;

export const valuation = z.object({
  overall: valuationFigures,
  byYear: z.array(valuationFigures.extend({ year: z.number().int() })),
  byTerritory: z.array(
    valuationFigures.extend({ territoryId: z.uuid().nullable(), territoryName: z.string().nullable() }),
  ),
  byRole: z.array(valuationFigures.extend({ role: z.string() })),
});
export type Valuation = z.infer<typeof valuation>;

export const volunteersView = z.object({
  rates: z.array(rateView),
  logs: z.array(hoursView),
  valuation,
});
export type VolunteersView = z.infer<typeof volunteersView>;

const binaryFile = z.custom<Uint8Array>((v) => v instanceof Uint8Array);
const programmeQuery = z.object({ programmeId: z.uuid() });

// ---------- routes ----------

const tags = ['funding'];
const base = '/api/v1/funding/budget';

export const budgetRoutes = {
  get: defineRoute({
    method: 'GET',
    path: base,
    summary: "A programme's budget lines with their sources and figures, and the totals, over a span of years",
    tags,
    access: readers,
    query: budgetQuery,
    response: budgetView,
  }),
  xlsx: defineRoute({
    method: 'GET',
    path: `${base}.xlsx`,
    summary: 'The budget and the volunteer valuation as an XLSX workbook (a sheet per view)',
    tags,
    access: readers,
    query: budgetQuery,
    response: binaryFile,
  }),
  sources: defineRoute({
    method: 'GET',
    path: `${base}/sources`,
    summary: "What may fund a programme's lines: its applications and the partners' contributions",
    tags,
    access: readers,
    query: programmeQuery,
    response: sourceChoices,
  }),
  ofApplication: defineRoute({
    method: 'GET',
    path: `${base}/applications/:id`,
    summary: 'The budget lines an application funds, with the amounts',
    tags,
    access: readers,
    params: idParams,
    response: applicationBudget,
  }),
  createLine: defineRoute({
    method: 'POST',
    path: `${base}/lines`,
    summary: 'Adds a budget line with its sources',
    tags,
    access: staff,
    body: newLineFields,
    response: lineView,
    status: 201,
  }),
  updateLine: defineRoute({
    method: 'PUT',
    path: `${base}/lines/:id`,
    summary: 'Replaces a budget line and its sources',
    tags,
    access: staff,
    params: idParams,
    body: lineFields,
    response: lineView,
  }),
  deleteLine: defineRoute({
    method: 'DELETE',
    path: `${base}/lines/:id`,
    summary: 'Deletes a budget line and its sources',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
  volunteers: defineRoute({
    method: 'GET',
    path: `${base}/volunteers`,
    summary: "A programme's volunteer rates, hours and valuation over a span of years",
    tags,
    access: readers,
    query: budgetQuery,
    response: volunteersView,
  }),
  createRate: defineRoute({
    method: 'POST',
    path: `${base}/volunteer-rates`,
    summary: 'Adds an hourly rate for a year and a person-role (empty role: the default rate)',
    tags,
    access: staff,
    body: newRateFields,
    response: rateView,
    status: 201,
  }),
  updateRate: defineRoute({
    method: 'PUT',
    path: `${base}/volunteer-rates/:id`,
    summary: 'Changes an hourly rate',
    tags,
    access: staff,
    params: idParams,
    body: rateFields,
    response: rateView,
  }),
  deleteRate: defineRoute({
    method: 'DELETE',
    path: `${base}/volunteer-rates/:id`,
    summary: 'Deletes an hourly rate',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
  createHours: defineRoute({
    method: 'POST',
    path: `${base}/volunteer-hours`,
    summary: 'Logs volunteer hours by person-role',
    tags,
    access: staff,
    body: newHoursFields,
    response: hoursView,
    status: 201,
  }),
  updateHours: defineRoute({
    method: 'PUT',
    path: `${base}/volunteer-hours/:id`,
    summary: 'Changes logged volunteer hours',
    tags,
    access: staff,
    params: idParams,
    body: hoursFields,
    response: hoursView,
  }),
  deleteHours: defineRoute({
    method: 'DELETE',
    path: `${base}/volunteer-hours/:id`,
    summary: 'Deletes logged volunteer hours',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
} as const;
