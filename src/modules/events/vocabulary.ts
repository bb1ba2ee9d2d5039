// Shared by server and web: the words of events and their registrations.

/** What kind of gathering an event is (issue 5). */
export const eventKinds = [
  'launchMeeting',
  'interAssociationWorkshop',
  'speedDating',
  'openForum',
  'steeringCommittee',
  'interview',
  'training',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** An event is planned, then held (it took place) or cancelled. */
export const eventStatuses = ['planned', 'cancelled', 'held'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** A registration holds a seat, waits for one (in the order of registration), or was cancelled. */
export const registrationStatuses = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
