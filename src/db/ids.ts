import { inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Handle } from './client.js';

/**
 * The ids among `ids` with no row in the table of `column` (its id column). With `keyShare`, the rows found are locked
 * `for key share` until the caller's transaction ends: a deletion under way is waited for (then the row is missing),
 * a later one waits for the caller, whose writes referencing these rows cannot fail on a foreign key.
 */
export async function unknownIds(
  db: Handle,
  column: PgColumn,
  ids: string[],
  options: { keyShare?: boolean } = {},
): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const query = db.select({ id: column }).from(column.table).where(inArray(column, wanted));
  const rows = options.keyShare ? await query.for('key share') : await query;
  const found = new Set(rows.map((r) => r.id as string));
  return new Set(wanted.filter((id) => !found.has(id)));
}
