// The partner recommender's query: retrieval of a bounded pool of candidates from the terms' inverted index, then
// the full score of each, both in PostgreSQL. The components are SQL functions of migration 0006; the weights and
// tunables come from weights.ts.
import { type SQL, sql } from 'drizzle-orm';
import { floatArray, smallintArray, textArray, uuidArray } from '../../db/arrays.js';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { ActorFamily } from '../reference/families.js';
import {
  componentWeights,
  familyExpectations,
  resourcesOfBenefit,
  resourcesOfContribution,
  tunables,
} from './weights.js';

/** What a suggestion is computed for, as the recommender sees it. */
export interface SubjectProfile {
  /** The actor the suggestions are for: never suggested to itself. */
  actorId: string;
  family: ActorFamily;
  /** Resources sought, and the words that say what is sought. */
  wanted: string[];
  wantText: string;
  /** Resources offered, and the words that say what is offered (the reverse direction). */
  offered: string[];
  offerText: string;
  /** Everything it can give, offered or implied by its contributions: a peer must bring something else. */
  gives: string[];
  themes: string[];
  sdgs: number[];
  modes: string[];
  /** Places: the communes of the need, offer or project, else the actor's. */
  communeCodes: string[];
  /** Share of the complementarity that is « the other gives what I seek » (the rest: « I give what it seeks »). */
  forwardShare: number;
}

/** One scored candidate with the details its reasons are written from. */
export interface ScoredCandidate {
  actorId: string;
  score: number;
  complementarity: number;
  affinity: number;
  territory: number;
  fit: number;
  freshness: number;
  family: ActorFamily;
  /** Sought resources it offers (open offers), or implies by its contributions. */
  givesOffered: string[];
  givesImplied: string[];
  /** Offered resources it seeks (open needs), or implies by its benefits. */
  seeksDeclared: string[];
  seeksImplied: string[];
  sharedWords: string[];
  sharedThemes: string[];
  sharedSdgs: number[];
  sharedModes: string[];
  km: number | null;
  sameCommune: boolean;
  sameTerritory: boolean;
  familyExpected: boolean;
  openItems: number;
  freshAt: string;
}

/** Inverts a resource mapping: the items (contributions or benefits) that imply one of these resources. */
function itemsImplying(map: Record<string, string[]>, resources: string[]): string[] {
  return Object.entries(map)
    .filter(([, implied]) => implied.some((r) => resources.includes(r)))
    .map(([item]) => item);
}

/** The terms probed for a subject, each with its pre-score weight: a declared offer or need weighs most. */
export function probeTerms(subject: SubjectProfile): { term: string; weight: number }[] {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, Math.max(weight, terms.get(term) ?? 0));
  const forward = subject.forwardShare > 0;
  const reverse = subject.forwardShare < 1;
  if (forward) {
    for (const r of subject.wanted) add(`offer:${r}`, 3);
    for (const c of itemsImplying(resourcesOfContribution, subject.wanted)) add(`contrib:${c}`, 1);
  }
  if (reverse) {
    for (const r of subject.offered) add(`need:${r}`, 3);
    for (const b of itemsImplying(resourcesOfBenefit, subject.offered)) add(`benefit:${b}`, 1);
  }
  for (const t of subject.themes) add(`theme:${t}`, 1);
  return [...terms].map(([term, weight]) => ({ term, weight }));
}

export interface ScoreOptions {
  /** Length of the list. */
  top: number;
  /** Actors never to return (dismissed pairs, existing partners), besides the subject itself. */
  exclude: string[];
  /** When the score is computed (freshness); now by default. */
  at?: Date;
  /** Candidates kept for the full score (tunables.scoredCandidates by default). */
  scored?: number;
  /**
   * Score exactly these actors instead of retrieving a pool from the index (a speed dating scores the pairs of its
   * participants, whether the index would have retrieved them or not).
   */
  only?: string[];
}

const json = (value: unknown): SQL => sql`${JSON.stringify(value)}::jsonb`;

/** Nearest communes per database handle and set of places (see nearestCommunes). */
const nearCache = new WeakMap<Handle, Map<string, string[]>>();
const nearCacheSize = 10_000;

/**
 * nearestCommunes for many single places at once (the refresh: one place per actor), in one query: the same box,
 * distance and order as below, per place.
 */
