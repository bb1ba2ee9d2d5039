// The directory's filters as SQL conditions on `actors a`, each written so that an index can serve it.
import { type SQL, sql } from 'drizzle-orm';
import { actorFamilies } from '../reference/families.js';
import type { DirectoryFilters, facetNames } from './contract.js';

export type FacetName = (typeof facetNames)[number];
export const allFacets = [
  'family',
  'commune',
  'theme',
  'sdg',
  'contribution',
  'benefit',
] as const satisfies readonly FacetName[];

/** The text query once resolved by the database (actor_search_query: French, accents ignored, typos corrected). */
export interface TextQuery {
  /** The tsquery as text, '' when the query holds no searchable word (only stop words or punctuation). */
  tsquery: string;
  /**
   * False when the words are so common that a GIN bitmap of every match would cost more than filtering the rows
   * that other conditions (or a sequential scan stopped by a LIMIT) bring: the condition is then written so that
   * the planner does not use the index for it (search.ts decides, large directories only).
   */
  indexed: boolean;
  /** The same, for the words in names alone (the relevance pool's name matches). */
  nameIndexed: boolean;
}

/** Filters cleaned up: trimmed, without duplicates, unknown families and SDG numbers dropped. */
export interface Criteria {
  q: string | null;
  text: TextQuery | null;
  territory: string | null;
  /** The territory's communes once read (search.ts): the condition is then a plain list the planner can estimate. */
  territoryCommunes: string[] | null;
  family: string[];
  commune: string[];
  theme: string[];
  sdg: string[];
  contribution: string[];
  benefit: string[];
  /** A filter was given whose values are all impossible (an unknown family): nothing can match. */
  impossible: boolean;
  /**
   * Array filters (GIN-indexed) matching so many actors that their GIN bitmap costs more than filtering the rows
   * other conditions bring: written so that the planner filters them (search.ts decides, large directories only).
   */
  dense: FacetName[];
}

const clean = (values: string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

export function criteriaOf(filters: DirectoryFilters): Criteria {
  const family = clean(filters.family);
  const sdg = clean(filters.sdg);
  const knownFamily = family.filter((f) => (actorFamilies as readonly string[]).includes(f));
  const knownSdg = sdg
    .filter((s) => /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 17)
    .map((s) => `${Number(s)}`);
  return {
    q: filters.q?.trim() || null,
    text: null,
    territory: filters.territory?.trim() || null,
    territoryCommunes: null,
    family: knownFamily,
    commune: clean(filters.commune),
    theme: clean(filters.theme),
    sdg: [...new Set(knownSdg)],
    contribution: clean(filters.contribution),
    benefit: clean(filters.benefit),
    impossible: (family.length > 0 && knownFamily.length === 0) || (sdg.length > 0 && knownSdg.length === 0),
    dense: [],
  };
}

/** `array[$1::type, $2::type]`: one parameter per value, never concatenated into the SQL text. */
function arrayOf(values: string[], type: 'text' | 'smallint' | 'actor_family'): SQL {
  const cast = sql.raw(type);
  return sql`array[${sql.join(
    values.map((v) => sql`${v}::${cast}`),
    sql`, `,
  )}]::${cast}[]`;
}

/** The resolved text query as a tsquery parameter. */
export const tsQuery = (text: TextQuery) => sql`${text.tsquery}::tsquery`;

/** The full-text condition: the GIN index on search_vector (name A, description B, contributions/benefits C). */
export function textCondition(text: TextQuery | null): SQL {
  if (!text || text.tsquery === '') return sql`false`;
  const match = sql`a.search_vector @@ ${tsQuery(text)}`;
  // `(x) is true` is the same test, but not an indexable clause: the planner then filters instead of building a
  // bitmap of hundreds of thousands of matches (its row estimate of the clause is unchanged).
  return text.indexed ? match : sql`(${match}) is true`;
}

/** The words in the name alone: the GIN index on to_tsvector('fr_unaccent', name). */
export function nameCondition(text: TextQuery | null): SQL {
  if (!text || text.tsquery === '') return sql`false`;
  const match = sql`to_tsvector('fr_unaccent', a.name) @@ ${tsQuery(text)}`;
  return text.nameIndexed ? match : sql`(${match}) is true`;
}

/** The array facets, each with its GIN index; family and commune have btree indexes, which the planner costs well. */
export const arrayFacets = ['theme', 'sdg', 'contribution', 'benefit'] as const satisfies readonly FacetName[];

/** Values within a filter are OR (`= any`, `&&` on the GIN-indexed arrays); filters are AND. */
export function facetCondition(facet: FacetName, values: string[], dense = false): SQL {
  // Same trick as textCondition: `(x) is true` keeps the planner's estimate but is not an index clause.
  if (dense) return sql`(${facetCondition(facet, values)}) is true`;
  switch (facet) {
    case 'family':
      return sql`a.family = any(${arrayOf(values, 'actor_family')})`;
    case 'commune':
      return sql`a.commune_code = any(${arrayOf(values, 'text')})`;
    case 'theme':
      return sql`a.themes && ${arrayOf(values, 'text')}`;
    case 'sdg':
      return sql`a.sdgs && ${arrayOf(values, 'smallint')}`;
    case 'contribution':
      return sql`a.contributions && ${arrayOf(values, 'text')}`;
    case 'benefit':
      return sql`a.benefits && ${arrayOf(values, 'text')}`;
  }
}

export const activeFacets = (c: Criteria): FacetName[] => allFacets.filter((f) => c[f].length > 0);

/** Conditions of the criteria, leaving out one facet's own filter (for that facet's counts). */
export function conditions(c: Criteria, except: FacetName | null = null): SQL[] {
  if (c.impossible) return [sql`false`];
  const list: SQL[] = [];
  if (c.q) list.push(textCondition(c.text));
  if (c.territoryCommunes) {
    list.push(c.territoryCommunes.length ? facetCondition('commune', c.territoryCommunes) : sql`false`);
  } else if (c.territory) {
    list.push(
      sql`a.commune_code in (select tc.commune_code from territory_communes tc where tc.territory_id = ${c.territory})`,
    );
  }
  for (const facet of activeFacets(c)) {
    if (facet !== except) list.push(facetCondition(facet, c[facet], c.dense.includes(facet)));
  }
  return list;
}

export const whereOf = (list: SQL[]): SQL => (list.length ? sql`where ${sql.join(list, sql` and `)}` : sql``);
