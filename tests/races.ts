import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../src/db/client.js';
import { rowsOf } from '../src/db/rows.js';

/** Tests of a race between two connections: PostgreSQL only (PGlite has a single connection, so no race). */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * Runs `request` while another transaction has deleted a row but not yet committed: waits until the request is
 * blocked on that row's lock, commits the deletion, then returns the request's outcome. What a check done before
 * the lock would have seen (the row still there) is thus no longer true when the request writes.
 */
export async function whileDeleting<T>(db: Db, remove: (tx: Tx) => Promise<unknown>, request: () => Promise<T>) {
  let outcome: Promise<T> | undefined;
  await db.transaction(async (tx) => {
    await remove(tx);
    outcome = request();
    for (let waited = 0; ; waited += 20) {
      const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from pg_locks where not granted`);
      if ((row?.n ?? 0) > 0) break;
      if (waited > 5000) throw new Error('the request never waited for the deletion');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return outcome as Promise<T>;
}
