import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEntries } from './schema.js';

/**
 * Deletes the audit entries over a year old (one year before `now`) and answers how many. The table's trigger
 * refuses any other deletion: the purge opens it for its own transaction only (`set_config(…, true)`), and the
 * trigger still checks each row's age against the database's clock, so a `now` in the future fails the purge rather
 * than delete a recent entry. The year is PostgreSQL's `interval '1 year'`, the trigger's own arithmetic.
 */
export async function purgeExpiredAuditEntries(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('alliances.audit_purge', 'on', true)`);
    const deleted = await tx
      .delete(auditEntries)
      .where(sql`${auditEntries.at} < ${now.toISOString()}::timestamptz - interval '1 year'`)
      .returning({ id: auditEntries.id });
    return deleted.length;
  });
}
