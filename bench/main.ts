// `npm run bench`: seeds synthetic actors (100 000 on PGlite, 1 000 000 on PostgreSQL), then times five typical
// directory searches through the real HTTP stack, next to a bare Fastify route and a COPY of the same rows.
// With `import` (also last in the default run): a generated million-row RNA file through the command line import,
// beside COPY (bench/imports.ts). Results are printed and written into docs/benchmarks.md. Options: see `usage` below.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { DatabaseKind } from '../src/db/client.js';
import { directoryQuery } from '../src/modules/actors/contract.js';
import { searchActors } from '../src/modules/actors/search.js';
import { benchDatabase, check, type Engine, openPgliteEngine, openPostgresEngine, pgliteDir, seed } from './engines.js';
import { runImportBench } from './imports.js';
import {
  benchAnimator,
  checkMatching,
  type MatchingSeed,
  type RefreshTiming,
  sampleNeeds,
  seedMatching,
  timeRefresh,
  timeSuggestions,
} from './matching.js';
import { getJson, startBareFastify, stats, timeCalls } from './measure.js';
import {
  type EngineResult,
  engineSection,
  engineTitle,
  importSection,
  type MatchingResult,
  machineNow,
  matchingSection,
  type QueryResult,
  schedulerSection,
  writeSection,
} from './report.js';
import { runScheduler } from './scheduler.js';

const usage = `npm run bench -- [options]
  --engine pglite|postgresql|both   databases to measure (default both)
  --actors N                        actors to seed (default 100000 on PGlite, 1000000 on PostgreSQL)
  --runs K                          timed requests per query (default 50), after --warmups (default 5)
  --chunk N                         rows per INSERT … SELECT while seeding (default 50000)
  --part directory|matching|scheduler|import|both
                                    what to time (default both: directory and matching, whose seeding is the same,
                                    then the speed-dating scheduler, which needs no database and takes seconds);
                                    import: a generated RNA file through \`npm run cli -- import rna\` beside COPY
                                    (PostgreSQL only; last in the default run; alone: \`npm run bench -- import\`)
  --rows N                          RNA rows of the import's files (default 1000000)
  --batch N                         the import's --batch (default: the CLI's)
  --scenario worst|national|both    the import's files (default both): every row creating an actor, or a
                                    national-like file imported for one territory
  --needs N                         needs the suggestions rotate over (default 20)
  --refresh N                       actors of the big directory whose suggestions are refreshed (default 10000 on
                                    PostgreSQL, 1000 on PGlite; 0: none)
  --refresh-directory N             actors of the small directory refreshed whole (default 10000, 0: none)
  --concurrency C                   actors refreshed at once (default 4, PostgreSQL only: PGlite has one connection)
  --keep                            reuse an already seeded database of the same size (seeding is then not measured)
  --no-doc                          print only; do not update docs/benchmarks.md
PostgreSQL: database alliances_bench on DATABASE_URL's server, else on postgres://postgres@127.0.0.1:5432/test's
(dropped and recreated unless --keep). PGlite: ${pgliteDir}.`;

/** The five typical searches: what the directory page sends (page 1, 20 per page). */
const typicalQueries: { key: string; label: string; params: Record<string, string> }[] = [
  { key: 'word', label: '1. one word', params: { q: 'jazz' } },
  { key: 'typo', label: '2. two words, one typo', params: { q: 'theatre musiqe' } },
  { key: 'filters', label: '3. filters only', params: { family: 'association', theme: 'culture-art' } },
  { key: 'filterWord', label: '4. filter + word', params: { territory: 'pays-d-aix', q: 'jardins' } },
  { key: 'name', label: '5. no words, by name', params: { sort: 'name' } },
];
const page = { page: '1', pageSize: '20' };
const defaultActors: Record<DatabaseKind, number> = { pglite: 100_000, postgresql: 1_000_000 };
/** Actors of the big directory refreshed (PGlite has one connection: a smaller sample keeps the run short). */
const defaultRefresh: Record<DatabaseKind, number> = { pglite: 1_000, postgresql: 10_000 };
/** The issue's target: p95 ≤ 50 ms for each query at a million actors on PostgreSQL. */
const targetFor = (kind: DatabaseKind, actors: number) => (kind === 'postgresql' && actors >= 1_000_000 ? 50 : null);
/** Issue 4's targets on PostgreSQL at a million actors: p95 ≤ 100 ms for one need, ≤ 60 s for 10 000 refreshes. */
const matchingTargets = (kind: DatabaseKind, actors: number) =>
  kind === 'postgresql' && actors >= 1_000_000 ? { suggestionP95Ms: 100, refreshMs: 60_000 } : null;

