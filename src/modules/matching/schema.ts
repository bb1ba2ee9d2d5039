import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { partnerships } from '../partnerships/schema.js';
import { actorFamilyEnum } from '../reference/schema.js';
import { dismissReasons, requestStatuses, subjectKinds } from './vocabulary.js';

/** An actor the row belongs to or names; the row goes with the actor. */
const actorRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => actors.id, { onDelete: 'cascade' });

export const matchSubjectKindEnum = pgEnum('match_subject_kind', subjectKinds);
export const dismissReasonEnum = pgEnum('match_dismiss_reason', dismissReasons);
export const matchRequestStatusEnum = pgEnum('match_request_status', requestStatuses);

/**
 * What the recommender knows of an actor, in one row: its own fields and what its open needs and offers say
 * (resources, modes, words). Kept by statement triggers on actors and needs_offers (migration 0006), so scoring reads
 * one row per candidate instead of aggregating needs and offers at query time.
 */
export const matchProfiles = pgTable('match_profiles', {
  actorId: uuid('actor_id')
    .primaryKey()
    .references(() => actors.id, { onDelete: 'cascade' }),
  family: actorFamilyEnum('family').notNull(),
  communeCode: text('commune_code'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  themes: text('themes').array().notNull(),
  sdgs: smallint('sdgs').array().notNull(),
  contributions: text('contributions').array().notNull(),
  benefits: text('benefits').array().notNull(),
  /** Resources of its open offers and of its open needs. */
  offerResources: text('offer_resources').array().notNull(),
  needResources: text('need_resources').array().notNull(),
  /** Modes named by its open needs and offers (empty: none said, any accepted). */
  modes: text('modes').array().notNull(),
  /** French lexemes of what it gives (description, contributions, open offers) and seeks (benefits, open needs). */
  giveWords: text('give_words').array().notNull(),
  askWords: text('ask_words').array().notNull(),
  openItems: integer('open_items').notNull(),
  /** Its last activity: the actor's or one of its open needs' and offers' last change. */
  freshAt: timestamp('fresh_at', { withTimezone: true }).notNull(),
});

/**
 * The inverted index of the profiles for candidate retrieval: one row per actor and term (`offer:premises`,
 * `need:money`, `contrib:means`, `benefit:innovation`, `theme:culture-art`), readable per term in order of freshness,
 * overall or within one commune. Retrieval takes the freshest few per term near the subject, then scores them all.
 */
export const matchTerms = pgTable(
  'match_terms',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => matchProfiles.actorId, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    communeCode: text('commune_code').notNull(),
    freshAt: timestamp('fresh_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actorId, t.term] }),
    index('match_terms_local_idx').on(t.term, t.communeCode, t.freshAt.desc(), t.actorId),
    index('match_terms_global_idx').on(t.term, t.freshAt.desc(), t.actorId),
  ],
);

/**
 * A member's decision on a suggestion: accepted (a contact request goes to the other side) or dismissed with a
 * reason. The score and the reasons' components at decision time are kept, to measure acceptance per reason.
 */
export const matchDecisions = pgTable(
  'match_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: actorRef('actor_id'),
    candidateId: actorRef('candidate_id'),
    subjectKind: matchSubjectKindEnum('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    accepted: boolean('accepted').notNull(),
    dismissReason: dismissReasonEnum('dismiss_reason'),
    note: text('note').notNull().default(''),
    score: real('score').notNull(),
    /** The components that gave a reason, e.g. ['complementarity', 'territory']. */
    reasonKinds: text('reason_kinds').array().notNull().default(sql`'{}'::text[]`),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: createdAt(),
  },
  (t) => [
    index('match_decisions_pair_idx').on(t.actorId, t.candidateId),
    index('match_decisions_candidate_idx').on(t.candidateId, t.actorId),
  ],
);

/** A contact request from one actor to another, opened by accepting a suggestion; both accepting opens a partnership. */
export const matchRequests = pgTable(
  'match_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromActorId: actorRef('from_actor_id'),
    toActorId: actorRef('to_actor_id'),
    subjectKind: matchSubjectKindEnum('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    message: text('message').notNull().default(''),
    /** The reasons shown when it was accepted, in French, for the other side to read. */
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    status: matchRequestStatusEnum('status').notNull().default('pending'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('match_requests_to_idx').on(t.toActorId, t.status, t.createdAt),
    index('match_requests_from_idx').on(t.fromActorId, t.status, t.createdAt),
  ],
);

/**
 * Each actor's stored top suggestions (actor-level, symmetric score), rewritten by the refresh. A pair stored both ways
 * is a mutual suggestion; `mutualNoticeAt` records that both sides were told, once.
 */
export const partnerSuggestions = pgTable(
  'partner_suggestions',
  {
    actorId: actorRef('actor_id'),
    candidateId: actorRef('candidate_id'),
    rank: smallint('rank').notNull(),
    score: real('score').notNull(),
    firstSuggestedAt: timestamp('first_suggested_at', { withTimezone: true }).notNull().defaultNow(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.actorId, t.candidateId] }),
    index('partner_suggestions_candidate_idx').on(t.candidateId),
  ],
);

/** Mutual suggestions already announced to both sides (actorA < actorB), so that a refresh tells them only once. */
export const mutualNotices = pgTable(
  'mutual_notices',
  {
    actorA: actorRef('actor_a'),
    actorB: actorRef('actor_b'),
    noticedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorA, t.actorB] })],
);
