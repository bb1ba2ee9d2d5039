import { sql } from 'drizzle-orm';
import { check, index, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../../db/columns.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { events } from '../schema.js';

/** An invitation to an event, sent to an organisation (its members are told) or to one person (a user account). */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('event_invitations_one_target', sql`(${t.actorId} is null) <> (${t.userId} is null)`),
    uniqueIndex('event_invitations_actor_uq').on(t.eventId, t.actorId).where(sql`${t.actorId} is not null`),
    uniqueIndex('event_invitations_user_uq').on(t.eventId, t.userId).where(sql`${t.userId} is not null`),
    index('event_invitations_actor_idx').on(t.actorId),
    index('event_invitations_user_idx').on(t.userId),
  ],
);
