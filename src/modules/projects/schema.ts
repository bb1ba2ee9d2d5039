import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgEnum, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, euros, tsvector, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { partnershipModeEnum } from '../reference/schema.js';
import { carrierRoles, projectStatuses } from './vocabulary.js';

export const projectStatusEnum = pgEnum('project_status', projectStatuses);
export const carrierRoleEnum = pgEnum('carrier_role', carrierRoles);

export interface BudgetLine {
  label: string;
  amount: number;
}

/** A flagship project (projet phare) that one or several associations carry and present to companies. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    goals: text('goals').notNull().default(''),
    beneficiaries: text('beneficiaries').notNull().default(''),
    /** What the project still needs from partners, in words. */
    needs: text('needs').notNull().default(''),
    budgetTotal: euros('budget_total'),
    budgetLines: jsonb('budget_lines').$type<BudgetLine[]>().notNull().default([]),
    modes: partnershipModeEnum('modes').array().notNull().default(sql`'{}'::partnership_mode[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    status: projectStatusEnum('status').notNull().default('draft'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(summary, '') || ' ' || coalesce(goals, '') || ' ' || coalesce(beneficiaries, '')), 'B')`,
      ),
  },
  (t) => [
    index('projects_search_idx').using('gin', t.searchVector),
    index('projects_themes_idx').using('gin', t.themes),
    index('projects_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** The associations that carry a project; several carriers make a collective (pooled) offer. */
export const projectCarriers = pgTable(
  'project_carriers',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    role: carrierRoleEnum('role').notNull().default('lead'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.actorId] }), index('project_carriers_actor_idx').on(t.actorId)],
);

/**
 * Organisations interested in a project without carrying it, e.g. the supporters of the territorial-dialogue proposal
 * it came from; `origin` says why in words ("Soutien de la proposition « … »").
 */
export const projectInterestedActors = pgTable(
  'project_interested_actors',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.actorId] }),
    index('project_interested_actors_actor_idx').on(t.actorId),
  ],
);
