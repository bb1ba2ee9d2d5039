import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { rowsOf } from '../src/db/rows.js';

/**
 * Tables that legitimately change when someone merely tries: they record attempts, not the platform's data.
 * - audit_entries: staff reads of personal data and refused attempts are journalled by design (modules/audit);
 * - login_failures: failed sign-ins are counted for the lockout;
 * - signup_requests: sign-up attempts are counted for their rate limit.
 * Sessions are kept in: using one writes nothing.
 */
export const attemptTables = ['audit_entries', 'login_failures', 'signup_requests'] as const;

/** Every table's row count and the md5 of its rows, in a stable order: equal fingerprints mean unchanged data. */
export async function fingerprint(
  db: Db,
  excluded: readonly string[] = attemptTables,
): Promise<Record<string, string>> {
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    if (excluded.includes(name)) continue;
    const [row] = await rowsOf<{ n: number; hash: string }>(
      db,
      sql.raw(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash
                 FROM "${name}" t`),
    );
    result[name] = `${row?.n} ${row?.hash}`;
  }
  return result;
}

/** The tables whose fingerprint differs. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
