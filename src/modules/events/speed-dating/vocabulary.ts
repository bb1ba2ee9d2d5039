// Shared by server and web: the words of a speed-dating session.

/** Who may meet whom: one side meets the other (the families of side A meet those of side B), or anyone meets anyone. */
export const meetingRules = ['twoSided', 'oneSided'] as const;
export type MeetingRuleSetting = (typeof meetingRules)[number];

/** Where the interest between two participants comes from: their wishes, the matchmaking scores, or both added. */
export const interestSources = ['wishes', 'matching', 'both'] as const;
export type InterestSource = (typeof interestSources)[number];

/** How much a participant wants to meet another: 1 if possible, 2 wish, 3 priority. */
export const wishLevels = [1, 2, 3] as const;
