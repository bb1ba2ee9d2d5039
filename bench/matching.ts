// The matchmaking part of `npm run bench` (issue 4): open needs and offers seeded for the synthetic actors (INSERT …
// SELECT from generate_series, deterministic hashes, French titles and descriptions from bench/vocabulary.json), then
// the top-10 suggestions for one need timed through HTTP (signed in with an animator's API token) and at the service
// level, and the time to refresh the stored suggestions of 10 000 actors.
import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { rowsOf } from '../src/db/rows.js';
import { users } from '../src/modules/accounts/schema.js';
import { type CurrentUser, createApiToken, createUser, currentUserColumns } from '../src/modules/accounts/service.js';
import { loadSubject } from '../src/modules/matching/profile.js';
import { refreshSuggestions } from '../src/modules/matching/refresh.js';
import { type SubjectProfile, scoreCandidates } from '../src/modules/matching/score.js';
import { exclusionsFor, suggestPartners } from '../src/modules/matching/service.js';
import { tunables } from '../src/modules/matching/weights.js';
import { type Engine, prepareHelpers, type Session } from './engines.js';
import { type Stats, stats, timeCalls } from './measure.js';

interface Texts {
  titles: string[];
  sentences: string[];
}
const vocabulary = JSON.parse(fs.readFileSync(new URL('./vocabulary.json', import.meta.url), 'utf8')) as {
  domains: { weights: [number, number, number, number] }[];
  needOffer: {
    need: Record<string, Texts>;
    offer: Record<string, Texts>;
    needResources: string[];
    offerResources: string[];
    details: string[];
  };
};
const { needOffer, domains } = vocabulary;

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arrayLit = (list: string[]) => `ARRAY[${list.map(lit).join(', ')}]::text[]`;
/** A deterministic number in [0, m) for actor row `g`, salt `k` and the item's kind (`s`: 0 need, 1000 offer). */
const h = (k: number, m: number) => `((hashint8extended(g, ${k} + s) & 1073741823) % ${m})`;
/** The same hash as bench/data.ts (no kind): to find the actor's domain again. */
const hActor = (k: number, m: number) => `((hashint8extended(g, ${k}) & 1073741823) % ${m})`;

/** Shares of the actors with one open need, and with one open offer (independent draws). */
export const needShare = 10;
export const offerShare = 10;

/** Temporary tables of the seeding session: titles and sentences per kind and resource. */
export function itemHelpersSql(): string[] {
  const rows: string[] = [];
  for (const kind of ['need', 'offer'] as const) {
    for (const [resource, texts] of Object.entries(needOffer[kind])) {
      rows.push(`(${lit(kind)}, ${lit(resource)}, ${arrayLit(texts.titles)}, ${arrayLit(texts.sentences)})`);
    }
  }
  return [
    'CREATE TEMP TABLE bench_item_texts (kind text, resource text, titles text[], sentences text[], PRIMARY KEY (kind, resource))',
    `INSERT INTO bench_item_texts VALUES ${rows.join(',\n')}`,
    'ANALYZE bench_item_texts',
  ];
}

async function prepareItemHelpers(session: Session): Promise<void> {
  const [row] = await session.rows<{ present: boolean }>(
    `SELECT to_regclass('pg_temp.bench_item_texts') IS NOT NULL AS present`,
  );
  if (row?.present) return;
  for (const statement of itemHelpersSql()) await session.exec(statement);
}

/** The actor's UUID for row `g`, exactly as bench/data.ts derives it. */
const actorIdSql = `overlay(overlay(md5('alliances-bench-' || g) PLACING '4' FROM 13) PLACING
  substr('89ab', (1 + ${hActor(19, 4)})::int, 1) FROM 17)::uuid`;

/**
 * Open needs and offers of actors `from` to `to`: `needShare` % of the actors have one open need, `offerShare` %
 * one open offer, about the actor's domain (found again from the same hash as the actor's generator, so that a
 * theatre company seeks a rehearsal room for its theatre). One or two resources (weighted lists), themes (60 % the
 * actor's first, else none: the actor's apply), places (30 % the actor's commune, else none: the actor's applies),
 * modes (half none, else one or two), dates over the last year. Needs the helper tables of bench/data.ts.
 */
