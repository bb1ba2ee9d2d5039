// Shared by server and web: the words of matchmaking.

/** What a suggestion is computed for: an actor (mutual), one of its needs or offers, a flagship project. */
export const subjectKinds = ['actor', 'need', 'offer', 'project'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/** The five components of a partner suggestion's score (weights.ts), also the kinds of its reasons. */
export const scoreComponents = ['complementarity', 'affinity', 'territory', 'fit', 'freshness'] as const;
export type ScoreComponent = (typeof scoreComponents)[number];

/** Why a member sets a suggestion aside: counted per reason to tune the weights. */
export const dismissReasons = ['notRelevant', 'alreadyInTouch', 'tooFar', 'noCapacity', 'notNow', 'other'] as const;
export type DismissReason = (typeof dismissReasons)[number];

/** A contact request opened by accepting a suggestion. */
export const requestStatuses = ['pending', 'accepted', 'declined'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
