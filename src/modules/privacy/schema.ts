import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actorPeople } from '../actors/schema.js';
import { consentScopes, erasureStatuses } from './vocabulary.js';

export const consentScopeEnum = pgEnum('consent_scope', consentScopes);
export const erasureStatusEnum = pgEnum('erasure_status', erasureStatuses);

/**
 * Every consent given or withdrawn, with its date and scope, for an account or for a person listed by an
 * organisation (recorded by whoever collected it). Never updated: the latest row per subject and scope is the
 * consent in force, the earlier ones its history.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => actorPeople.id, { onDelete: 'cascade' }),
    scope: consentScopeEnum('scope').notNull(),
    granted: boolean('granted').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Who recorded it: the person themself, or the staff member or organisation member who collected it. */
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * How it was collected (« formulaire d'inscription », « entretien téléphonique »…), at most 200 characters: a
     * channel and a date, not people's names (typed by members, so a name is replaced at erasure all the same).
     */
    source: text('source').notNull().default(''),
  },
  (t) => [
    index('consent_records_user_idx').on(t.userId, t.scope, t.at),
    index('consent_records_person_idx').on(t.personId, t.scope, t.at),
    check('consent_records_one_subject', sql`(${t.userId} is null) <> (${t.personId} is null)`),
  ],
);

/**
 * A person's request to have their data erased, and what staff did with it. The requester's id stays after the
 * erasure (the account is anonymised, not deleted), so the request itself is the proof it was carried out.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: erasureStatusEnum('status').notNull().default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /** Required when refused; never personal data. */
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    index('erasure_requests_status_idx').on(t.status, t.createdAt),
    check('erasure_requests_refusal_reason', sql`${t.status} <> 'refused' or length(trim(${t.reason})) > 0`),
  ],
);
