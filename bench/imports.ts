// `npm run bench -- import`: a generated RNA file of a million rows imported into PostgreSQL by the command line
// (`npm run cli -- import rna …`, in a child process: hashing, reading, runImport, exactly as an administrator runs
// it), timed beside the same file loaded with plain COPY into a bare table of text columns (the ingestion limit).
// The child's peak resident memory is its own, read at its exit (bench/rss-at-exit.ts). Three runs, a fresh database
// per file: every row creating an actor (the worst case), then the re-import of a newer file of the same content
// (every row unchanged); and a national-like file imported for one territory (most rows read and skipped). The worst
// case has a second reference: the same organisations by COPY into the real `actors` table of a fresh directory.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { registerFields, registerValues } from '../src/modules/imports/load.js';
import { readRna } from '../src/modules/imports/rna/read.js';
import { generatedRows, rnaHeaders, rnaRow, writeRnaFile } from '../src/modules/imports/rna/testing.js';
import type { ImportScope } from '../src/modules/imports/types.js';
import { defaultServerUrl, openPostgresEngine } from './engines.js';

export interface ImportTiming {
  label: string;
  /** The CLI's arguments after the file (its scope). */
  scope: string;
  rows: number;
  /** The whole command, from start to exit: Node.js and tsx start-up, hashing, reading, writing. */
  wallMs: number;
  /** The run itself (import_runs.started_at → finished_at): reading and writing, without start-up and hashing. */
  runMs: number;
  maxRssMiB: number;
  /** CPU of the importing process (user + system); the database server's CPU is apart. */
  cpuMs: number;
  counters: { created: number; updated: number; unchanged: number; skipped: number; rejected: number };
  actors: number;
}

export interface CopyTiming {
  rows: number;
  ms: number;
}

export interface ImportScenario {
  key: string;
  title: string;
  file: { rows: number; bytes: number; generateMs: number };
  copy: CopyTiming;
  /** The worst case only: the same organisations by COPY into the real `actors` table of a fresh directory. */
  actorsCopy?: CopyTiming;
  imports: ImportTiming[];
}

export interface ImportBenchResult {
  date: string;
  machine: string;
  version: string;
  batch: number | null;
  /** Load averages (1, 5, 15 min) at the start and the end: the machine may be shared. */
  load: { before: number[]; after: number[] };
  scenarios: ImportScenario[];
}

const repo = path.resolve(import.meta.dirname, '..');

/**
 * The Node.js options of `npm run cli` (package.json: `tsx <options> src/cli/main.ts`), given to the child as that
 * script gives them: a young generation of 2 MB semi-spaces, which keeps the import's garbage from growing the
 * resident memory by some 40 MB without costing it any time.
 */
const cliNodeOptions = (): string[] => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: { cli: string } };
  return pkg.scripts.cli.match(/--[\w-]+=\S+/g) ?? [];
};

const databaseName = 'alliances_bench_import';

/** Rows outside the Bouches-du-Rhône moved to Aix-en-Provence: every row of the worst case is in the scope. */
const inDepartement = { adrs_codeinsee: '13001', adrs_codepostal: '13100', adrs_libcommune: 'Aix-en-Provence' };

/** Communes of other departments for the national-like file (out of the Pays d'Aix's scope: read, then skipped). */
const elsewhere = [
  ['75056', '75001', 'Paris'],
  ['69123', '69001', 'Lyon'],
  ['31555', '31000', 'Toulouse'],
  ['33063', '33000', 'Bordeaux'],
  ['59350', '59000', 'Lille'],
  ['44109', '44000', 'Nantes'],
  ['67482', '67000', 'Strasbourg'],
  ['06088', '06000', 'Nice'],
] as const;

/** One row in 50 keeps its generated commune (Aix-en-Provence or Pertuis, every 50th row): 2 % in the scope. */
function* nationalRows(count: number) {
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0) {
      yield rnaRow('waldec', i);
      continue;
    }
    const [code, postal, name] = elsewhere[i % elsewhere.length] as (typeof elsewhere)[number];
    yield rnaRow('waldec', i, { adrs_codeinsee: code, adrs_codepostal: postal, adrs_libcommune: name });
  }
}

function* departementRows(count: number) {
  for (const row of generatedRows('waldec', count))
    yield row.adrs_codeinsee === '84089' ? { ...row, ...inDepartement } : row;
}

