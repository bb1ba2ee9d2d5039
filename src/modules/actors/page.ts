// The page of results: sort, pagination, summaries.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { ActorFamily } from '../reference/families.js';
import type { ActorSummary, DirectoryQuery } from './contract.js';
import { type Criteria, conditions, nameCondition, tsQuery, whereOf } from './criteria.js';
import type { SearchTuning } from './facets.js';

/** The first ~200 characters of a description, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  const cut = space > max / 2 ? head.slice(0, space) : flat.slice(0, max);
  return `${cut.replace(/[\s,;:.!?'’(-]+$/u, '')}…`;
}

export type Sort = 'relevance' | 'name' | 'recent';

/** Relevance when there are words to rank by, else name; the one asked for otherwise. */
export function sortOf(c: Criteria, query: Pick<DirectoryQuery, 'sort'>): Sort {
  const ranked = c.text !== null && c.text.tsquery !== '';
  if (query.sort === 'relevance' || query.sort === undefined) return ranked ? 'relevance' : 'name';
  return query.sort;
}

/**
 * Relevance: full-text rank (name weighs A, description B, contributions/benefits C) plus the similarity of the query
 * to the closest words of the name (trigrams of name_key), so that name matches, exact or with a typo, come before
 * description matches. Computed for the matching rows only.
 */
export function relevance(c: Criteria): SQL {
  if (!c.text || !c.q || c.text.tsquery === '') return sql`0`;
  return sql`(ts_rank(a.search_vector, ${tsQuery(c.text)})
    + strict_word_similarity(immutable_unaccent(lower(${c.q})), a.name_key))`;
}

const orderBy: Record<Sort, (c: Criteria) => SQL> = {
  relevance: (c) => sql`${relevance(c)} desc, a.name_key, a.id`,
  name: () => sql`a.name_key, a.id`,
  recent: () => sql`a.updated_at desc, a.id desc`,
};

/** The list's order for these criteria (shared by the page and the export). */
export const directoryOrder = (c: Criteria, query: Pick<DirectoryQuery, 'sort'>): SQL => orderBy[sortOf(c, query)](c);

const summaryColumns = sql`a.id, a.family, a.subtype, a.name, a.commune_code, cm.name as commune_name,
  left(a.description, 400) as description, a.themes, a.sdgs`;

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

const summaryOf = (r: SummaryRow): ActorSummary => ({
  id: r.id,
  family: r.family,
  subtype: r.subtype,
  name: r.name,
  communeCode: r.commune_code,
  communeName: r.commune_name,
  excerpt: excerpt(r.description),
  themes: r.themes,
  sdgs: r.sdgs.map(Number),
});

/**
 * The page in the requested order over every match: the btree indexes (name_key, id), (commune_code, name_key, id)
 * and (updated_at, id) are walked in order and stopped by the LIMIT, or the planner takes a bitmap and a sort when
 * the filters are selective. Sorting by relevance this way ranks every match: used up to `exactUpTo` actors.
 */
export async function orderedPage(db: Db, c: Criteria, query: DirectoryQuery): Promise<ActorSummary[]> {
  const rows = await rowsOf<SummaryRow>(
    db,
    sql`select ${summaryColumns} from actors a left join communes cm on cm.code = a.commune_code
      ${whereOf(conditions(c))} order by ${directoryOrder(c, query)}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return rows.map(summaryOf);
}

/**
 * The page by relevance on a large directory: the first `size` matches plus the first `namePool` matches in names
 * (GIN index on the name alone, so that name matches come first even when the words are common), ranked; the rank
 * is computed where the rows are read and only the page's rows are read again.
 */
export async function pooledPage(
  db: Db,
  c: Criteria,
  query: DirectoryQuery,
  size: number,
  tuning: SearchTuning,
): Promise<ActorSummary[]> {
  const where = conditions(c);
  const ranked = (conds: SQL[], limit: number) =>
    sql`(select a.id, ${relevance(c)} as rank, a.name_key from actors a ${whereOf(conds)} limit ${limit})`;
  const pool = c.text?.nameIndexed
    ? sql`${ranked([...where, nameCondition(c.text)], tuning.namePool)} union ${ranked(where, size)}`
    : ranked(where, size);
  const rows = await rowsOf<SummaryRow>(
    db,
    sql`with pool as (${pool}), top as (
        select * from pool order by rank desc, name_key, id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
      )
      select ${summaryColumns} from top join actors a on a.id = top.id left join communes cm on cm.code = a.commune_code
      order by top.rank desc, top.name_key, top.id`,
  );
  return rows.map(summaryOf);
}

/** Summaries of the given actors, in the given order. */
export async function summariesById(db: Db, ids: string[]): Promise<ActorSummary[]> {
  if (ids.length === 0) return [];
  const rows = await rowsOf<SummaryRow>(
    db,
    sql`select ${summaryColumns} from actors a left join communes cm on cm.code = a.commune_code
      where a.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  const byId = new Map(rows.map((r) => [r.id, summaryOf(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
