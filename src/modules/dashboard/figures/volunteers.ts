import { sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { valuedAmount, valuedLogsCte } from '../../funding/budget/volunteers.js';
import type { VolunteerAmounts, VolunteersFigure } from '../figures.js';
import { inDaySpan, type ResolvedScope } from '../scope.js';
import { phaseOf, yearSpanOf } from './common.js';

/**
 * The volunteer hours logged for the programme on a day of the span (for a territory, those of the territory), valued
 * as the budget values them (valuedLogsCte, valuedAmount: the role's rate of the year, else the year's default; hours
 * with no rate at all are counted apart as unvalued, never as zero euros): in all, by year, by phase.
 */
export async function volunteerFigures(db: Handle, scope: ResolvedScope): Promise<VolunteersFigure> {
  const rows = await rowsOf<{
    level: 'year' | 'phase' | 'all';
    year: number | null;
    phaseId: string | null;
    hours: number;
    value: number;
    unvaluedHours: number;
  }>(
    db,
    sql`with ${valuedLogsCte(scope.programmeId, yearSpanOf(scope))},
      scoped as (select v.*, ${phaseOf(scope, sql`v.worked_on`)} as phase_id from valued v
        where ${inDaySpan(scope, sql`v.worked_on`)}
          and (${scope.territoryId}::uuid is null or v.territory_id = ${scope.territoryId}::uuid))
      select case when grouping(year) = 0 then 'year' when grouping(phase_id) = 0 then 'phase' else 'all' end as level,
        year, phase_id as "phaseId", coalesce(sum(hours), 0)::float8 as hours,
        coalesce(sum(${valuedAmount()}), 0)::float8 as value,
        coalesce(sum(hours) filter (where rate is null), 0)::float8 as "unvaluedHours"
      from scoped group by grouping sets ((year), (phase_id), ()) order by year`,
  );
  const at = (level: (typeof rows)[number]['level']) => rows.filter((r) => r.level === level);
  const amounts = (r: VolunteerAmounts) => ({ hours: r.hours, value: r.value, unvaluedHours: r.unvaluedHours });
  const all = at('all')[0] ?? { hours: 0, value: 0, unvaluedHours: 0 };
  return {
    ...amounts(all),
    byYear: at('year').map((r) => ({ year: Number(r.year), ...amounts(r) })),
    byPhase: at('phase')
      .filter((r) => r.phaseId !== null)
      .map((r) => ({ phaseId: r.phaseId as string, ...amounts(r) })),
  };
}
