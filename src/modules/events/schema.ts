import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { communes } from '../reference/schema.js';
import { eventKinds, eventStatuses, registrationStatuses } from './vocabulary.js';

export const eventKindEnum = pgEnum('event_kind', eventKinds);
export const eventStatusEnum = pgEnum('event_status', eventStatuses);
export const registrationStatusEnum = pgEnum('event_registration_status', registrationStatuses);

/** One item of an event's timed agenda: a local start time (`HH:MM`), a title, who speaks. */
export interface AgendaItem {
  startsAt: string;
  title: string;
  speakers: string[];
}

/** A meeting, workshop, speed dating… with its date, place, capacity (null: unlimited) and timed agenda. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: eventKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    communeCode: text('commune_code').references(() => communes.code),
    /** Seats; null for an event without limit. */
    capacity: integer('capacity'),
    status: eventStatusEnum('status').notNull().default('planned'),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('events_starts_at_idx').on(t.startsAt),
    check('events_ends_after_starts', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_positive', sql`${t.capacity} is null or ${t.capacity} >= 1`),
  ],
);

/**
 * A signed-in user's registration to an event, for their organisation when they have one. At most one active
 * (not cancelled) registration per user and event; the waiting list is ordered by createdAt.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
    status: registrationStatusEnum('status').notNull(),
    createdAt: createdAt(),
    /** When a waitlisted registration got a seat. */
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Attendance, marked by staff on the day. */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_registrations_active_uq').on(t.eventId, t.userId).where(sql`${t.status} <> 'cancelled'`),
    index('event_registrations_event_idx').on(t.eventId, t.status, t.createdAt),
    index('event_registrations_user_idx').on(t.userId),
  ],
);
