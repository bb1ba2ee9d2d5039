// Shared by server and web: the routes of matchmaking (partner and alliance suggestions, decisions, contact
// requests, feedback statistics, refresh), and their schemas.
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { defineRoute, idParams } from '../../http/contract.js';
import { actorFamilies } from '../reference/families.js';
import { dismissReasons, requestStatuses, scoreComponents, subjectKinds } from './vocabulary.js';

export const suggestionQuery = z.object({
  subjectKind: z.enum(subjectKinds),
  subjectId: z.uuid(),
  top: z.coerce.number().int().min(1).max(50).default(10),
});
export type SuggestionQuery = z.input<typeof suggestionQuery>;

/** An actor as a suggestion shows it: public fields only (no person, no e-mail, no phone). */
export const suggestedActor = z.object({
  id: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  communeName: z.string().nullable(),
});

export const reason = z.object({ kind: z.enum(scoreComponents), text: z.string() });
export type Reason = z.infer<typeof reason>;

export const components = z.object(
  Object.fromEntries(scoreComponents.map((c) => [c, z.number()])) as Record<
    (typeof scoreComponents)[number],
    z.ZodNumber
  >,
);

/** Where a pair stands: a contact request sent by the subject's side, or received from the other. */
export const pairRequest = z
  .object({ id: z.uuid(), direction: z.enum(['sent', 'received']), status: z.enum(requestStatuses) })
  .nullable();

export const suggestion = z.object({
  actor: suggestedActor,
  score: z.number(),
  components,
  reasons: z.array(reason),
  request: pairRequest,
});
export type Suggestion = z.infer<typeof suggestion>;

export const suggestionList = z.object({
  subject: z.object({
    kind: z.enum(subjectKinds),
    id: z.uuid(),
    title: z.string(),
    actor: suggestedActor,
  }),
  items: z.array(suggestion),
});
export type SuggestionList = z.infer<typeof suggestionList>;

export const decisionInput = z
  .object({
    subjectKind: z.enum(subjectKinds),
    subjectId: z.uuid(),
    candidateId: z.uuid(),
    decision: z.enum(['accept', 'dismiss']),
    reason: z.enum(dismissReasons).nullish(),
    /** For the other side when accepting; why, when dismissing. */
    note: z.string().trim().max(1000).default(''),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'dismiss' && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'dismissReasonRequired' });
  });
export type DecisionInput = z.input<typeof decisionInput>;

export const decisionResult = z.object({
  decisionId: z.uuid(),
  /** The contact request opened (accept) or answered (accepting a pending request from the other side). */
  requestId: z.uuid().nullable(),
  /** Set when this acceptance completed a mutual one: the draft partnership opened for both. */
  partnershipId: z.uuid().nullable(),
});

export const requestsQuery = z.object({
  box: z.enum(['received', 'sent']).default('received'),
  status: z.enum(requestStatuses).optional(),
  /** Staff and observers (without the messages) may look at any actor's requests; a member sees its own organisation's. */
  actorId: z.uuid().optional(),
});

export const contactRequest = z.object({
  id: z.uuid(),
  from: suggestedActor,
  to: suggestedActor,
  subjectKind: z.enum(subjectKinds),
  subjectTitle: z.string(),
  message: z.string(),
  reasons: z.array(z.string()),
  status: z.enum(requestStatuses),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
  partnershipId: z.uuid().nullable(),
});
export type ContactRequest = z.infer<typeof contactRequest>;

export const requestAnswer = z
  .object({
    accept: z.boolean(),
    reason: z.enum(dismissReasons).nullish(),
    note: z.string().trim().max(1000).default(''),
  })
  .superRefine((d, ctx) => {
    if (!d.accept && !d.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'dismissReasonRequired' });
  });

