// Facet counts and totals of the directory (standard faceted search: each facet counted with the OTHER filters).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { DirectoryPage } from './contract.js';
import { activeFacets, allFacets, type Criteria, conditions, type FacetName, whereOf } from './criteria.js';

export type Facets = DirectoryPage['facets'];

/** Size limits of the directory's work; see search.ts for how they bound a query's cost. */
export interface SearchTuning {
  /** Up to this many actors in the directory, every count is exact and relevance ranks every match. */
  exactUpTo: number;
  /** Rows read per count pass on a larger directory (beyond, counts are estimated); also the relevance pool. */
  sample: number;
  /** Name matches added to the relevance pool on a larger directory (sampled.ts). */
  namePool: number;
  /** Estimated matches of words or array values beyond which their GIN bitmap is not worth building. */
  denseText: number;
  /** Share of the directory above which a bounded pass reads a sample of blocks rather than the first matches. */
  blockSampleShare: number;
  /** Values returned per facet (the most frequent, plus the selected ones). */
  facetValues: number;
  /** Map points (the busiest communes) that list their actors (map.ts). */
  mapListedPoints: number;
}

export const defaultTuning: SearchTuning = {
  exactUpTo: 10_000,
  sample: 200,
  namePool: 100,
  denseText: 20_000,
  blockSampleShare: 0.05,
  facetValues: 100,
  mapListedPoints: 100,
};

