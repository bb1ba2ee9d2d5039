// A partnership's yearly evaluation of its societal utility (Le Rameau's approach): each partner scores the
// dimensions, judges its own objectives and the balance of the relationship; indicators chosen from the library
// (indicator-library.ts) are measured against their baseline and target.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { partnerships } from '../partnerships/schema.js';
import { evaluationDimensions, objectiveStatuses } from './vocabulary.js';

export const evaluationDimensionEnum = pgEnum('evaluation_dimension', evaluationDimensions);
export const objectiveStatusEnum = pgEnum('evaluation_objective_status', objectiveStatuses);

/** One partnership's evaluation for one calendar year, opened by staff; once closed, nobody answers any more. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('evaluations_partnership_year_uq').on(t.partnershipId, t.year),
    index('evaluations_year_idx').on(t.year),
    check('evaluations_year', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * A partner's answer to an evaluation: by one of its members, or by staff on its behalf (`onBehalf`). The balance of
 * the relationship from 1 « nous donnons bien plus que nous recevons » to 5 « nous recevons bien plus… », 3 balanced.
 */
export const evaluationResponses = pgTable(
  'evaluation_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    balance: smallint('balance'),
    balanceComment: text('balance_comment').notNull().default(''),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    onBehalf: boolean('on_behalf').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evaluation_responses_uq').on(t.evaluationId, t.actorId),
    check('evaluation_responses_balance', sql`${t.balance} between 1 and 5`),
  ],
);

/** A partner's score of one dimension (null: « je ne sais pas », not counted), with its comment. */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => evaluationResponses.id, { onDelete: 'cascade' }),
    dimension: evaluationDimensionEnum('dimension').notNull(),
    score: smallint('score'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.dimension] }),
    check('evaluation_scores_score', sql`${t.score} between 1 and 5`),
  ],
);

/** One of the partner's own objectives for the partnership, as the partner judges it that year. */
export const evaluationObjectives = pgTable(
  'evaluation_objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => evaluationResponses.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull().default(0),
    label: text('label').notNull(),
    status: objectiveStatusEnum('status').notNull(),
  },
  (t) => [index('evaluation_objectives_response_idx').on(t.responseId, t.position)],
);

/** An indicator of the library followed by an evaluation: baseline, target, measured value and its evidence. */
export const evaluationIndicators = pgTable(
  'evaluation_indicators',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    /** A key of the indicator library (checked by the service). */
    key: text('key').notNull(),
    baseline: numeric('baseline', { precision: 14, scale: 2, mode: 'number' }),
    target: numeric('target', { precision: 14, scale: 2, mode: 'number' }),
    measured: numeric('measured', { precision: 14, scale: 2, mode: 'number' }),
    /** Where the measure comes from: words or a link. */
    evidence: text('evidence').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.evaluationId, t.key] }),
    check(
      'evaluation_indicators_positive',
      sql`coalesce(${t.baseline}, 0) >= 0 and coalesce(${t.target}, 0) >= 0 and coalesce(${t.measured}, 0) >= 0`,
    ),
  ],
);
