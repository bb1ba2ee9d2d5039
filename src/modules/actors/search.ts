// The directory: French full-text and typo-tolerant search, filters, sort, pagination and facet counts, all done by
// PostgreSQL with the indexes of src/modules/actors/schema.ts. Only public fields are read or returned here.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ActorFamily } from '../reference/families.js';
import type { DirectoryFilters, DirectoryPage, DirectoryQuery } from './contract.js';
import {
  activeFacets,
  allFacets,
  type Criteria,
  conditions,
  criteriaOf,
  type FacetName,
  nameQuery,
  tsQuery,
  whereOf,
} from './criteria.js';
import type { Viewer } from './visibility.js';

type Facets = DirectoryPage['facets'];

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The first ~200 characters of a description, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  const cut = space > max / 2 ? head.slice(0, space) : flat.slice(0, max);
  return `${cut.replace(/[\s,;:.!?'’(-]+$/u, '')}…`;
}

interface SummaryRow {
  id: string;
  family: ActorFamily;
  subtype: string | null;
  name: string;
  commune_code: string | null;
  commune_name: string | null;
  description: string;
  themes: string[];
  sdgs: number[];
}

/**
 * Relevance: full-text rank (name weighs A, description B, contributions/benefits C) plus the similarity of the query
 * to the closest words of the name, so that name matches (exact or with a typo) come before description-only matches.
 * Computed for the matching rows only.
 */
function relevance(q: string): SQL {
  return sql`(ts_rank(a.search_vector, ${tsQuery(q)}) + strict_word_similarity(${nameQuery(q)}, a.name_key))`;
}

function orderOf(c: Criteria, sort: DirectoryQuery['sort']): SQL {
  const chosen = sort ?? (c.q ? 'relevance' : 'name');
  if (chosen === 'recent') return sql`a.updated_at desc, a.id desc`;
  if (chosen === 'relevance' && c.q) return sql`${relevance(c.q)} desc, a.name_key, a.id`;
  return sql`a.name_key, a.id`;
}

