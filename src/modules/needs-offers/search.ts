// Searching needs and offers: French full text (accents ignored) on the generated search_vector, filters as array
// overlaps (GIN indexes of schema.ts), sort, pagination and counts per filter value, all done by PostgreSQL.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { excerpt } from '../actors/page.js';
import { partnershipModes } from '../partnerships/vocabulary.js';
import {
  activeNeedOfferStatuses,
  type NeedOfferFacet,
  type NeedOfferFilters,
  type NeedOfferPage,
  type NeedOfferQuery,
  type NeedOfferSort,
  type NeedOfferSummary,
  needOfferFacetNames,
} from './contract.js';
import { needOfferKinds, needOfferStatuses, resourceTypes } from './vocabulary.js';

/** The filters cleaned up: trimmed, without duplicates, values outside the vocabularies dropped. */
interface Criteria {
  q: string | null;
  territory: string | null;
  actor: string | null;
  kind: string[];
  resource: string[];
  status: string[];
  theme: string[];
  commune: string[];
  mode: string[];
  /** A filter was given whose values are all unknown: nothing can match. */
  impossible: boolean;
}

const clean = (values: string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

function criteriaOf(filters: NeedOfferFilters): Criteria {
  let impossible = false;
  const known = (values: string[], vocabulary: readonly string[]) => {
    const given = clean(values);
    const kept = given.filter((v) => vocabulary.includes(v));
    if (given.length > 0 && kept.length === 0) impossible = true;
    return kept;
  };
  const status = known(filters.status, needOfferStatuses);
  return {
    q: filters.q?.trim() || null,
    territory: filters.territory?.trim() || null,
    actor: filters.actor ?? null,
    kind: known(filters.kind, needOfferKinds),
    resource: known(filters.resource, resourceTypes),
    // Asked for none: the open ones and those in discussion, unless every status is asked for.
    status:
      status.length === 0 && filters.status.length === 0 && !filters.allStatuses
        ? [...activeNeedOfferStatuses]
        : status,
    theme: clean(filters.theme),
    commune: clean(filters.commune),
    mode: known(filters.mode, partnershipModes),
    impossible,
  };
}

/** `array[$1, $2]::text[]`: one parameter per value, never concatenated into the SQL text. */
const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const tsQuery = (q: string) => sql`websearch_to_tsquery('fr_unaccent', ${q})`;

/** Values within a filter are OR; filters are AND. */
function facetCondition(facet: NeedOfferFacet, values: string[]): SQL {
  switch (facet) {
    case 'kind':
      return sql`n.kind::text = any(${textArray(values)})`;
    case 'status':
      return sql`n.status::text = any(${textArray(values)})`;
    case 'resource':
      return sql`n.resources && ${textArray(values)}`;
    case 'theme':
      return sql`n.themes && ${textArray(values)}`;
    case 'commune':
      return sql`n.commune_codes && ${textArray(values)}`;
    case 'mode':
      return sql`n.modes && ${textArray(values)}::partnership_mode[]`;
  }
}

/** Conditions of the criteria, leaving out one facet's own filter (for that facet's counts). */
function conditions(c: Criteria, except: NeedOfferFacet | null = null): SQL[] {
  if (c.impossible) return [sql`false`];
  const list: SQL[] = [];
  // A query of stop words only ("de la") has no lexeme: it then filters nothing rather than everything.
  if (c.q) list.push(sql`(numnode(${tsQuery(c.q)}) = 0 or n.search_vector @@ ${tsQuery(c.q)})`);
  if (c.actor) list.push(sql`n.actor_id = ${c.actor}`);
  if (c.territory) {
    list.push(sql`n.commune_codes && coalesce((select array_agg(tc.commune_code) from territory_communes tc
      where tc.territory_id = ${c.territory}), '{}'::text[])`);
  }
  for (const facet of needOfferFacetNames) {
    if (facet !== except && c[facet].length > 0) list.push(facetCondition(facet, c[facet]));
  }
  return list;
}

const whereOf = (list: SQL[]): SQL => (list.length ? sql`where ${sql.join(list, sql` and `)}` : sql``);

/** Relevance when there are words to rank by, else the most recent first; the one asked for otherwise. */
function sortOf(c: Criteria, sort: NeedOfferSort | undefined): NeedOfferSort {
  if (sort === 'relevance' || sort === undefined) return c.q ? 'relevance' : 'recent';
  return sort;
}

const orderBy = (c: Criteria, sort: NeedOfferSort): SQL => {
  switch (sort) {
    case 'relevance':
      return c.q
        ? sql`ts_rank(n.search_vector, ${tsQuery(c.q)}) desc, n.created_at desc, n.id desc`
        : sql`n.created_at desc, n.id desc`;
    case 'deadline':
      return sql`n.deadline asc nulls last, n.created_at desc, n.id desc`;
    case 'recent':
      return sql`n.created_at desc, n.id desc`;
  }
};

/** The columns of a summary, from `needs_offers n` joined to `actors a` and its commune `ac`. */
export const summaryColumns = sql`n.id, n.kind::text as kind, n.title, left(n.description, 400) as description,
  n.resources, n.themes, n.commune_codes, n.modes::text[] as modes, n.deadline::text as deadline,
  n.status::text as status, n.created_at, a.id as actor_id, a.name as actor_name, a.family::text as actor_family,
  ac.name as actor_commune_name,
  coalesce((select json_agg(json_build_object('code', c.code, 'name', c.name) order by c.name)
    from communes c where c.code = any(n.commune_codes)), '[]'::json) as communes`;

export const summaryFrom = sql`needs_offers n join actors a on a.id = n.actor_id
  left join communes ac on ac.code = a.commune_code`;

export interface SummaryRow {
  id: string;
  kind: NeedOfferSummary['kind'];
  title: string;
  description: string;
  resources: NeedOfferSummary['resources'];
  themes: string[];
  commune_codes: string[];
  modes: NeedOfferSummary['modes'];
  deadline: string | null;
  status: NeedOfferSummary['status'];
  created_at: Date | string;
  actor_id: string;
  actor_name: string;
  actor_family: NeedOfferSummary['actor']['family'];
  actor_commune_name: string | null;
  communes: { code: string; name: string }[] | string;
}

export const toIso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function summaryOf(r: SummaryRow): NeedOfferSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    excerpt: excerpt(r.description),
    resources: r.resources,
    themes: r.themes,
    communes: typeof r.communes === 'string' ? JSON.parse(r.communes) : r.communes,
    modes: r.modes,
    deadline: r.deadline,
    status: r.status,
    actor: { id: r.actor_id, name: r.actor_name, family: r.actor_family, communeName: r.actor_commune_name },
    createdAt: toIso(r.created_at),
  };
}

