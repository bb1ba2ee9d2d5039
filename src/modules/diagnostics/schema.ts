import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import type { Answers, QuestionnaireDefinition } from './definition.js';
import type { DiagnosticResult } from './result.js';
import { diagnosticKinds, diagnosticStatuses } from './vocabulary.js';

export const diagnosticKindEnum = pgEnum('diagnostic_kind', diagnosticKinds);
export const diagnosticStatusEnum = pgEnum('diagnostic_status', diagnosticStatuses);

/**
 * Each version of a questionnaire ever answered, as it was (assets/reference/diagnostics.json, stored when first
 * used): a diagnostic points to the version it was answered with, so editing the file never changes old results.
 */
export const diagnosticQuestionnaires = pgTable(
  'diagnostic_questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: diagnosticKindEnum('kind').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<QuestionnaireDefinition>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('diagnostic_questionnaires_version_idx').on(t.kind, t.version)],
);

/**
 * An actor's diagnostic: a draft (answers saved as they come) until completed; its result (scores, strengths,
 * suggestions) is computed when completed and kept as it was. One draft per actor at most.
 */
export const diagnostics = pgTable(
  'diagnostics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => diagnosticQuestionnaires.id),
    status: diagnosticStatusEnum('status').notNull().default('draft'),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    result: jsonb('result').$type<DiagnosticResult>(),
    /** The result's overall score, as a column: the list reads it and sorts by it (lowest first). */
    overall: smallint('overall'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    completedBy: uuid('completed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('diagnostics_one_draft_idx').on(t.actorId).where(sql`${t.status} = 'draft'`),
    index('diagnostics_actor_idx').on(t.actorId, t.completedAt),
    index('diagnostics_completed_idx').on(t.completedAt),
    // Completed exactly when date, result and score are all set: a completed diagnostic has the three, a draft lacks
    // at least one (the service writes none of them on a draft).
    check(
      'diagnostics_completed',
      sql`(${t.status} = 'completed') = (${t.completedAt} is not null and ${t.result} is not null and ${t.overall} is not null)`,
    ),
  ],
);
