// The register imports' tables (issue 6): the runs and their resume cursor, the rejected lines, the link between an
// actor and the register records it was loaded from, and the review queue of uncertain matches.
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { type RegisterOrganisation, registerSources, registerStatuses } from './types.js';

export const importRunStatuses = ['running', 'done', 'failed'] as const;
export const matchReviewStatuses = ['pending', 'accepted', 'rejected'] as const;

export const registerSourceEnum = pgEnum('register_source', registerSources);
export const registerStatusEnum = pgEnum('register_status', registerStatuses);
export const importRunStatusEnum = pgEnum('import_run_status', importRunStatuses);
export const matchReviewStatusEnum = pgEnum('import_match_review_status', matchReviewStatuses);

/** The scope as stored: sorted commune codes (or null) and the department, so equal scopes are equal jsonb. */
export interface StoredScope {
  communeCodes: string[] | null;
  departement: string | null;
}

/**
 * One import of one file. The file is identified by its SHA-256 and size (its name is only shown): an unfinished run
 * of the same file and scope is resumed after `items_done`, the number of the reader's items whose batches were
 * committed. The cursor counts items, not line numbers, because a reader need not yield lines in increasing order
 * (SIRENE's reader reports the establishments file's rejections, then the units file's, then the organisations), only
 * in the same order every time. The counters are updated in each batch's transaction, so they always describe
 * exactly the committed items.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: registerSourceEnum('source').notNull(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    scope: jsonb('scope').$type<StoredScope>().notNull(),
    status: importRunStatusEnum('status').notNull().default('running'),
    itemsDone: integer('items_done').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    merged: integer('merged').notNull().default(0),
    queued: integer('queued').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    /** Why the run stopped (an exception's message; never a line's content). */
    error: text('error'),
  },
  (t) => [index('import_runs_file_idx').on(t.source, t.fileHash)],
);

/**
 * Every line the import did not load, with its line number in the file and why. Keyed by the item's position in the
 * reader's stream: two files (SIRENE's establishments and units) may reject the same line number.
 */
export const importRejections = pgTable(
  'import_rejections',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    detail: text('detail').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.runId, t.position] })],
);

/**
 * An actor's record in a register. The key is the register's (source, register id), not the actor: an actor may hold
 * several records (an association's RNA record and its SIRENE unit, a company's establishments). `values` holds what
 * the register said of each field it fills at the last import: a later import rewrites an actor's field only while
 * it still equals that value, so fields edited on the platform are kept. `claimed_at` stays null until the
 * organisation claims its pre-filled profile. `actor_id` becomes null when staff delete the actor: the record stays as
 * a tombstone, so that later imports skip the organisation instead of creating it again.
 */
export const actorRegisterRecords = pgTable(
  'actor_register_records',
  {
    source: registerSourceEnum('source').notNull(),
    registerId: text('register_id').notNull(),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
    status: registerStatusEnum('status').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /** The run that last wrote this record (unchanged organisations are not rewritten). */
    lastRunId: uuid('last_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.source, t.registerId] }), index('actor_register_records_actor_idx').on(t.actorId)],
);

/**
 * An uncertain match: an imported organisation without a known identifier whose normalised name is an actor's in the
 * same commune. Nothing is created until an animator accepts (merge into the candidate) or rejects (a new actor). At
 * most one pending review per register record: a re-import refreshes it instead of queueing it again.
 */
export const importMatchReviews = pgTable(
  'import_match_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    source: registerSourceEnum('source').notNull(),
    registerId: text('register_id').notNull(),
    candidateActorId: uuid('candidate_actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    organisation: jsonb('organisation').$type<RegisterOrganisation>().notNull(),
    reason: text('reason').notNull().default('sameNameSameCommune'),
    status: matchReviewStatusEnum('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('import_match_reviews_pending_idx').on(t.source, t.registerId).where(sql`${t.status} = 'pending'`),
    index('import_match_reviews_status_idx').on(t.status, t.createdAt),
  ],
);
