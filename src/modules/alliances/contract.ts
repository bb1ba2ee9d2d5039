// Shared by server and web: the alliances' routes, their balance view and the ecosystem graph.
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { defineRoute, idParams, manyStrings, noContent } from '../../http/contract.js';
import {
  type BenefitInput,
  benefitInput,
  type ContributionInput,
  contributionInput,
} from '../partnerships/contract.js';
import { benefit as ledgerBenefit, contribution as ledgerContribution } from '../partnerships/ledger-contract.js';
import { partnershipModes, partnershipSteps } from '../partnerships/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import { allianceStatuses } from './vocabulary.js';

/** An alliance gathers at least this many distinct actors (issue: "three or more actors"). */
export const minAllianceActors = 3;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

export const allianceFields = z.object({
  name: z.string().trim().min(3).max(200),
  challenge: z.string().trim().max(2000).default(''),
  objective: z.string().trim().max(2000).default(''),
  description: z.string().trim().max(5000).default(''),
  status: z.enum(allianceStatuses).default('forming'),
  themes: z.array(z.string()).max(20).default([]),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
  communeCodes: z
    .array(z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'unknownCommune' }))
    .max(50)
    .default([]),
  startsOn: isoDate,
});
export type AllianceFields = z.output<typeof allianceFields>;

export const memberInput = z.object({
  actorId: z.uuid(),
  role: z.string().trim().max(200).default(''),
  joinedOn: isoDate,
});

export const allianceInput = allianceFields
  .extend({ members: z.array(memberInput).max(100).default([]) })
  .superRefine((a, ctx) => {
    if (new Set(a.members.map((m) => m.actorId)).size < minAllianceActors) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'allianceTooFewMembers' });
    }
  });
export type AllianceInput = z.input<typeof allianceInput>;
export type AllianceData = z.output<typeof allianceInput>;

export const memberUpdate = memberInput.omit({ actorId: true });

export type { BenefitInput, ContributionInput };
// An alliance's contributions and benefits follow exactly the rules of a partnership's: same tables, same ledger.
export { benefitInput, contributionInput };

const partnershipRef = z.object({ id: z.uuid(), title: z.string() });

export const allianceMember = z.object({
  actorId: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  communeName: z.string().nullable(),
  /** Role as a direct member (empty for members through a partnership only). */
  role: z.string(),
  direct: z.boolean(),
  joinedOn: z.string().nullable(),
  /** The linked partnerships (visible to the viewer) this actor is a partner of. */
  via: z.array(partnershipRef),
  /** Direct members only: whether this member consented to the alliance's publication. */
  publishConsent: z.boolean(),
});
export type AllianceMember = z.infer<typeof allianceMember>;

export const linkedPartnership = z.object({
  id: z.uuid(),
  title: z.string(),
  mode: z.enum(partnershipModes),
  currentStep: z.enum(partnershipSteps),
  published: z.boolean(),
});

/** A direct contribution, with its actor's name. */
export const contribution = ledgerContribution.extend({ actorName: z.string() });
export type Contribution = z.infer<typeof contribution>;

/** A direct benefit, with its actor's name. */
export const benefit = ledgerBenefit.extend({ actorName: z.string() });
export type Benefit = z.infer<typeof benefit>;

export const allianceWarnings = ['singleFamily'] as const;

export const allianceDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  challenge: z.string(),
  objective: z.string(),
  description: z.string(),
  status: z.enum(allianceStatuses),
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  startsOn: z.string().nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  members: z.array(allianceMember),
  partnerships: z.array(linkedPartnership),
  /** Direct contributions and benefits: only for staff, observers and the alliance's members, else empty. */
  contributions: z.array(contribution),
  benefits: z.array(benefit),
  /** `singleFamily`: every member belongs to one family (allowed, but an alliance usually spans several). */
  warnings: z.array(z.enum(allianceWarnings)),
  /** Staff only: partnerships in no alliance yet that involve one of its members, which may be linked. */
  linkable: z.array(z.object({ id: z.uuid(), title: z.string(), mode: z.enum(partnershipModes) })),
  canEdit: z.boolean(),
  canSeeBalance: z.boolean(),
  /** The viewer's own actor when it is a member: it may declare its contributions and consent for it. */
  ownActorId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type AllianceDetail = z.infer<typeof allianceDetail>;

export const allianceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  challenge: z.string(),
  status: z.enum(allianceStatuses),
  themes: z.array(z.string()),
  communeNames: z.array(z.string()),
  memberCount: z.number().int(),
  familyCount: z.number().int(),
  partnershipCount: z.number().int(),
  published: z.boolean(),
});
export type AllianceSummary = z.infer<typeof allianceSummary>;

