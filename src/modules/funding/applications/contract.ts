// Shared by server and web: funding applications (dossiers de financement) with their status pipeline, co-funding
// plan, payments received and reports owed; read by staff and the steering committee, followed read-only by the members
// of the organisations carrying the project or partnering in the partnership funded; written by staff.
import { z } from 'zod';
import { staff } from '../../../auth/roles.js';
import { dateTime, defineRoute, idParams, manyStrings, noContent, optionalUuid } from '../../../http/contract.js';
import { listExportRoutes } from '../../../http/list-export-contract.js';
import { day, named, optionalDay, positiveEuros } from '../calls/contract.js';
import { applicationStatuses } from '../vocabulary.js';
import { fundingDocumentMeta, itemParams } from './documents-contract.js';

export const coFundingLineFields = z
  .object({
    /** The co-funder when it is in the directory. */
    actorId: optionalUuid,
    label: z.string().trim().max(200).default(''),
    amount: positiveEuros,
    secured: z.boolean().default(false),
  })
  .superRefine((l, ctx) => {
    if (l.actorId === null && l.label === '') ctx.addIssue({ code: 'custom', path: ['label'], message: 'required' });
  });

/**
 * An application: exactly one target — a programme (optionally one of its territories), a flagship project or a
 * partnership. With a call, the funder is the call's (checked by the service); without, the funder is required.
 */
export const applicationFields = z
  .object({
    title: z.string().trim().min(3).max(300),
    callId: optionalUuid,
    funderActorId: optionalUuid,
    programmeId: optionalUuid,
    territoryId: optionalUuid,
    projectId: optionalUuid,
    partnershipId: optionalUuid,
    /** The budget year it funds. */
    year: z.number().int().min(2000).max(2100),
    amountRequested: positiveEuros,
    coFunding: z.array(coFundingLineFields).max(30).default([]),
    notes: z.string().trim().max(5000).default(''),
  })
  .superRefine((a, ctx) => {
    const targets = [a.programmeId, a.projectId, a.partnershipId].filter((v) => v !== null).length;
    if (targets !== 1) ctx.addIssue({ code: 'custom', path: ['target'], message: 'oneTarget' });
    if (a.territoryId !== null && a.programmeId === null) {
      ctx.addIssue({ code: 'custom', path: ['territoryId'], message: 'programmeRequired' });
    }
    if (a.callId === null && a.funderActorId === null) {
      ctx.addIssue({ code: 'custom', path: ['funderActorId'], message: 'required' });
    }
  });
export type ApplicationInput = z.input<typeof applicationFields>;
export type ApplicationData = z.output<typeof applicationFields>;

/** A move along the pipeline; the amount and date the move needs (granted: amount and decision date). */
export const statusMoveFields = z.object({
  to: z.enum(applicationStatuses),
  /** Required to go one step back. */
  reason: z.string().trim().max(2000).default(''),
  amountGranted: positiveEuros.nullish().transform((v) => v ?? null),
  decidedOn: optionalDay,
  submittedOn: optionalDay,
});
export type StatusMoveInput = z.input<typeof statusMoveFields>;

export const paymentFields = z.object({
  receivedOn: day,
  amount: positiveEuros,
  note: z.string().trim().max(500).default(''),
});
export type PaymentInput = z.input<typeof paymentFields>;

export const reportFields = z.object({
  title: z.string().trim().min(2).max(200),
  dueOn: day,
  /** Set once the report went to the funder. */
  submittedOn: optionalDay,
});
export type ReportInput = z.input<typeof reportFields>;

// ---------- outputs ----------

export const applicationSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(applicationStatuses),
  year: z.number().int(),
  call: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  funder: named,
  programme: named.nullable(),
  territory: named.nullable(),
  project: named.nullable(),
  partnership: named.nullable(),
  amountRequested: z.number(),
  amountGranted: z.number().nullable(),
  /** The sum of the payments received. */
  amountReceived: z.number(),
  submittedOn: day.nullable(),
  decidedOn: day.nullable(),
  updatedAt: dateTime,
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const applicationStep = z.object({
  id: z.number().int(),
  fromStatus: z.enum(applicationStatuses).nullable(),
  toStatus: z.enum(applicationStatuses),
  reason: z.string(),
  /** Who moved it: the user's display name, for staff only (null otherwise, or when the account is gone). */
  by: z.string().nullable(),
  at: dateTime,
});

export const paymentView = z.object({ id: z.uuid(), receivedOn: day, amount: z.number(), note: z.string() });
export type PaymentView = z.infer<typeof paymentView>;