export async function prefetchNearestCommunes(db: Handle, codes: string[]): Promise<void> {
  let cache = nearCache.get(db);
  if (!cache) {
    cache = new Map();
    nearCache.set(db, cache);
  }
  const known = cache;
  const missing = [...new Set(codes)].filter((c) => !known.has(c)).slice(0, nearCacheSize - known.size);
  if (missing.length === 0) return;
  const rows = await rowsOf<{ origin: string; near: string[] }>(
    db,
    sql`WITH places AS (
      SELECT c.code, c.latitude AS lat, c.longitude AS lon FROM communes c
      WHERE c.code = ANY(${textArray(missing)}) AND c.latitude IS NOT NULL
    ),
    ranked AS (
      SELECT p.code AS origin, c.code, row_number() OVER (PARTITION BY p.code
        ORDER BY match_km(p.lat, p.lon, c.latitude, c.longitude), c.code) AS n
      FROM places p JOIN communes c ON c.latitude BETWEEN p.lat - 1 AND p.lat + 1
        AND c.longitude BETWEEN p.lon - 1.4 AND p.lon + 1.4
    )
    SELECT origin, array_agg(code ORDER BY n) AS near FROM ranked WHERE n <= ${tunables.nearestCommunes}
    GROUP BY origin`,
  );
  for (const r of rows) known.set(r.origin, r.near);
}

/**
 * The communes nearest to some places (the places themselves included), closest first. Communes are reference data:
 * the answer is kept per database handle and set of places, which spares every scoring query a scan of the 35 000
 * communes.
 */
export async function nearestCommunes(db: Handle, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const key = [...new Set(codes)].sort().join(',');
  let cache = nearCache.get(db);
  if (!cache) {
    cache = new Map();
    nearCache.set(db, cache);
  }
  const known = cache.get(key);
  if (known) return known;
  const rows = await rowsOf<{ code: string }>(
    db,
    sql`WITH places AS (
      SELECT c.code, c.latitude AS lat, c.longitude AS lon FROM communes c
      WHERE c.code = ANY(${textArray(codes)}) AND c.latitude IS NOT NULL
    )
    SELECT c.code FROM communes c, places p
    WHERE c.latitude BETWEEN p.lat - 1 AND p.lat + 1 AND c.longitude BETWEEN p.lon - 1.4 AND p.lon + 1.4
    GROUP BY c.code ORDER BY min(match_km(p.lat, p.lon, c.latitude, c.longitude)), c.code
    LIMIT ${tunables.nearestCommunes}`,
  );
  const near = rows.map((r) => r.code);
  // Not kept when empty: the communes may not be loaded yet (a database being set up).
  if (near.length > 0) {
    if (cache.size >= nearCacheSize) cache.clear();
    cache.set(key, near);
  }
  return near;
}

/**
 * The top candidates for a subject, best first. Retrieval: for each probed term, the freshest few actors holding it in
 * each of the subject's nearest communes and overall, plus the open offers (or needs) whose text shares the subject's
 * words; the pool is cut by a pre-score (sum of the hit terms' weights), then every kept candidate gets the full score.
 */
