// Shared by server and web: the partnerships' routes and their schemas.
import { z } from 'zod';
import { defineRoute, idParams } from '../../http/contract.js';
import { listExportRoutes } from '../../http/list-export-contract.js';
import { actorFamilies } from '../reference/families.js';
import { type Benefit, benefit, type Contribution, contribution, ledgerFields } from './ledger-contract.js';
import { partnershipModes, partnershipStatuses, partnershipSteps } from './vocabulary.js';

/** Who may write: staff, and members for their own organisation's partnerships (checked by the service). */
const writers = ['admin', 'animator', 'member'] as const;

export const documentKinds = ['agreement', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** 10 MB: documents live in the database (ADR 0004). */
export const maxDocumentBytes = 10 * 1024 * 1024;

/** Files a partnership may hold: PDF, images, office documents, text. */
export const documentMediaTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/rtf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
] as const;

/** An ISO date, or nothing (an empty form field counts as nothing). */
const optionalDate = z
  .union([z.iso.date(), z.literal(''), z.null()])
  .optional()
  .transform((v) => v || null);

/** Euros to the cent, not negative. */
export const eurosValue = z
  .number()
  .min(0)
  .max(9_999_999_999)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'centsOnly' });
const optionalEuros = eurosValue.nullish().transform((v) => v ?? null);

export const partnerInput = z.object({
  actorId: z.uuid(),
  role: z.string().trim().max(200).default(''),
  expectations: z.string().trim().max(2000).default(''),
});
export type PartnerInput = z.input<typeof partnerInput>;

const partnershipFieldsShape = {
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().max(5000).default(''),
  mode: z.enum(partnershipModes),
  themes: z.array(z.string()).max(20).default([]),
  communeCodes: z
    .array(z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'unknownCommune' }))
    .max(50)
    .default([]),
  startsOn: optionalDate,
  endsOn: optionalDate,
  renewalOn: optionalDate,
  projectId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  allianceId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
};

type Dated = { startsOn: string | null; endsOn: string | null; renewalOn: string | null };
function checkDates(p: Dated, ctx: z.RefinementCtx) {
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'datesOrder' });
  }
  if (p.startsOn && p.renewalOn && p.renewalOn < p.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['renewalOn'], message: 'datesOrder' });
  }
}

/** The fields of a partnership that PUT replaces (partners have their own routes). */
export const partnershipFields = z.object(partnershipFieldsShape).superRefine(checkDates);
export type PartnershipFields = z.output<typeof partnershipFields>;

/** A new partnership: at least two distinct partners, dates in order, optionally opened from a need or offer. */
export const partnershipInput = z
  .object({
    ...partnershipFieldsShape,
    partners: z.array(partnerInput).max(30),
    needOfferId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    checkDates(p, ctx);
    const seen = new Set<string>();
    p.partners.forEach((partner, i) => {
      if (seen.has(partner.actorId)) {
        ctx.addIssue({ code: 'custom', path: ['partners', i, 'actorId'], message: 'duplicatePartner' });
      }
      seen.add(partner.actorId);
    });
    if (seen.size < 2) ctx.addIssue({ code: 'custom', path: ['partners'], message: 'twoPartnersRequired' });
  });
export type PartnershipInput = z.input<typeof partnershipInput>;
export type PartnershipData = z.output<typeof partnershipInput>;

export const partnerUpdate = partnerInput.omit({ actorId: true });

const ledger = ledgerFields({ descriptionMin: 1, euros: optionalEuros, date: optionalDate });

export const contributionInput = z.object(ledger.contribution).superRefine((c, ctx) => {
  if (c.hours !== null && c.nature !== 'volunteerHours') {
    ctx.addIssue({ code: 'custom', path: ['hours'], message: 'hoursForVolunteers' });
  }
  if (c.nature === 'volunteerHours' && c.hours === null) {
    ctx.addIssue({ code: 'custom', path: ['hours'], message: 'required' });
  }
});
export type ContributionInput = z.input<typeof contributionInput>;

export const benefitInput = z.object(ledger.benefit);
export type BenefitInput = z.input<typeof benefitInput>;

export const realiseInput = z.object({ realisedValue: eurosValue, realisedOn: z.iso.date() });

export const checklistItem = z.object({ label: z.string().trim().min(1).max(300), done: z.boolean() });

export const stepRecordInput = z
  .object({
    checklist: z.array(checklistItem).max(50),
    startedOn: optionalDate,
    completedOn: optionalDate,
    notes: z.string().trim().max(10_000).default(''),
  })
  .superRefine((s, ctx) => {
    if (s.startedOn && s.completedOn && s.completedOn < s.startedOn) {
      ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'datesOrder' });
    }
  });
