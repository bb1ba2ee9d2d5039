// EXPLAIN (ANALYZE, BUFFERS) of the scoring query (scoreCandidates) on a seeded benchmark database, run twice on one
// connection so that the second plan shows warm caches:
//   npx tsx bench/explain-matching.ts [database URL] [need|actor] [n]
// (default: alliances_bench on the local server, the first need by id). The other statements (nearest communes, the
// subject's words) run as usual; only the scoring query is explained.
import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/db/client.js';
import { rowsOf } from '../src/db/rows.js';
import { loadSubject } from '../src/modules/matching/profile.js';
import { scoreCandidates } from '../src/modules/matching/score.js';

const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/alliances_bench';
const kind = process.argv[3] === 'actor' ? 'actor' : 'need';
const nth = Number(process.argv[4] ?? 0);
const database = await openPostgres(url, 1);
const db = database.db;
const staff = { id: '00000000-0000-4000-8000-000000000000', role: 'animator', actorId: null, locale: 'fr' } as never;
const [row] = await rowsOf<{ id: string }>(
  db,
  kind === 'need'
    ? sql`SELECT id FROM needs_offers WHERE kind = 'need' ORDER BY id OFFSET ${nth} LIMIT 1`
    : sql`SELECT actor_id AS id FROM match_profiles ORDER BY actor_id OFFSET ${nth} LIMIT 1`,
);
if (!row) throw new Error(`no ${kind} number ${nth}`);
const subject = await loadSubject(db, staff, kind, row.id);
const explaining = {
  execute: async (query: unknown) => {
    const text = JSON.stringify((query as { queryChunks?: unknown }).queryChunks ?? '');
    if (!text.includes('text_query AS')) return db.execute(query as never);
    const plan = (await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`)) as unknown as {
      rows: { 'QUERY PLAN': string }[];
    };
    process.stdout.write(`${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    return { rows: [] };
  },
};
for (const round of ['cold', 'warm']) {
  process.stdout.write(`---- ${round}\n`);
  await scoreCandidates(explaining as never, subject.profile, { top: 10, exclude: [] });
}
await database.close();