export const allianceListQuery = z.object({
  theme: manyStrings,
  status: z.enum(allianceStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const balanceWarningKinds = ['carriesLoad', 'capturesBenefit', 'givesNothing', 'getsNothing'] as const;
export type BalanceWarningKind = (typeof balanceWarningKinds)[number];

export const balanceMember = z.object({
  actorId: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  /** Sum of the values in euros of its contributions (direct and in the alliance's partnerships). */
  given: z.number(),
  hours: z.number(),
  expected: z.number(),
  realised: z.number(),
  contributionCount: z.number().int(),
  benefitCount: z.number().int(),
  /** Shares (0 to 1) of the alliance's totals; null when the total is zero. */
  givenShare: z.number().nullable(),
  expectedShare: z.number().nullable(),
  realisedShare: z.number().nullable(),
  warnings: z.array(z.enum(balanceWarningKinds)),
});
export type BalanceMember = z.infer<typeof balanceMember>;

export const allianceBalance = z.object({
  allianceId: z.uuid(),
  members: z.array(balanceMember),
  totals: z.object({ given: z.number(), hours: z.number(), expected: z.number(), realised: z.number() }),
  /** True when some member carries most of the load or gets most of the benefit. */
  imbalanced: z.boolean(),
  thresholds: z.object({ loadShare: z.number(), benefitShare: z.number(), minMembers: z.number().int() }),
});
export type AllianceBalance = z.infer<typeof allianceBalance>;

export const ecosystemQuery = z.object({
  mode: z.enum(partnershipModes).optional(),
  theme: z.string().optional(),
  commune: z.string().optional(),
  territory: z.string().optional(),
});
export type EcosystemQuery = z.output<typeof ecosystemQuery>;

export const ecosystemNode = z.object({
  id: z.uuid(),
  kind: z.enum(['actor', 'alliance']),
  name: z.string(),
  /** Actors only. */
  family: z.enum(actorFamilies).nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
});
export type EcosystemNode = z.infer<typeof ecosystemNode>;

export const ecosystemLink = z.object({
  source: z.uuid(),
  target: z.uuid(),
  kind: z.enum(['partnership', 'alliance']),
  /** Partnership links: the partnership, its title and mode. Alliance links: the alliance's id. */
  refId: z.uuid(),
  title: z.string(),
  mode: z.enum(partnershipModes).nullable(),
});
export type EcosystemLink = z.infer<typeof ecosystemLink>;

export const ecosystemGraph = z.object({ nodes: z.array(ecosystemNode), links: z.array(ecosystemLink) });
export type EcosystemGraph = z.infer<typeof ecosystemGraph>;

const allianceActorParams = z.object({ id: z.uuid(), actorId: z.uuid() });
const allianceItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const alliancePartnershipParams = z.object({ id: z.uuid(), partnershipId: z.uuid() });
const tags = ['alliances'];
const membersOrStaff = ['admin', 'animator', 'member'] as const;

export const listAlliances = defineRoute({
  method: 'GET',
  path: '/api/v1/alliances',
  summary: 'Alliances the caller may see (public: published ones; members: also their own; staff, observers: all)',
  tags,
  access: 'public',
  query: allianceListQuery,
  response: z.object({
    items: z.array(allianceSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});

export const listActorAlliances = defineRoute({
  method: 'GET',
  path: '/api/v1/actors/:id/alliances',
  summary: 'The alliances an actor belongs to (directly or through a partnership) that the caller may see',
  tags,
  access: 'public',
  params: idParams,
  response: z.object({ items: z.array(allianceSummary) }),
});

export const getAlliance = defineRoute({
  method: 'GET',
  path: '/api/v1/alliances/:id',
  summary: 'One alliance: challenge, objective, members (direct and through partnerships), linked partnerships',
  tags,
  access: 'public',
  params: idParams,
  response: allianceDetail,
});

export const createAlliance = defineRoute({
  method: 'POST',
  path: '/api/v1/alliances',
  summary: 'Create an alliance with at least three distinct actors as direct members',
  tags,
  access: staff,
  body: allianceInput,
  response: allianceDetail,
  status: 201,
});

export const updateAlliance = defineRoute({
  method: 'PUT',
  path: '/api/v1/alliances/:id',
  summary: 'Replace an alliance’s own fields (members are managed separately)',
  tags,
  access: staff,
  params: idParams,
  body: allianceFields,
  response: allianceDetail,
});

export const addAllianceMember = defineRoute({
  method: 'POST',
  path: '/api/v1/alliances/:id/members',
  summary: 'Add a direct member',
  tags,
  access: staff,
  params: idParams,
  body: memberInput,
  response: allianceDetail,
  status: 201,
});

export const updateAllianceMember = defineRoute({
  method: 'PUT',
  path: '/api/v1/alliances/:id/members/:actorId',
  summary: 'Change a direct member’s role or joining date',
  tags,
  access: staff,
  params: allianceActorParams,
  body: memberUpdate,
  response: allianceDetail,
});

export const removeAllianceMember = defineRoute({
  method: 'DELETE',
  path: '/api/v1/alliances/:id/members/:actorId',
  summary: 'Remove a direct member (never below three actors)',
  tags,
  access: staff,
  params: allianceActorParams,
  response: noContent,
  status: 204,
});

export const setAllianceConsent = defineRoute({
  method: 'PUT',
  path: '/api/v1/alliances/:id/members/:actorId/consent',
  summary: 'Give or withdraw a direct member’s consent to publication (the member itself, or staff on its behalf)',
  tags,
  access: membersOrStaff,
  params: allianceActorParams,
  body: z.object({ consent: z.boolean() }),
  response: allianceDetail,
});

export const linkAlliancePartnership = defineRoute({
  method: 'POST',
  path: '/api/v1/alliances/:id/partnerships',
  summary: 'Link a partnership to the alliance',
  tags,
  access: staff,
  params: idParams,
  body: z.object({ partnershipId: z.uuid() }),
  response: allianceDetail,
});

export const unlinkAlliancePartnership = defineRoute({
  method: 'DELETE',
  path: '/api/v1/alliances/:id/partnerships/:partnershipId',
  summary: 'Unlink a partnership from the alliance (never below three actors)',
  tags,
  access: staff,
  params: alliancePartnershipParams,
  response: noContent,
  status: 204,
});

export const addAllianceContribution = defineRoute({
  method: 'POST',
  path: '/api/v1/alliances/:id/contributions',
  summary: 'Declare a member’s direct contribution (staff, or a member for its own organisation)',
  tags,
  access: membersOrStaff,
  params: idParams,
  body: contributionInput,
  response: contribution,
  status: 201,
});

export const updateAllianceContribution = defineRoute({
  method: 'PUT',
  path: '/api/v1/alliances/:id/contributions/:itemId',
  summary: 'Change a direct contribution',
  tags,
  access: membersOrStaff,
  params: allianceItemParams,
  body: contributionInput,
  response: contribution,
});

export const deleteAllianceContribution = defineRoute({
  method: 'DELETE',
  path: '/api/v1/alliances/:id/contributions/:itemId',
  summary: 'Delete a direct contribution',
  tags,
  access: membersOrStaff,
  params: allianceItemParams,
  response: noContent,
  status: 204,
});

export const addAllianceBenefit = defineRoute({
  method: 'POST',
  path: '/api/v1/alliances/:id/benefits',
  summary: 'Declare what a member expects from the alliance, and what it got',
  tags,
  access: membersOrStaff,
  params: idParams,
  body: benefitInput,
  response: benefit,
  status: 201,
});

export const updateAllianceBenefit = defineRoute({
  method: 'PUT',
  path: '/api/v1/alliances/:id/benefits/:itemId',
  summary: 'Change a benefit (e.g. record its realised value)',
  tags,
  access: membersOrStaff,
  params: allianceItemParams,
  body: benefitInput,
  response: benefit,
});

export const deleteAllianceBenefit = defineRoute({
  method: 'DELETE',
  path: '/api/v1/alliances/:id/benefits/:itemId',
  summary: 'Delete a benefit',
  tags,
  access: membersOrStaff,
  params: allianceItemParams,
  response: noContent,
  status: 204,
});

export const getAllianceBalance = defineRoute({
  method: 'GET',
  path: '/api/v1/alliances/:id/balance',
  summary: 'What each member gives and gets, its shares, and warnings when one carries the load or the benefit',
  tags,
  access: ['admin', 'animator', 'observer', 'member'],
  params: idParams,
  response: allianceBalance,
});

export const getEcosystem = defineRoute({
  method: 'GET',
  path: '/api/v1/ecosystem',
  summary: 'The ecosystem graph: actors and alliances as nodes, partnerships and alliance membership as links',
  tags: ['ecosystem'],
  access: 'public',
  query: ecosystemQuery,
  response: ecosystemGraph,
});
