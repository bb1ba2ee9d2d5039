// The two databases of the benchmark: an embedded PGlite directory under /tmp and a dedicated PostgreSQL database
// (alliances_bench), each migrated and loaded with the reference data by the application's own code.
import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, type DatabaseKind, migrate, openPglite, openPostgres } from '../src/db/client.js';
import { loadReferenceData } from '../src/modules/reference/load.js';
import { generatedColumns, generatedColumnTypes, generatorSql, helperTablesSql, insertSql } from './data.js';

/** One connection for the seeding and the reference COPY (the helper tables are temporary, per session). */
export interface Session {
  exec(text: string): Promise<void>;
  rows<T>(text: string): Promise<T[]>;
}

export interface Engine {
  kind: DatabaseKind;
  /** Where the data lives (directory or database URL without credentials). */
  location: string;
  /** The handle the application uses (pool of 10 connections on PostgreSQL, as in production). */
  database: Database;
  session: Session;
  /** Whether the database already held the data (`--keep`). */
  reused: boolean;
  /** The bulk-load reference: the same rows generated into a plain table (no index, no trigger) with COPY. */
  copyReference(actors: number): Promise<CopyReference>;
  close(): Promise<void>;
}

export interface CopyReference {
  /** COPY (generator SELECT) TO a file or blob: the cost of generating the rows alone. */
  generateMs: number;
  /** COPY … FROM that file or blob into a plain table. */
  copyMs: number;
  bytes: number;
}

const plainTable = `CREATE TABLE bench_copy (${generatedColumns.map((c) => `${c} ${generatedColumnTypes[c]}`).join(', ')})`;

async function elapsed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function actorCount(session: Session): Promise<number> {
  try {
    const [row] = await session.rows<{ n: number }>(
      `SELECT n FROM actor_facet_counts WHERE facet = 'total' AND value = ''`,
    );
    return Number(row?.n ?? 0);
  } catch {
    return -1;
  }
}

export const pgliteDir = '/tmp/alliances-bench-pglite';

