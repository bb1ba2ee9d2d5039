// Shared by server and web: the life of an alliance.
export const allianceStatuses = ['forming', 'active', 'closed'] as const;
export type AllianceStatus = (typeof allianceStatuses)[number];
