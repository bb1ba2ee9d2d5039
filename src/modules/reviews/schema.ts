// The annual review of a programme: one per programme and year. Its figures are computed from the data each time it
// is read (compose.ts); only the texts the animators write and whether the public may read it are stored.
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { programmes } from '../programmes/schema.js';

export const annualReviews = pgTable(
  'annual_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** Plain text, paragraphs separated by blank lines; empty: left out of the document. */
    introduction: text('introduction').notNull().default(''),
    conclusion: text('conclusion').notNull().default(''),
    openQuestions: text('open_questions').notNull().default(''),
    /** Set: anyone may read the public version (web page, PDF, DOCX). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_reviews_programme_year').on(t.programmeId, t.year)],
);
