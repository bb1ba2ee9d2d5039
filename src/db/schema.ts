// Every module's tables, for Drizzle and drizzle-kit.
export * from '../modules/accounts/schema.js';
export * from '../modules/actors/schema.js';
export * from '../modules/alliances/schema.js';
export * from '../modules/contacts/schema.js';
export * from '../modules/events/invitations/schema.js';
export * from '../modules/events/minutes/schema.js';
export * from '../modules/events/schema.js';
export * from '../modules/events/speed-dating/schema.js';
export * from '../modules/imports/claims/schema.js';
export * from '../modules/imports/schema.js';
export * from '../modules/matching/schema.js';
export * from '../modules/needs-offers/schema.js';
export * from '../modules/notifications/schema.js';
export * from '../modules/partnerships/schema.js';
export * from '../modules/programmes/schema.js';
export * from '../modules/projects/schema.js';
export * from '../modules/reference/schema.js';
