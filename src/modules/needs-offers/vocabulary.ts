// Shared by server and web: what an actor may seek or offer.
export const needOfferKinds = ['need', 'offer'] as const;
export type NeedOfferKind = (typeof needOfferKinds)[number];

export const resourceTypes = [
  'money',
  'skills',
  'volunteers',
  'premises',
  'equipment',
  'network',
  'visibility',
  'expertise',
  'purchasing',
] as const;
export type ResourceType = (typeof resourceTypes)[number];

export const needOfferStatuses = ['open', 'inDiscussion', 'fulfilled', 'closed'] as const;
export type NeedOfferStatus = (typeof needOfferStatuses)[number];
