// Shared by server and web: what a user may be told, and how.

/**
 * What a user is told about: a mutual partner suggestion, a contact request, its answer, an invitation to an event, a
 * funding deadline coming (animators), an answer to one's proposal in the territorial dialogue, one's content hidden by
 * moderation.
 */
export const notificationKinds = [
  'mutualSuggestion',
  'contactRequest',
  'requestAccepted',
  'requestDeclined',
  'eventInvitation',
  'fundingDeadline',
  'proposalAnswered',
  'contentHidden',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * How a user wants to hear about matchmaking: not at all (the default: telling needs consent), in the application
 * and by e-mail at once, or in the application with a weekly e-mail digest.
 */
export const notificationChoices = ['off', 'instant', 'weekly'] as const;
export type NotificationChoice = (typeof notificationChoices)[number];
