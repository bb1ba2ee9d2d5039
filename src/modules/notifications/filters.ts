// Correlated subqueries, so that recipients and digests are picked in one query rather than one per user.
import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { consentRecords } from '../privacy/schema.js';
import { notificationPreferences, notifications } from './schema.js';
import { defaultChoices, notificationKinds } from './vocabulary.js';

/** `"table"."column"`: drizzle leaves the table out of a one-table select list, where a subquery would misread it. */
const qualified = (column: AnyPgColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/**
 * SQL: the user explicitly withdrew the consent to e-mails (their latest `emails` record says not granted). No record
 * at all is not a withdrawal: the preferences alone then decide. Uses consent_records_user_idx.
 */
export const emailsWithdrawn = (userId: AnyPgColumn): SQL<boolean> => sql<boolean>`coalesce((
  select not ${qualified(consentRecords.granted)} from ${consentRecords}
  where ${qualified(consentRecords.userId)} = ${qualified(userId)} and ${qualified(consentRecords.scope)} = 'emails'
  order by ${qualified(consentRecords.at)} desc, ${qualified(consentRecords.id)} desc limit 1), false)`;

const weeklyByDefault = notificationKinds.filter((kind) => defaultChoices[kind] === 'weekly');

/** SQL, on a `notifications` row: its user set its kind to « weekly », or left it so by default. */
export function kindChosenWeekly(): SQL {
  const saved = sql`from ${notificationPreferences}
    where ${qualified(notificationPreferences.userId)} = ${qualified(notifications.userId)}
      and ${qualified(notificationPreferences.kind)} = ${qualified(notifications.kind)}`;
  const byDefault = sql.join(
    weeklyByDefault.map((kind) => sql`${kind}`),
    sql`, `,
  );
  return sql`(exists (select 1 ${saved} and ${qualified(notificationPreferences.choice)} = 'weekly')
    or (${qualified(notifications.kind)} in (${byDefault}) and not exists (select 1 ${saved})))`;
}
