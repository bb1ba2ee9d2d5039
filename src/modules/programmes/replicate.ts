// Essaimage: a new programme with a source programme's method — phases, objectives and indicators, actions as
// templates, event templates (its own and one per event it held) — shifted to a new start date, for one new territory.
// Without its actors, committees, events or any measured data. One transaction.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invalid, parseInput } from '../../errors.js';
import { requireStaff, type Viewer } from '../actors/visibility.js';
import { events } from '../events/schema.js';
import { addDays, daysBetween, parisDay, requireProgramme } from './common.js';
import { replicationBody } from './contract.js';
import { phasesOf } from './detail.js';
import { writeObjectives } from './objectives.js';
import {
  eventTemplates,
  programmeActions,
  programmeEvents,
  programmeIndicators,
  programmeObjectives,
  programmePhases,
  programmeTerritories,
} from './schema.js';
import { createProgramme } from './service.js';
import { checkTerritoryRefs } from './structure.js';

const shift = (day: string | null, days: number) => (day === null ? null : addDays(day, days));

export async function replicateProgramme(db: Db, by: Viewer, sourceId: string, input: unknown): Promise<string> {
  requireStaff(by);
  const body = parseInput(replicationBody, input);
  const source = await requireProgramme(db, sourceId);
  const issues = await checkTerritoryRefs(db, [body.territory], () => 'territory');
  if (issues.length) throw invalid(issues);
  const delta = daysBetween(source.startsOn, body.startsOn);

  return db.transaction(async (tx) => {
    const id = await createProgramme(
      tx,
      by,
      {
        name: body.name,
        description: body.description,
        startsOn: body.startsOn,
        endsOn: addDays(body.startsOn, daysBetween(source.startsOn, source.endsOn)),
      },
      sourceId,
    );
    const [territory] = await tx
      .insert(programmeTerritories)
      .values({ ...body.territory, programmeId: id, position: 0 })
      .returning({ id: programmeTerritories.id });
    if (!territory) throw new Error('insert returned nothing');

    // Phases, shifted; the map turns the source's phase ids into the new ones.
    const phases = await phasesOf(tx, sourceId);
    const phaseIds = new Map<string, string>();
    for (const p of phases) {
      const [row] = await tx
        .insert(programmePhases)
        .values({
          programmeId: id,
          name: p.name,
          startsOn: addDays(p.startsOn, delta),
          endsOn: addDays(p.endsOn, delta),
          objectives: p.objectives,
          position: p.position,
        })
        .returning({ id: programmePhases.id });
      if (row) phaseIds.set(p.id, row.id);
    }
    const phaseOf = (old: string | null) => (old ? (phaseIds.get(old) ?? null) : null);

    // Objectives and indicators, without typed values.
    const objectives = await tx
      .select()
      .from(programmeObjectives)
      .where(eq(programmeObjectives.programmeId, sourceId))
      .orderBy(asc(programmeObjectives.position));
    const indicators = objectives.length
      ? await tx
          .select()
          .from(programmeIndicators)
          .where(
            inArray(
              programmeIndicators.objectiveId,
              objectives.map((o) => o.id),
            ),
          )
          .orderBy(asc(programmeIndicators.position))
      : [];
    await writeObjectives(
      tx,
      id,
      objectives.map((o) => ({
        title: o.title,
        description: o.description,
        phaseId: phaseOf(o.phaseId),
        indicators: indicators
          .filter((i) => i.objectiveId === o.id)
          .map((i) => ({
            label: i.label,
            unit: i.unit,
            source: i.source,
            eventKind: i.eventKind,
            baseline: i.baseline,
            target: i.target,
            measured: null,
          })),
      })),
    );

    // Actions as templates: what, when and where (the one new territory), not who nor with whom; a cancelled action,
    // like a cancelled event, is not part of the method.
    const actions = await tx
      .select()
      .from(programmeActions)
      .where(and(eq(programmeActions.programmeId, sourceId), ne(programmeActions.status, 'cancelled')))
      .orderBy(asc(programmeActions.createdAt));
    if (actions.length) {
      await tx.insert(programmeActions).values(
        actions.map((a) => ({
          programmeId: id,
          phaseId: phaseOf(a.phaseId),
          territoryId: a.territoryId ? territory.id : null,
          title: a.title,
          description: a.description,
          ownerRole: a.ownerRole,
          startsOn: shift(a.startsOn, delta),
          dueOn: shift(a.dueOn, delta),
          status: 'planned' as const,
          createdBy: by.id,
        })),
      );
    }

    // Event templates: the source's own, then one per event it held (offset from its phase's or the programme's start).
    const templates = await tx
      .select()
      .from(eventTemplates)
      .where(eq(eventTemplates.programmeId, sourceId))
      .orderBy(asc(eventTemplates.position));
    const held = await tx
      .select({ event: events, phaseId: programmeEvents.phaseId })
      .from(programmeEvents)
      .innerJoin(events, eq(events.id, programmeEvents.eventId))
      // A cancelled event is not part of the method.
      .where(and(eq(programmeEvents.programmeId, sourceId), ne(events.status, 'cancelled')))
      .orderBy(asc(events.startsAt));
    const rows = [
      ...templates.map((t) => ({ ...t, phaseId: phaseOf(t.phaseId) })),
      ...held.map(({ event: e, phaseId }) => {
        const start = phases.find((p) => p.id === phaseId)?.startsOn ?? source.startsOn;
        return {
          phaseId: phaseOf(phaseId),
          kind: e.kind,
          title: e.title,
          description: e.description,
          durationMinutes: Math.max(1, Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60_000)),
          capacity: e.capacity,
          agenda: e.agenda,
          // The event's day as people there live it (a 00:30 start in Paris is the previous day in UTC).
          offsetDays: daysBetween(start, parisDay(e.startsAt)),
        };
      }),
    ];
    if (rows.length) {
      await tx.insert(eventTemplates).values(
        rows.map((t, position) => ({
          programmeId: id,
          phaseId: t.phaseId,
          kind: t.kind,
          title: t.title,
          description: t.description,
          durationMinutes: t.durationMinutes,
          capacity: t.capacity,
          agenda: t.agenda,
          offsetDays: t.offsetDays,
          position,
        })),
      );
    }
    return id;
  });
}
