import { sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import type { PartnershipMode, PartnershipStep } from '../../partnerships/vocabulary.js';
import type { PartnershipsFigure } from '../figures.js';
import type { ResolvedScope } from '../scope.js';
import { phaseOf, scopedPartnershipsCte } from './common.js';

/** Partnerships in scope (common.ts) by mode and current step, by mode and year, by mode and phase. */
export async function partnershipFigures(db: Handle, scope: ResolvedScope): Promise<PartnershipsFigure> {
  const rows = await rowsOf<{
    level: 'step' | 'year' | 'phase';
    mode: PartnershipMode;
    step: PartnershipStep | null;
    year: number | null;
    phaseId: string | null;
    count: number;
  }>(
    db,
    sql`with ${scopedPartnershipsCte(scope)},
      dated as (select sp.*, extract(year from sp.day)::int as year, ${phaseOf(scope, sql`sp.day`)} as phase_id
        from scoped_partnerships sp)
      select case when grouping(current_step) = 0 then 'step' when grouping(year) = 0 then 'year' else 'phase' end as level,
        mode::text as mode, current_step::text as step, year, phase_id as "phaseId", count(*)::int as count
      from dated
      group by grouping sets ((mode, current_step), (mode, year), (mode, phase_id))
      order by dated.mode, dated.current_step, year`,
  );
  const at = (level: (typeof rows)[number]['level']) => rows.filter((r) => r.level === level);
  const byModeAndStep = at('step').map((r) => ({ mode: r.mode, step: r.step as PartnershipStep, count: r.count }));
  return {
    total: byModeAndStep.reduce((n, r) => n + r.count, 0),
    byModeAndStep,
    byModeAndYear: at('year').map((r) => ({ mode: r.mode, year: Number(r.year), count: r.count })),
    byModeAndPhase: at('phase')
      .filter((r) => r.phaseId !== null)
      .map((r) => ({ mode: r.mode, phaseId: r.phaseId as string, count: r.count })),
  };
}