export type StepRecordInput = z.input<typeof stepRecordInput>;

export const stepMoveInput = z.object({
  to: z.enum(partnershipSteps),
  reason: z.string().trim().max(2000).optional(),
});
export type StepMoveInput = z.input<typeof stepMoveInput>;

// ---------------------------------------------------------------------------------------------------------------
// Answers

const money = z.number();

export { type Benefit, benefit, type Contribution, contribution };

export const partnerDetail = z.object({
  actorId: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  role: z.string(),
  expectations: z.string(),
  /** Whether this partner agreed to publish the partnership (who recorded it is never shown). */
  consented: z.boolean(),
  consentedAt: z.string().nullable(),
  contributions: z.array(contribution),
  benefits: z.array(benefit),
  totals: z.object({ contributed: money, hours: z.number(), expected: money, realised: money }),
});
export type PartnerDetail = z.infer<typeof partnerDetail>;

export const stepRecord = z.object({
  step: z.enum(partnershipSteps),
  checklist: z.array(checklistItem),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  /** Empty for the public. */
  notes: z.string(),
});
export type StepRecord = z.infer<typeof stepRecord>;

export const documentMeta = z.object({
  id: z.uuid(),
  step: z.enum(partnershipSteps),
  kind: z.enum(documentKinds),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type DocumentMeta = z.infer<typeof documentMeta>;

const link = z.object({ id: z.uuid(), title: z.string() }).nullable();

export const partnershipDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  mode: z.enum(partnershipModes),
  currentStep: z.enum(partnershipSteps),
  status: z.enum(partnershipStatuses),
  themes: z.array(z.string()),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  renewalOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  needOffer: link,
  project: link,
  alliance: link,
  renewedFrom: link,
  partners: z.array(partnerDetail),
  steps: z.array(stepRecord),
  /** Metadata only; empty for the public. */
  documents: z.array(documentMeta),
  /** What the caller may do: edit (staff, partners), read (observers), public (anyone, once published). */
  access: z.enum(['edit', 'read', 'public']),
  /** Staff may force a step change with a reason. */
  canOverride: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartnershipDetail = z.infer<typeof partnershipDetail>;

export const partnershipSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  mode: z.enum(partnershipModes),
  currentStep: z.enum(partnershipSteps),
  status: z.enum(partnershipStatuses),
  themes: z.array(z.string()),
  partners: z.array(z.object({ actorId: z.uuid(), name: z.string(), family: z.enum(actorFamilies) })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  published: z.boolean(),
});
export type PartnershipSummary = z.infer<typeof partnershipSummary>;

const one = (schema: z.ZodType<string>) => schema.optional();
export const partnershipFilters = z.object({
  q: z.string().trim().max(200).optional(),
  mode: one(z.enum(partnershipModes)),
  step: one(z.enum(partnershipSteps)),
  status: one(z.enum(partnershipStatuses)),
  theme: z.string().max(100).optional(),
  commune: z.string().max(5).optional(),
  actor: z.uuid().optional(),
  allianceId: z.uuid().optional(),
});
export type PartnershipFilters = z.output<typeof partnershipFilters>;
export const partnershipQuery = partnershipFilters.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PartnershipQuery = z.output<typeof partnershipQuery>;

export const partnershipPage = z.object({
  items: z.array(partnershipSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PartnershipPage = z.infer<typeof partnershipPage>;

export const boardCard = z.object({
  id: z.uuid(),
  title: z.string(),
  partners: z.array(z.string()),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(partnershipStatuses),
});
export const board = z.object({
  mode: z.enum(partnershipModes),
  columns: z.array(z.object({ step: z.enum(partnershipSteps), cards: z.array(boardCard) })),
});
export type Board = z.infer<typeof board>;

export const showcaseItem = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  mode: z.enum(partnershipModes),
  themes: z.array(z.string()),
  partners: z.array(z.object({ actorId: z.uuid(), name: z.string(), family: z.enum(actorFamilies) })),
  publishedAt: z.string(),
});
export const showcaseQuery = z.object({
  q: z.string().trim().max(200).optional(),
  mode: one(z.enum(partnershipModes)),
  theme: z.string().max(100).optional(),
  actor: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});
export const showcasePage = z.object({
  items: z.array(showcaseItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ShowcasePage = z.infer<typeof showcasePage>;

export const timelineEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  /** Event details (steps, reason, document name, partner…); contact subjects are left out for observers. */
  data: z.record(z.string(), z.unknown()),
  /** Who did it: shown to staff and partners only. */
  userName: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const partnershipDraft = z.object({
  needOfferId: z.uuid(),
  needTitle: z.string(),
  title: z.string(),
  summary: z.string(),
  mode: z.enum(partnershipModes),
  themes: z.array(z.string()),
  communeCodes: z.array(z.string()),
  partners: z.array(z.object({ actorId: z.uuid(), name: z.string(), role: z.string(), expectations: z.string() })),
});
export type PartnershipDraft = z.infer<typeof partnershipDraft>;

// ---------------------------------------------------------------------------------------------------------------
// Routes

const base = '/api/v1/partnerships';
const tags = ['partnerships'];
const partnerParams = z.object({ id: z.uuid(), actorId: z.uuid() });
const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const docParams = z.object({ id: z.uuid(), docId: z.uuid() });

export const listPartnerships = defineRoute({
  method: 'GET',
  path: base,
  summary: 'Partnerships the caller may see (members: their own), with filters and pagination',
  tags,
  access: 'signedIn',
  query: partnershipQuery,
  response: partnershipPage,
});

/** The list as CSV or XLSX: the partnerships the caller may list, with the list's filters. */
export const partnershipListExport = listExportRoutes({
  path: base,
  what: 'Partnerships the caller may see (members: their own)',
  tags,
  access: 'signedIn',
  query: partnershipFilters,
});

export const partnershipBoard = defineRoute({
  method: 'GET',
  path: `${base}/board`,
  summary: 'The board of one mode: one column per step, in order',
  tags,
  access: 'signedIn',
  query: z.object({ mode: z.enum(partnershipModes).default('support') }),
  response: board,
});

export const showcasePartnerships = defineRoute({
  method: 'GET',
  path: '/api/v1/showcase/partnerships',
  summary: 'The public showcase: partnerships every partner agreed to publish',
  tags,
  access: 'public',
  query: showcaseQuery,
  response: showcasePage,
});

export const draftFromNeed = defineRoute({
  method: 'GET',
  path: `${base}/draft-from-need/:needOfferId`,
  summary: 'A suggested partnership opened from a need or offer (form prefill)',
  tags,
  access: writers,
  params: z.object({ needOfferId: z.uuid() }),
  response: partnershipDraft,
});

export const getPartnership = defineRoute({
  method: 'GET',
  path: `${base}/:id`,
  summary: 'One partnership as the caller may see it (public once published)',
  tags,
  access: 'public',
  params: idParams,
  response: partnershipDetail,
});

export const createPartnership = defineRoute({
  method: 'POST',
  path: base,
  summary: 'Open a partnership (staff, or a member whose organisation is a partner)',
  tags,
  access: writers,
  body: partnershipInput,
  response: partnershipDetail,
  status: 201,
});

export const updatePartnership = defineRoute({
  method: 'PUT',
  path: `${base}/:id`,
  summary: 'Replace a partnership’s fields',
  tags,
  access: writers,
  params: idParams,
  body: partnershipFields,
  response: partnershipDetail,
});

export const addPartner = defineRoute({
  method: 'POST',
  path: `${base}/:id/partners`,
  summary: 'Add a partner',
  tags,
  access: writers,
  params: idParams,
  body: partnerInput,
  response: partnershipDetail,
});

export const updatePartner = defineRoute({
  method: 'PUT',
  path: `${base}/:id/partners/:actorId`,
  summary: 'Change a partner’s role and expectations',
  tags,
  access: writers,
  params: partnerParams,
  body: partnerUpdate,
  response: partnershipDetail,
});

export const removePartner = defineRoute({
  method: 'DELETE',
  path: `${base}/:id/partners/:actorId`,
  summary: 'Remove a partner (never below two)',
  tags,
  access: writers,
  params: partnerParams,
  response: partnershipDetail,
});

export const setConsent = defineRoute({
  method: 'PUT',
  path: `${base}/:id/partners/:actorId/consent`,
  summary: 'A partner agrees (or no longer agrees) to publish; staff may record it on its behalf',
  tags,
  access: writers,
  params: partnerParams,
  body: z.object({ consent: z.boolean() }),
  response: partnershipDetail,
});

export const addContribution = defineRoute({
  method: 'POST',
  path: `${base}/:id/contributions`,
  summary: 'Add a partner’s contribution',
  tags,
  access: writers,
  params: idParams,
  body: contributionInput,
  response: partnershipDetail,
});

export const updateContribution = defineRoute({
  method: 'PUT',
  path: `${base}/:id/contributions/:itemId`,
  summary: 'Change a contribution',
  tags,
  access: writers,
  params: itemParams,
  body: contributionInput,
  response: partnershipDetail,
});

export const deleteContribution = defineRoute({
  method: 'DELETE',
  path: `${base}/:id/contributions/:itemId`,
  summary: 'Delete a contribution',
  tags,
  access: writers,
  params: itemParams,
  response: partnershipDetail,
});

export const addBenefit = defineRoute({
  method: 'POST',
  path: `${base}/:id/benefits`,
  summary: 'Add a benefit a partner expects',
  tags,
  access: writers,
  params: idParams,
  body: benefitInput,
  response: partnershipDetail,
});

export const updateBenefit = defineRoute({
  method: 'PUT',
  path: `${base}/:id/benefits/:itemId`,
  summary: 'Change a benefit',
  tags,
  access: writers,
  params: itemParams,
  body: benefitInput,
  response: partnershipDetail,
});

export const deleteBenefit = defineRoute({
  method: 'DELETE',
  path: `${base}/:id/benefits/:itemId`,
  summary: 'Delete a benefit',
  tags,
  access: writers,
  params: itemParams,
  response: partnershipDetail,
});

export const realiseBenefit = defineRoute({
  method: 'POST',
  path: `${base}/:id/benefits/:itemId/realise`,
  summary: 'Record what a benefit really brought, and when',
  tags,
  access: writers,
  params: itemParams,
  body: realiseInput,
  response: partnershipDetail,
});

export const updateStepRecord = defineRoute({
  method: 'PUT',
  path: `${base}/:id/steps/:step`,
  summary: 'Update a step’s checklist, dates and notes',
  tags,
  access: writers,
  params: z.object({ id: z.uuid(), step: z.enum(partnershipSteps) }),
  body: stepRecordInput,
  response: partnershipDetail,
});

export const moveStep = defineRoute({
  method: 'POST',
  path: `${base}/:id/step`,
  summary: 'Move to the next or previous step; any other move needs staff and a reason',
  tags,
  access: writers,
  params: idParams,
  body: stepMoveInput,
  response: partnershipDetail,
});

export const setStatus = defineRoute({
  method: 'PUT',
  path: `${base}/:id/status`,
  summary: 'Complete, abandon or reopen a partnership',
  tags,
  access: writers,
  params: idParams,
  body: z.object({ status: z.enum(partnershipStatuses) }),
  response: partnershipDetail,
});

export const renewPartnership = defineRoute({
  method: 'POST',
  path: `${base}/:id/renewals`,
  summary: 'Renew: a new partnership with the same partners and mode',
  tags,
  access: writers,
  params: idParams,
  response: partnershipDetail,
  status: 201,
});

export const uploadQuery = z.object({
  step: z.enum(partnershipSteps),
  kind: z.enum(documentKinds).default('other'),
  fileName: z.string().trim().min(1).max(200),
});

/**
 * Upload: the request body is the file itself (`fetch(url, { method: 'POST', body: file })`), its media type the
 * Content-Type header, step, kind and name in the query. Chosen over multipart: one file per request, no parsing of
 * parts, the same access check and zod-validated query as every route (the raw-body parser is scoped to this route
 * in routes.ts, with the 10 MB limit).
 */
export const uploadDocument = defineRoute({
  method: 'POST',
  path: `${base}/:id/documents`,
  summary: 'Attach a file (≤ 10 MB; the body is the file, its type the Content-Type)',
  tags,
  access: writers,
  params: idParams,
  query: uploadQuery,
  response: documentMeta,
  status: 201,
});

export const downloadDocument = defineRoute({
  method: 'GET',
  path: `${base}/:id/documents/:docId`,
  summary: 'Download a document (staff and partners only)',
  tags,
  access: writers,
  params: docParams,
  response: z.string().describe('The file, as an attachment'),
});

export const deleteDocument = defineRoute({
  method: 'DELETE',
  path: `${base}/:id/documents/:docId`,
  summary: 'Delete a document',
  tags,
  access: writers,
  params: docParams,
  response: partnershipDetail,
});

export const partnershipTimeline = defineRoute({
  method: 'GET',
  path: `${base}/:id/timeline`,
  summary: 'Everything that happened, newest first (staff, partners, observers)',
  tags,
  access: 'signedIn',
  params: idParams,
  response: z.object({ items: z.array(timelineEvent) }),
  personalData: true,
});
