import { asc, eq } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { programmePhases, programmeTerritories } from '../../programmes/schema.js';
import type { PhaseRef, TerritoryRef } from '../figures.js';

/** The programme's phases in order. */
export async function programmePhasesOf(db: Handle, programmeId: string): Promise<PhaseRef[]> {
  return db
    .select({
      id: programmePhases.id,
      name: programmePhases.name,
      startsOn: programmePhases.startsOn,
      endsOn: programmePhases.endsOn,
    })
    .from(programmePhases)
    .where(eq(programmePhases.programmeId, programmeId))
    .orderBy(asc(programmePhases.position), asc(programmePhases.startsOn));
}

/** The programme's pilot territories in order, then the programme-wide entry (id null). */
export async function programmeTerritoriesOf(db: Handle, programmeId: string): Promise<TerritoryRef[]> {
  const rows = await db
    .select({ id: programmeTerritories.id, name: programmeTerritories.name })
    .from(programmeTerritories)
    .where(eq(programmeTerritories.programmeId, programmeId))
    .orderBy(asc(programmeTerritories.position), asc(programmeTerritories.name));
  return [...rows, { id: null, name: '' }];
}
