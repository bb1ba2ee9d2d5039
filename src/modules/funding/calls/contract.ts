// Shared by server and web: the calls for projects (appels à projets) of funders, public to read, written by staff.
import { z } from 'zod';
import { staff } from '../../../auth/roles.js';
import { dateTime, defineRoute, idParams, manyStrings, noContent } from '../../../http/contract.js';
import { actorFamilies } from '../../reference/families.js';
import { fundingDocumentMeta } from '../applications/documents-contract.js';
import { applicationStatuses, callStatuses } from '../vocabulary.js';

/** Euro amounts are stored to the cent (numeric(12, 2)), up to this. */
export const maxEuros = 9_999_999_999;
const toTheCent = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
/** An amount in euros, not negative, to the cent. */
export const euros = z.number().min(0).max(maxEuros).refine(toTheCent, { message: 'amountCents' });
/** An amount in euros above zero, to the cent. */
export const positiveEuros = z
  .number()
  .positive({ message: 'amountNotPositive' })
  .max(maxEuros)
  .refine(toTheCent, { message: 'amountCents' });
const optionalEuros = euros.nullish().transform((v) => v ?? null);

export const day = z.iso.date({ message: 'invalidDate' });
/** An ISO date, or nothing (an empty form field counts as nothing). */
export const optionalDay = z
  .union([day, z.literal(''), z.null()])
  .optional()
  .transform((v) => v || null);

/** A link to the funder's page: http or https only. */
const webLink = z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'invalidUrl' }).max(2000)]);

export const callFields = z
  .object({
    funderActorId: z.uuid({ message: 'required' }),
    title: z.string().trim().min(3).max(300),
    description: z.string().trim().max(10_000).default(''),
    themes: z.array(z.string().trim().min(1)).max(20).default([]),
    sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
    /** Empty: wherever the funder acts. */
    communeCodes: z.array(z.string().trim().min(1)).max(500).default([]),
    /** Empty: every family. */
    eligibleFamilies: z.array(z.enum(actorFamilies)).max(actorFamilies.length).default([]),
    envelope: optionalEuros,
    amountMin: optionalEuros,
    amountMax: optionalEuros,
    /** Both empty while the call is only announced. */
    opensOn: optionalDay,
    closesOn: optionalDay,
    link: z.string().trim().pipe(webLink).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.amountMin !== null && c.amountMax !== null && c.amountMax < c.amountMin) {
      ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'amountRange' });
    }
    if (c.opensOn && c.closesOn && c.closesOn < c.opensOn) {
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'endBeforeStart' });
    }
  });
export type CallInput = z.input<typeof callFields>;
export type CallData = z.output<typeof callFields>;

/** A reference shown by its name (a funder, a programme, a territory…). */
export const named = z.object({ id: z.uuid(), name: z.string() });

export const callSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  funder: named,
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  eligibleFamilies: z.array(z.enum(actorFamilies)),
  envelope: z.number().nullable(),
  amountMin: z.number().nullable(),
  amountMax: z.number().nullable(),
  opensOn: day.nullable(),
  closesOn: day.nullable(),
  /** Computed from the dates and today. */
  status: z.enum(callStatuses),
  link: z.string(),
  /** How many applications answer it: for staff and observers only (null for the public and members). */
  applicationCount: z.number().int().nullable(),
});
export type CallSummary = z.infer<typeof callSummary>;

/** An application answering the call, as its page lists them for staff and observers. */
export const callApplication = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(applicationStatuses),
  year: z.number().int(),
  amountRequested: z.number(),
  amountGranted: z.number().nullable(),
});

export const callDetail = callSummary.extend({
  description: z.string(),
  documents: z.array(fundingDocumentMeta),
  /** Null for the public and members. */
  applications: z.array(callApplication).nullable(),
  canEdit: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export type CallDetail = z.infer<typeof callDetail>;

export const callQuery = z.object({
  q: z.string().trim().max(200).optional(),
  theme: manyStrings,
  funder: z.uuid().optional(),
  status: manyStrings.pipe(z.array(z.enum(callStatuses))),
  commune: manyStrings,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CallQuery = z.output<typeof callQuery>;

export const callPage = z.object({
  items: z.array(callSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CallPage = z.infer<typeof callPage>;

const tags = ['funding'];
const base = '/api/v1/funding/calls';

export const callRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    summary: 'Calls for projects: French full text, theme, funder, status (open, announced, closed) and commune',
    tags,
    access: 'public',
    query: callQuery,
    response: callPage,
  }),
  get: defineRoute({
    method: 'GET',
    path: `${base}/:id`,
    summary: 'One call for projects with its documents; the applications answering it for staff and observers',
    tags,
    access: 'public',
    params: idParams,
    response: callDetail,
  }),
  create: defineRoute({
    method: 'POST',
    path: base,
    summary: 'Record a call for projects',
    tags,
    access: staff,
    body: callFields,
    response: callDetail,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: `${base}/:id`,
    summary: 'Edit a call for projects',
    tags,
    access: staff,
    params: idParams,
    body: callFields,
    response: callDetail,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: `${base}/:id`,
    summary: 'Delete a call for projects that no application answers',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
} as const;
