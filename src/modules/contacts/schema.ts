import { date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { partnerships } from '../partnerships/schema.js';
import { contactKinds } from './vocabulary.js';

export const contactKindEnum = pgEnum('contact_kind', contactKinds);

/**
 * A meeting, call, interview or e-mail with an actor, possibly about a partnership. `people` and `notes` may hold
 * personal data and confidential remarks: only the author's side (animators, the actor's members, the partners)
 * reads them; observers never do.
 */
export const contactLogs = pgTable(
  'contact_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
    kind: contactKindEnum('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    subject: text('subject').notNull(),
    people: text('people').notNull().default(''),
    notes: text('notes').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contact_logs_actor_idx').on(t.actorId, t.occurredAt),
    index('contact_logs_partnership_idx').on(t.partnershipId, t.occurredAt),
  ],
);

/** A next step decided during a contact: what, who owns it (a user), when it is due, when it was done. */
export const contactNextSteps = pgTable(
  'contact_next_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contactLogs.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('contact_next_steps_contact_idx').on(t.contactId),
    index('contact_next_steps_owner_idx').on(t.ownerId, t.dueOn),
  ],
);