const settingNames = [
  'shared_buffers',
  'work_mem',
  'maintenance_work_mem',
  'effective_cache_size',
  'random_page_cost',
  'max_parallel_workers_per_gather',
  'jit',
  'synchronous_commit',
];

const log = (line: string) => process.stdout.write(`${line}\n`);

async function versionAndSettings(engine: Engine) {
  // Through the application's handle: the seeding session has its own settings (jit off).
  const query = async <T>(text: string) =>
    ((await engine.database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
  const [version] = await query<{ version: string }>('SELECT version()');
  const rows = await query<{ name: string; value: string }>(
    `SELECT name, current_setting(name) AS value FROM pg_settings WHERE name IN (${settingNames.map((n) => `'${n}'`).join(', ')})
     UNION ALL SELECT 'pg_trgm.similarity_threshold', coalesce(current_setting('pg_trgm.similarity_threshold', true), '0.3 (default)')
     UNION ALL SELECT 'actors.parallel_workers', coalesce((SELECT option_value FROM pg_options_to_table(
       (SELECT reloptions FROM pg_class WHERE oid = 'actors'::regclass)) WHERE option_name = 'parallel_workers'), 'unset')`,
  );
  const order = [...settingNames, 'pg_trgm.similarity_threshold', 'actors.parallel_workers'];
  rows.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return {
    version: (version?.version ?? '').replace(/ on .*$/, '').replace(/,.*$/, ''),
    settings: Object.fromEntries(rows.map((r) => [r.name, r.value])),
  };
}

interface Options {
  runs: number;
  warmups: number;
  chunk: number;
  keep: boolean;
  part: 'directory' | 'matching' | 'scheduler' | 'import' | 'both';
  needs: number;
  refresh: number;
  refreshDirectory: number;
  concurrency: number;
}

/** Seeds the open needs and offers when the database has none (a new one, or one kept from before issue 4). */
async function seedMatchingIfNeeded(engine: Engine, actors: number, chunk: number): Promise<MatchingSeed | null> {
  const [row] = await engine.session.rows<{ n: number }>('SELECT count(*)::int AS n FROM needs_offers');
  if (Number(row?.n ?? 0) > 0) return null;
  log(`seeding open needs and offers of ${actors.toLocaleString('en')} actors…`);
  const seeded = await seedMatching(engine, actors, chunk, log);
  log(
    `${seeded.needs.toLocaleString('en')} needs, ${seeded.offers.toLocaleString('en')} offers in ` +
      `${(seeded.insertMs / 1000).toFixed(1)} s; profiles of ${seeded.sampleActors.toLocaleString('en')} actors ` +
      `rebuilt in ${(seeded.profilesSampleMs / 1000).toFixed(1)} s; VACUUM ANALYZE ${(seeded.vacuumMs / 1000).toFixed(1)} s`,
  );
  return seeded;
}

const openEngine = (kind: DatabaseKind, actors: number, keep: boolean, suffix = '') =>
  kind === 'pglite'
    ? openPgliteEngine(actors, keep, `${pgliteDir}${suffix.replaceAll('_', '-')}`)
    : openPostgresEngine(actors, keep, `${benchDatabase}${suffix}`);

/** The stored suggestions of a whole directory of `actors` (its own database, seeded like the big one). */
async function refreshSmallDirectory(kind: DatabaseKind, actors: number, opts: Options): Promise<RefreshTiming> {
  log(`\n-- ${engineTitle(kind)}: a directory of ${actors.toLocaleString('en')} actors, every suggestion refreshed`);
  const engine = await openEngine(kind, actors, opts.keep, `_${actors}`);
  try {
    if (!engine.reused) await seed(engine, actors, opts.chunk, log);
    await seedMatchingIfNeeded(engine, actors, opts.chunk);
    return await timeRefresh(engine.database.db, actors, null, kind === 'pglite' ? 1 : opts.concurrency, log);
  } finally {
    await engine.close();
  }
}

async function runEngine(
  kind: DatabaseKind,
  actors: number,
  opts: Options,
): Promise<{ directory: EngineResult; matching: MatchingResult | null }> {
  const machine = machineNow();
  log(`\n== ${engineTitle(kind)}: ${actors.toLocaleString('en')} actors`);
  const engine = await openEngine(kind, actors, opts.keep);
  try {
    log(`database: ${engine.location}${engine.reused ? ' (reused, --keep)' : ''}`);
    let seeded = null;
    let copy = null;
    if (!engine.reused) {
      log(`seeding ${actors.toLocaleString('en')} actors in chunks of ${opts.chunk.toLocaleString('en')}…`);
      seeded = await seed(engine, actors, opts.chunk, log);
      log(
        `seeded in ${(seeded.insertMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(seeded.vacuumMs / 1000).toFixed(1)} s`,
      );
      log('COPY reference (generate to a file, then COPY FROM into a plain table)…');
      copy = await engine.copyReference(actors);
      log(`generate ${(copy.generateMs / 1000).toFixed(1)} s, COPY FROM ${(copy.copyMs / 1000).toFixed(1)} s`);
    }
    const matchingSeed = await seedMatchingIfNeeded(engine, actors, opts.chunk);
    if (kind === 'postgresql' && (seeded || matchingSeed))
      await engine.session.exec('CHECKPOINT').catch(() => undefined);
    const checks = await check(engine.session);
    const { version, settings } = await versionAndSettings(engine);

    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      DATA_DIR: pgliteDir,
      DATABASE_URL: kind === 'postgresql' ? engine.location : '',
    });
    const app = await buildApp({ db: engine.database.db, databaseKind: kind, config });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const base = `http://127.0.0.1:${address.port}`;
    const bareServer = await startBareFastify();
    try {
      log('bare Fastify route…');
      const bare = stats((await timeCalls(() => getJson(bareServer.url), opts.warmups, opts.runs)).samples);
      const queries: QueryResult[] = [];
      for (const q of opts.part === 'matching' ? [] : typicalQueries) {
        const params = new URLSearchParams({ ...q.params, ...page });
        const shown = new URLSearchParams(q.params).toString();
        const url = `${base}/api/v1/actors?${params}`;
        const http = await timeCalls(() => getJson(url), opts.warmups, opts.runs);
        const parsed = directoryQuery.parse(Object.fromEntries(params));
        const service = await timeCalls(() => searchActors(engine.database.db, null, parsed), opts.warmups, opts.runs);
        const total = Number((http.last as { total?: number }).total ?? Number.NaN);
        const [resolved] =
          q.params.q === undefined
            ? [null]
            : await engine.session.rows<{ tsquery: string }>(
                `SELECT actor_search_query('${q.params.q.replaceAll("'", "''")}')::text AS tsquery`,
              );
        const result: QueryResult = {
          key: q.key,
          label: q.label,
          path: `?${shown}`,
          tsquery: resolved?.tsquery ?? null,
          total,
          http: stats(http.samples),
          service: stats(service.samples),
        };
        queries.push(result);
        log(
          `${q.label.padEnd(24)} total ${String(total).padStart(8)}  HTTP p50 ${result.http.p50.toFixed(1)} ms ` +
            `p95 ${result.http.p95.toFixed(1)} ms  service p50 ${result.service.p50.toFixed(1)} ms`,
        );
      }
      const directory: EngineResult = {
        kind,
        actors,
        location: engine.location,
        version,
        settings,
        machine: { ...machine, loadAfter: os.loadavg() },
        warmups: opts.warmups,
        runs: opts.runs,
        seed: seeded,
        copy,
        checks,
        bare,
        queries,
        target: targetFor(kind, actors),
      };
      if (opts.part === 'directory') return { directory, matching: null };
      const matchingStart = { date: execFileSync('date', { encoding: 'utf8' }).trim(), load: os.loadavg() };
      const matchingChecks = await checkMatching(engine.session);
      const auth = await benchAnimator(engine.database.db);
      const needs = await sampleNeeds(engine.database.db, opts.needs);
      // One warm-up per need, then the timed requests rotate over the needs.
      const warmups = Math.max(opts.warmups, needs.length);
      const runs = Math.max(opts.runs, 5 * needs.length);
      log(`top 10 for one need, rotating over ${needs.length} needs: ${warmups} warm-ups, ${runs} timed…`);
      const bareMatching = stats((await timeCalls(() => getJson(bareServer.url), warmups, runs)).samples);
      const suggestions = await timeSuggestions(engine.database.db, base, auth, needs, warmups, runs);
      log(
        `HTTP p50 ${suggestions.http.p50.toFixed(1)} ms p95 ${suggestions.http.p95.toFixed(1)} ms; service p50 ` +
          `${suggestions.service.p50.toFixed(1)} ms; query p50 ${suggestions.query.p50.toFixed(1)} ms p95 ` +
          `${suggestions.query.p95.toFixed(1)} ms`,
      );
      const refreshes: RefreshTiming[] = [];
      const concurrency = kind === 'pglite' ? 1 : opts.concurrency;
      const sample = opts.refresh >= 0 ? opts.refresh : defaultRefresh[kind];
      if (sample > 0) {
        log(`refresh of ${sample.toLocaleString('en')} actors of the directory (concurrency ${concurrency})…`);
        refreshes.push(await timeRefresh(engine.database.db, actors, sample, concurrency, log));
      }
      const matching: MatchingResult = {
        kind,
        actors,
        version,
        machine: { ...machine, date: matchingStart.date, loadBefore: matchingStart.load, loadAfter: os.loadavg() },
        seed: matchingSeed,
        actorSeed: seeded,
        checks: matchingChecks,
        warmups,
        runs,
        bare: bareMatching,
        suggestions,
        refreshes,
        targets: matchingTargets(kind, actors),
      };
      return { directory, matching };
    } finally {
      await bareServer.close();
      await app.close();
    }
  } finally {
    await engine.close();
  }
}