export function itemsInsertSql(from: number, to: number): string {
  const slots = [0, 1, 2, 3].map((grp) => domains.reduce((sum, d) => sum + (d.weights[grp] ?? 0), 0));
  const needs = needOffer.needResources;
  const offers = needOffer.offerResources;
  const resource = (k: number) =>
    `CASE WHEN s = 0 THEN (${arrayLit(needs)})[1 + ${h(k, needs.length)}] ELSE (${arrayLit(offers)})[1 + ${h(k, offers.length)}] END`;
  const modes = `ARRAY['support', 'responsiblePractices', 'economicCooperation', 'societalInnovation']`;
  return `
  INSERT INTO needs_offers (id, kind, actor_id, title, description, resources, themes, commune_codes, modes, status,
    created_at, updated_at)
  WITH base AS (
    SELECT g, k.kind, k.s FROM generate_series(${from}::bigint, ${to}::bigint) g
    CROSS JOIN (VALUES ('need', 0), ('offer', 1000)) AS k(kind, s)
    WHERE ${h(70, 100)} < CASE WHEN k.s = 0 THEN ${needShare} ELSE ${offerShare} END
  ),
  actor AS (
    SELECT b.*, a.id AS actor_id, a.family, a.themes AS a_themes, a.commune_code, c.name AS commune,
      ${resource(71)} AS r1, CASE WHEN ${h(72, 100)} < 40 THEN ${resource(73)} END AS r2,
      ${h(74, 4)} AS m1, ${h(75, 100)} AS m_roll
    FROM base b JOIN actors a ON a.id = ${actorIdSql.replaceAll('\n', ' ')}
    LEFT JOIN communes c ON c.code = a.commune_code
  ),
  dom AS (
    SELECT x.*, d.word, d.phrase FROM actor x
    JOIN bench_domain_slots ds ON (ds.grp, ds.slot) = (CASE x.family WHEN 'company' THEN 1
      WHEN 'publicAuthority' THEN 2 WHEN 'academia' THEN 3 ELSE 0 END,
      ${hActor(4, 1000)} % CASE x.family WHEN 'company' THEN ${slots[1]} WHEN 'publicAuthority' THEN ${slots[2]}
      WHEN 'academia' THEN ${slots[3]} ELSE ${slots[0]} END)
    JOIN bench_domains d ON d.idx = ds.idx
  )
  SELECT
    overlay(overlay(md5('alliances-bench-' || dom.kind || '-' || g) PLACING '4' FROM 13) PLACING
      substr('89ab', (1 + ${h(76, 4)})::int, 1) FROM 17)::uuid AS id,
    dom.kind::need_offer_kind, actor_id,
    t.titles[1 + ${h(77, 1000)} % cardinality(t.titles)] || ' — ' || lower(word) AS title,
    t.sentences[1 + ${h(78, 1000)} % cardinality(t.sentences)]
      || CASE WHEN dom.kind = 'need' THEN ' Notre projet porte sur ' ELSE ' Pour des projets autour de ' END || phrase
      || coalesce(' à ' || commune, '') || '. '
      || (${arrayLit(needOffer.details)})[1 + ${h(79, needOffer.details.length)}] AS description,
    CASE WHEN r2 IS NULL OR r2 = r1 THEN ARRAY[r1] ELSE ARRAY[r1, r2] END AS resources,
    CASE WHEN ${h(80, 100)} < 60 THEN a_themes[1:1] ELSE '{}' END AS themes,
    CASE WHEN commune_code IS NOT NULL AND ${h(81, 100)} < 30 THEN ARRAY[commune_code] ELSE '{}' END AS commune_codes,
    (CASE WHEN m_roll < 50 THEN '{}'::text[] WHEN m_roll < 85 THEN ARRAY[(${modes})[1 + m1]]
      ELSE ARRAY[(${modes})[1 + m1], (${modes})[1 + (m1 + 1) % 4]] END)::partnership_mode[] AS modes,
    'open'::need_offer_status AS status,
    timestamptz '2025-06-01 12:00:00+02' - make_interval(secs => ${h(82, 365 * 86400)}) AS created_at,
    timestamptz '2025-06-01 12:00:00+02' - make_interval(secs => ${h(82, 365 * 86400)}) AS updated_at
  FROM dom JOIN bench_item_texts t ON t.kind = dom.kind AND t.resource = dom.r1`;
}

export interface MatchingSeed {
  needs: number;
  offers: number;
  /** INSERT … SELECT of the needs and offers, statement triggers (profiles and terms of their actors) included. */
  insertMs: number;
  /** match_profiles_refresh of `sampleActors` actors, run again after the load: what the actors' trigger does. */
  profilesSampleMs: number;
  sampleActors: number;
  vacuumMs: number;
  chunk: number;
}