export async function openPgliteEngine(actors: number, keep: boolean, dir = pgliteDir): Promise<Engine> {
  const reusable = keep && fs.existsSync(dir);
  if (!reusable) fs.rmSync(dir, { recursive: true, force: true });
  const database = await openPglite(dir);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const session: Session = {
    exec: async (text) => {
      await client.exec(text);
    },
    rows: async <T>(text: string) => (await client.query<T>(text)).rows,
  };
  let reused = false;
  if (reusable) reused = (await actorCount(session)) === actors;
  if (!reused) {
    if (reusable) {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return openPgliteEngine(actors, false, dir);
    }
    await migrate(database);
    await loadReferenceData(database.db);
  }
  return {
    kind: 'pglite',
    location: dir,
    database,
    session,
    reused,
    async copyReference(n) {
      await prepareHelpers(session);
      const [out, generateMs] = await elapsed(() => client.query(`COPY (${generatorSql(1, n)}) TO '/dev/blob'`));
      const blob = out.blob;
      if (!blob) throw new Error('PGlite returned no blob for COPY TO /dev/blob');
      await client.exec(`DROP TABLE IF EXISTS bench_copy; ${plainTable}`);
      const [, copyMs] = await elapsed(() => client.query(`COPY bench_copy FROM '/dev/blob'`, [], { blob }));
      await client.exec('DROP TABLE bench_copy');
      return { generateMs, copyMs, bytes: blob.size };
    },
    close: () => database.close(),
  };
}

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/test';
export const benchDatabase = 'alliances_bench';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function redacted(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

export async function openPostgresEngine(actors: number, keep: boolean, name = benchDatabase): Promise<Engine> {
  const serverUrl = process.env.DATABASE_URL || defaultServerUrl;
  const url = withDatabase(serverUrl, name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  let reused = false;
  if (keep && exists) {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    reused = (await actorCount({ exec: async () => {}, rows: async (t) => (await probe.query(t)).rows })) === actors;
    await probe.end();
  }
  if (!reused) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const database = await openPostgres(url);
  if (!reused) {
    await migrate(database);
    await loadReferenceData(database.db);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The generator's plan is cheap but its cost estimate is high: JIT compilation would only add time to each chunk.
  await client.query('SET jit = off');
  const session: Session = {
    exec: async (text) => {
      await client.query(text);
    },
    rows: async <T>(text: string) => (await client.query(text)).rows as T[],
  };
  return {
    kind: 'postgresql',
    location: redacted(url),
    database,
    session,
    reused,
    async copyReference(n) {
      await prepareHelpers(session);
      // Server-side files: the server runs on this machine (superuser or pg_write/read_server_files needed).
      const file = `/tmp/alliances-bench-copy-${process.pid}.txt`;
      try {
        const [, generateMs] = await elapsed(() => client.query(`COPY (${generatorSql(1, n)}) TO '${file}'`));
        await client.query(`DROP TABLE IF EXISTS bench_copy; ${plainTable}`);
        const [, copyMs] = await elapsed(() => client.query(`COPY bench_copy FROM '${file}'`));
        const bytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
        await client.query('DROP TABLE bench_copy');
        return { generateMs, copyMs, bytes };
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
    close: async () => {
      await client.end();
      await database.close();
    },
  };
}

export async function prepareHelpers(session: Session): Promise<void> {
  const [row] = await session.rows<{ present: boolean }>(
    `SELECT to_regclass('pg_temp.bench_places') IS NOT NULL AS present`,
  );
  if (row?.present) return;
  for (const statement of helperTablesSql()) await session.exec(statement);
}

export interface SeedResult {
  actors: number;
  insertMs: number;
  /** VACUUM ANALYZE of the database after the load (statistics, visibility map, GIN pending lists flushed). */
  vacuumMs: number;
  chunk: number;
}

/** Loads `actors` synthetic actors in chunks of `chunk` rows through INSERT … SELECT, then VACUUM ANALYZE. */
export async function seed(engine: Engine, actors: number, chunk: number, log: (line: string) => void) {
  const { session } = engine;
  await prepareHelpers(session);
  let insertMs = 0;
  for (let from = 1; from <= actors; from += chunk) {
    const to = Math.min(actors, from + chunk - 1);
    const [, ms] = await elapsed(() => session.exec(insertSql(from, to)));
    insertMs += ms;
    log(`  ${to.toLocaleString('en')} actors (${Math.round((to / insertMs) * 1000).toLocaleString('en')} rows/s)`);
  }
  // The whole database, as autovacuum would in time on a server (PGlite has none): the search relies on the
  // statistics of actors and of actor_lexemes (typo correction), and on GIN pending lists being flushed.
  const [, vacuumMs] = await elapsed(() => session.exec('VACUUM ANALYZE'));
  return { actors, insertMs, vacuumMs, chunk } satisfies SeedResult;
}

export interface Checks {
  actors: number;
  facetTotal: number;
  familyCounts: Record<string, number>;
  /** Lexemes held by actor_lexemes, and a spot check of one count against the table. */
  lexemes: number;
  jazzLexeme: number;
  jazzActors: number;
  withCommune: number;
  pilotTerritory: number;
}

/** The triggers' tables against the data itself, and the data's shape (printed and written to the report). */
export async function check(session: Session): Promise<Checks> {
  const [row] = await session.rows<Record<string, unknown>>(`SELECT
    (SELECT count(*) FROM actors)::int AS actors,
    (SELECT n FROM actor_facet_counts WHERE facet = 'total' AND value = '') AS facet_total,
    (SELECT json_object_agg(value, n) FROM actor_facet_counts WHERE facet = 'family') AS family_counts,
    (SELECT count(*) FROM actor_lexemes WHERE n > 0)::int AS lexemes,
    (SELECT n FROM actor_lexemes WHERE lexeme = 'jazz') AS jazz_lexeme,
    (SELECT count(*) FROM actors WHERE search_vector @@ 'jazz'::tsquery)::int AS jazz_actors,
    (SELECT count(*) FROM actors WHERE commune_code IS NOT NULL)::int AS with_commune,
    (SELECT count(*) FROM actors a JOIN territory_communes tc ON tc.commune_code = a.commune_code
      AND tc.territory_id = 'pays-d-aix')::int AS pilot_territory`);
  const r = row ?? {};
  return {
    actors: Number(r.actors),
    facetTotal: Number(r.facet_total),
    familyCounts: (typeof r.family_counts === 'string' ? JSON.parse(r.family_counts) : r.family_counts) as Record<
      string,
      number
    >,
    lexemes: Number(r.lexemes),
    jazzLexeme: Number(r.jazz_lexeme),
    jazzActors: Number(r.jazz_actors),
    withCommune: Number(r.with_commune),
    pilotTerritory: Number(r.pilot_territory),
  };
}
