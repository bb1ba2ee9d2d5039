// Reading programmes: the list (territories, current phase) and one programme with everything the page shows.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import { isStaff, type Viewer } from '../actors/visibility.js';
import { eventRegistrations, events } from '../events/schema.js';
import { communes } from '../reference/schema.js';
import { lateSql } from './actions.js';
import { addDays, type ProgrammeRow, requireProgramme, today } from './common.js';
import type { EventTemplateView, MeetingView, PhaseView, ProgrammeDetail, ProgrammeSummary } from './contract.js';
import { objectiveViews } from './indicators.js';
import {
  eventTemplates,
  programmeActions,
  programmeEvents,
  programmeParticipants,
  programmePhases,
  programmes,
  programmeTerritories,
  steeringMembers,
} from './schema.js';

type PhaseRow = typeof programmePhases.$inferSelect;

export const phaseViewOf = (p: PhaseRow): PhaseView => ({
  id: p.id,
  name: p.name,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  objectives: p.objectives,
});

export async function phasesOf(db: Handle, programmeId: string): Promise<PhaseRow[]> {
  return db
    .select()
    .from(programmePhases)
    .where(eq(programmePhases.programmeId, programmeId))
    .orderBy(asc(programmePhases.position));
}

const currentPhaseOf = (phases: PhaseRow[], on = today()) => {
  const p = phases.find((x) => x.startsOn <= on && on <= x.endsOn);
  return p ? { id: p.id, name: p.name } : null;
};

async function replicatedFromOf(db: Handle, row: ProgrammeRow) {
  if (!row.replicatedFrom) return null;
  const [source] = await db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(eq(programmes.id, row.replicatedFrom));
  return source ?? null;
}

/** All programmes, by start date, with their territories and current phase (public). */
export async function listProgrammes(db: Handle): Promise<{ items: ProgrammeSummary[] }> {
  const rows = await db.select().from(programmes).orderBy(asc(programmes.startsOn), asc(programmes.name));
  if (rows.length === 0) return { items: [] };
  const ids = rows.map((r) => r.id);
  const territories = await db
    .select()
    .from(programmeTerritories)
    .where(inArray(programmeTerritories.programmeId, ids))
    .orderBy(asc(programmeTerritories.position));
  const phases = await db
    .select()
    .from(programmePhases)
    .where(inArray(programmePhases.programmeId, ids))
    .orderBy(asc(programmePhases.position));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      description: r.description,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      territories: territories
        .filter((t) => t.programmeId === r.id)
        .map((t) => ({ id: t.id, name: t.name, themeLabel: t.themeLabel })),
      currentPhase: currentPhaseOf(phases.filter((p) => p.programmeId === r.id)),
      replicatedFrom:
        r.replicatedFrom && names.has(r.replicatedFrom)
          ? { id: r.replicatedFrom, name: names.get(r.replicatedFrom) ?? '' }
          : null,
    })),
  };
}

