// The budget's figures, computed by PostgreSQL: per line and per source what is funded, expected and left to find,
// and the totals per year, territory, category and source. One function, reused by the budget page, the XLSX export
// and (issue 8) the dashboards and the annual review.
//
// The rules:
// - a source of own funds counts as funded at its amount;
// - an application counts as funded when its status is secured (granted, reported), as expected when it is submitted,
//   and as neither when drafting or refused; it counts up to what it brings (the amount granted, or the amount
//   requested while submitted): when its allocations over all the lines of every year exceed that, each allocation is
//   scaled down in proportion, the cents shared so that the parts add up exactly;
// - a partner's financial contribution counts as funded, up to its value the same way (in full when it has no value);
// - a line is « over-funded » when what its sources count for (funded + expected, after that scaling) exceeds its
//   forecast: allowed, shown as a warning;
// - a line's « remaining » is forecast − funded − expected, never below 0; the totals add the lines' remainings, so a
//   line funded beyond its forecast does not hide another line's gap.
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../../db/arrays.js';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { type BudgetCategory, budgetCategories, type FundingSourceKind, securedStatuses } from '../vocabulary.js';
import type { Figures, SourceTotal } from './contract.js';

export interface YearSpan {
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * The programme's lines within the span of years, their sources, and each source's funded and expected parts. A
 * source's part is its amount scaled down to what its application or contribution brings; the parts of one
 * application (or contribution) are shared over all its sources, of every year, to the cent: each gets the cents below
 * its exact part, and the cents left go one by one to the largest remainders (then by id, a stable choice), so that
 * the parts always add up to what is brought (100 € over three equal sources: 33,34 + 33,33 + 33,33).
 */
function sourceFiguresCte(programmeId: string, span: YearSpan): SQL {
  return sql`
    lines as (
      select l.* from budget_lines l
      where l.programme_id = ${programmeId}
        and (${span.from ?? null}::int is null or l.year >= ${span.from ?? null}::int)
        and (${span.to ?? null}::int is null or l.year <= ${span.to ?? null}::int)
    ),
    allocated as (
      select kind, coalesce(application_id, contribution_id) as ref, sum(amount) as allocated
      from budget_line_sources where kind <> 'ownFunds' group by 1, 2
    ),
    exact_parts as (
      select s.*,
        case
          when s.kind = 'ownFunds' then s.amount
          when s.kind = 'contribution' then s.amount * least(1, coalesce(c.value / nullif(al.allocated, 0), 1))
          when a.status::text = any(${textArray(securedStatuses)}) then
            s.amount * least(1, a.amount_granted / nullif(al.allocated, 0))
          when a.status = 'submitted' then s.amount * least(1, a.amount_requested / nullif(al.allocated, 0))
          else 0
        end as exact,
        s.kind = 'application' and a.status = 'submitted' as pending
      from budget_line_sources s
      left join funding_applications a on a.id = s.application_id
      left join contributions c on c.id = s.contribution_id
      left join allocated al on al.kind = s.kind and al.ref = coalesce(s.application_id, s.contribution_id)
    ),
    ranked_parts as (
      select e.*, floor(e.exact * 100) as cents,
        round(sum(e.exact) over pool * 100) - sum(floor(e.exact * 100)) over pool as leftover,
        row_number() over (pool order by e.exact * 100 - floor(e.exact * 100) desc, e.id) as rank
      from exact_parts e
      window pool as (partition by coalesce(e.application_id, e.contribution_id, e.id))
    ),
    source_figures as (
      select r.id, r.line_id, r.kind, r.application_id, r.contribution_id, r.label, r.amount,
        case when r.pending then 0 else part end as funded,
        case when r.pending then part else 0 end as expected
      from (
        select r.*, ((r.cents + case when r.rank <= r.leftover then 1 else 0 end) / 100)::numeric(14, 2) as part
        from ranked_parts r
      ) r
      join lines l on l.id = r.line_id
    ),
    line_figures as (
      select l.id, l.year, l.territory_id, l.category, l.forecast, l.committed, l.actual,
        coalesce(sum(sf.funded), 0) as funded, coalesce(sum(sf.expected), 0) as expected
      from lines l left join source_figures sf on sf.line_id = l.id
      group by l.id, l.year, l.territory_id, l.category, l.forecast, l.committed, l.actual
    )`;
}

const sums = sql`
  coalesce(sum(forecast), 0)::float8 as forecast, coalesce(sum(committed), 0)::float8 as committed,
  coalesce(sum(actual), 0)::float8 as actual, coalesce(sum(funded), 0)::float8 as funded,
  coalesce(sum(expected), 0)::float8 as expected,
  coalesce(sum(greatest(forecast - funded - expected, 0)), 0)::float8 as remaining,
  coalesce(bool_or(funded + expected > forecast), false) as "overFunded"`;

interface GroupedRow extends Figures {
  overFunded: boolean;
  level: 'line' | 'year' | 'territory' | 'category' | 'all';
  line_id: string | null;
  year: number | null;
  territory_id: string | null;
  category: BudgetCategory | null;
}

export interface SourceFigures {
  funded: number;
  expected: number;
}

export interface BudgetFigures {
  /** Each line's figures, by line id, and whether what its sources count for exceeds its forecast. */
  lines: Map<string, Figures & { overFunded: boolean }>;
  /** Each source's funded and expected parts, by source id. */
  sources: Map<string, SourceFigures>;
  /** Totals; territories by id (null: transversal), names left to the caller. */
  overall: Figures;
  byYear: (Figures & { year: number })[];
  byTerritory: (Figures & { territoryId: string | null })[];
  byCategory: (Figures & { category: BudgetCategory })[];
  bySource: SourceTotal[];
}

const figuresOf = (r: Figures): Figures => ({
  forecast: r.forecast,
  committed: r.committed,
  actual: r.actual,
  funded: r.funded,
  expected: r.expected,
  remaining: r.remaining,
});

/** The figures of a programme's budget over a span of years (all years when the span is open). */
export async function budgetFigures(db: Handle, programmeId: string, span: YearSpan = {}): Promise<BudgetFigures> {
  const cte = sourceFiguresCte(programmeId, span);
  const grouped = await rowsOf<GroupedRow>(
    db,
    sql`with ${cte}
      select case
          when grouping(id) = 0 then 'line' when grouping(year) = 0 then 'year'
          when grouping(territory_id) = 0 then 'territory' when grouping(category) = 0 then 'category'
          else 'all' end as level,
        id as line_id, year, territory_id, category::text as category, ${sums}
      from line_figures
      group by grouping sets ((id), (year), (territory_id), (category), ())`,
  );
  const sources = await rowsOf<{ id: string; funded: number; expected: number }>(
    db,
    sql`with ${cte} select id, funded::float8 as funded, expected::float8 as expected from source_figures`,
  );
  const bySource = await rowsOf<{
    kind: FundingSourceKind;
    key: string;
    label: string;
    funder_name: string | null;
    allocated: number;
    funded: number;
    expected: number;
  }>(
    db,
    sql`with ${cte}
      select sf.kind::text as kind,
        case sf.kind when 'application' then sf.application_id::text
          when 'contribution' then c.actor_id::text else 'ownFunds' end as key,
        case sf.kind when 'application' then max(a.title)
          when 'contribution' then string_agg(distinct c.description, ' ; ')
          else string_agg(distinct sf.label, ' ; ') end as label,
        coalesce(max(fa.name), max(ca.name)) as funder_name,
        sum(sf.amount)::float8 as allocated, sum(sf.funded)::float8 as funded, sum(sf.expected)::float8 as expected
      from source_figures sf
      left join funding_applications a on a.id = sf.application_id
      left join actors fa on fa.id = a.funder_actor_id
      left join contributions c on c.id = sf.contribution_id
      left join actors ca on ca.id = c.actor_id
      group by sf.kind, 2
      order by sum(sf.funded) + sum(sf.expected) desc, 3`,
  );
  const at = (level: GroupedRow['level']) => grouped.filter((r) => r.level === level);
  const zero: Figures = { forecast: 0, committed: 0, actual: 0, funded: 0, expected: 0, remaining: 0 };
  const overall = at('all')[0];
  return {
    lines: new Map(at('line').map((r) => [r.line_id as string, { ...figuresOf(r), overFunded: r.overFunded }])),
    sources: new Map(sources.map((s) => [s.id, { funded: s.funded, expected: s.expected }])),
    overall: overall ? figuresOf(overall) : zero,
    byYear: at('year')
      .map((r) => ({ year: Number(r.year), ...figuresOf(r) }))
      .sort((a, b) => a.year - b.year),
    byTerritory: at('territory').map((r) => ({ territoryId: r.territory_id, ...figuresOf(r) })),
    byCategory: at('category')
      .map((r) => ({ category: r.category as BudgetCategory, ...figuresOf(r) }))
      .sort((a, b) => budgetCategories.indexOf(a.category) - budgetCategories.indexOf(b.category)),
    bySource: bySource.map((r) => ({
      kind: r.kind,
      key: r.key,
      label: r.label,
      funderName: r.funder_name,
      allocated: r.allocated,
      funded: r.funded,
      expected: r.expected,
    })),
  };
}
