import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { partnershipModeEnum } from '../reference/schema.js';
import { needOfferKinds, needOfferStatuses } from './vocabulary.js';

export const needOfferKindEnum = pgEnum('need_offer_kind', needOfferKinds);
export const needOfferStatusEnum = pgEnum('need_offer_status', needOfferStatuses);

/** What an actor seeks (need) or offers (offer): resources, themes, where, the modes of partnership it fits. */
export const needsOffers = pgTable(
  'needs_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: needOfferKindEnum('kind').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Resource types (vocabulary.ts): money, skills, volunteers, premises… */
    resources: text('resources').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    modes: partnershipModeEnum('modes').array().notNull().default(sql`'{}'::partnership_mode[]`),
    deadline: date('deadline', { mode: 'string' }),
    status: needOfferStatusEnum('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'B')`,
      ),
  },
  (t) => [
    index('needs_offers_search_idx').using('gin', t.searchVector),
    index('needs_offers_actor_idx').on(t.actorId, t.createdAt),
    index('needs_offers_latest_idx').on(t.createdAt, t.id),
    index('needs_offers_resources_idx').using('gin', t.resources),
    index('needs_offers_themes_idx').using('gin', t.themes),
    index('needs_offers_communes_idx').using('gin', t.communeCodes),
  ],
);
