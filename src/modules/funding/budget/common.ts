// What the budget's services share: the programme and territory checks, the territories' names and order, and how a
// volunteer role is compared (rates and hours match whatever the case, the spaces around or the apostrophe typed).
import { and, asc, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { type FieldIssue, invalid } from '../../../errors.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';

/** The programme a new line, rate or hours are for (its span of dates), or a 400 on `programmeId`. */
export async function requireProgrammeField(db: Handle, programmeId: string) {
  const [row] = await db
    .select({ id: programmes.id, startsOn: programmes.startsOn, endsOn: programmes.endsOn })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  if (!row) throw invalid([{ field: 'programmeId', code: 'unknownProgramme' }]);
  return row;
}

/** The programme's territories in their order. */
export const territoriesOf = (db: Handle, programmeId: string) =>
  db
    .select({ id: programmeTerritories.id, name: programmeTerritories.name })
    .from(programmeTerritories)
    .where(eq(programmeTerritories.programmeId, programmeId))
    .orderBy(asc(programmeTerritories.position));

/** Sorts by territory: transversal (null) first, then the programme's territories in their order. */
export function territoryRank(territories: { id: string }[]) {
  const order = new Map(territories.map((t, i) => [t.id, i]));
  return (territoryId: string | null) => (territoryId === null ? -1 : (order.get(territoryId) ?? territories.length));
}

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

/** A role as compared: trimmed, lower case, typographic apostrophe as the straight one (« Bénévole d’animation »). */
export const roleKey = (role: SQLWrapper | string): SQL => sql`lower(replace(btrim(${role}), '’', ''''))`;
