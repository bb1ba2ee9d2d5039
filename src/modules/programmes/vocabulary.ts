// Shared by server and web: the words of programmes, their steering and their action plan (issue 5).

/** The internal steering committee (the network head's board) and the extended one (one seat per family and territory). */
export const committees = ['internal', 'extended'] as const;
export type Committee = (typeof committees)[number];

/** An action of the plan is planned, in progress, done or dropped; "late" is computed (due date passed, not done). */
export const actionStatuses = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/**
 * Where an indicator's measured value comes from: typed by an animator, or counted by the database from the
 * programme's own records (so that it is never typed twice).
 */
export const indicatorSources = ['manual', 'eventsHeld', 'attendance', 'participatingActors', 'actionsDone'] as const;
export type IndicatorSource = (typeof indicatorSources)[number];

/** What an action of the plan may link to. */
export const actionLinkKinds = ['actor', 'partnership', 'event'] as const;
export type ActionLinkKind = (typeof actionLinkKinds)[number];

/** The counted sources that an event kind narrows. */
export const eventCountSources = ['eventsHeld', 'attendance'] as const satisfies readonly IndicatorSource[];
export const countsEvents = (source: IndicatorSource) => (eventCountSources as readonly string[]).includes(source);
