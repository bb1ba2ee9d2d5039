import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgEnum, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { actorFamilies, stakeholderDirections } from './families.js';

export const actorFamilyEnum = pgEnum('actor_family', actorFamilies);
/** Shared by partnerships, needs and offers, projects: the four modes of partnership. */
export const partnershipModeEnum = pgEnum('partnership_mode', partnershipModes);

export const stakeholderDirectionEnum = pgEnum('stakeholder_direction', stakeholderDirections);

/** French communes (from @etalab/decoupage-administratif) with their centroid. */
export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    departement: text('departement'),
    postalCodes: text('postal_codes').array().notNull().default(sql`'{}'::text[]`),
    population: integer('population'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [index('communes_name_trgm').using('gin', sql`immutable_unaccent(lower(${t.name})) gin_trgm_ops`)],
);

export const themes = pgTable('themes', {
  id: text('id').primaryKey(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
  position: smallint('position').notNull(),
});

/** A territory is data: a named set of communes, each optionally with the pilot theme it carries. */
export const territories = pgTable('territories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
});

export const territoryCommunes = pgTable(
  'territory_communes',
  {
    territoryId: text('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    pilotThemeId: text('pilot_theme_id').references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.communeCode] })],
);

export const sdgs = pgTable('sdgs', {
  number: smallint('number').primaryKey(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
  color: text('color').notNull(),
});

/** What each actor family brings to the territory (contribution) and gains (benefit): the first-year review's table. */
export const stakeholderItems = pgTable('stakeholder_items', {
  id: text('id').primaryKey(),
  family: actorFamilyEnum('family').notNull(),
  direction: stakeholderDirectionEnum('direction').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
  position: smallint('position').notNull(),
});