const docTemplate = `# Benchmarks

Generated by \`npm run bench\` (bench/main.ts).
`;

async function main() {
  const { values, positionals } = parseArgs({
    // `npm run bench -- import`: a part named without --part.
    allowPositionals: true,
    options: {
      rows: { type: 'string', default: '1000000' },
      batch: { type: 'string' },
      scenario: { type: 'string', default: 'both' },
      engine: { type: 'string', default: 'both' },
      actors: { type: 'string' },
      runs: { type: 'string', default: '50' },
      warmups: { type: 'string', default: '5' },
      chunk: { type: 'string', default: '50000' },
      keep: { type: 'boolean', default: false },
      part: { type: 'string', default: 'both' },
      needs: { type: 'string', default: '20' },
      refresh: { type: 'string' },
      'refresh-directory': { type: 'string', default: '10000' },
      concurrency: { type: 'string', default: '4' },
      'no-doc': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    log(usage);
    return;
  }
  const engines: DatabaseKind[] =
    values.engine === 'both' ? ['pglite', 'postgresql'] : values.engine === 'pglite' ? ['pglite'] : ['postgresql'];
  if (!['both', 'pglite', 'postgresql'].includes(values.engine))
    throw new Error(`--engine: ${values.engine}?\n${usage}`);
  const positive = (name: string, v: string | undefined) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer\n${usage}`);
    return n;
  };
  if (positionals.length > 1) throw new Error(`one part at most: ${positionals.join(' ')}?\n${usage}`);
  if (positionals[0] !== undefined) values.part = positionals[0];
  if (!['both', 'directory', 'matching', 'scheduler', 'import'].includes(values.part))
    throw new Error(`--part: ${values.part}?\n${usage}`);
  if (!['both', 'worst', 'national'].includes(values.scenario))
    throw new Error(`--scenario: ${values.scenario}?\n${usage}`);
  const opts: Options = {
    runs: positive('runs', values.runs),
    warmups: values.warmups === '0' ? 0 : positive('warmups', values.warmups),
    chunk: positive('chunk', values.chunk),
    keep: values.keep,
    part: values.part as Options['part'],
    needs: positive('needs', values.needs),
    refresh: values.refresh === undefined ? -1 : values.refresh === '0' ? 0 : positive('refresh', values.refresh),
    refreshDirectory:
      values['refresh-directory'] === '0' ? 0 : positive('refresh-directory', values['refresh-directory']),
    concurrency: positive('concurrency', values.concurrency),
  };
  const started = performance.now();
  const doc = path.resolve(import.meta.dirname, '../docs/benchmarks.md');
  const sections: string[] = [];

  if (opts.part === 'scheduler' || opts.part === 'both') {
    log('\n== speed-dating scheduler (no database)');
    const { loadBefore: _, ...machine } = machineNow();
    const seed = 5;
    const section = schedulerSection({ machine, seed, cases: runScheduler(log, seed) });
    if (!values['no-doc']) writeSection(doc, 'scheduler', section, docTemplate);
    log(`\n${section}\n`);
  }
  for (const kind of opts.part === 'scheduler' || opts.part === 'import' ? [] : engines) {
    const actors = values.actors === undefined ? defaultActors[kind] : positive('actors', values.actors);
    const engineStart = performance.now();
    const result = await runEngine(kind, actors, opts);
    if (opts.part !== 'matching') {
      const section = engineSection(result.directory);
      sections.push(section);
      if (!values['no-doc']) writeSection(doc, kind, section, docTemplate);
      log(`\n${section}\n`);
    }
    if (result.matching) {
      if (opts.refreshDirectory > 0) {
        result.matching.refreshes.push(await refreshSmallDirectory(kind, opts.refreshDirectory, opts));
      }
      result.matching.totalMs = performance.now() - engineStart;
      const section = matchingSection(result.matching);
      if (!values['no-doc']) writeSection(doc, `matching-${kind}`, section, docTemplate);
      log(`\n${section}\n`);
    }
  }
  if (opts.part === 'import' || (opts.part === 'both' && engines.includes('postgresql'))) {
    log('\n== register import (issue 6): PostgreSQL');
    const result = await runImportBench(
      {
        rows: positive('rows', values.rows),
        batch: values.batch === undefined ? null : positive('batch', values.batch),
        scenarios: values.scenario === 'both' ? ['worst', 'national'] : [values.scenario as 'worst' | 'national'],
      },
      log,
    );
    // One block per file, so that `--scenario` rewrites its own alone.
    for (const scenario of result.scenarios) {
      const section = importSection({ ...result, scenarios: [scenario] });
      if (!values['no-doc']) writeSection(doc, `import-${scenario.key}`, section, docTemplate);
      log(`\n${section}\n`);
    }
  }
  log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (!values['no-doc']) log(`written to ${path.relative(process.cwd(), doc)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