export const reportView = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: day,
  submittedOn: day.nullable(),
  documents: z.array(fundingDocumentMeta),
});
export type ReportView = z.infer<typeof reportView>;

export const coFundingLineView = z.object({
  actorId: z.uuid().nullable(),
  /** The actor's name when it is in the directory, else the label typed. */
  name: z.string(),
  label: z.string(),
  amount: z.number(),
  secured: z.boolean(),
});

export const applicationDetail = applicationSummary.extend({
  /** The staff's working notes: for staff and observers only (null for a member). */
  notes: z.string().nullable(),
  coFunding: z.array(coFundingLineView),
  history: z.array(applicationStep),
  payments: z.array(paymentView),
  reports: z.array(reportView),
  documents: z.array(fundingDocumentMeta),
  /** The statuses it may move to now (empty for observers). */
  moves: z.array(z.enum(applicationStatuses)),
  canEdit: z.boolean(),
  createdAt: dateTime,
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const applicationQuery = z.object({
  status: manyStrings.pipe(z.array(z.enum(applicationStatuses))),
  funder: z.uuid().optional(),
  call: z.uuid().optional(),
  programme: z.uuid().optional(),
  territory: z.uuid().optional(),
  project: z.uuid().optional(),
  partnership: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ApplicationQuery = z.output<typeof applicationQuery>;

export const applicationList = z.object({
  items: z.array(applicationSummary),
  /** Over every application listed. */
  totals: z.object({ requested: z.number(), granted: z.number(), received: z.number() }),
});
export type ApplicationList = z.infer<typeof applicationList>;

const tags = ['funding'];
const base = '/api/v1/funding/applications';

export const applicationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    summary:
      "Funding applications with filters, and the totals requested, granted and received (a member: its organisation's projects' and partnerships' only)",
    tags,
    access: 'signedIn',
    query: applicationQuery,
    response: applicationList,
  }),
  /** The list as CSV or XLSX, with its filters and the same rows for the caller (never the working notes). */
  listExport: listExportRoutes({
    path: base,
    what: "Funding applications (a member: its organisation's projects' and partnerships' only)",
    tags,
    access: 'signedIn',
    query: applicationQuery,
  }),
  get: defineRoute({
    method: 'GET',
    path: `${base}/:id`,
    summary:
      "One application: call, funder, target, co-funding, status history, payments, reports, documents (a member: its organisation's projects' and partnerships' only, else 404)",
    tags,
    access: 'signedIn',
    params: idParams,
    response: applicationDetail,
  }),
  create: defineRoute({
    method: 'POST',
    path: base,
    summary: 'Start an application (drafting)',
    tags,
    access: staff,
    body: applicationFields,
    response: applicationDetail,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: `${base}/:id`,
    summary: 'Edit an application (its status moves through …/status)',
    tags,
    access: staff,
    params: idParams,
    body: applicationFields,
    response: applicationDetail,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: `${base}/:id`,
    summary: 'Delete an application with its history, reports and documents (not once granted, paid or in the budget)',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
  move: defineRoute({
    method: 'POST',
    path: `${base}/:id/status`,
    summary:
      'Move along the pipeline: drafting → submitted → granted | refused; granted → reported; one step back with a reason',
    tags,
    access: staff,
    params: idParams,
    body: statusMoveFields,
    response: applicationDetail,
  }),
  addPayment: defineRoute({
    method: 'POST',
    path: `${base}/:id/payments`,
    summary: 'Record a payment received (granted applications; never more than granted in all)',
    tags,
    access: staff,
    params: idParams,
    body: paymentFields,
    response: applicationDetail,
    status: 201,
  }),
  deletePayment: defineRoute({
    method: 'DELETE',
    path: `${base}/:id/payments/:itemId`,
    summary: 'Delete a payment',
    tags,
    access: staff,
    params: itemParams,
    response: applicationDetail,
  }),
  addReport: defineRoute({
    method: 'POST',
    path: `${base}/:id/reports`,
    summary: 'Add a report owed to the funder, with its deadline',
    tags,
    access: staff,
    params: idParams,
    body: reportFields,
    response: applicationDetail,
    status: 201,
  }),
  updateReport: defineRoute({
    method: 'PUT',
    path: `${base}/:id/reports/:itemId`,
    summary: 'Edit a report (mark it submitted with the date it went)',
    tags,
    access: staff,
    params: itemParams,
    body: reportFields,
    response: applicationDetail,
  }),
  deleteReport: defineRoute({
    method: 'DELETE',
    path: `${base}/:id/reports/:itemId`,
    summary: 'Delete a report and its documents',
    tags,
    access: staff,
    params: itemParams,
    response: applicationDetail,
  }),
} as const;
