// Shared by server and web: the actors' routes and their schemas.
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { defineRoute, idParams, manyStrings, noContent } from '../../http/contract.js';
import { listExportRoutes } from '../../http/list-export-contract.js';
import { actorFamilies, companySizes, companyStatuses, subtypesByFamily } from '../reference/families.js';
import { compactIdentifier, isValidSiren, isValidSiret, rnaPattern } from './identifiers.js';

export const visibilityLevels = ['public', 'members', 'animators'] as const;
export type Visibility = (typeof visibilityLevels)[number];

/** Fields whose visibility an actor may choose; the others are always public (name, family, commune, themes…). */
export const restrictableFields = ['address', 'email', 'phone', 'website', 'rna', 'siren', 'siret'] as const;
export type RestrictableField = (typeof restrictableFields)[number];
export const defaultFieldVisibility: Record<RestrictableField, Visibility> = {
  address: 'members',
  email: 'members',
  phone: 'members',
  website: 'public',
  rna: 'public',
  siren: 'public',
  siret: 'public',
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

const identifier = (valid: (v: string) => boolean, code: string) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ? compactIdentifier(v) : null))
    .refine((v) => v === null || valid(v), { message: code });

export const personInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).default(''),
  email: z
    .email()
    .nullish()
    .or(z.literal('').transform(() => null)),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/, { message: 'invalidPhone' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  visibility: z.enum(visibilityLevels).default('members'),
});
export type PersonInput = z.input<typeof personInput>;

export const actorInput = z
  .object({
    family: z.enum(actorFamilies),
    subtype: z.string().nullish(),
    companySize: z.enum(companySizes).nullish(),
    companyStatus: z.enum(companyStatuses).nullish(),
    name: z.string().trim().min(2).max(200),
    rna: identifier((v) => rnaPattern.test(v), 'invalidRna'),
    siren: identifier(isValidSiren, 'invalidSiren'),
    siret: identifier(isValidSiret, 'invalidSiret'),
    address: optionalText(300),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, { message: 'invalidPostalCode' })
      .nullish()
      .or(z.literal('').transform(() => null)),
    communeCode: z
      .string()
      .regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'unknownCommune' })
      .nullish(),
    website: z
      .url({ protocol: /^https?$/, message: 'invalidUrl' })
      .nullish()
      .or(z.literal('').transform(() => null)),
    email: z
      .email()
      .nullish()
      .or(z.literal('').transform(() => null)),
    phone: personInput.shape.phone,
    description: z.string().trim().max(5000).default(''),
    themes: z.array(z.string()).max(20).default([]),
    sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
    contributions: z.array(z.string()).max(30).default([]),
    benefits: z.array(z.string()).max(30).default([]),
    contributionsText: z.string().trim().max(2000).default(''),
    benefitsText: z.string().trim().max(2000).default(''),
    fieldVisibility: z.partialRecord(z.enum(restrictableFields), z.enum(visibilityLevels)).default({}),
    people: z.array(personInput).max(50).default([]),
  })
  .superRefine((a, ctx) => {
    const subtypes: readonly string[] = subtypesByFamily[a.family];
    if (a.subtype && !subtypes.includes(a.subtype)) {
      ctx.addIssue({ code: 'custom', path: ['subtype'], message: 'subtypeMismatch' });
    }
    if (a.family !== 'company') {
      if (a.companySize) ctx.addIssue({ code: 'custom', path: ['companySize'], message: 'companyOnly' });
      if (a.companyStatus) ctx.addIssue({ code: 'custom', path: ['companyStatus'], message: 'companyOnly' });
    }
    if (a.siren && a.siret && isValidSiret(a.siret) && !a.siret.startsWith(a.siren)) {
      ctx.addIssue({ code: 'custom', path: ['siret'], message: 'siretNotMatchingSiren' });
    }
  });
export type ActorInput = z.input<typeof actorInput>;
export type ActorData = z.output<typeof actorInput>;

/** The actor's own fields (people aside), in form order: compared for the history, placed by the form. */
export const actorFieldNames = [
  'family',
  'subtype',
  'companySize',
  'companyStatus',
  'name',
  'rna',
  'siren',
  'siret',
  'address',
  'postalCode',
  'communeCode',
  'website',
  'email',
  'phone',
  'description',
  'themes',
  'sdgs',
  'contributions',
  'benefits',
  'contributionsText',
  'benefitsText',
  'fieldVisibility',
] as const satisfies readonly Exclude<keyof ActorData, 'people'>[];

export const person = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  visibility: z.enum(visibilityLevels),
});

export const actorSummary = z.object({
  id: z.uuid(),
  family: z.enum(actorFamilies),
  subtype: z.string().nullable(),
  name: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  excerpt: z.string(),
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
});
export type ActorSummary = z.infer<typeof actorSummary>;

