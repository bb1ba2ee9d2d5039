// What the budget's services share: the programme and territory checks, and the territories' names.
import { and, asc, eq } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import type { FieldIssue } from '../../../errors.js';
import { programmeTerritories } from '../../programmes/schema.js';

/** The programme's territories in their order. */
export const territoriesOf = (db: Handle, programmeId: string) =>
  db
    .select({ id: programmeTerritories.id, name: programmeTerritories.name })
    .from(programmeTerritories)
    .where(eq(programmeTerritories.programmeId, programmeId))
    .orderBy(asc(programmeTerritories.position));

/** A territory given must be one of the programme's (null: transversal, always fine). */
export async function territoryIssues(
  db: Handle,
  programmeId: string,
  territoryId: string | null,
): Promise<FieldIssue[]> {
  if (!territoryId) return [];
  const [row] = await db
    .select({ id: programmeTerritories.id })
    .from(programmeTerritories)
    .where(and(eq(programmeTerritories.id, territoryId), eq(programmeTerritories.programmeId, programmeId)));
  return row ? [] : [{ field: 'territoryId', code: 'notInProgramme' }];
}
