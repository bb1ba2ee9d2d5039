// Shared by server and web: what a user may be told, and how.
import type { UserRole } from '../../auth/roles.js';

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
 * How a user wants to hear about one kind: not at all, in the application and by e-mail at once (`instant`), or in
 * the application with the weekly e-mail digest (`weekly`).
 */
export const notificationChoices = ['off', 'instant', 'weekly'] as const;
export type NotificationChoice = (typeof notificationChoices)[number];

/** The news of matchmaking, about an organisation: its members only. */
export const matchmakingKinds = [
  'mutualSuggestion',
  'contactRequest',
  'requestAccepted',
  'requestDeclined',
] as const satisfies readonly NotificationKind[];

/**
 * The choice when the user made none. Matchmaking news is off (telling another organisation's interest needs
 * consent); what concerns the user directly comes in the weekly digest; a funding deadline is staff work, at once.
 */
export const defaultChoices: Record<NotificationKind, NotificationChoice> = {
  mutualSuggestion: 'off',
  contactRequest: 'off',
  requestAccepted: 'off',
  requestDeclined: 'off',
  eventInvitation: 'weekly',
  fundingDeadline: 'instant',
  proposalAnswered: 'weekly',
  contentHidden: 'weekly',
};

/** What concerns anyone taking part: events and the territorial dialogue. */
const everyone = ['eventInvitation', 'proposalAnswered', 'contentHidden'] as const satisfies NotificationKind[];

/** The kinds a role may receive, hence choose for (the order of the preferences table). */
export const kindsForRole: Record<UserRole, readonly NotificationKind[]> = {
  admin: ['fundingDeadline', ...everyone],
  animator: ['fundingDeadline', ...everyone],
  member: [...matchmakingKinds, ...everyone],
  observer: everyone,
  citizen: everyone,
};
