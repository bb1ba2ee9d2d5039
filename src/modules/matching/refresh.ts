// The stored suggestions: each actor's top partners, recomputed in bulk (CLI, admin route, daily in the server), and
// the news of mutual suggestions (each in the other's top list) told once to both sides who consented.
import { sql } from 'drizzle-orm';
import { uuidArray } from '../../db/arrays.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { DomainError } from '../../errors.js';
import { notifyActorMembers } from '../notifications/service.js';
import { actorProfile } from './profile.js';
import { prefetchNearestCommunes, scoreCandidates } from './score.js';
import { exclusionsFor } from './service.js';
import { tunables } from './weights.js';

export interface RefreshOptions {
  /** The actors to recompute; all by default. */
  actorIds?: string[];
  publicUrl: string;
  /** Actors computed at once (each on its own pooled connection on PostgreSQL; 4 by default, 2 cores measured). */
  concurrency?: number;
  /** Told after each actor: how many are done out of how many. */
  progress?: (done: number, total: number) => void;
}

/** Recomputes one actor's stored top suggestions in one statement: replaced wholesale, first-seen dates kept. */
async function refreshActor(db: Db, actorId: string): Promise<number> {
  // Two independent reads: on PostgreSQL each takes its own pooled connection.
  const [profile, exclude] = await Promise.all([actorProfile(db, actorId), exclusionsFor(db, actorId)]);
  const scored = await scoreCandidates(db, profile, {
    top: tunables.storedPerActor,
    exclude,
    scored: tunables.refreshScoredCandidates,
  });
  const ids = scored.map((s) => s.actorId);
  const scores = scored.map((s) => s.score);
  await db.execute(sql`
    WITH fresh AS (
      SELECT * FROM unnest(${uuidArray(ids)}, ${`{${scores.join(',')}}`}::real[]) WITH ORDINALITY AS f(candidate_id, score, rank)
    ),
    gone AS (
      DELETE FROM partner_suggestions WHERE actor_id = ${actorId} AND NOT candidate_id = ANY(${uuidArray(ids)})
    )
    INSERT INTO partner_suggestions (actor_id, candidate_id, rank, score, computed_at)
    SELECT ${actorId}, candidate_id, rank, score, now() FROM fresh
    ON CONFLICT (actor_id, candidate_id) DO UPDATE SET rank = excluded.rank, score = excluded.score,
      computed_at = excluded.computed_at`);
  return ids.length;
}

/**
 * Tells both sides of each mutual suggestion not yet announced; returns how many pairs were new. One transaction: a
 * pair is recorded as told only with its notifications.
 */
export function announceMutualSuggestions(db: Db, publicUrl: string): Promise<number> {
  return db.transaction((tx) => announceIn(tx, publicUrl));
}

async function announceIn(db: Db, publicUrl: string): Promise<number> {
  const pairs = await rowsOf<{ a: string; b: string; aName: string; bName: string }>(
    db,
    sql`INSERT INTO mutual_notices (actor_a, actor_b)
      SELECT s.actor_id, s.candidate_id FROM partner_suggestions s
      JOIN partner_suggestions r ON r.actor_id = s.candidate_id AND r.candidate_id = s.actor_id
      WHERE s.actor_id < s.candidate_id
      ON CONFLICT DO NOTHING
      RETURNING actor_a AS a, actor_b AS b,
        (SELECT name FROM actors WHERE id = actor_a) AS "aName", (SELECT name FROM actors WHERE id = actor_b) AS "bName"`,
  );
  for (const p of pairs) {
    for (const [to, other] of [
      [p.a, p.bName],
      [p.b, p.aName],
    ] as const) {
      await notifyActorMembers(
        db,
        to,
        {
          kind: 'mutualSuggestion',
          title: `Nouvelle suggestion de partenaire : ${other}`,
          body: 'Vous figurez chacun parmi les meilleurs partenaires suggérés à l’autre. Découvrez pourquoi.',
          link: '/suggestions',
        },
        publicUrl,
      );
    }
  }
  return pairs.length;
}

/**
 * An actor deleted while the refresh runs (not found, or a suggestion's foreign key gone): that actor is skipped, the
 * refresh of the others and the announcement go on.
 */
function skipDeleted(error: unknown): number {
  const gone =
    (error instanceof DomainError && error.kind === 'notFound') ||
    (error as { code?: string; cause?: { code?: string } }).code === '23503' ||
    (error as { cause?: { code?: string } }).cause?.code === '23503';
  if (gone) return 0;
  throw error;
}

export async function refreshSuggestions(db: Db, options: RefreshOptions) {
  const ids =
    options.actorIds ??
    (await rowsOf<{ id: string }>(db, sql`SELECT actor_id AS id FROM match_profiles ORDER BY actor_id`)).map(
      (r) => r.id,
    );
  // The nearest communes of every actor's commune, in one query rather than one per actor.
  const communes = await rowsOf<{ code: string }>(
    db,
    sql`SELECT DISTINCT commune_code AS code FROM actors WHERE commune_code IS NOT NULL
      ${options.actorIds ? sql`AND id = ANY(${uuidArray(ids)})` : sql``}`,
  );
  await prefetchNearestCommunes(
    db,
    communes.map((c) => c.code),
  );
  let next = 0;
  let done = 0;
  let suggestions = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      if (!id) break;
      // Awaited first: `suggestions += await …` would read the total before the wait and lose the other workers' adds.
      const stored = await refreshActor(db, id).catch(skipDeleted);
      suggestions += stored;
      done++;
      options.progress?.(done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  const newMutual = await announceMutualSuggestions(db, options.publicUrl);
  return { actors: ids.length, suggestions, newMutual };
}