export async function scoreCandidates(
  db: Handle,
  subject: SubjectProfile,
  options: ScoreOptions,
): Promise<ScoredCandidate[]> {
  const probes = probeTerms(subject);
  const w = componentWeights;
  const t = tunables;
  const forward = subject.forwardShare;
  const textKinds = [...(forward > 0 ? ['offer'] : []), ...(forward < 1 ? ['need'] : [])];
  const subjectGives = subject.gives;
  const at = (options.at ?? new Date()).toISOString();
  const near = await nearestCommunes(db, subject.communeCodes);
  // The subject's significant words first, so that the text query reaches the scoring query as a value: the planner
  // then sees how many items hold its words and walks the latest open items (needs_offers_updated_idx) when
  // they are many, rather than fetching all of them through the text index to sort them by date.
  const [words = { want: [], give: [] }] = await rowsOf<{ want: string[]; give: string[] }>(
    db,
    sql`
    WITH common AS (
      -- Words too common to say anything (« aix », « association »): held by more than a share of the actors.
      SELECT greatest(${t.commonWordMin}::real, ${t.commonWordShare}::real * coalesce(
        (SELECT n FROM actor_facet_counts WHERE facet = 'total' AND value = ''), 0)) AS above
    ),
    subj AS (
      SELECT array(SELECT l FROM unnest(tsvector_to_array(to_tsvector('fr_unaccent', ${subject.wantText}))) l
          WHERE length(l) >= 3 AND NOT EXISTS (SELECT 1 FROM actor_lexemes x, common WHERE x.lexeme = l AND x.n > common.above))
          AS want,
        array(SELECT l FROM unnest(tsvector_to_array(to_tsvector('fr_unaccent', ${subject.offerText}))) l
          WHERE length(l) >= 3 AND NOT EXISTS (SELECT 1 FROM actor_lexemes x, common WHERE x.lexeme = l AND x.n > common.above))
          AS give
    )
    SELECT want, give FROM subj`,
  );
  const queried = [...(forward > 0 ? words.want : []), ...(forward < 1 ? words.give : [])];
  // quote_lexeme's quoting (migration 0003), joined with « | » as string_agg did.
  const textQuery = queried.length
    ? queried.map((l) => `'${l.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`).join(' | ')
    : null;
  // A direction whose share is 0 (a need looks only forward, an offer only back) adds 0: it is not computed. The
  // resources the candidate implies seeking only matter against resources the subject offers.
  const forwardPart =
    forward > 0
      ? sql`${forward}::real * (${t.taxonomyShare}::real * match_coverage(${textArray(subject.wanted)}, f.offer_resources,
            f.implied_gives, ${t.impliedResourceCredit}::real, ${t.resourcesForFull})
          + (1 - ${t.taxonomyShare}::real) * match_words(f.s_want, f.give_words, ${t.wordsForFullText}))`
      : sql`0::real`;
  const reversePart =
    forward < 1
      ? sql`(1 - ${forward}::real) * (${t.taxonomyShare}::real * match_coverage(${textArray(subject.offered)},
            f.need_resources, f.implied_seeks, ${t.impliedResourceCredit}::real, ${t.resourcesForFull})
          + (1 - ${t.taxonomyShare}::real) * match_words(f.s_give, f.ask_words, ${t.wordsForFullText}))`
      : sql`0::real`;
  const impliedSeeks =
    subject.offered.length > 0 ? sql`match_implied(p.benefits, ${json(resourcesOfBenefit)})` : sql`'{}'::text[]`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`
    WITH subj AS (
      SELECT ${textArray(words.want)} AS want_words, ${textArray(words.give)} AS give_words
    ),
    places AS (
      SELECT c.code, c.latitude AS lat, c.longitude AS lon FROM communes c
      WHERE c.code = ANY(${textArray(subject.communeCodes)}) AND c.latitude IS NOT NULL
    ),
    near AS (
      SELECT unnest(${textArray(near)}) AS code
    ),
    probes AS (
      SELECT * FROM unnest(${textArray(probes.map((p) => p.term))}, ${floatArray(probes.map((p) => p.weight))})
        AS p(term, weight)
    ),
    text_query AS (
      SELECT ${textQuery}::tsquery AS q
    ),
    hits AS (
      SELECT h.actor_id, p.term, p.weight, true AS local FROM probes p CROSS JOIN near n CROSS JOIN LATERAL (
        SELECT mt.actor_id FROM match_terms mt WHERE mt.term = p.term AND mt.commune_code = n.code
        ORDER BY mt.fresh_at DESC NULLS LAST LIMIT ${t.hitsPerTermAndCommune}) h
      UNION ALL
      SELECT h.actor_id, p.term, p.weight, false FROM probes p CROSS JOIN LATERAL (
        SELECT mt.actor_id FROM match_terms mt WHERE mt.term = p.term
        ORDER BY mt.fresh_at DESC NULLS LAST LIMIT ${t.hitsPerTerm}) h
      UNION ALL
      SELECT x.actor_id, 'text', 2, false FROM (
        SELECT n.actor_id FROM needs_offers n, text_query tq
        WHERE n.status = 'open' AND n.kind::text = ANY(${textArray(textKinds)}) AND n.search_vector @@ tq.q
        ORDER BY n.updated_at DESC LIMIT ${t.textHits}) x
    ),
    per_term AS (
      SELECT actor_id, term, max(weight) AS weight, bool_or(local) AS local FROM hits GROUP BY actor_id, term
    ),
    pool AS (${
      options.only
        ? sql`
      SELECT actor_id FROM unnest(${uuidArray(options.only)}) AS o(actor_id)
      WHERE actor_id <> ${subject.actorId} AND NOT actor_id = ANY(${uuidArray(options.exclude)})`
        : sql`
      SELECT actor_id, sum(weight) + CASE WHEN bool_or(local) THEN 1 ELSE 0 END AS pre FROM per_term
      WHERE actor_id <> ${subject.actorId} AND NOT actor_id = ANY(${uuidArray(options.exclude)})
      GROUP BY actor_id ORDER BY pre DESC, actor_id LIMIT ${options.scored ?? t.scoredCandidates}`
    }
    ),
    features AS (
      SELECT p.*, subj.want_words AS s_want, subj.give_words AS s_give,
        match_implied(p.contributions, ${json(resourcesOfContribution)}) AS implied_gives,
        ${impliedSeeks} AS implied_seeks,
        (SELECT min(match_km(pl.lat, pl.lon, p.latitude, p.longitude)) FROM places pl) AS km,
        coalesce(p.commune_code = ANY(${textArray(subject.communeCodes)}), false) AS same_commune,
        EXISTS (SELECT 1 FROM territory_communes a JOIN territory_communes b ON a.territory_id = b.territory_id
          WHERE a.commune_code = ANY(${textArray(subject.communeCodes)}) AND b.commune_code = p.commune_code)
          AS same_territory
      FROM pool JOIN match_profiles p ON p.actor_id = pool.actor_id, subj
    ),
    components AS (
      SELECT f.*,
        ${forwardPart} + ${reversePart} AS complementarity,
        match_affinity(${textArray(subject.themes)}, f.themes, ${smallintArray(subject.sdgs)}, f.sdgs,
          ${t.themeShare}::real) AS affinity,
        match_territory(f.same_commune, f.same_territory, f.km, ${t.sameTerritory}::real, ${t.radiusKm}::real)
          AS territory,
        ${t.modeShare}::real * match_modes(${textArray(subject.modes)}, f.modes)
          + (1 - ${t.modeShare}::real) * match_family_fit(${subject.family}::actor_family, f.family,
            ${textArray(subjectGives)}, f.offer_resources || f.implied_gives, f.contributions,
            ${json(familyExpectations)}) AS fit,
        match_freshness(f.fresh_at, f.open_items, ${at}::timestamptz, ${t.halfLifeDays}::real, ${t.openItemsForFull})
          AS freshness
      FROM features f
    )
    SELECT c.actor_id AS "actorId", c.family,
      (${w.complementarity} * c.complementarity + ${w.affinity} * c.affinity + ${w.territory} * c.territory
        + ${w.fit} * c.fit + ${w.freshness} * c.freshness)::real AS score,
      c.complementarity::real AS complementarity, c.affinity, c.territory, c.fit::real AS fit, c.freshness,
      match_shared(${textArray(subject.wanted)}, c.offer_resources) AS "givesOffered",
      match_shared(${textArray(subject.wanted)}, c.implied_gives) AS "givesImplied",
      match_shared(${textArray(subject.offered)}, c.need_resources) AS "seeksDeclared",
      match_shared(${textArray(subject.offered)}, c.implied_seeks) AS "seeksImplied",
      match_shared(
        CASE WHEN ${forward > 0}::boolean THEN c.s_want ELSE '{}' END, c.give_words)
        || match_shared(CASE WHEN ${forward < 1}::boolean THEN c.s_give ELSE '{}' END, c.ask_words) AS "sharedWords",
      match_shared(${textArray(subject.themes)}, c.themes) AS "sharedThemes",
      match_shared(${textArray(subject.sdgs.map(String))}, c.sdgs::text[]) AS "sharedSdgs",
      match_shared(${textArray(subject.modes)}, c.modes) AS "sharedModes",
      c.km, c.same_commune AS "sameCommune", c.same_territory AS "sameTerritory",
      match_family_fit(${subject.family}::actor_family, c.family, ${textArray(subjectGives)},
        c.offer_resources || c.implied_gives, c.contributions, ${json(familyExpectations)}) >= 1 AS "familyExpected",
      c.open_items AS "openItems", to_char(c.fresh_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "freshAt"
    FROM components c
    ORDER BY score DESC, c.actor_id
    LIMIT ${options.top}`,
  );
  return rows.map((r) => ({
    ...(r as unknown as ScoredCandidate),
    score: Number(r.score),
    complementarity: Number(r.complementarity),
    affinity: Number(r.affinity),
    territory: Number(r.territory),
    fit: Number(r.fit),
    freshness: Number(r.freshness),
    km: r.km === null ? null : Number(r.km),
    sharedSdgs: (r.sharedSdgs as string[]).map(Number),
    openItems: Number(r.openItems),
    freshAt: String(r.freshAt),
  }));
}