/** The planner's estimate of the rows a query returns (EXPLAIN: planning only, nothing is read). */
export async function estimateRows(db: Db, query: SQL): Promise<number> {
  const [row] = await rowsOf<Record<string, unknown>>(db, sql`explain (format json) ${query}`);
  const raw = row ? Object.values(row)[0] : null;
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: { 'Plan Rows': number } }] | null;
  return Math.round(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

export interface CountRow {
  facet: string;
  value: string;
  n: number;
}

/** One `(facet, value)` row per value an actor holds, for the requested facets; 'total' counts the actors. */
function facetValues(facets: FacetName[]): SQL {
  const parts: SQL[] = [sql`select 'total' as facet, '' as value`];
  for (const facet of facets) {
    if (facet === 'family') parts.push(sql`select 'family' as facet, a.family::text as value`);
    if (facet === 'commune') {
      parts.push(sql`select 'commune' as facet, a.commune_code as value where a.commune_code is not null`);
    }
    if (facet === 'theme') parts.push(sql`select 'theme' as facet, v as value from unnest(a.themes) v`);
    if (facet === 'sdg') parts.push(sql`select 'sdg' as facet, v::text as value from unnest(a.sdgs) v`);
    if (facet === 'contribution') {
      parts.push(sql`select 'contribution' as facet, v as value from unnest(a.contributions) v`);
    }
    if (facet === 'benefit') parts.push(sql`select 'benefit' as facet, v as value from unnest(a.benefits) v`);
  }
  return sql.join(parts, sql` union all `);
}

/**
 * Where a pass reads its rows. `limit` null: every match. Otherwise at most `limit` rows, either the first matches the
 * plan meets (`block` false), or every match in a sample of the table's blocks (`block` true).
 */
export interface Source {
  from: SQL;
  limit: number | null;
  block: boolean;
}

const wholeTable: Source = { from: sql`actors a`, limit: null, block: false };

/**
 * The source of a bounded pass expecting `estimate` matches in a directory of `size` actors. Few matches: all of
 * them (one more than the sample, to notice an underestimate). Many matches, dense in the table: a sample of blocks
 * (TABLESAMPLE SYSTEM, seeded so that every page of a search sees the same one) sized for about `sample` matches;
 * random blocks do not lean when actors were loaded in an order that follows a facet. Many matches but sparse: the
 * first `sample` + 1 the index scan meets, in table order (estimates can lean there; reading enough random blocks to
 * find them would cost more than the bound).
 */
export function sourceFor(estimate: number, size: number, tuning: SearchTuning): Source {
  if (estimate <= tuning.sample || size === 0 || estimate / size < tuning.blockSampleShare) {
    return { from: sql`actors a`, limit: tuning.sample + 1, block: false };
  }
  const percent = Math.min(100, (100 * tuning.sample * 1.2) / estimate);
  return {
    from: sql`actors a tablesample system (${percent}::real) repeatable (0)`,
    limit: tuning.sample * 4,
    block: true,
  };
}

/** Counts over the actors matching `where` that the source reads, in one pass. */
function countQuery(where: SQL[], facets: FacetName[], source: Source): SQL {
  const rows =
    source.limit === null
      ? source.from
      : sql`(select a.family, a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits
             from ${source.from} ${whereOf(where)} limit ${source.limit}) a`;
  return sql`select f.facet, f.value, count(*)::int as n
    from ${rows} cross join lateral (${facetValues(facets)}) f
    ${source.limit === null ? whereOf(where) : sql``}
    group by f.facet, f.value`;
}

/** Counts over the whole directory, kept by triggers: the most frequent values per facet, and the selected ones. */
function storedCountQuery(facets: FacetName[], c: Criteria, top: number): SQL {
  const parts = [
    sql`(select facet, value, n from actor_facet_counts where facet = 'total' and value = '')`,
    ...facets.map(
      (f) => sql`(select facet, value, n from actor_facet_counts where facet = ${f} and n > 0
                  order by n desc, value limit ${top})`,
    ),
    ...facets
      .filter((f) => c[f].length > 0)
      .map(
        (f) => sql`(select facet, value, n from actor_facet_counts where facet = ${f} and n > 0
                    and value in (${sql.join(
                      c[f].map((v) => sql`${v}`),
                      sql`, `,
                    )}))`,
      ),
  ];
  return sql.join(parts, sql` union `);
}

export interface Pass {
  /** 'base' for all the criteria, else the facet whose filter is left out. */
  key: FacetName | 'base';
  where: SQL[];
  facets: FacetName[];
}

export interface PassResult {
  total: number;
  counts: CountRow[];
  /** False when the total and counts are scaled estimates rather than counts of every match. */
  exact: boolean;
}

/** The directory's size and whether it is large enough for bounded work (search.ts, prepareSearch). */
export interface Scope {
  size: number;
  bounded: boolean;
  /** Planner's estimates of the matches of the base pass ('base') and of each active facet's pass. */
  estimates: Partial<Record<FacetName | 'base', number>>;
}

/** Counts of some facets over the actors matching `pass.where` (see countsOf for exact and bounded counting). */
export async function countPass(
  db: Db,
  pass: Pass,
  c: Criteria,
  scope: Scope,
  tuning: SearchTuning,
): Promise<PassResult> {
  if (pass.where.length === 0) {
    const rows = await rowsOf<CountRow>(db, storedCountQuery(pass.facets, c, tuning.facetValues));
    return splitTotal(rows, 1);
  }
  if (!scope.bounded) return splitTotal(await rowsOf<CountRow>(db, countQuery(pass.where, pass.facets, wholeTable)), 1);
  const estimate =
    scope.estimates[pass.key] ?? (await estimateRows(db, sql`select 1 from actors a ${whereOf(pass.where)}`));
  const source = sourceFor(estimate, scope.size, tuning);
  const rows = await rowsOf<CountRow>(db, countQuery(pass.where, pass.facets, source));
  return scaled(rows, estimate, source, tuning);
}

/**
 * Counts read from a bounded source, as counts of every match: exact when the first matches were all of them, else
 * the read rows' counts scaled to the planner's estimate of the matches.
 */
export function scaled(rows: CountRow[], estimate: number, source: Source, tuning: SearchTuning): PassResult {
  const read = Number(rows.find((r) => r.facet === 'total')?.n ?? 0);
  if (!source.block && read <= tuning.sample) return splitTotal(rows, 1);
  if (read === 0) return { total: estimate, counts: [], exact: false };
  const total = source.block ? estimate : Math.max(estimate, read);
  return { ...splitTotal(rows, total / read), exact: false };
}

export function splitTotal(rows: CountRow[], scale: number): PassResult {
  let total = 0;
  const counts: CountRow[] = [];
  for (const r of rows) {
    const n = Math.max(1, Math.round(Number(r.n) * scale));
    if (r.facet === 'total') total = Number(r.n) === 0 ? 0 : n;
    else counts.push({ facet: r.facet, value: r.value, n });
  }
  return { total, counts, exact: true };
}

/**
 * Standard faceted counts: each facet counted over the actors matching every OTHER criterion. The facets without an
 * active filter share one pass over the results (which also gives the total); each facet with an active filter takes
 * one more pass without its own filter. A pass without any criterion reads actor_facet_counts (kept by triggers).
 *
 * Up to `tuning.exactUpTo` actors in the directory, every pass counts every match. On a larger directory a pass reads
 * a bounded number of rows (sourceFor): when there are more matches, the total is the planner's estimate (EXPLAIN,
 * from the statistics) and the facet counts are those of the rows read, scaled to it: approximate figures whose
 * order is meaningful (the UI can say "about").
 */
export async function countsOf(
  db: Db,
  c: Criteria,
  scope: Scope,
  tuning: SearchTuning,
): Promise<{ total: number; exact: boolean; facets: Facets }> {
  const active = activeFacets(c);
  const passes: Pass[] = [
    { key: 'base', where: conditions(c), facets: allFacets.filter((f) => !active.includes(f)) },
    ...active.map((f) => ({ key: f, where: conditions(c, f), facets: [f] })),
  ];
  const results = await Promise.all(passes.map((p) => countPass(db, p, c, scope, tuning)));
  return {
    total: results[0]?.total ?? 0,
    exact: results.every((r) => r.exact),
    facets: facetsOf(results, c, tuning),
  };
}

/** Facet lists from pass results: most frequent first, the first `facetValues` of each plus the selected values. */
export function facetsOf(results: PassResult[], c: Criteria, tuning: SearchTuning): Facets {
  const facets: Facets = { family: [], commune: [], theme: [], sdg: [], contribution: [], benefit: [] };
  for (const row of results.flatMap((r) => r.counts)) {
    if ((allFacets as readonly string[]).includes(row.facet)) {
      facets[row.facet as FacetName].push({ value: row.value, count: row.n });
    }
  }
  for (const name of allFacets) {
    const selected = new Set(c[name]);
    facets[name] = facets[name]
      .sort((x, y) => y.count - x.count || x.value.localeCompare(y.value))
      .filter((v, i) => i < tuning.facetValues || selected.has(v.value));
  }
  return facets;
}