/** Counts per value of a facet, with every other filter applied. */
function facetCounts(db: Db, c: Criteria, facet: NeedOfferFacet) {
  const where = whereOf(conditions(c, facet));
  const value: Record<NeedOfferFacet, SQL> = {
    kind: sql`n.kind::text`,
    status: sql`n.status::text`,
    resource: sql`unnest(n.resources)`,
    theme: sql`unnest(n.themes)`,
    commune: sql`unnest(n.commune_codes)`,
    mode: sql`unnest(n.modes)::text`,
  };
  return rowsOf<{ value: string; count: number | string }>(
    db,
    sql`select v.value, count(*)::int as count from (select ${value[facet]} as value from needs_offers n ${where}) v
      group by v.value order by count(*) desc, v.value`,
  );
}

/** Searches needs and offers: every viewer gets the same answer (nothing here is personal or restricted). */
export async function searchNeedOffers(db: Db, query: NeedOfferQuery): Promise<NeedOfferPage> {
  const c = criteriaOf(query);
  const where = whereOf(conditions(c));
  const sort = sortOf(c, query.sort);
  const [items, totals, ...counts] = await Promise.all([
    rowsOf<SummaryRow>(
      db,
      sql`select ${summaryColumns} from ${summaryFrom} ${where} order by ${orderBy(c, sort)}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    rowsOf<{ total: number | string }>(db, sql`select count(*)::int as total from needs_offers n ${where}`),
    ...needOfferFacetNames.map((f) => facetCounts(db, c, f)),
  ]);
  const facets = Object.fromEntries(
    needOfferFacetNames.map((f, i) => [f, (counts[i] ?? []).map((r) => ({ value: r.value, count: Number(r.count) }))]),
  ) as NeedOfferPage['facets'];
  const communeCodes = facets.commune.map((f) => f.value);
  if (communeCodes.length) {
    const names = await rowsOf<{ code: string; name: string }>(
      db,
      sql`select code, name from communes where code = any(${textArray(communeCodes)})`,
    );
    const byCode = new Map(names.map((n) => [n.code, n.name]));
    facets.commune = facets.commune.map((f) => ({ ...f, label: byCode.get(f.value) ?? f.value }));
  }
  return {
    items: items.map(summaryOf),
    total: Number(totals[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    facets,
  };
}

/** The latest open needs and offers, newest first (the home page feed). */
export async function latestNeedOffers(db: Db, limit: number): Promise<NeedOfferSummary[]> {
  const rows = await rowsOf<SummaryRow>(
    db,
    sql`select ${summaryColumns} from ${summaryFrom} where n.status = 'open'
      order by n.created_at desc, n.id desc limit ${limit}`,
  );
  return rows.map(summaryOf);
}
