import { sql } from 'drizzle-orm';
import { textArray } from '../../../db/arrays.js';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { budgetFigures } from '../../funding/budget/figures.js';
import { securedStatuses } from '../../funding/vocabulary.js';
import type { FundingAmounts, FundingFigure } from '../figures.js';
import type { ResolvedScope } from '../scope.js';
import { yearSpanOf } from './common.js';

/**
 * The programme's funding applications whose budget year the span meets (for a territory, those of the territory):
 * requested once submitted, secured once granted, paid as received; and its budget (budgetFigures) over those years,
 * the territory's lines only for a territory. The public gets the secured amounts only: what was asked, what was paid
 * and the budget's gaps are the programme's and its funders' business, not a public figure.
 */
export async function fundingFigures(db: Handle, scope: ResolvedScope): Promise<FundingFigure> {
  const span = yearSpanOf(scope);
  const rows = await rowsOf<Required<FundingAmounts> & { year: number | null }>(
    db,
    sql`select a.year,
        coalesce(sum(a.amount_requested) filter (where a.status <> 'drafting'), 0)::float8 as requested,
        coalesce(sum(a.amount_granted) filter (where a.status::text = any(${textArray(securedStatuses)})), 0)::float8 as secured,
        coalesce(sum((select sum(fp.amount) from funding_payments fp where fp.application_id = a.id)), 0)::float8 as paid
      from funding_applications a
      where a.programme_id = ${scope.programmeId}
        and (${scope.territoryId}::uuid is null or a.territory_id = ${scope.territoryId}::uuid)
        and (${span.from ?? null}::int is null or a.year >= ${span.from ?? null}::int)
        and (${span.to ?? null}::int is null or a.year <= ${span.to ?? null}::int)
      group by rollup (a.year) order by a.year`,
  );
  const total = rows.find((r) => r.year === null) ?? { requested: 0, secured: 0, paid: 0 };
  const years = rows.filter((r) => r.year !== null);
  if (scope.audience === 'public') {
    return {
      secured: total.secured,
      byYear: years.map((r) => ({ year: Number(r.year), secured: r.secured })),
    };
  }
  const budget = await budgetFigures(db, scope.programmeId, span);
  const lines =
    scope.territoryId === null ? budget.overall : budget.byTerritory.find((t) => t.territoryId === scope.territoryId);
  const amounts = (r: Required<FundingAmounts>) => ({ requested: r.requested, secured: r.secured, paid: r.paid });
  return {
    ...amounts(total),
    byYear: years.map((r) => ({ year: Number(r.year), ...amounts(r) })),
    budget: {
      forecast: lines?.forecast ?? 0,
      funded: lines?.funded ?? 0,
      expected: lines?.expected ?? 0,
      remaining: lines?.remaining ?? 0,
    },
  };
}
