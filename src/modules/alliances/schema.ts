import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { allianceStatuses } from './vocabulary.js';

export const allianceStatusEnum = pgEnum('alliance_status', allianceStatuses);

/**
 * A multi-actor alliance (three or more actors, usually of several families) around a territorial challenge. It
 * groups partnerships (partnerships.alliance_id) and direct members, with a shared objective.
 */
export const alliances = pgTable(
  'alliances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The territorial challenge the alliance answers. */
    challenge: text('challenge').notNull().default(''),
    objective: text('objective').notNull().default(''),
    description: text('description').notNull().default(''),
    status: allianceStatusEnum('status').notNull().default('forming'),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    startsOn: date('starts_on', { mode: 'string' }),
    /** Set when every member has consented to publication. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('alliances_updated_idx').on(t.updatedAt, t.id)],
);

/** A direct member of an alliance; partners of its partnerships are members too, without a row here. */
export const allianceMembers = pgTable(
  'alliance_members',
  {
    allianceId: uuid('alliance_id')
      .notNull()
      .references(() => alliances.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    role: text('role').notNull().default(''),
    joinedOn: date('joined_on', { mode: 'string' }),
    publishConsentAt: timestamp('publish_consent_at', { withTimezone: true }),
    publishConsentBy: uuid('publish_consent_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.actorId] }), index('alliance_members_actor_idx').on(t.actorId)],
);
