import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, euros, updatedAt } from '../../../db/columns.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { contributions } from '../../partnerships/schema.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { fundingApplications } from '../applications/schema.js';
import { budgetCategories, fundingSourceKinds } from '../vocabulary.js';

export const budgetCategoryEnum = pgEnum('budget_category', budgetCategories);
export const fundingSourceKindEnum = pgEnum('funding_source_kind', fundingSourceKinds);

/**
 * A line of a programme's budget for one year, for one territory or transversal (territory null): what is forecast,
 * what is committed (ordered, signed), what was actually spent.
 */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    category: budgetCategoryEnum('category').notNull(),
    label: text('label').notNull(),
    forecast: euros('forecast').notNull().default(0),
    committed: euros('committed').notNull().default(0),
    actual: euros('actual').notNull().default(0),
    position: smallint('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('budget_lines_programme_idx').on(t.programmeId, t.year, t.position),
    check('budget_lines_year', sql`${t.year} between 2000 and 2100`),
    check('budget_lines_amounts', sql`${t.forecast} >= 0 and ${t.committed} >= 0 and ${t.actual} >= 0`),
  ],
);

/**
 * Where (part of) a line's money comes from: an application (funded once granted), a partner's contribution, or the
 * network head's own funds (a label then, e.g. « Apport PAA, y compris stagiaire Master 2 IMPGT »).
 */
export const budgetLineSources = pgTable(
  'budget_line_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => budgetLines.id, { onDelete: 'cascade' }),
    kind: fundingSourceKindEnum('kind').notNull(),
    applicationId: uuid('application_id').references(() => fundingApplications.id, { onDelete: 'cascade' }),
    contributionId: uuid('contribution_id').references(() => contributions.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    amount: euros('amount').notNull(),
  },
  (t) => [
    index('budget_line_sources_line_idx').on(t.lineId),
    index('budget_line_sources_application_idx').on(t.applicationId),
    index('budget_line_sources_contribution_idx').on(t.contributionId),
    check('budget_line_sources_positive', sql`${t.amount} > 0`),
    check(
      'budget_line_sources_one_kind',
      sql`(${t.kind} = 'application' and ${t.applicationId} is not null and ${t.contributionId} is null)
        or (${t.kind} = 'contribution' and ${t.contributionId} is not null and ${t.applicationId} is null)
        or (${t.kind} = 'ownFunds' and ${t.applicationId} is null and ${t.contributionId} is null)`,
    ),
  ],
);

/**
 * The hourly rate at which a programme values its volunteers' time for a year: per person-role (« administrateur·rice »,
 * « bénévole d'animation »), the empty role being the default rate of the year.
 */
export const volunteerRates = pgTable(
  'volunteer_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    role: text('role').notNull().default(''),
    hourlyRate: euros('hourly_rate').notNull(),
  },
  (t) => [
    uniqueIndex('volunteer_rates_uq').on(t.programmeId, t.year, t.role),
    check('volunteer_rates_positive', sql`${t.hourlyRate} > 0`),
  ],
);

/**
 * Volunteer hours logged for a programme: by person-role (never a person's name), for a territory or transversal,
 * for an organisation of the directory when known. Valued at the year's rate for the role (volunteerRates).
 */
export const volunteerLogs = pgTable(
  'volunteer_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
    role: text('role').notNull(),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('volunteer_logs_programme_idx').on(t.programmeId, t.workedOn),
    check('volunteer_logs_hours', sql`${t.hours} > 0 and ${t.hours} <= 10000`),
  ],
);
