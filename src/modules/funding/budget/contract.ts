// Shared by server and web: the programme's budget (lines, their funding sources and figures), with the XLSX export
// (issue 7 point 3); the volunteer valuation's contracts are in volunteer-contract.ts. Readers (staff and the steering
// committee) read; staff write.
import { z } from 'zod';
import { readers, staff } from '../../../auth/roles.js';
import { binaryFile, defineRoute, idParams, noContent, optionalUuid } from '../../../http/contract.js';
import { eurosValue } from '../../partnerships/contract.js';
import { applicationStatuses, budgetCategories, fundingSourceKinds } from '../vocabulary.js';

export const year = z.number().int().min(2000).max(2100);
export const positiveEuros = eurosValue.refine((v) => v > 0, { message: 'amountNotPositive' });

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

const queryYear = z.coerce.number().int().min(2000).max(2100).optional();

/** A programme's budget over a span of years (both ends optional: every year). */
export const budgetQuery = z.object({ programmeId: z.uuid(), from: queryYear, to: queryYear }).superRefine((q, ctx) => {
  if (q.from !== undefined && q.to !== undefined && q.to < q.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'yearsReversed' });
  }
});
export type BudgetQuery = z.output<typeof budgetQuery>;

// ---------- views ----------

/** The four columns of the seeds plus what a budget needs to be followed: funded, expected, left to find. */
export const figures = z.object({
  forecast: z.number(),
  committed: z.number(),
  actual: z.number(),
  /** Secured: granted applications (up to their grant), financial contributions, own funds. */
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
  /** What the sources count for (funded + expected) exceeds the forecast: allowed, shown as a warning (figures.ts). */
  overFunded: z.boolean(),
  sources: z.array(sourceView),
});
export type LineView = z.infer<typeof lineView>;

export const sourceTotal = z.object({
  kind: z.enum(fundingSourceKinds),
  /** The application's id, the contributing partner's id, or `ownFunds`. */
  key: z.string(),
  /** The application's title, the partner's contributions (descriptions), or what the own funds are (« Apport PAA »). */
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

const programmeQuery = z.object({ programmeId: z.uuid() });

// ---------- routes ----------

export const tags = ['funding'];
export const budgetBase = '/api/v1/funding/budget';

export const budgetRoutes = {
  get: defineRoute({
    method: 'GET',
    path: budgetBase,
    summary: "A programme's budget lines with their sources and figures, and the totals, over a span of years",
    tags,
    access: readers,
    query: budgetQuery,
    response: budgetView,
  }),
  xlsx: defineRoute({
    method: 'GET',
    path: `${budgetBase}.xlsx`,
    summary: 'The budget and the volunteer valuation as an XLSX workbook (a sheet per view)',
    tags,
    access: readers,
    query: budgetQuery,
    response: binaryFile,
  }),
  sources: defineRoute({
    method: 'GET',
    path: `${budgetBase}/sources`,
    summary: "What may fund a programme's lines: its applications and the partners' contributions",
    tags,
    access: readers,
    query: programmeQuery,
    response: sourceChoices,
  }),
  ofApplication: defineRoute({
    method: 'GET',
    path: `${budgetBase}/applications/:id`,
    summary: 'The budget lines an application funds, with the amounts',
    tags,
    access: readers,
    params: idParams,
    response: applicationBudget,
  }),
  createLine: defineRoute({
    method: 'POST',
    path: `${budgetBase}/lines`,
    summary: 'Adds a budget line with its sources',
    tags,
    access: staff,
    body: newLineFields,
    response: lineView,
    status: 201,
  }),
  updateLine: defineRoute({
    method: 'PUT',
    path: `${budgetBase}/lines/:id`,
    summary: 'Replaces a budget line and its sources',
    tags,
    access: staff,
    params: idParams,
    body: lineFields,
    response: lineView,
  }),
  deleteLine: defineRoute({
    method: 'DELETE',
    path: `${budgetBase}/lines/:id`,
    summary: 'Deletes a budget line and its sources',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
} as const;
