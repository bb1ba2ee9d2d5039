// Every module's tables, for Drizzle and drizzle-kit.
export * from '../modules/accounts/schema.js';
export * from '../modules/actors/schema.js';
export * from '../modules/reference/schema.js';
