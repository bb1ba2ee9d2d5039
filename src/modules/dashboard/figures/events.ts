import { sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import type { EventKind } from '../../events/vocabulary.js';
import { eventAttendance, eventHeld } from '../../programmes/indicators.js';
import type { EventsFigure } from '../figures.js';
import type { ResolvedScope } from '../scope.js';
import { phaseOf, scopedEventsCte } from './common.js';

/**
 * The programme's events in scope (common.ts): held and attendance (the rules of the programme's indicators), in all,
 * by kind, by year and by phase of their day.
 */
export async function eventFigures(db: Handle, scope: ResolvedScope): Promise<EventsFigure> {
  const rows = await rowsOf<{
    level: 'kind' | 'year' | 'phase' | 'all';
    kind: EventKind | null;
    year: number | null;
    phaseId: string | null;
    held: number;
    attendance: number;
  }>(
    db,
    sql`with ${scopedEventsCte(scope)},
      counted as (select se.kind, extract(year from se.day)::int as year, ${phaseOf(scope, sql`se.day`)} as phase_id,
          ${eventHeld(sql`se`)} as held, ${eventAttendance(sql`se`)} as attendance
        from scoped_events se)
      select case when grouping(kind) = 0 then 'kind' when grouping(year) = 0 then 'year'
          when grouping(phase_id) = 0 then 'phase' else 'all' end as level,
        kind::text as kind, year, phase_id as "phaseId",
        count(*) filter (where held)::int as held, coalesce(sum(attendance), 0)::int as attendance
      from counted
      group by grouping sets ((kind), (year), (phase_id), ())
      order by counted.kind, year`,
  );
  const at = (level: (typeof rows)[number]['level']) => rows.filter((r) => r.level === level);
  const counts = (r: { held: number; attendance: number }) => ({ held: r.held, attendance: r.attendance });
  const all = at('all')[0] ?? { held: 0, attendance: 0 };
  return {
    ...counts(all),
    byKind: at('kind').map((r) => ({ kind: r.kind as EventKind, ...counts(r) })),
    byYear: at('year').map((r) => ({ year: Number(r.year), ...counts(r) })),
    byPhase: at('phase')
      .filter((r) => r.phaseId !== null)
      .map((r) => ({ phaseId: r.phaseId as string, ...counts(r) })),
  };
}
