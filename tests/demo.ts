import { eq } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { programmes } from '../src/modules/programmes/schema.js';
import { createTestDatabase } from './db.js';

/** A fresh database holding the demo data, and the id of its programme « Envies d'Alliances ». */
export async function demoProgrammeDatabase(): Promise<{ database: Database; programmeId: string }> {
  const database = await createTestDatabase({ demo: true });
  const [row] = await database.db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.name, "Envies d'Alliances"));
  if (!row) throw new Error('the demo programme is missing');
  return { database, programmeId: row.id };
}