/** Seeds the open needs and offers of actors 1 to `actors` after the actors, in chunks of `chunk` actors. */
export async function seedMatching(
  engine: Engine,
  actors: number,
  chunk: number,
  log: (line: string) => void,
): Promise<MatchingSeed> {
  const { session } = engine;
  await prepareHelpers(session);
  await prepareItemHelpers(session);
  let insertMs = 0;
  for (let from = 1; from <= actors; from += chunk) {
    const to = Math.min(actors, from + chunk - 1);
    const start = performance.now();
    await session.exec(itemsInsertSql(from, to));
    // Fresh statistics for the next chunk's trigger: planned against an apparently empty needs_offers, its lookups of
    // an actor's open items could walk a whole index (with a partial index on open items, tried first, each chunk
    // was slower than the last: 10 s, then 70 s per 50 000 actors at a million; 4 s once analysed).
    await session.exec('ANALYZE needs_offers');
    insertMs += performance.now() - start;
    log(`  needs and offers of ${to.toLocaleString('en')} actors (${(insertMs / 1000).toFixed(1)} s)`);
  }
  // What the actors' statement trigger costs per INSERT: the same function on one chunk's worth of actors.
  const sampleActors = Math.min(actors, chunk);
  const sampleStart = performance.now();
  await session.exec(
    `SELECT match_profiles_refresh(array(SELECT actor_id FROM match_profiles ORDER BY actor_id LIMIT ${sampleActors}))`,
  );
  const profilesSampleMs = performance.now() - sampleStart;
  const vacuumStart = performance.now();
  await session.exec('VACUUM ANALYZE needs_offers, match_profiles, match_terms');
  const vacuumMs = performance.now() - vacuumStart;
  const [counts] = await session.rows<{ needs: number; offers: number }>(
    `SELECT count(*) FILTER (WHERE kind = 'need')::int AS needs, count(*) FILTER (WHERE kind = 'offer')::int AS offers
     FROM needs_offers`,
  );
  return {
    needs: Number(counts?.needs ?? 0),
    offers: Number(counts?.offers ?? 0),
    insertMs,
    profilesSampleMs,
    sampleActors,
    vacuumMs,
    chunk,
  };
}

export interface MatchingChecks {
  profiles: number;
  terms: number;
  withOffer: number;
  withNeed: number;
  openOffers: number;
  openNeeds: number;
}

/** The triggers' tables against needs_offers itself. */
export async function checkMatching(session: Session): Promise<MatchingChecks> {
  const [r] = await session.rows<Record<string, unknown>>(`SELECT
    (SELECT count(*) FROM match_profiles)::int AS profiles,
    (SELECT count(*) FROM match_terms)::int AS terms,
    (SELECT count(*) FROM match_profiles WHERE cardinality(offer_resources) > 0)::int AS with_offer,
    (SELECT count(*) FROM match_profiles WHERE cardinality(need_resources) > 0)::int AS with_need,
    (SELECT count(DISTINCT actor_id) FROM needs_offers WHERE status = 'open' AND kind = 'offer'
      AND cardinality(resources) > 0)::int AS open_offers,
    (SELECT count(DISTINCT actor_id) FROM needs_offers WHERE status = 'open' AND kind = 'need'
      AND cardinality(resources) > 0)::int AS open_needs`);
  return {
    profiles: Number(r?.profiles),
    terms: Number(r?.terms),
    withOffer: Number(r?.with_offer),
    withNeed: Number(r?.with_need),
    openOffers: Number(r?.open_offers),
    openNeeds: Number(r?.open_needs),
  };
}

const benchEmail = 'bench-animator@bench.alliances.local';

/** The animator the benchmark signs in as (created once per database), and a fresh API token of theirs. */
export async function benchAnimator(db: Db): Promise<{ user: CurrentUser; token: string }> {
  const find = () => db.select(currentUserColumns).from(users).where(eq(users.email, benchEmail));
  let [user] = await find();
  if (!user) {
    await createUser(db, { email: benchEmail, displayName: 'Bench animator', role: 'animator' });
    [user] = await find();
  }
  if (!user) throw new Error('bench animator not created');
  const { token } = await createApiToken(db, user as CurrentUser, 'npm run bench');
  return { user: user as CurrentUser, token };
}

export interface NeedCase {
  id: string;
  resources: string[];
  commune: string | null;
}

