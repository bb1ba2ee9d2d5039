// The crash acceptance of issue 6: `npm run cli -- import rna …` killed with SIGKILL at a random point after its first
// committed batch, then run again to completion, must leave exactly the rows of an uninterrupted run on a fresh
// database. The import runs in a real child process on a database of its own (PGlite: a data directory that only one
// process may open, so this process opens it only while no child runs).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../tests/global-setup.js';
import { loadConfig } from '../config.js';
import { type Database, openPglite, openPostgres } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { generatedRows, rnaRow, writeRnaFile } from '../modules/imports/rna/testing.js';
import { runCli } from './commands.js';

const repo = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'alliances-import-crash-'));
const file = path.join(work, 'rna.csv');
const rows = 3000;
const batch = 40;
const importArgs = ['import', 'rna', file, '--territory', 'pays-d-aix', '--batch', String(batch)];

/** A fresh database copied from the tests' template, reachable from a child process through its environment. */
interface ChildDatabase {
  env: Record<string, string>;
  open(): Promise<Database>;
  remove(): Promise<void>;
}

async function childDatabase(): Promise<ChildDatabase> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const dir = mkdtempSync(path.join(work, 'db-'));
    cpSync(template.dir, dir, { recursive: true });
    return {
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openPglite(dir),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `alliances_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
  const url = withDatabase(template.url, name);
  return {
    env: { DATABASE_URL: url },
    open: () => openPostgres(url, 2),
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

/** The CLI in a child process, as `npm run cli` starts it (tsx), progress written at every committed batch. */
function startCli(db: ChildDatabase): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...importArgs, '--progress-every', '0'], {
    cwd: repo,
    env: { ...process.env, ...db.env, NODE_ENV: 'test', DEMO_DATA: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Waits for the child's end; `onErrLine` sees each line of its stderr as it comes. */
function outcome(child: ChildProcess, onErrLine: (line: string) => void = () => {}): Promise<Outcome> {
  let out = '';
  let err = '';
  let pending = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onErrLine(line);
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
}

/** Every row the import writes, without generated ids and times, sorted. */
async function snapshot(database: Database) {
  const db = database.db;
  return {
    actors: await rowsOf(
      db,
      sql`SELECT family, name, rna, siren, siret, address, postal_code, commune_code, website, description, themes,
        company_size, company_status FROM actors ORDER BY rna, name`,
    ),
    records: await rowsOf(
      db,
      sql`SELECT r.source, r.register_id, r.status, r.values, r.claimed_at, a.rna AS actor
        FROM actor_register_records r JOIN actors a ON a.id = r.actor_id ORDER BY r.register_id`,
    ),
    history: await rowsOf(
      db,
      sql`SELECT a.rna, h.action, h.changes FROM actor_history h JOIN actors a ON a.id = h.actor_id
        ORDER BY a.rna, h.action, h.changes::text`,
    ),
    rejections: await rowsOf(db, sql`SELECT position, line, reason, detail FROM import_rejections ORDER BY position`),
    reviews: await rowsOf(db, sql`SELECT line, register_id, status FROM import_match_reviews ORDER BY register_id`),
    runs: await rowsOf(
      db,
      sql`SELECT status, items_done, created, updated, unchanged, skipped, rejected, merged, queued, error
        FROM import_runs`,
    ),
  };
}

async function cursorOf(db: ChildDatabase) {
  const database = await db.open();
  try {
    return await rowsOf<{ status: string; items_done: number }>(
      database.db,
      sql`SELECT status, items_done FROM import_runs`,
    );
  } finally {
    await database.close();
  }
}

/** The summary without what differs between two runs: the run's id and the duration. */
const comparable = (summary: string) => summary.replace(/n° [0-9a-f-]{36} terminé en [^:]+:/, 'n° … terminé en … :');

describe('import killed with SIGKILL, then run again', () => {
  beforeAll(async () => {
    // Rows in and out of the territory, with rejected lines among them (bad dates, a broken line).
    function* lines() {
      for (const row of generatedRows('waldec', rows)) {
        const i = Number(row.id?.slice(3));
        if (i % 97 === 5) yield rnaRow('waldec', i, { date_creat: 'hier' });
        else if (i % 331 === 7) yield { raw: `W13${i};cassée` };
        else yield row;
      }
    }
    await writeRnaFile(file, lines(), { layout: 'waldec' });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ends in exactly the rows of an uninterrupted run', { timeout: 90_000 }, async () => {
    // The uninterrupted run, in this process (the same command).
    const fresh = await childDatabase();
    const reference = await fresh.open();
    const out: string[] = [];
    const config = { ...loadConfig({ NODE_ENV: 'test' }), demoData: false };
    const code = await runCli(importArgs, { config, db: reference.db, io: { out: (l) => out.push(l), err: () => {} } });
    expect(code).toBe(0);
    const expected = await snapshot(reference);
    await reference.close();
    await fresh.remove();
    expect(expected.runs).toEqual([expect.objectContaining({ status: 'done', items_done: rows })]);
    expect(expected.rejections.length).toBeGreaterThan(30);
    expect(expected.actors.length).toBeGreaterThan(2000);

    const crashed = await childDatabase();
    try {
      // Killed while loading the k-th batch (k random among the first third), a few milliseconds after the previous
      // one was committed.
      const k = 1 + Math.floor((Math.random() * rows) / batch / 3);
      const delay = Math.floor(Math.random() * 20);
      const child = startCli(crashed);
      let committed = 0;
      const killed = await outcome(child, (line) => {
        if (/ éléments · /.test(line) && ++committed === k) setTimeout(() => child.kill('SIGKILL'), delay);
      });
      expect(killed.signal, `killed after batch ${k} + ${delay} ms`).toBe('SIGKILL');
      const [cursor] = await cursorOf(crashed);
      expect(cursor?.status).toBe('running');
      expect(cursor?.items_done).toBeGreaterThanOrEqual(k * batch);
      expect(cursor?.items_done).toBeLessThan(rows);

      const rerun = await outcome(startCli(crashed));
      expect(rerun.code, rerun.err).toBe(0);
      // The position is written the French way (« 1 240 », with a narrow no-break space): compared as digits.
      const resumedAt = /Reprise de l’import n° [0-9a-f-]{36} à l’élément ([\d\s]+)/u.exec(rerun.err)?.[1];
      expect(resumedAt?.replace(/\D/g, ''), rerun.err).toBe(String(cursor?.items_done));
      expect(comparable(rerun.out)).toBe(comparable(`${out.join('\n')}\n`));

      const after = await crashed.open();
      try {
        expect(await snapshot(after)).toEqual(expected);
      } finally {
        await after.close();
      }
    } finally {
      await crashed.remove();
    }
  });
});
