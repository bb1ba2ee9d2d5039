// Which programme (territory, phase) holds an event: checked on write, written in the event's transaction, read back
// for the event page. The link lives in the programmes module's table; the event form sets it.
import { and, eq } from 'drizzle-orm';
import type { Db, Handle, Tx } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { programmeEvents, programmePhases, programmes, programmeTerritories } from '../programmes/schema.js';
import type { EventDetail } from './contract.js';

export interface ProgrammeLink {
  programmeId: string | null;
  territoryId: string | null;
  phaseId: string | null;
}

/**
 * Rejects an unknown programme, or a territory or phase of another programme, naming the field. The rows found are
 * locked (`for key share`) until the transaction ends, so none is deleted before the link is written.
 */
async function checkProgrammeLink(db: Handle, link: ProgrammeLink): Promise<void> {
  if (!link.programmeId) return;
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, link.programmeId))
    .for('key share');
  if (!programme) throw invalid([{ field: 'programmeId', code: 'unknownProgramme' }]);
  if (link.territoryId) {
    const [t] = await db
      .select({ id: programmeTerritories.id })
      .from(programmeTerritories)
      .where(and(eq(programmeTerritories.id, link.territoryId), eq(programmeTerritories.programmeId, link.programmeId)))
      .for('key share');
    if (!t) throw invalid([{ field: 'territoryId', code: 'notInProgramme' }]);
  }
  if (link.phaseId) {
    const [p] = await db
      .select({ id: programmePhases.id })
      .from(programmePhases)
      .where(and(eq(programmePhases.id, link.phaseId), eq(programmePhases.programmeId, link.programmeId)))
      .for('key share');
    if (!p) throw invalid([{ field: 'phaseId', code: 'notInProgramme' }]);
  }
}

/**
 * Sets (or removes) the event's programme link, inside the caller's transaction; checked there too, so that a
 * programme, territory or phase deleted meanwhile is a field error, not a foreign-key failure.
 */
export async function writeProgrammeLink(tx: Tx, eventId: string, link: ProgrammeLink): Promise<void> {
  await checkProgrammeLink(tx, link);
  await tx.delete(programmeEvents).where(eq(programmeEvents.eventId, eventId));
  if (!link.programmeId) return;
  await tx.insert(programmeEvents).values({
    eventId,
    programmeId: link.programmeId,
    territoryId: link.territoryId,
    phaseId: link.phaseId,
  });
}

/** The programme holding an event, with its territory and phase names; null when none. */
export async function programmeOfEvent(db: Db, eventId: string): Promise<EventDetail['programme']> {
  const [row] = await db
    .select({
      id: programmes.id,
      name: programmes.name,
      territoryId: programmeEvents.territoryId,
      territoryName: programmeTerritories.name,
      phaseId: programmeEvents.phaseId,
      phaseName: programmePhases.name,
    })
    .from(programmeEvents)
    .innerJoin(programmes, eq(programmes.id, programmeEvents.programmeId))
    .leftJoin(programmeTerritories, eq(programmeTerritories.id, programmeEvents.territoryId))
    .leftJoin(programmePhases, eq(programmePhases.id, programmeEvents.phaseId))
    .where(eq(programmeEvents.eventId, eventId));
  return row ?? null;
}