/** `n` open needs, the same every run (their ids are derived from row numbers): spread over communes and resources. */
export async function sampleNeeds(db: Db, n: number): Promise<NeedCase[]> {
  return rowsOf<NeedCase>(
    db,
    sql`SELECT n.id, n.resources, coalesce(n.commune_codes[1], a.commune_code) AS commune
      FROM needs_offers n JOIN actors a ON a.id = n.actor_id
      WHERE n.kind = 'need' AND n.status = 'open' ORDER BY n.id LIMIT ${n}`,
  );
}

export interface SuggestionTimings {
  needs: number;
  communes: number;
  resources: number;
  /** Suggestions returned per request (min and max over the needs). */
  returned: [number, number];
  http: Stats;
  service: Stats;
  query: Stats;
}

/**
 * The top 10 for one need, rotating over `needs`: through HTTP, through suggestPartners (the route's service), and
 * the scoring query alone (scoreCandidates with the subject loaded beforehand).
 */
export async function timeSuggestions(
  db: Db,
  base: string,
  auth: { user: CurrentUser; token: string },
  needs: NeedCase[],
  warmups: number,
  runs: number,
): Promise<SuggestionTimings> {
  const rotate = <T>(call: (need: NeedCase) => Promise<T>) => {
    let i = 0;
    return () => call(needs[i++ % needs.length] as NeedCase);
  };
  const headers = { authorization: `Bearer ${auth.token}` };
  const returned: number[] = [];
  const http = await timeCalls(
    rotate(async (need) => {
      const url = `${base}/api/v1/matching/suggestions?subjectKind=need&subjectId=${need.id}&top=10`;
      const response = await fetch(url, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`);
      const parsed = JSON.parse(body) as { items: unknown[] };
      returned.push(parsed.items.length);
      return parsed;
    }),
    warmups,
    runs,
  );
  const service = await timeCalls(
    rotate((need) => suggestPartners(db, auth.user, { subjectKind: 'need', subjectId: need.id, top: 10 })),
    warmups,
    runs,
  );
  const subjects: { profile: SubjectProfile; exclude: string[] }[] = [];
  for (const need of needs) {
    const subject = await loadSubject(db, auth.user, 'need', need.id);
    subjects.push({ profile: subject.profile, exclude: await exclusionsFor(db, subject.profile.actorId) });
  }
  let j = 0;
  const query = await timeCalls(
    () => {
      const s = subjects[j++ % subjects.length];
      if (!s) throw new Error('no subject');
      return scoreCandidates(db, s.profile, { top: tunables.defaultTop, exclude: s.exclude });
    },
    warmups,
    runs,
  );
  return {
    needs: needs.length,
    communes: new Set(needs.map((n) => n.commune ?? '')).size,
    resources: new Set(needs.flatMap((n) => n.resources)).size,
    returned: [Math.min(...returned), Math.max(...returned)],
    http: stats(http.samples),
    service: stats(service.samples),
    query: stats(query.samples),
  };
}

export interface RefreshTiming {
  /** « directory »: every actor of a directory of this size; « sample »: this many actors of a bigger directory. */
  scope: 'directory' | 'sample';
  directoryActors: number;
  actors: number;
  concurrency: number;
  ms: number;
  suggestions: number;
  newMutual: number;
}

/** refreshSuggestions over all actors (no `count`) or the first `count` actors by id, timed. */
export async function timeRefresh(
  db: Db,
  directoryActors: number,
  count: number | null,
  concurrency: number,
  log: (line: string) => void,
): Promise<RefreshTiming> {
  const actorIds =
    count === null
      ? undefined
      : (
          await rowsOf<{ id: string }>(
            db,
            sql`SELECT actor_id AS id FROM match_profiles ORDER BY actor_id LIMIT ${count}`,
          )
        ).map((r) => r.id);
  let last = 0;
  const start = performance.now();
  const result = await refreshSuggestions(db, {
    ...(actorIds ? { actorIds } : {}),
    publicUrl: 'http://127.0.0.1',
    concurrency,
    progress: (done, total) => {
      const now = performance.now();
      if (now - last > 10_000 || done === total) {
        last = now;
        log(
          `  refreshed ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${((now - start) / 1000).toFixed(1)} s)`,
        );
      }
    },
  });
  const ms = performance.now() - start;
  return {
    scope: count === null ? 'directory' : 'sample',
    directoryActors,
    actors: result.actors,
    concurrency,
    ms,
    suggestions: result.suggestions,
    newMutual: result.newMutual,
  };
}