export const allianceSuggestionInput = z.object({
  challenge: z.string().trim().min(3).max(2000),
  themes: z.array(z.string()).max(20).default([]),
  communeCodes: z.array(z.string()).max(100).default([]),
  territoryId: z.string().nullish(),
  memberIds: z.array(z.uuid()).max(50).default([]),
  size: z.coerce.number().int().min(1).max(12).default(6),
});
export type AllianceSuggestionInput = z.input<typeof allianceSuggestionInput>;

export const allianceSuggestion = z.object({
  /** Resources the members seek that none of them offers, before and after the proposed additions. */
  unmetNeeds: z.array(z.string()),
  stillUnmet: z.array(z.string()),
  /** The families of the members and proposals together, with how many of each. */
  families: z.record(z.string(), z.number()),
  items: z.array(
    z.object({
      actor: suggestedActor,
      score: z.number(),
      /** What it would bring: the unmet resources it covers, then its declared contributions, in French. */
      contribution: z.string(),
      covers: z.array(z.string()),
      reasons: z.array(reason),
    }),
  ),
});
export type AllianceSuggestion = z.infer<typeof allianceSuggestion>;

export const feedbackStats = z.object({
  decisions: z.number(),
  perReason: z.array(
    z.object({ kind: z.enum(scoreComponents), accepted: z.number(), dismissed: z.number(), acceptance: z.number() }),
  ),
  dismissals: z.array(z.object({ reason: z.enum(dismissReasons), count: z.number() })),
});

export const refreshResult = z.object({ actors: z.number(), suggestions: z.number(), newMutual: z.number() });

export const matchingRoutes = {
  suggestions: defineRoute({
    method: 'GET',
    path: '/api/v1/matching/suggestions',
    summary: 'Partner suggestions for an actor, a need, an offer or a flagship project, with their reasons',
    tags: ['matching'],
    access: 'signedIn',
    query: suggestionQuery,
    response: suggestionList,
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/api/v1/matching/decisions',
    summary: 'Accept a suggestion (contact request to the other side) or dismiss it with a reason',
    tags: ['matching'],
    access: ['admin', 'animator', 'member'],
    body: decisionInput,
    response: decisionResult,
    status: 201,
  }),
  requests: defineRoute({
    method: 'GET',
    path: '/api/v1/matching/requests',
    summary: 'Contact requests received or sent by an organisation',
    tags: ['matching'],
    access: 'signedIn',
    query: requestsQuery,
    response: z.object({ items: z.array(contactRequest) }),
  }),
  answerRequest: defineRoute({
    method: 'POST',
    path: '/api/v1/matching/requests/:id/answer',
    summary: 'Accept a contact request (a draft partnership opens with both) or decline it with a reason',
    tags: ['matching'],
    access: ['admin', 'animator', 'member'],
    params: idParams,
    body: requestAnswer,
    response: decisionResult,
  }),
  allianceSuggestions: defineRoute({
    method: 'POST',
    path: '/api/v1/matching/alliance-suggestions',
    summary: 'Who to add to an alliance: most unmet needs covered with a diversity of families',
    tags: ['matching'],
    access: ['admin', 'animator', 'member', 'observer'],
    body: allianceSuggestionInput,
    response: allianceSuggestion,
  }),
  allianceSuggestionsFor: defineRoute({
    method: 'GET',
    path: '/api/v1/alliances/:id/suggestions',
    summary: 'Who to add to this alliance, given its challenge, territory and members',
    tags: ['matching'],
    access: 'signedIn',
    params: idParams,
    query: z.object({ size: z.coerce.number().int().min(1).max(12).default(6) }),
    response: allianceSuggestion,
  }),
  feedback: defineRoute({
    method: 'GET',
    path: '/api/v1/matching/feedback',
    summary: 'Acceptance and dismissal of suggestions per reason, to tune the weights',
    tags: ['matching'],
    access: staff,
    response: feedbackStats,
  }),
  refresh: defineRoute({
    method: 'POST',
    path: '/api/v1/matching/refresh',
    summary: 'Recompute every actor’s stored suggestions and tell both sides of new mutual ones',
    tags: ['matching'],
    access: ['admin'],
    response: refreshResult,
  }),
} as const;
