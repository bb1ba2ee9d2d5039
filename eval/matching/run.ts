// What both labelled sets share: a fresh embedded database, and one query run through the recommender as an animator
// would ask it (loadSubject, the exclusions, scoreCandidates), checked against suggestPartners' own top 10.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { uuidArray } from '../../src/db/arrays.js';
import { type Database, migrate, openPglite } from '../../src/db/client.js';
import { rowsOf } from '../../src/db/rows.js';
import type { CurrentUser } from '../../src/modules/accounts/service.js';
import { createUser } from '../../src/modules/accounts/service.js';
import { loadSubject } from '../../src/modules/matching/profile.js';
import { type ScoredCandidate, scoreCandidates } from '../../src/modules/matching/score.js';
import { exclusionsFor, suggestPartners } from '../../src/modules/matching/service.js';
import type { SubjectKind } from '../../src/modules/matching/vocabulary.js';
import { tunables } from '../../src/modules/matching/weights.js';
import { loadReferenceData } from '../../src/modules/reference/load.js';
import { type QueryScores, scoreQuery } from './metrics.js';

/** A migrated PGlite directory with the reference data, copied for each set (migrating takes most of the time). */
export async function makeTemplate(): Promise<{ root: string; fresh: (name: string) => Promise<Database> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-eval-'));
  const template = path.join(root, 'template');
  const database = await openPglite(template);
  await migrate(database);
  await loadReferenceData(database.db);
  await database.close();
  return {
    root,
    fresh: async (name) => {
      const dir = path.join(root, name);
      fs.cpSync(template, dir, { recursive: true });
      return openPglite(dir);
    },
  };
}

/** The animator on whose behalf the harness writes and asks (staff may ask for any subject). */
export async function evalUser(database: Database): Promise<CurrentUser> {
  const account = {
    email: 'eval@eval.alliances.local',
    displayName: 'Évaluation',
    role: 'animator',
    locale: 'fr',
  } as const;
  const id = await createUser(database.db, account);
  return { id, ...account, actorId: null };
}

export interface EvalQuery {
  id: string;
  kind: SubjectKind;
  subjectId: string;
  /** Relevant actor id → its name. */
  relevant: Map<string, string>;
}

export interface Ranked {
  id: string;
  name: string;
  candidate: ScoredCandidate;
}

export interface QueryResult {
  query: EvalQuery;
  scores: QueryScores;
  /** The whole scored pool, best first (its first 10 are what suggestPartners shows). */
  pool: Ranked[];
  /** Each relevant actor with its rank in the pool (1-based), or null when retrieval did not bring it in. */
  relevantRanks: { id: string; name: string; rank: number | null; candidate: ScoredCandidate | null }[];
  /** suggestPartners' top 10 differs from the pool's first 10 (it should never). */
  mismatch: boolean;
}

export async function runQuery(database: Database, viewer: CurrentUser, query: EvalQuery): Promise<QueryResult> {
  const { db } = database;
  const subject = await loadSubject(db, viewer, query.kind, query.subjectId);
  const exclude = await exclusionsFor(db, subject.profile.actorId);
  const scored = await scoreCandidates(db, subject.profile, { top: tunables.scoredCandidates, exclude });
  const names = new Map(
    (
      await rowsOf<{ id: string; name: string }>(
        db,
        sql`SELECT id, name FROM actors WHERE id = ANY(${uuidArray(scored.map((c) => c.actorId))})`,
      )
    ).map((r) => [r.id, r.name]),
  );
  const pool = scored.map((c) => ({ id: c.actorId, name: names.get(c.actorId) ?? '?', candidate: c }));
  const ranked = pool.map((r) => r.id);
  const shown = await suggestPartners(db, viewer, { subjectKind: query.kind, subjectId: query.subjectId, top: 10 });
  const mismatch = shown.items.map((i) => i.actor.id).join() !== ranked.slice(0, 10).join();
  const relevantIds = new Set(query.relevant.keys());
  return {
    query,
    scores: scoreQuery(ranked, relevantIds),
    pool,
    relevantRanks: [...query.relevant].map(([id, name]) => {
      const i = ranked.indexOf(id);
      return { id, name, rank: i < 0 ? null : i + 1, candidate: pool[i]?.candidate ?? null };
    }),
    mismatch,
  };
}

/** One line of a candidate's score components, to read why it ranks where it does. */
export function componentsLine(c: ScoredCandidate): string {
  const f = (x: number) => x.toFixed(2);
  const km = c.km === null ? '—' : `${c.km.toFixed(0)} km`;
  return (
    `score ${f(c.score)} = compl ${f(c.complementarity)} · aff ${f(c.affinity)} · terr ${f(c.territory)} (${km}) · ` +
    `fit ${f(c.fit)} · fresh ${f(c.freshness)}; offers ${c.givesOffered.join('+') || '—'}, implied ` +
    `${c.givesImplied.join('+') || '—'}, words ${c.sharedWords.join(' ') || '—'}`
  );
}
