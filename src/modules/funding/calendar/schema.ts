import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, smallint, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fundingReports } from '../applications/schema.js';
import { fundingCalls } from '../calls/schema.js';
import { deadlineKinds } from '../vocabulary.js';

export const deadlineKindEnum = pgEnum('funding_deadline_kind', deadlineKinds);

/**
 * A reminder sent to the animators before a deadline: one per deadline, date and delay (14 or 3 days), so that the
 * hourly pass never sends one twice; a deadline moved to another date is reminded again.
 */
export const fundingReminders = pgTable(
  'funding_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: deadlineKindEnum('kind').notNull(),
    callId: uuid('call_id').references(() => fundingCalls.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => fundingReports.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    daysBefore: smallint('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('funding_reminders_uq').on(t.kind, sql`coalesce(${t.callId}, ${t.reportId})`, t.dueOn, t.daysBefore),
    check('funding_reminders_one_target', sql`num_nonnulls(${t.callId}, ${t.reportId}) = 1`),
    index('funding_reminders_sent_idx').on(t.sentAt),
  ],
);
