import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from '../../db/columns.js';
import { actorFamilyEnum, communes } from '../reference/schema.js';
import { type Visibility, visibilityLevels } from './contract.js';

/**
 * The name as the register imports compare it (src/modules/imports): the unaccented lower-case name key with every run
 * of punctuation and spaces made one space, so that « L'Étoile - Aix » and « l etoile aix » are the same name.
 */
export const nameMatchKey = (nameKey: SQL | AnyColumn) =>
  sql`btrim(regexp_replace(${nameKey}, '[^a-z0-9]+', ' ', 'g'))`;

export const visibilityEnum = pgEnum('visibility', visibilityLevels);

/**
 * An actor of the territory. Themes, SDGs, contributions and benefits are arrays (GIN-indexed) rather than join
 * tables so that the directory filters and counts per value stay index-only at a million rows (ADR 0003).
 */
export const actors = pgTable(
  'actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    family: actorFamilyEnum('family').notNull(),
    subtype: text('subtype'),
    companySize: text('company_size'),
    companyStatus: text('company_status'),
    name: text('name').notNull(),
    rna: text('rna'),
    siren: text('siren'),
    siret: text('siret'),
    address: text('address'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code').references(() => communes.code),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    description: text('description').notNull().default(''),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    contributions: text('contributions').array().notNull().default(sql`'{}'::text[]`),
    benefits: text('benefits').array().notNull().default(sql`'{}'::text[]`),
    contributionsText: text('contributions_text').notNull().default(''),
    benefitsText: text('benefits_text').notNull().default(''),
    /** Per-field visibility overrides; fields absent here take their default level (contract.ts). */
    fieldVisibility: jsonb('field_visibility').$type<Record<string, Visibility>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    nameKey: text('name_key').notNull().generatedAlwaysAs(sql`immutable_unaccent(lower(name))`),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(name, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(contributions_text, '') || ' ' || coalesce(benefits_text, '')), 'C')`,
      ),
  },
  (t) => [
    index('actors_search_idx').using('gin', t.searchVector),
    // The name alone, for the relevance ranking's pool of name matches on large directories (search.ts).
    index('actors_name_fts_idx').using('gin', sql`to_tsvector('fr_unaccent', ${t.name})`),
    index('actors_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('actors_name_key_idx').on(t.nameKey, t.id),
    index('actors_family_idx').on(t.family),
    // Commune then name: serves the commune filter and the map's "first 50 actors of a commune by name".
    index('actors_commune_idx').on(t.communeCode, t.nameKey, t.id),
    index('actors_updated_idx').on(t.updatedAt, t.id),
    index('actors_themes_idx').using('gin', t.themes),
    index('actors_sdgs_idx').using('gin', t.sdgs),
    index('actors_contributions_idx').using('gin', t.contributions),
    index('actors_benefits_idx').using('gin', t.benefits),
    // Register imports find an organisation's actor by its identifiers, else by its name in its commune (imports/load.ts).
    index('actors_rna_idx').on(t.rna).where(sql`${t.rna} is not null`),
    index('actors_siren_idx').on(t.siren).where(sql`${t.siren} is not null`),
    index('actors_siret_idx').on(t.siret).where(sql`${t.siret} is not null`),
    index('actors_match_key_idx').on(t.communeCode, nameMatchKey(t.nameKey)),
  ],
);

/** People linked to an actor. Names, e-mails and phones are personal data (RGPD): never public, never logged. */
export const actorPeople = pgTable(
  'actor_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    visibility: visibilityEnum('visibility').notNull().default('members'),
    /** Order in which the organisation lists its people. */
    position: smallint('position').notNull().default(0),
    createdAt: createdAt(),
    /** Last time staff reviewed this person under the retention rule (kept on purpose), or null. */
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [index('actor_people_actor_idx').on(t.actorId)],
);

/** Every change to an actor: who, when, what (field → [before, after]). */
export const actorHistory = pgTable(
  'actor_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
  },
  (t) => [index('actor_history_actor_idx').on(t.actorId, t.at)],
);

/**
 * Number of actors per facet value over the whole directory ('total'/'' holds the number of actors), kept exact by
 * statement-level triggers on actors (migration 0002). The directory reads it when a facet has no constraint at all,
 * which spares a full scan of the table for the unfiltered directory, the map and a single-filter facet.
 */
export const actorFacetCounts = pgTable(
  'actor_facet_counts',
  {
    facet: text('facet').notNull(),
    value: text('value').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.facet, t.value] }), index('actor_facet_counts_top_idx').on(t.facet, t.n)],
);

/**
 * The lexemes of actors' search vectors with the number of actors holding each, kept by triggers (migration 0002).
 * Query words absent from it are typos or words no actor uses: the search replaces them by the closest lexemes by
 * trigram similarity (the spelling-suggestion technique of the pg_trgm documentation), so typo tolerance costs one
 * lookup in this small table instead of trigram matching over every actor.
 */
export const actorLexemes = pgTable(
  'actor_lexemes',
  {
    lexeme: text('lexeme').primaryKey(),
    n: integer('n').notNull().default(0),
  },
  (t) => [index('actor_lexemes_trgm_idx').using('gin', sql`${t.lexeme} gin_trgm_ops`)],
);
