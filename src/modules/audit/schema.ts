import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { userRoleEnum } from '../accounts/schema.js';
import { auditKinds } from './vocabulary.js';

export const auditKindEnum = pgEnum('audit_kind', auditKinds);

/**
 * Who did what, when and from where: one row per write through the API and per read of personal data by staff.
 * Append-only: a trigger (migration 0021) refuses UPDATE, and DELETE outside the retention purge. `user_id` is not a
 * foreign key on purpose: an erased person's id stays, pointing to an anonymised account, so history is kept
 * without the person. No request body, query string or personal value is ever stored here.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    role: userRoleEnum('role'),
    /** How the caller was authenticated: `session`, `token`, or empty for anonymous. */
    via: text('via').notNull().default(''),
    kind: auditKindEnum('kind').notNull(),
    /** `METHOD /route/:template` (the route's template, never the concrete URL with its query string). */
    action: text('action').notNull(),
    /** The record acted on: the route's `:id` (or first uuid parameter), when it has one. */
    targetId: text('target_id'),
    status: smallint('status').notNull(),
    ip: text('ip').notNull().default(''),
  },
  (t) => [
    index('audit_entries_at_idx').on(t.at),
    index('audit_entries_user_idx').on(t.userId, t.at),
    index('audit_entries_target_idx').on(t.targetId),
    check('audit_entries_action_shape', sql`${t.action} ~ '^(GET|POST|PUT|PATCH|DELETE) /'`),
  ],
);
