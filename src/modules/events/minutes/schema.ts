import { index, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../../db/columns.js';
import { users } from '../../accounts/schema.js';
import { needsOffers } from '../../needs-offers/schema.js';
import { partnerships } from '../../partnerships/schema.js';
import { programmeActions } from '../../programmes/schema.js';
import { events } from '../schema.js';
import { minuteItemKinds } from './vocabulary.js';

export const minuteItemKindEnum = pgEnum('minute_item_kind', minuteItemKinds);

/** An event's minutes: free notes (one text per event), written by staff after or during the meeting. */
export const eventMinutes = pgTable('event_minutes', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  notes: text('notes').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A decision or a follow-up recorded in an event's minutes, linked to what it acts on: an action of the programme's
 * plan (possibly created by the decision), a partnership, a need or offer.
 */
export const minuteItems = pgTable(
  'event_minute_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: minuteItemKindEnum('kind').notNull(),
    text: text('text').notNull(),
    actionId: uuid('action_id').references(() => programmeActions.id, { onDelete: 'set null' }),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
    needOfferId: uuid('need_offer_id').references(() => needsOffers.id, { onDelete: 'set null' }),
    position: smallint('position').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('event_minute_items_event_idx').on(t.eventId, t.position)],
);
