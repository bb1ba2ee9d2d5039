// Shared by server and web: the life of a flagship project (projet phare).
export const projectStatuses = ['draft', 'seekingPartners', 'inProgress', 'completed', 'abandoned'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A project carried by one association is `single`; by several, a collective (pooled) offer. */
export const carrierRoles = ['lead', 'coCarrier'] as const;
export type CarrierRole = (typeof carrierRoles)[number];
