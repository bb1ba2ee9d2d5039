// Shared by server and web: the words of partnerships (programme leaflet, Le Rameau's landmarks).

/** The four modes of partnership, from the simplest to the most impactful. */
export const partnershipModes = [
  'support',
  'responsiblePractices',
  'economicCooperation',
  'societalInnovation',
] as const;
export type PartnershipMode = (typeof partnershipModes)[number];

/** The five steps of a partnership, in order (first-year review, step 7; Le Rameau's method). */
export const partnershipSteps = ['preparePartners', 'framePartnership', 'contract', 'run', 'evaluate'] as const;
export type PartnershipStep = (typeof partnershipSteps)[number];

export const partnershipStatuses = ['active', 'completed', 'abandoned'] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

/** What a partner brings: money, things, skills, or its volunteers' time. */
export const contributionNatures = ['financial', 'inKind', 'skills', 'volunteerHours'] as const;
export type ContributionNature = (typeof contributionNatures)[number];
