// The directory: French full-text search tolerant of accents, case and typos, filters, sort, pagination and facet
// counts, all done by PostgreSQL with the indexes of schema.ts. Only public fields are read or returned here.
//
// Up to `exactUpTo` actors (defaultTuning), every count is exact and relevance ranks every match. On a larger
// directory (a million actors: `npm run bench`, docs/benchmarks.md) every query is bounded:
// - Words: `search_vector @@ tsquery` (GIN). The tsquery comes from actor_search_query (migration 0003): query words
//   no actor uses are replaced by the closest lexemes of actor_lexemes by trigram similarity (GIN trigram index,
//   `%`), so typo tolerance is a lookup in a small table rather than a similarity over every actor.
// - Filters: btree (family, commune) and GIN (`&&` on the arrays). Words or array values so common (estimate above
//   `denseText`) that their GIN bitmap would cost more than filtering rows are filtered instead (criteria.ts): GIN
//   bitmaps cost about a microsecond per match, which the planner underestimates.
// - Page by name or date: btree indexes walked in order and stopped by the LIMIT (page.ts, orderedPage).
// - Page by relevance: the rows read for the counts (below) plus the first `namePool` matches in names, ranked
//   (sampled.ts). Known limit: with very common words the order within that pool is exact, but the pool is not the
//   best matches of the whole directory: name matches first, then the description matches read.
// - Total and facets: counted over a bounded read per pass; beyond it, the total is the planner's estimate and facet
//   counts are scaled to it (facets.ts, countsOf and sourceFor): a block sample (TABLESAMPLE SYSTEM) when matches
//   are dense, else the first matches met, which can lean when actors were loaded in an order following a facet.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { DirectoryFilters, DirectoryPage, DirectoryQuery } from './contract.js';
import {
  activeFacets,
  arrayFacets,
  type Criteria,
  conditions,
  criteriaOf,
  nameCondition,
  textCondition,
  whereOf,
} from './criteria.js';
import { countsOf, defaultTuning, estimateRows, type Scope, type SearchTuning } from './facets.js';
import { orderedPage } from './page.js';
import { sampledSearch } from './sampled.js';
import type { Viewer } from './visibility.js';

export { defaultTuning, type SearchTuning } from './facets.js';
export { excerpt } from './page.js';

export interface Prepared {
  criteria: Criteria;
  /** The directory's size; `bounded` when above `tuning.exactUpTo`: counts are bounded and relevance ranks a pool. */
  scope: Scope;
}

const analyzing = new WeakMap<Db, Promise<unknown>>();

/**
 * Bounded work relies on the planner's estimates, hence on the table's statistics. A PostgreSQL server's autovacuum
 * keeps them; PGlite has no autovacuum. When the statistics are missing or the table grew or shrank by a fifth since
 * (pg_class.reltuples against the stored count), the table is analysed once, on this search's path (a second or two
 * at a million actors). Loaders of large data sets should run ANALYZE themselves.
 */
async function ensureStatistics(db: Db, size: number, reltuples: number): Promise<void> {
  if (reltuples >= 0.8 * size && reltuples <= 1.25 * size) return;
  let running = analyzing.get(db);
  if (!running) {
    running = db.execute(sql`analyze actors, actor_lexemes, actor_facet_counts`).finally(() => analyzing.delete(db));
    analyzing.set(db, running);
  }
  await running;
}

/**
 * Cleans the filters and resolves the text query in one round trip, which also reads the directory's size, the
 * territory's communes and the stored counts of the selected array-filter values. On a large directory, the
 * planner's estimates of the matches (words, words in names, every count pass) are then taken at once.
 */
