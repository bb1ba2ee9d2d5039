// Who takes part in a programme: participating actors (a pilot group per territory) and the steering committees' seats.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { unknownIds } from '../../db/ids.js';
import { type FieldIssue, invalid, notFound, parseInput } from '../../errors.js';
import { actors } from '../actors/schema.js';
import { requireStaff, type Viewer } from '../actors/visibility.js';
import { requireProgramme } from './common.js';
import { participantFields, steeringBody } from './contract.js';
import { programmeParticipants, programmeTerritories, steeringMembers } from './schema.js';
import { touchProgramme } from './service.js';

/** The ids among `ids` that are territories of this programme. */
export async function ownTerritories(db: Handle, programmeId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: programmeTerritories.id })
    .from(programmeTerritories)
    .where(and(eq(programmeTerritories.programmeId, programmeId), inArray(programmeTerritories.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Adds an actor to the programme, or changes its territory, role and date. */
export async function putParticipant(db: Db, by: Viewer, programmeId: string, actorId: string, input: unknown) {
  requireStaff(by);
  const data = parseInput(participantFields, input);
  await requireProgramme(db, programmeId);
  if ((await unknownIds(db, actors.id, [actorId])).size > 0) throw notFound('Organisation');
  if (data.territoryId && !(await ownTerritories(db, programmeId, [data.territoryId])).has(data.territoryId)) {
    throw invalid([{ field: 'territoryId', code: 'notInProgramme' }]);
  }
  await db
    .insert(programmeParticipants)
    .values({ programmeId, actorId, ...data })
    .onConflictDoUpdate({
      target: [programmeParticipants.programmeId, programmeParticipants.actorId],
      // A body without a date keeps the one recorded (the edit form may not send it).
      set: { ...data, joinedOn: sql`coalesce(excluded.joined_on, ${programmeParticipants.joinedOn})` },
    });
}

export async function deleteParticipant(db: Db, by: Viewer, programmeId: string, actorId: string): Promise<void> {
  requireStaff(by);
  await requireProgramme(db, programmeId);
  await db
    .delete(programmeParticipants)
    .where(and(eq(programmeParticipants.programmeId, programmeId), eq(programmeParticipants.actorId, actorId)));
}

/** Replaces every seat of both committees (seats are referred to by nothing else, so ids are kept by reinserting). */
export async function replaceSteering(db: Db, by: Viewer, programmeId: string, input: unknown): Promise<void> {
  requireStaff(by);
  const { members } = parseInput(steeringBody, input);
  await requireProgramme(db, programmeId);
  const unknownActors = await unknownIds(
    db,
    actors.id,
    members.flatMap((m) => (m.actorId ? [m.actorId] : [])),
  );
  const territoryIds = await ownTerritories(
    db,
    programmeId,
    members.flatMap((m) => (m.territoryId ? [m.territoryId] : [])),
  );
  const ownSeats = new Set(
    (
      await db
        .select({ id: steeringMembers.id })
        .from(steeringMembers)
        .where(eq(steeringMembers.programmeId, programmeId))
    ).map((s) => s.id),
  );
  const issues = members.flatMap((m, i): FieldIssue[] => [
    ...(m.id && !ownSeats.has(m.id) ? [{ field: `members.${i}.id`, code: 'notInProgramme' }] : []),
    ...(m.actorId && unknownActors.has(m.actorId) ? [{ field: `members.${i}.actorId`, code: 'unknownActor' }] : []),
    ...(m.territoryId && !territoryIds.has(m.territoryId)
      ? [{ field: `members.${i}.territoryId`, code: 'notInProgramme' }]
      : []),
  ]);
  if (issues.length) throw invalid(issues);
  await db.transaction(async (tx) => {
    await tx.delete(steeringMembers).where(eq(steeringMembers.programmeId, programmeId));
    // Positions count within each committee, in the order given.
    const positions = { internal: 0, extended: 0 };
    if (members.length) {
      await tx
        .insert(steeringMembers)
        .values(members.map((m) => ({ ...m, programmeId, position: positions[m.committee]++ })));
    }
    await touchProgramme(tx, programmeId);
  });
}