/** An actor as a given viewer may see it: restricted fields the viewer may not read are null. */
export const actorDetail = z.object({
  id: z.uuid(),
  family: z.enum(actorFamilies),
  subtype: z.string().nullable(),
  companySize: z.enum(companySizes).nullable(),
  companyStatus: z.enum(companyStatuses).nullable(),
  name: z.string(),
  rna: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string(),
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
  contributions: z.array(z.string()),
  benefits: z.array(z.string()),
  contributionsText: z.string(),
  benefitsText: z.string(),
  fieldVisibility: z.record(z.string(), z.enum(visibilityLevels)),
  /** People the viewer may see (never for anonymous visitors nor observers). */
  people: z.array(person),
  /** Names of the fields hidden from this viewer, so the page can say so. */
  hiddenFields: z.array(z.string()),
  canEdit: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ActorDetail = z.infer<typeof actorDetail>;

export const actorSorts = ['relevance', 'name', 'recent'] as const;

export const directoryFilters = z.object({
  q: z.string().trim().max(200).optional(),
  family: manyStrings,
  commune: manyStrings,
  territory: z.string().optional(),
  theme: manyStrings,
  sdg: manyStrings,
  contribution: manyStrings,
  benefit: manyStrings,
});
export type DirectoryFilters = z.output<typeof directoryFilters>;

export const directoryQuery = directoryFilters.extend({
  sort: z.enum(actorSorts).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DirectoryQuery = z.output<typeof directoryQuery>;
/** The directory's download: its filters and sort, every page. */
export const directoryExportQuery = directoryQuery.omit({ page: true, pageSize: true });
export type DirectoryExportQuery = z.output<typeof directoryExportQuery>;

/** Values of a facet with their result counts; commune values carry the commune's name as `label`. */
const facet = z.array(z.object({ value: z.string(), count: z.number().int(), label: z.string().optional() }));
export const facetNames = ['family', 'commune', 'theme', 'sdg', 'contribution', 'benefit'] as const;

export const directoryPage = z.object({
  items: z.array(actorSummary),
  total: z.number().int(),
  /** False on a directory above 10 000 actors when the total and facet counts are estimates (ADR 0003). */
  exact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Result counts per filter value, each computed with the other filters applied. */
  facets: z.object({
    family: facet,
    commune: facet,
    theme: facet,
    sdg: facet,
    contribution: facet,
    benefit: facet,
  }),
});
export type DirectoryPage = z.infer<typeof directoryPage>;

export const mapPoint = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  count: z.number().int(),
  /** Up to 50 actors of the commune matching the filters. */
  actors: z.array(z.object({ id: z.uuid(), name: z.string(), family: z.enum(actorFamilies) })),
});

export const historyEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  userName: z.string().nullable(),
  /** Field → [before, after]; personal data of people is summarised, never copied here. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});

export const listActors = defineRoute({
  method: 'GET',
  path: '/api/v1/actors',
  summary: 'Search the directory (French full text, typo-tolerant), with filters, sort, pagination and facet counts',
  tags: ['actors'],
  access: 'public',
  query: directoryQuery,
  response: directoryPage,
});

/** The directory as CSV or XLSX: the fields the list's caller may read, with the list's filters. */
export const actorListExport = listExportRoutes({
  path: '/api/v1/actors',
  what: 'Actors of the directory, with the fields the caller may read',
  tags: ['actors'],
  access: 'public',
  query: directoryExportQuery,
});

export const actorsMap = defineRoute({
  method: 'GET',
  path: '/api/v1/actors/map',
  summary: 'Actors matching the filters, grouped at their commune’s position',
  tags: ['actors'],
  access: 'public',
  query: directoryFilters,
  response: z.object({ points: z.array(mapPoint), unplaced: z.number().int() }),
});

export const getActor = defineRoute({
  method: 'GET',
  path: '/api/v1/actors/:id',
  summary: 'One actor, with the fields the caller may see',
  tags: ['actors'],
  access: 'public',
  params: idParams,
  response: actorDetail,
  personalData: true,
});

export const createActor = defineRoute({
  method: 'POST',
  path: '/api/v1/actors',
  summary: 'Create an actor',
  tags: ['actors'],
  access: staff,
  body: actorInput,
  response: actorDetail,
  status: 201,
});

export const updateActor = defineRoute({
  method: 'PUT',
  path: '/api/v1/actors/:id',
  summary: 'Replace an actor’s fields (staff, or a member of this organisation)',
  tags: ['actors'],
  access: ['admin', 'animator', 'member'],
  params: idParams,
  body: actorInput,
  response: actorDetail,
});

export const deleteActor = defineRoute({
  method: 'DELETE',
  path: '/api/v1/actors/:id',
  summary: 'Delete an actor',
  tags: ['actors'],
  access: staff,
  params: idParams,
  response: noContent,
  status: 204,
});

export const actorHistory = defineRoute({
  method: 'GET',
  path: '/api/v1/actors/:id/history',
  summary: 'Every change to an actor: who, when, what (a member: its own organisation only)',
  tags: ['actors'],
  access: ['admin', 'animator', 'observer', 'member'],
  params: idParams,
  response: z.object({ items: z.array(historyEntry) }),
  personalData: true,
});
