// Shared by server and web: the six actor families and their subtypes (first-year review, "parties prenantes").
export const actorFamilies = ['association', 'company', 'publicAuthority', 'academia', 'citizen', 'media'] as const;
export type ActorFamily = (typeof actorFamilies)[number];

export const subtypesByFamily = {
  association: ['generalInterest', 'networkHead', 'foundation', 'endowmentFund'],
  company: [],
  publicAuthority: ['commune', 'intercommunality', 'department', 'region', 'stateService'],
  academia: ['university', 'school', 'lab'],
  citizen: [],
  media: [],
} as const satisfies Record<ActorFamily, readonly string[]>;

export const companySizes = ['TPE', 'PME', 'ETI', 'large'] as const;
export type CompanySize = (typeof companySizes)[number];
export const companyStatuses = ['classic', 'cooperative', 'iae', 'associativeForm'] as const;

export const stakeholderDirections = ['contribution', 'benefit'] as const;
export type StakeholderDirection = (typeof stakeholderDirections)[number];
