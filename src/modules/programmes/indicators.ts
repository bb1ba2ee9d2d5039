// Indicators' values: typed for manual ones, counted by the database from the programme's own records otherwise, so
// that nothing is typed twice (events held, attendance, participating actors, actions done).
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { EventKind } from '../events/vocabulary.js';
import type { IndicatorView, ObjectiveView } from './contract.js';
import { programmeIndicators, programmeObjectives } from './schema.js';
import type { IndicatorSource } from './vocabulary.js';

/**
 * A programme's counts: events held and attendance per event kind, participating actors, actions done. An event is held
 * once it has ended (or is marked held) unless cancelled; attendance counts the checked-in, not cancelled
 * registrations of events not cancelled.
 */
interface Counts {
  byKind: { kind: EventKind; eventsHeld: number; attendance: number }[];
  participatingActors: number;
  actionsDone: number;
}

/** Whether the event (row alias given) is held: marked held, or ended. Callers leave cancelled events out. */
export const eventHeld = (e: SQL) => sql`(${e}.status = 'held' or ${e}.ends_at < now())`;

/** The event's attendance (row alias given): its checked-in registrations not cancelled. */
export const eventAttendance = (e: SQL) => sql`(select count(*) from event_registrations r
  where r.event_id = ${e}.id and r.checked_in_at is not null and r.status <> 'cancelled')`;

/** The programme's counts, in two queries. */
export async function programmeCounts(db: Handle, programmeId: string): Promise<Counts> {
  const byKind = await rowsOf<Counts['byKind'][number]>(
    db,
    sql`select e.kind,
        count(*) filter (where ${eventHeld(sql`e`)})::int as "eventsHeld",
        coalesce(sum(${eventAttendance(sql`e`)}), 0)::int as "attendance"
      from programme_events pe join events e on e.id = pe.event_id
      where pe.programme_id = ${programmeId} and e.status <> 'cancelled'
      group by e.kind`,
  );
  const [row] = await rowsOf<Omit<Counts, 'byKind'>>(
    db,
    sql`select
      (select count(*)::int from programme_participants pp where pp.programme_id = ${programmeId}) as "participatingActors",
      (select count(*)::int from programme_actions a where a.programme_id = ${programmeId} and a.status = 'done') as "actionsDone"`,
  );
  if (!row) throw new Error('counts returned nothing');
  return { byKind, ...row };
}

/** The value an indicator counts: events held or attendance (of one kind, or all), actors, actions done. */
export function countedValue(counts: Counts, source: Exclude<IndicatorSource, 'manual'>, kind: EventKind | null) {
  if (source === 'participatingActors' || source === 'actionsDone') return counts[source];
  return counts.byKind.filter((k) => kind === null || k.kind === kind).reduce((n, k) => n + k[source], 0);
}

/** value / target, clamped to 0..1; null without a value or a positive target. */
export function progressOf(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target <= 0) return null;
  return Math.min(1, Math.max(0, value / target));
}

/** The programme's objectives with their indicators and values, in order. */
export async function objectiveViews(db: Handle, programmeId: string): Promise<ObjectiveView[]> {
  const objectives = await db
    .select()
    .from(programmeObjectives)
    .where(eq(programmeObjectives.programmeId, programmeId))
    .orderBy(asc(programmeObjectives.position));
  if (objectives.length === 0) return [];
  const indicators = await db
    .select()
    .from(programmeIndicators)
    .where(
      inArray(
        programmeIndicators.objectiveId,
        objectives.map((o) => o.id),
      ),
    )
    .orderBy(asc(programmeIndicators.position));
  const counts = indicators.some((i) => i.source !== 'manual') ? await programmeCounts(db, programmeId) : null;
  const view = (i: (typeof indicators)[number]): IndicatorView => {
    const value = i.source === 'manual' ? i.measured : counts && countedValue(counts, i.source, i.eventKind);
    return {
      id: i.id,
      label: i.label,
      unit: i.unit,
      source: i.source,
      eventKind: i.eventKind,
      baseline: i.baseline,
      target: i.target,
      measured: i.measured,
      value,
      progress: progressOf(value, i.target),
    };
  };
  return objectives.map((o) => ({
    id: o.id,
    title: o.title,
    description: o.description,
    phaseId: o.phaseId,
    indicators: indicators.filter((i) => i.objectiveId === o.id).map(view),
  }));
}
