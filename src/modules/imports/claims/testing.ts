// Helpers for the claims tests and the browser tests' fixtures (not imported by the application).
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { aixScope, association, itemsFrom, streamOf } from '../fixtures.js';
import { runImport } from '../runs.js';
import { actorRegisterRecords } from '../schema.js';
import type { RegisterOrganisation } from '../types.js';

let fileNo = 0;

/**
 * Loads RNA association n with this website (and other register values) through a real import run; returns its actor's
 * id. Imported again with the same n, the same actor is updated.
 */
export async function importAssociation(
  db: Db,
  n: number,
  website: string | null,
  overrides: Partial<RegisterOrganisation> = {},
): Promise<string> {
  const organisation = association(n, { website, ...overrides });
  await runImport(db, {
    source: 'rna',
    fileName: 'rna_claims_test.csv',
    fileHash: `claims-${process.pid}-${++fileNo}-${n}`,
    fileSize: 1,
    scope: aixScope,
    items: streamOf(itemsFrom([organisation])),
    by: null,
  });
  const [record] = await db
    .select({ actorId: actorRegisterRecords.actorId })
    .from(actorRegisterRecords)
    .where(eq(actorRegisterRecords.registerId, organisation.registerId));
  if (!record?.actorId) throw new Error(`association ${n} not imported`);
  return record.actorId;
}
