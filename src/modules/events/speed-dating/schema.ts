import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from '../../../db/columns.js';
import { matchRequests } from '../../matching/schema.js';
import { actorFamilyEnum } from '../../reference/schema.js';
import { eventRegistrations, events } from '../schema.js';
import { interestSources, meetingRules } from './vocabulary.js';

export const meetingRuleEnum = pgEnum('speed_dating_rule', meetingRules);
export const interestSourceEnum = pgEnum('speed_dating_interest_source', interestSources);

const registrationRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => eventRegistrations.id, { onDelete: 'cascade' });

/**
 * A speed-dating event's settings (tables, rounds, round length, who meets whom, where interest comes from) and the
 * summary of its last computed schedule (interest reached, the flow bound, the greedy baseline).
 */
export const speedDatingSessions = pgTable(
  'speed_dating_sessions',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    tables: integer('tables').notNull(),
    rounds: integer('rounds').notNull(),
    roundMinutes: integer('round_minutes').notNull(),
    /** Minutes to change tables between two rounds. */
    changeoverMinutes: integer('changeover_minutes').notNull().default(2),
    rule: meetingRuleEnum('rule').notNull().default('twoSided'),
    /** Two-sided rule: the families of each side (e.g. associations × companies). */
    sideA: actorFamilyEnum('side_a').array().notNull().default(sql`'{association}'`),
    sideB: actorFamilyEnum('side_b').array().notNull().default(sql`'{company}'`),
    interestSource: interestSourceEnum('interest_source').notNull().default('both'),
    /** Participants mark who they want to follow up with once the event has started. */
    followUpsOpen: boolean('follow_ups_open').notNull().default(false),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    interest: real('interest'),
    bound: real('bound'),
    optimal: boolean('optimal'),
    greedyInterest: real('greedy_interest'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('speed_dating_tables_positive', sql`${t.tables} between 1 and 500`),
    check('speed_dating_rounds_positive', sql`${t.rounds} between 1 and 50`),
    check('speed_dating_round_minutes_positive', sql`${t.roundMinutes} between 1 and 120`),
  ],
);

/** Who wants to meet whom, between two registrations of the event, with a level (1 if possible … 3 priority). */
export const speedDatingWishes = pgTable(
  'speed_dating_wishes',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    fromRegistrationId: registrationRef('from_registration_id'),
    toRegistrationId: registrationRef('to_registration_id'),
    level: smallint('level').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.fromRegistrationId, t.toRegistrationId] }),
    index('speed_dating_wishes_event_idx').on(t.eventId),
    check('speed_dating_wishes_level', sql`${t.level} between 1 and 3`),
    check('speed_dating_wishes_not_self', sql`${t.fromRegistrationId} <> ${t.toRegistrationId}`),
  ],
);

/** One meeting of the computed schedule: round, table, the two registrations, and their mutual interest. */
export const speedDatingMeetings = pgTable(
  'speed_dating_meetings',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    round: smallint('round').notNull(),
    tableNumber: smallint('table_number').notNull(),
    aRegistrationId: registrationRef('a_registration_id'),
    bRegistrationId: registrationRef('b_registration_id'),
    interest: real('interest').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.round, t.tableNumber] }),
    index('speed_dating_meetings_a_idx').on(t.aRegistrationId),
    index('speed_dating_meetings_b_idx').on(t.bRegistrationId),
  ],
);

/** After the event: "I want to follow up with them". A mutual pair opens a contact request between the two actors. */
export const speedDatingFollowUps = pgTable(
  'speed_dating_follow_ups',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    fromRegistrationId: registrationRef('from_registration_id'),
    toRegistrationId: registrationRef('to_registration_id'),
    createdAt: createdAt(),
    /** The contact request opened when the follow-up became mutual. */
    requestId: uuid('request_id').references(() => matchRequests.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.fromRegistrationId, t.toRegistrationId] }),
    index('speed_dating_follow_ups_event_idx').on(t.eventId),
  ],
);
