import type { SQL } from 'drizzle-orm';
import type { Handle } from './client.js';

/** Rows of a raw query, the same on node-postgres and PGlite (both answer `{ rows }`). */
export async function rowsOf<T>(db: Handle, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
