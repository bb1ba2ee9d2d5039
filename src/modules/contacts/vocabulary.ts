// Shared by server and web: the kinds of contact an animator or a member logs.
export const contactKinds = ['meeting', 'call', 'interview', 'email', 'event'] as const;
export type ContactKind = (typeof contactKinds)[number];
