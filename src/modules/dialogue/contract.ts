// Shared by server and web: the territorial dialogue (issue 9): a territory's challenges, the proposals that answer
// them, supports (one per person), pledges (« je peux apporter… », which feed matchmaking), comments, the authority's
// answers and the conversion of an accepted proposal into a flagship project or an alliance.
// Who: anyone reads what is open or closed; signed-in members and citizens (and staff for comments) contribute;
// staff and the members of a public authority post challenges; staff and the answering authority's members answer
// and close; staff convert. Moderation (reports, hiding) is in ./moderation/contract.ts.
import { z } from 'zod';
import { dateTime, defineRoute, idParams, manyStrings } from '../../http/contract.js';
import { resourceTypes } from '../needs-offers/vocabulary.js';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { projectStatuses } from '../projects/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import { challengeStatuses, proposalOutcomes } from './vocabulary.js';

const base = '/api/v1/dialogue';
const tags = ['dialogue'];

/** Members write for their organisation, citizens in their own name; staff too. Observers only read. */
export const contributors = ['admin', 'animator', 'member', 'citizen'] as const;
/** Staff, or a member whose organisation is a public authority (checked by the service). */
const posters = ['admin', 'animator', 'member'] as const;
const staffOnly = ['admin', 'animator'] as const;

const text = (max: number) => z.string().trim().max(max).default('');
const isoDay = z.iso.date({ message: 'invalidDate' });

// ---------- inputs ----------

export const challengeFigureInput = z.object({
  label: z.string().trim().min(1).max(200),
  value: z.string().trim().min(1).max(100),
  source: text(200),
});

/**
 * A challenge as posted. The themes, SDGs, communes, territory and answering authority must exist (service); the
 * territory must belong to the programme; a challenge posted by a public authority's member is answered by it.
 */
export const challengeInput = z.object({
  programmeId: z.uuid({ message: 'required' }),
  territoryId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  title: z.string().trim().min(3).max(200),
  summary: text(500),
  context: text(6000),
  figures: z.array(challengeFigureInput).max(12).default([]),
  themes: z.array(z.string()).max(20).default([]),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
  /** Empty: the territory's communes. */
  communeCodes: z.array(z.string()).max(50).default([]),
  /** Last day (Paris) for contributions. */
  contributionsCloseOn: isoDay,
  /** The public authority that will answer (an actor of the family publicAuthority). */
  answeringActorId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** `open` publishes it; a draft is seen by staff and the posting organisation only. */
  status: z.enum(['draft', 'open']).default('draft'),
});
export type ChallengeInput = z.input<typeof challengeInput>;
export type ChallengeData = z.output<typeof challengeInput>;

export const closeChallengeInput = z.object({
  /** The closing word of the authority or the animators, shown on the challenge page. */
  closingNote: z.string().trim().min(1, { message: 'required' }).max(4000),
});

export const proposalInput = z.object({
  title: z.string().trim().min(3).max(200),
  /** What: the proposed answer. */
  description: z.string().trim().min(20, { message: 'descriptionTooShort' }).max(6000),
  /** Who would act. */
  whoActs: text(2000),
  /** What it needs (money, premises, skills…), in words. */
  needs: text(2000),
  modes: z.array(z.enum(partnershipModes)).max(partnershipModes.length).default([]),
  /** A member proposes for its organisation (true) or in their own name (false); ignored for citizens. */
  onBehalfOfOrganisation: z.boolean().default(true),
});
export type ProposalInput = z.input<typeof proposalInput>;
export type ProposalData = z.output<typeof proposalInput>;

export const supportInput = z.object({
  onBehalfOfOrganisation: z.boolean().default(true),
});

export const pledgeInput = z.object({
  resources: z.array(z.enum(resourceTypes)).min(1, { message: 'resourceRequired' }).max(resourceTypes.length),
  description: z.string().trim().min(3).max(1000),
  onBehalfOfOrganisation: z.boolean().default(true),
});
export type PledgeInput = z.input<typeof pledgeInput>;

