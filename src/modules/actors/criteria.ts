// The directory's filters as SQL conditions on `actors a`, each written so that an index serves it.
import { type SQL, sql } from 'drizzle-orm';
import { actorFamilies } from '../reference/families.js';
import type { DirectoryFilters, facetNames } from './contract.js';

export type FacetName = (typeof facetNames)[number];

/** Filters cleaned up: trimmed, without duplicates, unknown families and SDG numbers dropped. */
export interface Criteria {
  q: string | null;
  territory: string | null;
  family: string[];
  commune: string[];
  theme: string[];
  sdg: string[];
  contribution: string[];
  benefit: string[];
  /** A filter was given whose values are all impossible (an unknown family): nothing can match. */
  impossible: boolean;
}

const clean = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

export function criteriaOf(filters: DirectoryFilters): Criteria {
  const family = clean(filters.family ?? []);
  const sdg = clean(filters.sdg ?? []);
  const knownFamily = family.filter((f) => (actorFamilies as readonly string[]).includes(f));
  const knownSdg = sdg.filter((s) => /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 17).map((s) => `${Number(s)}`);
  return {
    q: filters.q?.trim() || null,
    territory: filters.territory?.trim() || null,
    family: knownFamily,
    commune: clean(filters.commune ?? []),
    theme: clean(filters.theme ?? []),
    sdg: [...new Set(knownSdg)],
    contribution: clean(filters.contribution ?? []),
    benefit: clean(filters.benefit ?? []),
    impossible: (family.length > 0 && knownFamily.length === 0) || (sdg.length > 0 && knownSdg.length === 0),
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

/** The full-text query (French, accents ignored, stemmed): `theatre` matches "théâtre". */
export const tsQuery = (q: string) => sql`websearch_to_tsquery('fr_unaccent', ${q})`;
/** The query as compared to name_key by trigrams. */
export const nameQuery = (q: string) => sql`immutable_unaccent(lower(${q}))`;

/**
 * Text match: the GIN tsvector index (name, description, contributions/benefits texts) or, for typos in names, the GIN
 * trigram index on name_key with `<<%` (strict word similarity — the query against the closest run of whole words of
 * the name — at least pg_trgm.strict_word_similarity_threshold, 0.5 by default), so "charly fre" finds "Charlie Free",
 * also inside a longer name, without computing a similarity over the whole table.
 */
export const textMatch = (q: string) => sql`(a.search_vector @@ ${tsQuery(q)} or ${nameQuery(q)} <<% a.name_key)`;

/** Values within a filter are OR (`= any`, `&&` on the GIN-indexed arrays); filters are AND. */
export function facetCondition(facet: FacetName, values: string[]): SQL {
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

export const allFacets = ['family', 'commune', 'theme', 'sdg', 'contribution', 'benefit'] as const satisfies readonly FacetName[];

export const activeFacets = (c: Criteria): FacetName[] => allFacets.filter((f) => c[f].length > 0);

/** Conditions of the criteria, leaving out one facet's own filter (for that facet's counts). */
export function conditions(c: Criteria, except: FacetName | null = null): SQL[] {
  if (c.impossible) return [sql`false`];
  const list: SQL[] = [];
  if (c.q) list.push(textMatch(c.q));
  if (c.territory) {
    list.push(
      sql`a.commune_code in (select tc.commune_code from territory_communes tc where tc.territory_id = ${c.territory})`,
    );
  }
  for (const facet of activeFacets(c)) if (facet !== except) list.push(facetCondition(facet, c[facet]));
  return list;
}

export const whereOf = (list: SQL[]): SQL => (list.length ? sql`where ${sql.join(list, sql` and `)}` : sql``);
