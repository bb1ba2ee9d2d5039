// The directory on a large directory: page and counts from bounded reads (see search.ts and facets.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { DirectoryPage, DirectoryQuery } from './contract.js';
import {
  activeFacets,
  allFacets,
  type Criteria,
  conditions,
  type FacetName,
  nameCondition,
  whereOf,
} from './criteria.js';
import {
  type CountRow,
  countPass,
  estimateRows,
  facetsOf,
  type Scope,
  type SearchTuning,
  type Source,
  scaled,
  sourceFor,
} from './facets.js';
import { orderedPage, pooledPage, relevance, sortOf, summariesById } from './page.js';

interface SampleRow {
  id: string;
  rank: number;
  name_key: string;
  family: string;
  commune_code: string | null;
  themes: string[];
  sdgs: number[];
  contributions: string[];
  benefits: string[];
}

/** The values an actor holds for a facet. */
function valuesOf(row: SampleRow, facet: FacetName): string[] {
  switch (facet) {
    case 'family':
      return [row.family];
    case 'commune':
      return row.commune_code === null ? [] : [row.commune_code];
    case 'theme':
      return row.themes;
    case 'sdg':
      return row.sdgs.map(String);
    case 'contribution':
      return row.contributions;
    case 'benefit':
      return row.benefits;
  }
}

/** Counts of the facets over sample rows, in the shape of a count pass. */
function countRows(rows: SampleRow[], facets: FacetName[]): CountRow[] {
  const counts = new Map<string, CountRow>([['total', { facet: 'total', value: '', n: rows.length }]]);
  for (const row of rows) {
    for (const facet of facets) {
      for (const value of valuesOf(row, facet)) {
        const key = `${facet}\u0000${value}`;
        const entry = counts.get(key) ?? { facet, value, n: 0 };
        entry.n += 1;
        counts.set(key, entry);
      }
    }
  }
  return [...counts.values()];
}

/**
 * One read serves the page by relevance and the counts of the facets without an active filter: the matches the
 * source reads, with their rank, sort key and facet values.
 */
function sampleQuery(c: Criteria, where: SQL[], source: Source, ranked: boolean): SQL {
  const columns = sql`a.id, ${ranked ? relevance(c) : sql`0`} as rank, a.name_key, a.family::text as family,
    a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits`;
  return sql`select ${columns} from ${source.from} ${whereOf(where)} limit ${source.limit}`;
}

/** For relevance, the first `namePool` matches in names (read beside the sample, in parallel). */
function namePoolQuery(c: Criteria, where: SQL[], tuning: SearchTuning): SQL {
  return sql`select a.id, ${relevance(c)} as rank, a.name_key, a.family::text as family,
    a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits
    from actors a ${whereOf([...where, nameCondition(c.text)])} limit ${tuning.namePool}`;
}

/** The directory on a large directory, with at least one criterion (search.ts). */
export async function sampledSearch(
  db: Db,
  c: Criteria,
  query: DirectoryQuery,
  scope: Scope,
  tuning: SearchTuning,
): Promise<DirectoryPage> {
  const where = conditions(c);
  const active = activeFacets(c);
  const sort = sortOf(c, query);
  const offset = (query.page - 1) * query.pageSize;
  // Relevance pages within the sample come from it; deeper pages rank a larger pool.
  const fromSample = sort === 'relevance' && offset + query.pageSize <= tuning.sample;
  const estimate = scope.estimates.base ?? (await estimateRows(db, sql`select 1 from actors a ${whereOf(where)}`));
  const source = sourceFor(estimate, scope.size, tuning);
  // Name matches as words so common that their GIN bitmap is not worth building are left to the sample.
  const withNames = fromSample && c.text?.nameIndexed === true;
  const [sampleRows, nameRows, activeResults, orderedItems] = await Promise.all([
    rowsOf<SampleRow>(db, sampleQuery(c, where, source, fromSample)),
    withNames ? rowsOf<SampleRow>(db, namePoolQuery(c, where, tuning)) : [],
    Promise.all(active.map((f) => countPass(db, { key: f, where: conditions(c, f), facets: [f] }, c, scope, tuning))),
    sort === 'relevance'
      ? fromSample
        ? null
        : pooledPage(db, c, query, offset + query.pageSize, tuning)
      : orderedPage(db, c, query),
  ]);

  const inactive = allFacets.filter((f) => !active.includes(f));
  const base = scaled(countRows(sampleRows, inactive), estimate, source, tuning);

  let items = orderedItems;
  if (items === null) {
    const seen = new Set<string>();
    const ranked = [...sampleRows, ...nameRows]
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .sort((x, y) => Number(y.rank) - Number(x.rank) || compare(x.name_key, y.name_key) || compare(x.id, y.id));
    // A block sample may hold fewer rows than this page needs while more actors match: rank a pool of first matches.
    items =
      ranked.length < offset + query.pageSize && base.total > ranked.length
        ? await pooledPage(db, c, query, offset + query.pageSize, tuning)
        : await summariesById(
            db,
            ranked.slice(offset, offset + query.pageSize).map((r) => r.id),
          );
  }
  return {
    items,
    total: base.total,
    exact: base.exact && activeResults.every((r) => r.exact),
    page: query.page,
    pageSize: query.pageSize,
    facets: facetsOf([base, ...activeResults], c, tuning),
  };
}

/** Byte order, as ties are rare and only need to be stable. */
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