export async function prepareSearch(db: Db, filters: DirectoryFilters, tuning: SearchTuning): Promise<Prepared> {
  const criteria = criteriaOf(filters);
  const selected = arrayFacets.flatMap((f) => criteria[f].map((v) => sql`(facet = ${f} and value = ${v})`));
  const [row] = await rowsOf<{
    size: number | null;
    reltuples: number | null;
    tsquery: string | null;
    communes: string[] | null;
    selected: Record<string, number> | null;
  }>(
    db,
    sql`select (select n from actor_facet_counts where facet = 'total' and value = '') as size,
      (select reltuples from pg_class where oid = 'actors'::regclass) as reltuples,
      ${criteria.q === null ? sql`null` : sql`actor_search_query(${criteria.q})::text`} as tsquery,
      ${
        criteria.territory === null
          ? sql`null`
          : sql`(select coalesce(array_agg(commune_code order by commune_code), '{}') from territory_communes
              where territory_id = ${criteria.territory})`
      } as communes,
      ${
        selected.length
          ? sql`(select json_object_agg(facet, n) from (select facet, sum(n)::int as n from actor_facet_counts
              where ${sql.join(selected, sql` or `)} group by facet) s)`
          : sql`null`
      } as selected`,
  );
  if (criteria.territory !== null) criteria.territoryCommunes = row?.communes ?? [];
  const size = Number(row?.size ?? 0);
  const scope: Scope = { size, bounded: size > tuning.exactUpTo, estimates: {} };
  const text = criteria.q === null ? null : { tsquery: row?.tsquery ?? '', indexed: true, nameIndexed: true };
  criteria.text = text;
  if (!scope.bounded) return { criteria, scope };
  await ensureStatistics(db, size, Number(row?.reltuples ?? -1));

  // Upper bounds (an actor may hold several of the values): exact enough to tell a common value from a rare one.
  const counts = row?.selected ?? {};
  criteria.dense = arrayFacets.filter((f) => Number(counts[f] ?? 0) > tuning.denseText);
  const estimate = (where: SQL[]) =>
    where.length ? estimateRows(db, sql`select 1 from actors a ${whereOf(where)}`) : 0;
  const hasText = text !== null && text.tsquery !== '';
  const passes = [null, ...activeFacets(criteria)];
  const [matches, nameMatches, ...passEstimates] = await Promise.all([
    hasText ? estimate([textCondition(text)]) : 0,
    hasText ? estimate([nameCondition(text)]) : 0,
    ...passes.map((f) => estimate(conditions(criteria, f))),
  ]);
  if (text) {
    text.indexed = matches <= tuning.denseText;
    text.nameIndexed = nameMatches <= tuning.denseText;
  }
  passes.forEach((f, i) => {
    scope.estimates[f ?? 'base'] = passEstimates[i] ?? 0;
  });
  return { criteria, scope };
}

/**
 * Searches the directory. Results only carry public fields, so every viewer gets the same answer; the viewer stays in
 * the signature for rules to come (unpublished actors). `tuning` is for tests and benchmarks.
 */
export async function searchActors(
  db: Db,
  _viewer: Viewer,
  query: DirectoryQuery,
  tuning: SearchTuning = defaultTuning,
): Promise<DirectoryPage> {
  const { criteria, scope } = await prepareSearch(db, query, tuning);
  if (scope.bounded && conditions(criteria).length > 0) {
    return withCommuneLabels(db, await sampledSearch(db, criteria, query, scope, tuning));
  }
  const [items, counts] = await Promise.all([orderedPage(db, criteria, query), countsOf(db, criteria, scope, tuning)]);
  return withCommuneLabels(db, {
    items,
    total: counts.total,
    exact: counts.exact,
    page: query.page,
    pageSize: query.pageSize,
    facets: counts.facets,
  });
}

/** Names the commune facet's values (INSEE codes), so that a filter never shows a bare code. */
async function withCommuneLabels(db: Db, page: DirectoryPage): Promise<DirectoryPage> {
  const codes = page.facets.commune.map((c) => c.value);
  if (codes.length === 0) return page;
  const names = await rowsOf<{ code: string; name: string }>(
    db,
    sql`select code, name from communes where code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  const byCode = new Map(names.map((n) => [n.code, n.name]));
  const commune = page.facets.commune.map((c) => ({ ...c, label: byCode.get(c.value) ?? c.value }));
  return { ...page, facets: { ...page.facets, commune } };
}
