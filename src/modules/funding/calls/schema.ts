import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, euros, tsvector, updatedAt } from '../../../db/columns.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { actorFamilyEnum } from '../../reference/schema.js';

/**
 * A call for projects (appel à projets) of a funder: what it funds (themes, SDGs, the communes where it applies,
 * the families it accepts), how much, when it opens and closes. An empty list means « no restriction ».
 */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderActorId: uuid('funder_actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    /** The communes where the call applies (empty: anywhere the funder acts). */
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    eligibleFamilies: actorFamilyEnum('eligible_families').array().notNull().default(sql`'{}'::actor_family[]`),
    /** The whole envelope of the call, and the range of one grant, when the funder says them. */
    envelope: euros('envelope'),
    amountMin: euros('amount_min'),
    amountMax: euros('amount_max'),
    /** Null while the call is only announced (« un AAP qui devrait être lancé en décembre »). */
    opensOn: date('opens_on', { mode: 'string' }),
    closesOn: date('closes_on', { mode: 'string' }),
    link: text('link').notNull().default(''),
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
    index('funding_calls_search_idx').using('gin', t.searchVector),
    index('funding_calls_themes_idx').using('gin', t.themes),
    index('funding_calls_closes_idx').on(t.closesOn),
    index('funding_calls_funder_idx').on(t.funderActorId),
    check(
      'funding_calls_closes_after_opens',
      sql`${t.closesOn} is null or ${t.opensOn} is null or ${t.closesOn} >= ${t.opensOn}`,
    ),
    check(
      'funding_calls_amount_range',
      sql`${t.amountMax} is null or ${t.amountMin} is null or ${t.amountMax} >= ${t.amountMin}`,
    ),
  ],
);