/** The programme's events in date order; attendance = checked in for held events, else registered. */
export async function meetingsOf(db: Handle, programmeId: string): Promise<MeetingView[]> {
  const rows = await db
    .select({
      id: events.id,
      kind: events.kind,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      status: events.status,
      territoryId: programmeEvents.territoryId,
      phaseId: programmeEvents.phaseId,
      attendance: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id}
        and case when ${events.status} = 'held' then r.checked_in_at is not null and r.status <> 'cancelled' else r.status = 'registered' end)`,
    })
    .from(programmeEvents)
    .innerJoin(events, eq(events.id, programmeEvents.eventId))
    .where(eq(programmeEvents.programmeId, programmeId))
    .orderBy(asc(events.startsAt), asc(events.id));
  return rows.map((r) => ({
    ...r,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    attendance: Number(r.attendance),
  }));
}

async function territoryViews(db: Handle, programmeId: string) {
  const rows = await db
    .select()
    .from(programmeTerritories)
    .where(eq(programmeTerritories.programmeId, programmeId))
    .orderBy(asc(programmeTerritories.position));
  const codes = [...new Set(rows.flatMap((t) => t.communeCodes))];
  const names = new Map(
    codes.length
      ? (await db.select().from(communes).where(inArray(communes.code, codes))).map((c) => [c.code, c.name])
      : [],
  );
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    themeId: t.themeId,
    themeLabel: t.themeLabel,
    communes: t.communeCodes.map((code) => ({ code, name: names.get(code) ?? code })),
  }));
}

async function templateViews(db: Handle, programme: ProgrammeRow, phases: PhaseRow[]): Promise<EventTemplateView[]> {
  const rows = await db
    .select()
    .from(eventTemplates)
    .where(eq(eventTemplates.programmeId, programme.id))
    .orderBy(asc(eventTemplates.position));
  return rows.map((t) => {
    const start = phases.find((p) => p.id === t.phaseId)?.startsOn ?? programme.startsOn;
    return {
      id: t.id,
      kind: t.kind,
      title: t.title,
      description: t.description,
      durationMinutes: t.durationMinutes,
      capacity: t.capacity,
      agenda: t.agenda,
      phaseId: t.phaseId,
      offsetDays: t.offsetDays,
      suggestedOn: addDays(start, t.offsetDays),
    };
  });
}

async function actionCountsOf(db: Handle, programmeId: string): Promise<ProgrammeDetail['actionCounts']> {
  const [row] = await db
    .select({
      planned: sql<number>`count(*) filter (where ${programmeActions.status} = 'planned')::int`,
      inProgress: sql<number>`count(*) filter (where ${programmeActions.status} = 'inProgress')::int`,
      done: sql<number>`count(*) filter (where ${programmeActions.status} = 'done')::int`,
      cancelled: sql<number>`count(*) filter (where ${programmeActions.status} = 'cancelled')::int`,
      late: sql<number>`count(*) filter (where ${lateSql})::int`,
    })
    .from(programmeActions)
    .where(eq(programmeActions.programmeId, programmeId));
  const n = (v: number | undefined) => Number(v ?? 0);
  return {
    planned: n(row?.planned),
    inProgress: n(row?.inProgress),
    done: n(row?.done),
    cancelled: n(row?.cancelled),
    late: n(row?.late),
  };
}

/** One programme with everything its page shows (public: organisations and roles, no person). 404 when unknown. */
export async function getProgramme(db: Handle, viewer: Viewer, id: string): Promise<ProgrammeDetail> {
  const programme = await requireProgramme(db, id);
  const phases = await phasesOf(db, id);
  const participants = await db
    .select({
      actorId: programmeParticipants.actorId,
      name: actors.name,
      family: actors.family,
      territoryId: programmeParticipants.territoryId,
      role: programmeParticipants.role,
      joinedOn: programmeParticipants.joinedOn,
    })
    .from(programmeParticipants)
    .innerJoin(actors, eq(actors.id, programmeParticipants.actorId))
    .where(eq(programmeParticipants.programmeId, id))
    .orderBy(asc(actors.name));
  const steering = await db
    .select({
      id: steeringMembers.id,
      committee: steeringMembers.committee,
      family: steeringMembers.family,
      actorId: steeringMembers.actorId,
      actorName: actors.name,
      territoryId: steeringMembers.territoryId,
      role: steeringMembers.role,
    })
    .from(steeringMembers)
    .leftJoin(actors, eq(actors.id, steeringMembers.actorId))
    .where(eq(steeringMembers.programmeId, id))
    .orderBy(asc(steeringMembers.committee), asc(steeringMembers.position));
  return {
    id: programme.id,
    slug: programme.slug,
    name: programme.name,
    description: programme.description,
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    territories: await territoryViews(db, id),
    currentPhase: currentPhaseOf(phases),
    replicatedFrom: await replicatedFromOf(db, programme),
    phases: phases.map(phaseViewOf),
    participants,
    steering: steering.map((s) => ({ ...s, actorName: s.actorName ?? null })),
    meetings: await meetingsOf(db, id),
    objectives: await objectiveViews(db, id),
    eventTemplates: await templateViews(db, programme, phases),
    actionCounts: await actionCountsOf(db, id),
    canEdit: isStaff(viewer),
    createdAt: programme.createdAt.toISOString(),
    updatedAt: programme.updatedAt.toISOString(),
  };
}