async function pageOf(db: Db, c: Criteria, query: DirectoryQuery) {
  const rows = await rowsOf<SummaryRow>(
    db,
    sql`select a.id, a.family, a.subtype, a.name, a.commune_code, cm.name as commune_name,
          left(a.description, 400) as description, a.themes, a.sdgs
        from actors a left join communes cm on cm.code = a.commune_code
        ${whereOf(conditions(c))}
        order by ${orderOf(c, query.sort)}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return rows.map((r) => ({
    id: r.id,
    family: r.family,
    subtype: r.subtype,
    name: r.name,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    excerpt: excerpt(r.description),
    themes: r.themes,
    sdgs: r.sdgs.map(Number),
  }));
}

/** One `(facet, value)` row per value an actor holds, for the requested facets ('total' counts the actors). */
function facetValues(facets: FacetName[], withTotal: boolean): SQL {
  const parts: SQL[] = withTotal ? [sql`select 'total' as facet, '' as value`] : [];
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

interface CountRow {
  facet: string;
  value: string;
  n: number;
}

/** Counts over the actors matching `where`, in one pass: `(facet, value) → n`. */
function countQuery(where: SQL[], facets: FacetName[], withTotal: boolean): SQL {
  return sql`select f.facet, f.value, count(*)::int as n
    from actors a cross join lateral (${facetValues(facets, withTotal)}) f
    ${whereOf(where)}
    group by f.facet, f.value`;
}

/** Counts over the whole directory, kept by triggers (actor_facet_counts): no scan of actors at all. */
function storedCountQuery(facets: FacetName[], withTotal: boolean): SQL {
  const wanted = [...facets, ...(withTotal ? ['total'] : [])];
  return sql`select facet, value, n from actor_facet_counts
    where n > 0 and facet in (${sql.join(
      wanted.map((f) => sql`${f}`),
      sql`, `,
    )})`;
}

/**
 * Standard faceted counts: each facet counted over the actors matching every OTHER criterion. The facets without an
 * active filter share one pass over the results (which also gives the total); each facet with an active filter takes
 * one more pass over the results without that filter. A pass with no criterion at all reads actor_facet_counts.
 *
 * Cost: each pass reads the matching rows (bitmap heap scan), so it grows with the size of the result; it is small for
 * words and combined filters, but a single broad filter on a very large directory (a whole family of a million
 * actors) reads a sizeable part of the table. See docs/benchmarks.md for the measured figures.
 */
async function countsOf(db: Db, c: Criteria): Promise<{ total: number; facets: Facets }> {
  const active = activeFacets(c);
  const passes: { where: SQL[]; facets: FacetName[]; withTotal: boolean }[] = [
    { where: conditions(c), facets: allFacets.filter((f) => !active.includes(f)), withTotal: true },
    ...active.map((f) => ({ where: conditions(c, f), facets: [f], withTotal: false })),
  ];
  const results = await Promise.all(
    passes.map((p) =>
      rowsOf<CountRow>(db, p.where.length ? countQuery(p.where, p.facets, p.withTotal) : storedCountQuery(p.facets, p.withTotal)),
    ),
  );
  const facets: Facets = { family: [], commune: [], theme: [], sdg: [], contribution: [], benefit: [] };
  let total = 0;
  for (const row of results.flat()) {
    if (row.facet === 'total') total = Number(row.n);
    else if ((allFacets as readonly string[]).includes(row.facet)) {
      facets[row.facet as FacetName].push({ value: row.value, count: Number(row.n) });
    }
  }
  for (const list of Object.values(facets)) {
    list.sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
  }
  return { total, facets };
}

/**
 * Searches the directory. Results only carry public fields, so every viewer gets the same answer; the viewer is kept
 * in the signature for rules to come (e.g. unpublished actors).
 */
export async function searchActors(db: Db, _viewer: Viewer, query: DirectoryQuery): Promise<DirectoryPage> {
  const c = criteriaOf(query);
  const [items, counts] = await Promise.all([pageOf(db, c, query), countsOf(db, c)]);
  return { items, total: counts.total, page: query.page, pageSize: query.pageSize, facets: counts.facets };
}

interface MapRow {
  code: string | null;
  n: number;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  actors: { id: string; name: string; family: ActorFamily }[] | null;
}

/**
 * Matching actors grouped at their commune's position, with up to 50 actors per commune (by name, through the
 * (commune_code, name_key, id) index); `unplaced` counts those without a commune or with a commune without position.
 */
export async function actorsMap(db: Db, _viewer: Viewer, filters: DirectoryFilters) {
  const c = criteriaOf(filters);
  const where = conditions(c);
  const counts = where.length
    ? sql`select a.commune_code as code, count(*)::int as n from actors a ${whereOf(where)} group by a.commune_code`
    : sql`select nullif(value, '') as code, n from actor_facet_counts
          where (facet = 'commune' or facet = 'total') and n > 0`;
  const rows = await rowsOf<MapRow>(
    db,
    sql`with counts as (${counts})
      select k.code, k.n, cm.name, cm.latitude, cm.longitude, s.actors
      from counts k
      left join communes cm on cm.code = k.code
      left join lateral (
        select json_agg(json_build_object('id', b.id, 'name', b.name, 'family', b.family) order by b.name_key, b.id)
          as actors
        from (
          select a.id, a.name, a.family, a.name_key from actors a
          ${whereOf([sql`cm.latitude is not null and cm.longitude is not null and a.commune_code = k.code`, ...where])}
          order by a.name_key, a.id limit 50
        ) b
      ) s on true`,
  );
  const points = [];
  let placed = 0;
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (r.code !== null && r.name !== null && r.latitude !== null && r.longitude !== null) {
      placed += n;
      points.push({
        communeCode: r.code,
        communeName: r.name,
        latitude: Number(r.latitude),
        longitude: Number(r.longitude),
        count: n,
        actors: r.actors ?? [],
      });
    }
    // With criteria, every row counts actors (the one without code: those without commune); without criteria, the
    // row without code is the stored number of actors.
    if (where.length) total += n;
    else if (r.code === null) total = n;
  }
  points.sort((x, y) => y.count - x.count || x.communeCode.localeCompare(y.communeCode));
  return { points, unplaced: Math.max(0, total - placed) };
}
