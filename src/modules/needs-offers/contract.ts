// Shared by server and web: the routes of needs and offers, and their schemas.
import { z } from 'zod';
import { defineRoute, idParams, manyStrings, noContent } from '../../http/contract.js';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import { needOfferKinds, needOfferStatuses, resourceTypes } from './vocabulary.js';

/** Statuses listed when the caller asks for none: what can still be answered. */
export const activeNeedOfferStatuses = ['open', 'inDiscussion'] as const satisfies readonly string[];

/** Today's date in the programme's time zone (YYYY-MM-DD), the same on the server and in the browser. */
export function todayInParis(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDeadline' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'invalidDeadline',
    },
  );

/** What an actor seeks or offers. Who publishes it is checked by the service (staff, or a member of the actor). */
export const needOfferInput = z.object({
  kind: z.enum(needOfferKinds),
  actorId: z.uuid(),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  resources: z.array(z.enum(resourceTypes)).min(1, { message: 'resourceRequired' }).max(resourceTypes.length),
  themes: z.array(z.string()).max(20).default([]),
  communeCodes: z
    .array(z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'unknownCommune' }))
    .max(50)
    .default([]),
  modes: z.array(z.enum(partnershipModes)).max(partnershipModes.length).default([]),
  deadline: isoDate
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
});
export type NeedOfferInput = z.input<typeof needOfferInput>;
export type NeedOfferData = z.output<typeof needOfferInput>;

/** On creation, a deadline cannot already be past (an update may keep a deadline that has passed since). */
export const newNeedOfferInput = needOfferInput.extend({
  deadline: needOfferInput.shape.deadline.refine((v) => v === null || v >= todayInParis(), {
    message: 'deadlineInPast',
  }),
});

export const needOfferStatusInput = z.object({ status: z.enum(needOfferStatuses) });

const actorRef = z.object({
  id: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  communeName: z.string().nullable(),
});

const communeRef = z.object({ code: z.string(), name: z.string() });

export const needOfferSummary = z.object({
  id: z.uuid(),
  kind: z.enum(needOfferKinds),
  title: z.string(),
  excerpt: z.string(),
  resources: z.array(z.enum(resourceTypes)),
  themes: z.array(z.string()),
  communes: z.array(communeRef),
  modes: z.array(z.enum(partnershipModes)),
  deadline: z.string().nullable(),
  status: z.enum(needOfferStatuses),
  actor: actorRef,
  createdAt: z.iso.datetime({ offset: true }),
});
export type NeedOfferSummary = z.infer<typeof needOfferSummary>;

export const needOfferDetail = needOfferSummary.extend({
  description: z.string(),
  communeCodes: z.array(z.string()),
  actor: actorRef.extend({ communeCode: z.string().nullable() }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Staff, or a member of the actor: may edit it, change its status, open a partnership from it. */
  canEdit: z.boolean(),
});
export type NeedOfferDetail = z.infer<typeof needOfferDetail>;

export const needOfferSorts = ['recent', 'deadline', 'relevance'] as const;
export type NeedOfferSort = (typeof needOfferSorts)[number];

export const needOfferFilters = z.object({
  q: z.string().trim().max(200).optional(),
  kind: manyStrings,
  resource: manyStrings,
  theme: manyStrings,
  commune: manyStrings,
  territory: z.string().trim().max(100).optional(),
  mode: manyStrings,
  /** Without any, open and in-discussion ones only (unless allStatuses). */
  status: manyStrings,
  allStatuses: z.stringbool().optional(),
  actor: z.uuid().optional(),
});
export type NeedOfferFilters = z.output<typeof needOfferFilters>;

export const needOfferQuery = needOfferFilters.extend({
  sort: z.enum(needOfferSorts).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NeedOfferQuery = z.output<typeof needOfferQuery>;

const facet = z.array(z.object({ value: z.string(), count: z.number().int(), label: z.string().optional() }));
export const needOfferFacetNames = ['kind', 'resource', 'status', 'theme', 'commune', 'mode'] as const;
export type NeedOfferFacet = (typeof needOfferFacetNames)[number];

export const needOfferPage = z.object({
  items: z.array(needOfferSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Result counts per filter value, each computed with the other filters applied. */
  facets: z.object({
    kind: facet,
    resource: facet,
    status: facet,
    theme: facet,
    commune: facet,
    mode: facet,
  }),
});
export type NeedOfferPage = z.infer<typeof needOfferPage>;

export const listNeedOffers = defineRoute({
  method: 'GET',
  path: '/api/v1/needs-offers',
  summary: 'Search needs and offers (French full text), with filters, sort, pagination and counts per filter value',
  tags: ['needs-offers'],
  access: 'public',
  query: needOfferQuery,
  response: needOfferPage,
});

export const latestNeedOffers = defineRoute({
  method: 'GET',
  path: '/api/v1/needs-offers/latest',
  summary: 'The latest open needs and offers (home page feed)',
  tags: ['needs-offers'],
  access: 'public',
  query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(6) }),
  response: z.object({ items: z.array(needOfferSummary) }),
});

export const getNeedOffer = defineRoute({
  method: 'GET',
  path: '/api/v1/needs-offers/:id',
  summary: 'One need or offer, with its actor',
  tags: ['needs-offers'],
  access: 'public',
  params: idParams,
  response: needOfferDetail,
});

const writers = ['admin', 'animator', 'member'] as const;

export const createNeedOffer = defineRoute({
  method: 'POST',
  path: '/api/v1/needs-offers',
  summary: 'Publish a need or an offer (staff for any actor, a member for its own organisation)',
  tags: ['needs-offers'],
  access: writers,
  body: newNeedOfferInput,
  response: needOfferDetail,
  status: 201,
});

export const updateNeedOffer = defineRoute({
  method: 'PUT',
  path: '/api/v1/needs-offers/:id',
  summary: 'Replace a need or offer’s fields (staff, or a member of its actor)',
  tags: ['needs-offers'],
  access: writers,
  params: idParams,
  body: needOfferInput,
  response: needOfferDetail,
});

export const changeNeedOfferStatus = defineRoute({
  method: 'PATCH',
  path: '/api/v1/needs-offers/:id/status',
  summary: 'Change the status: open, in discussion, fulfilled, closed (staff, or a member of its actor)',
  tags: ['needs-offers'],
  access: writers,
  params: idParams,
  body: needOfferStatusInput,
  response: needOfferDetail,
});

export const deleteNeedOffer = defineRoute({
  method: 'DELETE',
  path: '/api/v1/needs-offers/:id',
  summary: 'Delete a need or offer (staff, or a member of its actor)',
  tags: ['needs-offers'],
  access: writers,
  params: idParams,
  response: noContent,
  status: 204,
});
