import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, euros, tsvector, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { alliances } from '../alliances/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import { projects } from '../projects/schema.js';
import { partnershipModeEnum } from '../reference/schema.js';
import { contributionNatures, partnershipStatuses, partnershipSteps } from './vocabulary.js';

export const partnershipStepEnum = pgEnum('partnership_step', partnershipSteps);
export const partnershipStatusEnum = pgEnum('partnership_status', partnershipStatuses);
export const contributionNatureEnum = pgEnum('contribution_nature', contributionNatures);

/** A balanced exchange between two or more partners, in one mode, going through the five steps. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    mode: partnershipModeEnum('mode').notNull(),
    currentStep: partnershipStepEnum('current_step').notNull().default('preparePartners'),
    status: partnershipStatusEnum('status').notNull().default('active'),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** When the partners should decide whether to renew. */
    renewalOn: date('renewal_on', { mode: 'string' }),
    /** The partnership this one renews. */
    renewedFromId: uuid('renewed_from_id'),
    /** The need or offer it was opened from, the flagship project it serves, the alliance it belongs to. */
    needOfferId: uuid('need_offer_id').references(() => needsOffers.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    allianceId: uuid('alliance_id').references(() => alliances.id, { onDelete: 'set null' }),
    /** Set when every partner has consented to publication; cleared when one withdraws. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(summary, '')), 'B')`,
      ),
  },
  (t) => [
    index('partnerships_search_idx').using('gin', t.searchVector),
    index('partnerships_board_idx').on(t.mode, t.currentStep),
    index('partnerships_alliance_idx').on(t.allianceId),
    index('partnerships_published_idx').on(t.publishedAt),
    index('partnerships_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** A partner of a partnership: its role, what it expects of the others, its consent to publication. */
export const partnershipPartners = pgTable(
  'partnership_partners',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    role: text('role').notNull().default(''),
    /** Framing: what this partner wants of the others. */
    expectations: text('expectations').notNull().default(''),
    publishConsentAt: timestamp('publish_consent_at', { withTimezone: true }),
    publishConsentBy: uuid('publish_consent_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.actorId] }), index('partnership_partners_actor_idx').on(t.actorId)],
);

/**
 * What an actor gives, in a partnership or directly to an alliance (exactly one of the two): financial, in kind,
 * skills or volunteer hours, valued in euros where it has a value (volunteer valuation).
 */
export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'cascade' }),
    allianceId: uuid('alliance_id').references(() => alliances.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    nature: contributionNatureEnum('nature').notNull(),
    description: text('description').notNull(),
    value: euros('value'),
    hours: numeric('hours', { precision: 10, scale: 2, mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('contributions_one_owner', sql`num_nonnulls(${t.partnershipId}, ${t.allianceId}) = 1`),
    index('contributions_partnership_idx').on(t.partnershipId),
    index('contributions_alliance_idx').on(t.allianceId),
  ],
);

/** What an actor expects to get, in a partnership or from an alliance, and what it did get (realised). */
export const benefits = pgTable(
  'benefits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'cascade' }),
    allianceId: uuid('alliance_id').references(() => alliances.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    description: text('description').notNull(),
    expectedValue: euros('expected_value'),
    /** Null until realised; then what was really obtained. */
    realisedValue: euros('realised_value'),
    realisedOn: date('realised_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('benefits_one_owner', sql`num_nonnulls(${t.partnershipId}, ${t.allianceId}) = 1`),
    index('benefits_partnership_idx').on(t.partnershipId),
    index('benefits_alliance_idx').on(t.allianceId),
  ],
);

export interface ChecklistItem {
  label: string;
  done: boolean;
}

/** Each of the five steps of a partnership: its checklist, dates and notes. */
export const partnershipStepRecords = pgTable(
  'partnership_steps',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    step: partnershipStepEnum('step').notNull(),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default([]),
    startedOn: date('started_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.step] })],
);

/** Files attached to a partnership (the signed agreement, an action plan…), stored in the database. */
export const partnershipDocuments = pgTable(
  'partnership_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    step: partnershipStepEnum('step').notNull(),
    /** `agreement` marks the signed partnership agreement (contract step). */
    kind: text('kind').notNull().default('other'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: createdAt(),
  },
  (t) => [index('partnership_documents_partnership_idx').on(t.partnershipId)],
);

/** The timeline of a partnership: everything that happened, who did it, and why when it was an override. */
export const partnershipEvents = pgTable(
  'partnership_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** created, updated, stepChanged, stepOverridden, documentAdded, consentGiven, consentWithdrawn, published… */
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('partnership_events_partnership_idx').on(t.partnershipId, t.at)],
);

/** Either ledger table: partnerships and alliances read and write both with the same code. */
export type LedgerTable = typeof contributions | typeof benefits;
