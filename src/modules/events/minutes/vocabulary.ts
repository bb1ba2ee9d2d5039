// Shared by server and web: what an event's minutes record besides notes.

/** A decision taken, or a follow-up to do (who does what next). */
export const minuteItemKinds = ['decision', 'followUp'] as const;
export type MinuteItemKind = (typeof minuteItemKinds)[number];
