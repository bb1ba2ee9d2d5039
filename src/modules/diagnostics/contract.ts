// Shared by server and web: an actor's diagnostic (issue 8 point 2). A member answers for its own organisation and
// reads its results; staff answer for any actor; staff and observers read them all; nobody else, nothing public.
import { z } from 'zod';
import { readers, staff } from '../../auth/roles.js';
import { dateTime, defineRoute, idParams, noContent } from '../../http/contract.js';
import { actorFamilies } from '../reference/families.js';
import { answers, questionnaireDefinition } from './definition.js';
import { diagnosticResult, scoreThresholds } from './result.js';
import { diagnosticKinds } from './vocabulary.js';

// ---------- inputs ----------

/** The answers given so far, question id → option value or number (null: not answered); they replace the draft's. */
export const answersBody = z.object({ answers: answers.default({}) });
export type AnswersBody = z.input<typeof answersBody>;

const queryDate = z.iso.date().optional();

export const diagnosticSorts = ['date', 'score'] as const;

export const diagnosticListQuery = z
  .object({
    kind: z.enum(diagnosticKinds).optional(),
    /** Part of the actor's name. */
    q: z.string().trim().max(100).optional(),
    /** Completed on or after / on or before (YYYY-MM-DD). */
    from: queryDate,
    to: queryDate,
    /** Only each actor's latest diagnostic (among those of the kind and dates asked). */
    latest: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    /** Newest first (`date`, the default), or lowest overall score first (`score`: who needs support most). */
    sort: z.enum(diagnosticSorts).default('date'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
  });
export type DiagnosticListQuery = z.output<typeof diagnosticListQuery>;

// ---------- views ----------

/** A questionnaire as shown; `id` is null while its version has not been used yet (stored on the first answer). */
export const questionnaireView = questionnaireDefinition.extend({ id: z.uuid().nullable() });
export type QuestionnaireView = z.infer<typeof questionnaireView>;

export const draftView = z.object({
  id: z.uuid(),
  questionnaireId: z.uuid(),
  answers,
  answered: z.number().int(),
  total: z.number().int(),
  updatedAt: dateTime,
});
export type DraftView = z.infer<typeof draftView>;

/** How a result moved since the actor's previous one (null for an axis the previous version did not have). */
export const deltaView = z.object({
  previousId: z.uuid(),
  previousCompletedAt: dateTime,
  overall: z.number().int(),
  axes: z.record(z.string(), z.number().int().nullable()),
});

export const completedView = z.object({
  id: z.uuid(),
  kind: z.enum(diagnosticKinds),
  questionnaireVersion: z.number().int(),
  completedAt: dateTime,
  result: diagnosticResult,
  delta: deltaView.nullable(),
});
export type CompletedView = z.infer<typeof completedView>;

export const actorDiagnosticsView = z.object({
  actor: z.object({ id: z.uuid(), name: z.string(), family: z.enum(actorFamilies) }),
  kind: z.enum(diagnosticKinds),
  /** The draft's questionnaire when there is a draft, else the current version. */
  questionnaire: questionnaireView,
  draft: draftView.nullable(),
  /** Completed diagnostics, newest first, each compared with the one before it. */
  history: z.array(completedView),
  /** The caller may answer for this actor (staff, or a member of it). */
  canAnswer: z.boolean(),
});
export type ActorDiagnosticsView = z.infer<typeof actorDiagnosticsView>;

export const diagnosticSummary = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  actorName: z.string(),
  kind: z.enum(diagnosticKinds),
  completedAt: dateTime,
  overall: z.number().int(),
  thresholds: scoreThresholds,
  axes: z.array(z.object({ id: z.string(), label: z.object({ fr: z.string(), en: z.string() }), score: z.number() })),
});
export type DiagnosticSummary = z.infer<typeof diagnosticSummary>;

export const diagnosticPage = z.object({
  items: z.array(diagnosticSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DiagnosticPage = z.infer<typeof diagnosticPage>;

// ---------- routes ----------

const tags = ['diagnostics'];
const base = '/api/v1/diagnostics';
const answering = [...staff, 'member'] as const;

export const diagnosticRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    summary: 'Completed diagnostics of every actor, newest first, with filters',
    tags,
    access: readers,
    query: diagnosticListQuery,
    response: diagnosticPage,
  }),
  ofActor: defineRoute({
    method: 'GET',
    path: `${base}/actors/:id`,
    summary: "An actor's questionnaire, draft and completed diagnostics with their changes",
    tags,
    access: 'signedIn',
    params: idParams,
    response: actorDiagnosticsView,
  }),
  saveDraft: defineRoute({
    method: 'PUT',
    path: `${base}/actors/:id/draft`,
    summary: "Saves the answers of an actor's diagnostic so far (a draft)",
    tags,
    access: answering,
    params: idParams,
    body: answersBody,
    response: draftView,
  }),
  discardDraft: defineRoute({
    method: 'DELETE',
    path: `${base}/actors/:id/draft`,
    summary: "Discards an actor's draft diagnostic",
    tags,
    access: answering,
    params: idParams,
    response: noContent,
    status: 204,
  }),
  complete: defineRoute({
    method: 'POST',
    path: `${base}/actors/:id/completions`,
    summary: "Completes an actor's diagnostic with all its answers: scores and suggestions computed and kept",
    tags,
    access: answering,
    params: idParams,
    body: answersBody,
    response: completedView,
    status: 201,
  }),
} as const;