async function generate(file: string, rows: Iterable<Record<string, string>>, count: number) {
  const start = performance.now();
  await writeRnaFile(file, rows, { layout: 'waldec' });
  return { rows: count, bytes: fs.statSync(file).size, generateMs: performance.now() - start };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database, migrated, with the reference data (communes, territories, themes). */
async function freshDatabase(): Promise<string> {
  const engine = await openPostgresEngine(0, false, databaseName);
  await engine.close();
  return withDatabase(process.env.DATABASE_URL || defaultServerUrl, databaseName);
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `psql -c "COPY … FROM STDIN"` fed with the file, timed from the process's start to its exit. */
async function psqlCopy(url: string, file: string, copy: string): Promise<CopyTiming> {
  const start = performance.now();
  const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', copy], {
    stdio: [fs.openSync(file, 'r'), 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const [code] = await once(child, 'close');
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`psql COPY exited with ${code}`);
  return { rows: Number(out.match(/COPY (\d+)/)?.[1] ?? Number.NaN), ms };
}

/** The file into a bare table of text columns (no index, no trigger, no constraint) by COPY FROM STDIN (psql). */
async function copyReference(url: string, file: string): Promise<CopyTiming> {
  const columns = rnaHeaders.waldec.map((c) => `"${c}" text`).join(', ');
  await query(url, `DROP TABLE IF EXISTS bench_rna_copy; CREATE TABLE bench_rna_copy (${columns})`);
  const timing = await psqlCopy(url, file, `COPY bench_rna_copy FROM STDIN (FORMAT csv, DELIMITER ';', HEADER)`);
  await query(url, 'DROP TABLE bench_rna_copy');
  return timing;
}

/** The actor columns an import's creations fill (load.ts, writeCreations): the family and the register's fields. */
const actorColumns = ['family', ...registerFields] as const;

const csvField = (v: string | null) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`);
/** A PostgreSQL array literal of text, every element quoted. */
const arrayLiteral = (values: string[]) =>
  `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

/**
 * The organisations of the file as the import reads them (readRna, registerValues: the same values its creations
 * insert), written as CSV of `actorColumns`. Not timed: it stands for the reading the import does itself.
 */
async function writeActorsCsv(rnaFile: string, csvFile: string, scope: ImportScope): Promise<void> {
  const out = fs.createWriteStream(csvFile);
  let chunk = '';
  for await (const item of readRna(rnaFile, scope)) {
    if (item.kind !== 'organisation') continue;
    const o = item.organisation;
    const v = registerValues(o);
    chunk += `${[
      csvField(o.family),
      ...registerFields.map((f) => {
        const x = v[f];
        return Array.isArray(x) ? csvField(arrayLiteral(x)) : csvField((x as string | null) ?? null);
      }),
    ].join(',')}\n`;
    if (chunk.length > 1 << 20) {
      const flowing = out.write(chunk);
      chunk = '';
      if (!flowing) await once(out, 'drain');
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * The same organisations by COPY straight into `actors` with all its indexes, generated columns and triggers: the
 * directory's own ingestion limit, without matching, history rows or register records. The database is fresh, and
 * is to be recreated before the import.
 */
async function copyIntoActors(url: string, csvFile: string): Promise<CopyTiming> {
  return psqlCopy(url, csvFile, `COPY actors (${actorColumns.join(', ')}) FROM STDIN (FORMAT csv)`);
}

/** `npm run cli -- import rna FILE …scope` in a child process; its run and peak memory. */
async function importWithCli(
  url: string,
  label: string,
  file: string,
  scope: string[],
  batch: number | null,
  log: (line: string) => void,
): Promise<ImportTiming> {
  const resourceFile = path.join(os.tmpdir(), `alliances-bench-import-${process.pid}.json`);
  const args = [
    'import',
    'rna',
    file,
    ...scope,
    '--progress-every',
    '10',
    ...(batch ? ['--batch', String(batch)] : []),
  ];
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [...cliNodeOptions(), '--import', 'tsx', '--import', './bench/rss-at-exit.ts', 'src/cli/main.ts', ...args],
    {
      cwd: repo,
      env: { ...process.env, DATABASE_URL: url, DEMO_DATA: 'false', BENCH_RESOURCE_FILE: resourceFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  // The progress line (rows, rate, ETA), shown as it comes.
  child.stderr?.on('data', (d: Buffer) => {
    for (const line of d.toString().split(/[\r\n]+/)) if (line.trim()) log(`  ${line.trim()}`);
  });
  const [code] = await once(child, 'close');
  const wallMs = performance.now() - start;
  if (code !== 0) throw new Error(`import exited with ${code}\n${out}`);
  const usage = JSON.parse(fs.readFileSync(resourceFile, 'utf8')) as NodeJS.ResourceUsage;
  fs.rmSync(resourceFile, { force: true });
  const [run] = await query<ImportTiming['counters'] & { items: number; run_ms: number; actors: number }>(
    url,
    `SELECT items_done AS items, created, updated, unchanged, skipped, rejected,
       extract(epoch FROM finished_at - started_at) * 1000 AS run_ms, (SELECT count(*)::int FROM actors) AS actors
     FROM import_runs ORDER BY started_at DESC LIMIT 1`,
  );
  if (!run) throw new Error('no import run');
  return {
    label,
    scope: scope.join(' '),
    rows: run.items,
    wallMs,
    runMs: Number(run.run_ms),
    maxRssMiB: usage.maxRSS / 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    counters: {
      created: run.created,
      updated: run.updated,
      unchanged: run.unchanged,
      skipped: run.skipped,
      rejected: run.rejected,
    },
    actors: run.actors,
  };
}

export interface ImportBenchOptions {
  rows: number;
  batch: number | null;
  /** Which scenarios (both by default). */
  scenarios: ('worst' | 'national')[];
}

export async function runImportBench(opts: ImportBenchOptions, log: (line: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-bench-import-'));
  const loadBefore = os.loadavg();
  const scenarios: ImportScenario[] = [];
  const report = (t: ImportTiming, copy: CopyTiming) =>
    log(
      `${t.label}: ${t.rows.toLocaleString('en')} rows in ${(t.wallMs / 1000).toFixed(1)} s ` +
        `(${Math.round((t.rows / t.wallMs) * 1000).toLocaleString('en')} rows/s; run ${(t.runMs / 1000).toFixed(1)} s), ` +
        `${(t.rows / t.wallMs / (copy.rows / copy.ms)).toFixed(3)} of COPY, peak RSS ${t.maxRssMiB.toFixed(0)} MiB, ` +
        `created ${t.counters.created}, unchanged ${t.counters.unchanged}, skipped ${t.counters.skipped}`,
    );
  try {
    let url = '';
    const version = async () =>
      ((await query<{ v: string }>(url, 'SELECT version() AS v'))[0]?.v ?? '').replace(/ on .*$/, '');
    let serverVersion = '';
    if (opts.scenarios.includes('worst')) {
      const file = path.join(dir, 'rna-departement.csv');
      log(`generating ${opts.rows.toLocaleString('en')} RNA rows, all in the Bouches-du-Rhône…`);
      const generated = await generate(file, departementRows(opts.rows), opts.rows);
      url = await freshDatabase();
      serverVersion = await version();
      log('COPY FROM STDIN into a bare table…');
      const copy = await copyReference(url, file);
      log(`COPY: ${copy.rows.toLocaleString('en')} rows in ${(copy.ms / 1000).toFixed(1)} s`);
      log("the organisations as CSV of the actors' columns…");
      const actorsFile = path.join(dir, 'actors.csv');
      await writeActorsCsv(file, actorsFile, { communeCodes: null, departement: '13' });
      log("COPY FROM STDIN into the directory's actors table…");
      const actorsCopy = await copyIntoActors(url, actorsFile);
      fs.rmSync(actorsFile);
      log(`COPY into actors: ${actorsCopy.rows.toLocaleString('en')} rows in ${(actorsCopy.ms / 1000).toFixed(1)} s`);
      url = await freshDatabase();
      const first = await importWithCli(url, 'first import', file, ['--departement', '13'], opts.batch, log);
      report(first, copy);
      // A newer file of the same content: different bytes (a blank line at the end, which readers skip), so a new
      // run rather than the resumption of the finished one.
      const newer = path.join(dir, 'rna-departement-newer.csv');
      fs.copyFileSync(file, newer);
      fs.appendFileSync(newer, '\n');
      fs.rmSync(file);
      const again = await importWithCli(url, 're-import (unchanged)', newer, ['--departement', '13'], opts.batch, log);
      report(again, copy);
      fs.rmSync(newer);
      scenarios.push({
        key: 'worst',
        title: 'every row in the scope (--departement 13): each creates an actor',
        file: generated,
        copy,
        actorsCopy,
        imports: [first, again],
      });
    }
    if (opts.scenarios.includes('national')) {
      const file = path.join(dir, 'rna-national.csv');
      log(`generating ${opts.rows.toLocaleString('en')} national-like RNA rows…`);
      const generated = await generate(file, nationalRows(opts.rows), opts.rows);
      url = await freshDatabase();
      serverVersion = await version();
      log('COPY FROM STDIN into a bare table…');
      const copy = await copyReference(url, file);
      log(`COPY: ${copy.rows.toLocaleString('en')} rows in ${(copy.ms / 1000).toFixed(1)} s`);
      const run = await importWithCli(url, 'import', file, ['--territory', 'pays-d-aix'], opts.batch, log);
      report(run, copy);
      scenarios.push({
        key: 'national',
        title: 'a national-like file for one territory (--territory pays-d-aix): 2 % of the rows in the scope',
        file: generated,
        copy,
        imports: [run],
      });
    }
    const cpu =
      fs
        .readFileSync('/proc/cpuinfo', 'utf8')
        .match(/^model name\s*:\s*(.+)$/m)?.[1]
        ?.trim() ?? 'CPU';
    return {
      date: execFileSync('date', { encoding: 'utf8' }).trim(),
      machine: `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node.js ${process.versions.node}`,
      version: serverVersion,
      batch: opts.batch,
      load: { before: loadBefore, after: os.loadavg() },
      scenarios,
    } satisfies ImportBenchResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