export const commentInput = z.object({
  body: z.string().trim().min(2).max(3000),
  onBehalfOfOrganisation: z.boolean().default(true),
});

export const answerInput = z.object({
  outcome: z.enum(proposalOutcomes),
  /** Required for every answer: accountability. */
  reason: z.string().trim().min(10, { message: 'answerReasonTooShort' }).max(4000),
});
export type AnswerInput = z.input<typeof answerInput>;

export const conversionKinds = ['project', 'alliance'] as const;

/**
 * Turns an accepted proposal into a flagship project (carried by associations: the author's organisation when it is
 * one, else those given) or an alliance (the author's, supporters' and pledgers' organisations, at least three).
 * Supporters' organisations become the project's interested actors or the alliance's members.
 */
export const conversionInput = z.object({
  kind: z.enum(conversionKinds),
  /** Defaults to the proposal's title. */
  title: z.string().trim().min(3).max(200).optional(),
  /** Project only: association ids carrying it, the first as lead; empty = the author's association. */
  carrierIds: z.array(z.uuid()).max(20).default([]),
});
export type ConversionInput = z.input<typeof conversionInput>;

export const challengeListQuery = z.object({
  programmeId: z.uuid().optional(),
  territoryId: z.uuid().optional(),
  /** Drafts are listed for staff and their posting organisation only. */
  status: z.enum(challengeStatuses).optional(),
  theme: manyStrings,
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ChallengeListQuery = z.output<typeof challengeListQuery>;

export const proposalSorts = ['recent', 'supported'] as const;

export const proposalListQuery = z.object({
  challengeId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  allianceId: z.uuid().optional(),
  /** `none`: not answered yet. */
  outcome: z.enum([...proposalOutcomes, 'none']).optional(),
  /** Only the caller's own proposals (signed in). */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  sort: z.enum(proposalSorts).default('recent'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProposalListQuery = z.output<typeof proposalListQuery>;

// ---------- views ----------

const ref = z.object({ id: z.uuid(), name: z.string() });

/**
 * Who wrote or supported: the organisation, « Citoyen·ne » with the commune's name, or the animation team (`team`).
 * `personName` is the display name, given to staff only (personal data never reaches public pages).
 */
export const participantLabel = z.object({
  actor: ref.nullable(),
  family: z.enum(actorFamilies),
  /** The animation team wrote it: team ⇔ actor null and family ≠ 'citizen' (labels.ts `isTeam`). */
  team: z.boolean(),
  communeName: z.string().nullable(),
  personName: z.string().nullable(),
  /** The caller wrote it. */
  mine: z.boolean(),
});
export type ParticipantLabel = z.infer<typeof participantLabel>;

/** Shown to staff only: hidden content stays stored, with the moderator's reason. */
export const hiddenState = z.object({ at: dateTime, reason: z.string() }).nullable();

export const contributionCounts = z.object({
  proposals: z.number().int(),
  supports: z.number().int(),
  pledges: z.number().int(),
  comments: z.number().int(),
  answered: z.number().int(),
});

export const challengeSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(challengeStatuses),
  programme: ref,
  territory: ref.nullable(),
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
  contributionsCloseOn: z.string(),
  /** Open and the deadline (Paris day) not passed. */
  acceptsContributions: z.boolean(),
  answeringActor: ref.nullable(),
  counts: contributionCounts,
  createdAt: dateTime,
});
export type ChallengeSummary = z.infer<typeof challengeSummary>;

/** A page of a list: its items, how many in all, which page of what size. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const challengePage = pageOf(challengeSummary);
export type ChallengePage = z.infer<typeof challengePage>;

/** One step of the path from a proposal to partnerships (accountability, as Decidim's). */
export const pathPartnership = z.object({ id: z.uuid(), title: z.string(), step: z.string(), status: z.string() });

export const proposalPath = z.object({
  proposalId: z.uuid(),
  title: z.string(),
  proposedAt: dateTime,
  supports: z.number().int(),
  outcome: z.enum(proposalOutcomes).nullable(),
  answeredAt: dateTime.nullable(),
  project: z.object({ id: z.uuid(), title: z.string(), status: z.enum(projectStatuses) }).nullable(),
  alliance: z.object({ id: z.uuid(), name: z.string(), status: z.string() }).nullable(),
  convertedAt: dateTime.nullable(),
  /** Partnerships of the project or of the alliance that the caller may see. */
  partnerships: z.array(pathPartnership),
});
export type ProposalPath = z.infer<typeof proposalPath>;

export const challengeDetail = challengeSummary.extend({
  context: z.string(),
  figures: z.array(z.object({ label: z.string(), value: z.string(), source: z.string() })),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  postedBy: ref.nullable(),
  closingNote: z.string(),
  closedAt: dateTime.nullable(),
  /** Proposals not answered yet (visible ones): closing needs zero. */
  unanswered: z.number().int(),
  /** Every answered proposal's way, newest answer first. */
  path: z.array(proposalPath),
  canEdit: z.boolean(),
  canAnswer: z.boolean(),
  canClose: z.boolean(),
  canPropose: z.boolean(),
});
export type ChallengeDetail = z.infer<typeof challengeDetail>;

export const outcomeView = z.object({
  outcome: z.enum(proposalOutcomes),
  reason: z.string(),
  answeredAt: dateTime,
  /** The authority that answered, or null for the animators. */
  answeredFor: ref.nullable(),
});

export const proposalSummary = z.object({
  id: z.uuid(),
  challenge: z.object({ id: z.uuid(), title: z.string() }),
  title: z.string(),
  description: z.string(),
  modes: z.array(z.enum(partnershipModes)),
  author: participantLabel,
  supports: z.number().int(),
  pledges: z.number().int(),
  comments: z.number().int(),
  outcome: outcomeView.nullable(),
  project: ref.nullable(),
  alliance: ref.nullable(),
  supportedByMe: z.boolean(),
  hidden: hiddenState,
  createdAt: dateTime,
});
export type ProposalSummary = z.infer<typeof proposalSummary>;

export const proposalPage = pageOf(proposalSummary);
export type ProposalPage = z.infer<typeof proposalPage>;

export const supporterView = participantLabel.extend({ supportedAt: dateTime });

export const pledgeView = z.object({
  id: z.uuid(),
  by: participantLabel,
  resources: z.array(z.enum(resourceTypes)),
  description: z.string(),
  /** The open offer created for matchmaking (organisations only). */
  needOfferId: z.uuid().nullable(),
  createdAt: dateTime,
});
export type PledgeView = z.infer<typeof pledgeView>;

export const commentView = z.object({
  id: z.uuid(),
  by: participantLabel,
  body: z.string(),
  hidden: hiddenState,
  createdAt: dateTime,
});
export type CommentView = z.infer<typeof commentView>;

export const proposalDetail = proposalSummary.extend({
  challenge: z.object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(challengeStatuses),
    contributionsCloseOn: z.string(),
    acceptsContributions: z.boolean(),
    answeringActor: ref.nullable(),
  }),
  whoActs: z.string(),
  needs: z.string(),
  /** Organisations named; citizens as « Citoyen·ne » (+ commune). */
  supporters: z.array(supporterView),
  pledgeList: z.array(pledgeView),
  commentList: z.array(commentView),
  canEdit: z.boolean(),
  canSupport: z.boolean(),
  canContribute: z.boolean(),
  canAnswer: z.boolean(),
  canConvert: z.boolean(),
  /** Whether the caller can act for an organisation (a member with one). */
  organisation: ref.nullable(),
});
export type ProposalDetail = z.infer<typeof proposalDetail>;

export const created = z.object({ id: z.uuid() });

export const conversionResult = z.object({
  proposalId: z.uuid(),
  project: ref.nullable(),
  alliance: ref.nullable(),
});
export type ConversionResult = z.infer<typeof conversionResult>;

// ---------- routes ----------

export const dialogueRoutes = {
  listChallenges: defineRoute({
    method: 'GET',
    path: `${base}/challenges`,
    summary: "A programme's territorial challenges, open first, with their participation counts",
    tags,
    access: 'public',
    query: challengeListQuery,
    response: challengePage,
  }),
  getChallenge: defineRoute({
    method: 'GET',
    path: `${base}/challenges/:id`,
    summary: 'A challenge with its context, figures and the path of its answered proposals',
    tags,
    access: 'public',
    params: idParams,
    response: challengeDetail,
    personalData: true,
  }),
  createChallenge: defineRoute({
    method: 'POST',
    path: `${base}/challenges`,
    summary: 'Posts a challenge (staff, or a member of a public authority)',
    tags,
    access: posters,
    body: challengeInput,
    response: created,
    status: 201,
  }),
  updateChallenge: defineRoute({
    method: 'PUT',
    path: `${base}/challenges/:id`,
    summary: 'Edits a challenge that is not closed',
    tags,
    access: posters,
    params: idParams,
    body: challengeInput,
    response: created,
  }),
  closeChallenge: defineRoute({
    method: 'POST',
    path: `${base}/challenges/:id/close`,
    summary: 'Closes a challenge once every proposal has an answer',
    tags,
    access: posters,
    params: idParams,
    body: closeChallengeInput,
    response: created,
  }),
  listProposals: defineRoute({
    method: 'GET',
    path: `${base}/proposals`,
    summary: "Proposals of a challenge, or those a project or alliance came from, or the caller's own",
    tags,
    access: 'public',
    query: proposalListQuery,
    response: proposalPage,
    personalData: true,
  }),
  getProposal: defineRoute({
    method: 'GET',
    path: `${base}/proposals/:id`,
    summary: 'A proposal with its supporters, pledges, comments and answer',
    tags,
    access: 'public',
    params: idParams,
    response: proposalDetail,
    personalData: true,
  }),
  createProposal: defineRoute({
    method: 'POST',
    path: `${base}/challenges/:id/proposals`,
    summary: 'Proposes an answer to an open challenge',
    tags,
    access: contributors,
    params: idParams,
    body: proposalInput,
    response: created,
    status: 201,
  }),
  updateProposal: defineRoute({
    method: 'PUT',
    path: `${base}/proposals/:id`,
    summary: 'Its author edits a proposal that has no answer yet',
    tags,
    access: contributors,
    params: idParams,
    body: proposalInput,
    response: created,
  }),
  support: defineRoute({
    method: 'PUT',
    path: `${base}/proposals/:id/support`,
    summary: 'Supports a proposal (one support per person)',
    tags,
    access: contributors,
    params: idParams,
    body: supportInput,
    response: created,
  }),
  withdrawSupport: defineRoute({
    method: 'DELETE',
    path: `${base}/proposals/:id/support`,
    summary: "Withdraws the caller's support while the challenge is open",
    tags,
    access: contributors,
    params: idParams,
    response: created,
  }),
  pledge: defineRoute({
    method: 'POST',
    path: `${base}/proposals/:id/pledges`,
    summary: 'Says what one could bring; an organisation also opens an offer for matchmaking',
    tags,
    access: contributors,
    params: idParams,
    body: pledgeInput,
    response: created,
    status: 201,
  }),
  comment: defineRoute({
    method: 'POST',
    path: `${base}/proposals/:id/comments`,
    summary: 'Comments on a proposal',
    tags,
    access: contributors,
    params: idParams,
    body: commentInput,
    response: created,
    status: 201,
  }),
  answer: defineRoute({
    method: 'PUT',
    path: `${base}/proposals/:id/answer`,
    summary: 'Answers a proposal (the answering authority or the animators), with a reason',
    tags,
    access: posters,
    params: idParams,
    body: answerInput,
    response: created,
  }),
  convert: defineRoute({
    method: 'POST',
    path: `${base}/proposals/:id/conversion`,
    summary: 'Turns an accepted proposal into a flagship project or an alliance, keeping its supporters',
    tags,
    access: staffOnly,
    params: idParams,
    body: conversionInput,
    response: conversionResult,
    status: 201,
  }),
};
