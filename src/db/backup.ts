// A logical backup that both databases can write and read through the application's own driver (no pg_dump, which
// the machine may not have and which cannot read PGlite): a gzip file of JSON lines. The first line is the header;
// then, for each table in foreign-key order, a line `{"table":…,"rows":n}` followed by its n rows, each the
// `row_to_json` text of PostgreSQL (values are never parsed by JavaScript, so numbers and dates keep every digit).
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import {
  appliedMigration,
  type MigrationMark,
  quoted,
  type SequenceValue,
  sequenceValues,
  tablesInDependencyOrder,
} from './backup-catalog.js';
import type { Db } from './client.js';
import { rowsOf } from './rows.js';

export const backupFormat = 'alliances-backup';
export const backupVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  version: typeof backupVersion;
  createdAt: string;
  /** The last migration applied to the database backed up: a restore rebuilds the schema up to it. */
  migration: MigrationMark;
  /** Row count of each table, in the order of the file (parents first). */
  tables: Record<string, number>;
  sequences: Record<string, SequenceValue>;
}

/** A table's block marker in the file. */
export interface TableMarker {
  table: string;
  rows: number;
}

export type Progress = (line: string) => void;

/** Rows read per round trip: memory stays bounded whatever the table's size. */
const fetchSize = 1000;
/** A progress line every this many rows. */
const progressEvery = 100_000;

export interface BackupSummary {
  file: string;
  bytes: number;
  rows: number;
  tables: number;
  migration: MigrationMark;
}

/** Writes a consistent backup of every public table (one read-only snapshot) to `file` (gzip, JSON lines). */
export async function writeBackup(db: Db, file: string, progress: Progress = () => {}): Promise<BackupSummary> {
  // The file holds password hashes, e-mails, IP addresses and mails with live links: readable by its owner only. A
  // directory made here is private too; an existing one (the operator's choice) is left as it is.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  // A mode applies only to a new file: a `.partial` left by a killed run is removed rather than reused.
  fs.rmSync(partial, { force: true });
  const gzip = zlib.createGzip();
  const output = fs.createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(output);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  try {
    const header = await db.transaction(
      async (tx) => {
        const migration = await appliedMigration(tx);
        if (!migration) throw new Error('la base de données n’a jamais été migrée : rien à sauvegarder');
        const tables = await tablesInDependencyOrder(tx);
        const counts: Record<string, number> = {};
        for (const t of tables) {
          const [row] = await rowsOf<{ n: number }>(tx, sql.raw(`SELECT count(*)::int AS n FROM ${quoted(t.name)}`));
          counts[t.name] = row?.n ?? 0;
        }
        const header: BackupHeader = {
          format: backupFormat,
          version: backupVersion,
          createdAt: new Date().toISOString(),
          migration,
          tables: counts,
          sequences: await sequenceValues(tx),
        };
        await write(JSON.stringify(header));
        for (const t of tables) {
          const expected = counts[t.name] ?? 0;
          await write(JSON.stringify({ table: t.name, rows: expected } satisfies TableMarker));
          if (expected === 0) continue;
          if (expected >= fetchSize) progress(`sauvegarde de ${t.name} : ${expected} lignes`);
          // A cursor reads the table in slices inside the snapshot, without loading it whole.
          await tx.execute(
            sql.raw(
              `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${quoted(t.name)} t`,
            ),
          );
          let written = 0;
          for (;;) {
            const slice = await rowsOf<{ r: string }>(tx, sql.raw(`FETCH ${fetchSize} FROM backup_rows`));
            if (!slice.length) break;
            for (const { r } of slice) await write(r);
            written += slice.length;
            rows += slice.length;
            if (rows % progressEvery < slice.length) progress(`${rows} lignes sauvegardées`);
          }
          await tx.execute(sql.raw('CLOSE backup_rows'));
          if (written !== expected) throw new Error(`${t.name} : ${written} lignes lues pour ${expected} comptées`);
        }
        return header;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await once(output, 'close');
    // Renamed only once complete: a backup interrupted half-way never looks like a good one.
    fs.renameSync(partial, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      rows,
      tables: Object.keys(header.tables).length,
      migration: header.migration,
    };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** The default file of `npm run cli -- backup`: `alliances-YYYYMMDD-HHMMSS.jsonl.gz` (UTC) in `dir`. */
export function defaultBackupFile(dir: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replaceAll('-', '')
    .replaceAll(':', '')
    .replace('T', '-');
  return path.join(dir, `alliances-${stamp}.jsonl.gz`);
}
