// A programme's objectives and their indicators, replaced as a whole (nothing else refers to them, so ids are kept
// by reinserting them). Counted indicators keep no typed value.

import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { type FieldIssue, invalid, parseInput } from '../../errors.js';
import { requireStaff, type Viewer } from '../actors/visibility.js';
import { requireProgramme } from './common.js';
import { objectivesBody } from './contract.js';
import { programmeIndicators, programmeObjectives, programmePhases } from './schema.js';
import { touchProgramme } from './service.js';
import { countsEvents } from './vocabulary.js';

type Objective = import('zod').output<typeof objectivesBody>['objectives'][number];

/** Writes objectives and indicators (the old ones deleted first), inside the caller's transaction. */
export async function writeObjectives(tx: Handle, programmeId: string, objectives: Objective[]): Promise<void> {
  await tx.delete(programmeObjectives).where(eq(programmeObjectives.programmeId, programmeId));
  for (const [position, o] of objectives.entries()) {
    const [row] = await tx
      .insert(programmeObjectives)
      .values({
        ...(o.id ? { id: o.id } : {}),
        programmeId,
        phaseId: o.phaseId,
        title: o.title,
        description: o.description,
        position,
      })
      .returning({ id: programmeObjectives.id });
    if (!row) throw new Error('insert returned nothing');
    if (o.indicators.length) {
      await tx.insert(programmeIndicators).values(
        o.indicators.map((i, p) => ({
          ...i,
          objectiveId: row.id,
          measured: i.source === 'manual' ? i.measured : null,
          eventKind: countsEvents(i.source) ? i.eventKind : null,
          position: p,
        })),
      );
    }
  }
}

export async function replaceObjectives(db: Db, by: Viewer, programmeId: string, input: unknown): Promise<void> {
  requireStaff(by);
  const { objectives } = parseInput(objectivesBody, input);
  await requireProgramme(db, programmeId);
  const phaseIds = objectives.flatMap((o) => (o.phaseId ? [o.phaseId] : []));
  const own = new Set(
    phaseIds.length
      ? (
          await db
            .select({ id: programmePhases.id })
            .from(programmePhases)
            .where(and(eq(programmePhases.programmeId, programmeId), inArray(programmePhases.id, phaseIds)))
        ).map((p) => p.id)
      : [],
  );
  // Ids must be this programme's own (an id of another programme's objective or indicator would collide).
  const objectiveIds = objectives.flatMap((o) => (o.id ? [o.id] : []));
  const ownObjectives = new Set(
    objectiveIds.length
      ? (
          await db
            .select({ id: programmeObjectives.id })
            .from(programmeObjectives)
            .where(and(eq(programmeObjectives.programmeId, programmeId), inArray(programmeObjectives.id, objectiveIds)))
        ).map((o) => o.id)
      : [],
  );
  const indicatorIds = objectives.flatMap((o) => o.indicators.flatMap((i) => (i.id ? [i.id] : [])));
  const ownIndicators = new Set(
    indicatorIds.length
      ? (
          await db
            .select({ id: programmeIndicators.id })
            .from(programmeIndicators)
            .innerJoin(programmeObjectives, eq(programmeObjectives.id, programmeIndicators.objectiveId))
            .where(and(eq(programmeObjectives.programmeId, programmeId), inArray(programmeIndicators.id, indicatorIds)))
        ).map((i) => i.id)
      : [],
  );
  const issues = objectives.flatMap((o, i): FieldIssue[] => [
    ...(o.id && !ownObjectives.has(o.id) ? [{ field: `objectives.${i}.id`, code: 'notInProgramme' }] : []),
    ...(o.phaseId && !own.has(o.phaseId) ? [{ field: `objectives.${i}.phaseId`, code: 'notInProgramme' }] : []),
    ...o.indicators.flatMap((ind, j): FieldIssue[] =>
      ind.id && !ownIndicators.has(ind.id)
        ? [{ field: `objectives.${i}.indicators.${j}.id`, code: 'notInProgramme' }]
        : [],
    ),
  ]);
  if (issues.length) throw invalid(issues);
  await db.transaction(async (tx) => {
    await writeObjectives(tx, programmeId, objectives);
    await touchProgramme(tx, programmeId);
  });
}
