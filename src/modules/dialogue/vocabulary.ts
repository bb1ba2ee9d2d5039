// Shared by server and web: the territorial dialogue's words (défis, propositions, modération).

/** A challenge is prepared as a draft, open to contributions, then closed once every proposal has an answer. */
export const challengeStatuses = ['draft', 'open', 'closed'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];

/** The answer of the authority or the animators to a proposal (retenue, à l'étude, non retenue). */
export const proposalOutcomes = ['accepted', 'studied', 'notRetained'] as const;
export type ProposalOutcome = (typeof proposalOutcomes)[number];

/** What can be reported and moderated. */
export const moderationTargets = ['proposal', 'comment'] as const;
export type ModerationTarget = (typeof moderationTargets)[number];

export const reportReasons = ['abuse', 'harassment', 'spam', 'personalData', 'offTopic', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** A report is open until an animator hides the content (upheld) or keeps it visible (dismissed). */
export const reportStatuses = ['open', 'upheld', 'dismissed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Every moderation decision is kept with its reason; content is hidden, never deleted. */
export const moderationActions = ['hide', 'restore', 'dismiss'] as const;
export type ModerationAction = (typeof moderationActions)[number];

/** The kinds of participation counted by the figures. */
export const contributionKinds = ['proposal', 'comment', 'support', 'pledge'] as const;
export type ContributionKind = (typeof contributionKinds)[number];
