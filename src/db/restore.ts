// Restores a backup of src/db/backup.ts into an empty database, never merging into one that holds data.
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { conflict } from '../errors.js';
import type { BackupHeader, Progress, TableMarker } from './backup.js';
import { backupFormat, backupVersion } from './backup.js';
import {
  appliedMigration,
  latestKnownMigration,
  migrationsUpTo,
  quoted,
  sequenceOwners,
  type TableInfo,
  tablesInDependencyOrder,
} from './backup-catalog.js';
import { type Database, type Handle, migrate, type Tx } from './client.js';
import { rowsOf } from './rows.js';

/** Rows sent per INSERT: bounded by count and by size, whichever comes first. */
const batchRows = 2000;
const batchBytes = 4 * 1024 * 1024;

const refused = (message: string) => conflict(`Restauration refusée : ${message}`);

/** The first table holding a row, or null when every public table is empty. */
async function firstNonEmptyTable(db: Handle): Promise<string | null> {
  for (const t of await tablesInDependencyOrder(db)) {
    const [row] = await rowsOf<{ found: boolean }>(
      db,
      sql.raw(`SELECT EXISTS (SELECT FROM ${quoted(t.name)}) AS found`),
    );
    if (row?.found) return t.name;
  }
  return null;
}

async function assertEmpty(db: Handle) {
  const table = await firstNonEmptyTable(db);
  if (table) {
    throw refused(
      `la base de destination contient déjà des données (table ${table}). Restaurez dans une base vide : ` +
        'un autre DATA_DIR, ou une base PostgreSQL nouvellement créée.',
    );
  }
}

function checkHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined;
  } catch {
    header = undefined;
  }
  if (header?.format !== backupFormat || !header.migration || !header.tables) {
    throw refused('ce fichier n’est pas une sauvegarde d’Alliances.');
  }
  if (header.version !== backupVersion) {
    throw refused(`format de sauvegarde ${header.version} inconnu de cette version (${backupVersion}).`);
  }
  const known = latestKnownMigration();
  if (header.migration.when > known.when) {
    throw refused(
      `la sauvegarde vient d’une version plus récente de l’application (migration ${header.migration.tag}, ` +
        `celle-ci s’arrête à ${known.tag}) : mettez d’abord l’application à jour.`,
    );
  }
  return header as BackupHeader;
}

export interface RestoreSummary {
  rows: number;
  tables: number;
  migration: string;
}

/**
 * Restores `file` into `database`, which must hold no data: builds the schema up to the backup's migration, inserts
 * every table's rows in one transaction (all or nothing), moves each sequence past its highest id, then applies the
 * migrations newer than the backup.
 */
export async function restoreBackup(database: Database, file: string, progress: Progress = () => {}) {
  if (!fs.existsSync(file)) throw refused(`fichier ${file} introuvable.`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    return done ? undefined : (value as string);
  };
  try {
    const header = checkHeader(await next());
    const applied = await appliedMigration(database.db);
    if (applied && applied.when > header.migration.when) {
      throw refused(
        `la base de destination est déjà à une migration plus récente (${applied.tag}) que la sauvegarde ` +
          `(${header.migration.tag}). Restaurez dans une base vide, non migrée.`,
      );
    }
    await assertEmpty(database.db);
    const upTo = migrationsUpTo(header.migration);
    try {
      await migrate(database, upTo.folder);
    } finally {
      upTo.remove();
    }
    // Migrations could insert rows of their own: a restore would then merge, which it never does.
    await assertEmpty(database.db);
    progress(`schéma prêt (migration ${header.migration.tag}) ; insertion des lignes`);
    const rows = await database.db.transaction((tx) => insertAll(tx, header, next, progress));
    await migrate(database);
    return { rows, tables: Object.keys(header.tables).length, migration: header.migration.tag };
  } finally {
    input.destroy();
  }
}

/** Inserts every table block of the file, in its order (parents first), then sets the sequences. */
async function insertAll(tx: Tx, header: BackupHeader, next: () => Promise<string | undefined>, progress: Progress) {
  const tables = new Map((await tablesInDependencyOrder(tx)).map((t) => [t.name, t]));
  // User triggers (facet counts, search lexemes, matchmaking profiles…) would recompute tables that the backup
  // restores as they were, and collide with them; foreign keys stay checked (they are not user triggers).
  for (const name of tables.keys()) await tx.execute(sql.raw(`ALTER TABLE ${quoted(name)} DISABLE TRIGGER USER`));
  let total = 0;
  for (let line = await next(); line !== undefined; line = await next()) {
    if (!line) continue;
    const marker = JSON.parse(line) as TableMarker;
    const table = tables.get(marker.table);
    if (!table) throw refused(`la table ${marker.table} de la sauvegarde n’existe pas dans le schéma.`);
    if (marker.rows !== header.tables[marker.table]) throw refused(`bloc de ${marker.table} incohérent.`);
    if (marker.rows >= batchRows) progress(`restauration de ${marker.table} : ${marker.rows} lignes`);
    await insertTable(tx, table, marker.rows, next);
    total += marker.rows;
  }
  for (const [name, expected] of Object.entries(header.tables)) {
    const [row] = await rowsOf<{ n: number }>(tx, sql.raw(`SELECT count(*)::int AS n FROM ${quoted(name)}`));
    if (row?.n !== expected) throw refused(`${name} : ${row?.n ?? 0} lignes restaurées pour ${expected} sauvegardées.`);
  }
  for (const name of tables.keys()) await tx.execute(sql.raw(`ALTER TABLE ${quoted(name)} ENABLE TRIGGER USER`));
  await setSequences(tx, header);
  return total;
}

/** Reads the table's `count` row lines and inserts them in batches (one statement for a self-referencing table). */
async function insertTable(tx: Tx, table: TableInfo, count: number, next: () => Promise<string | undefined>) {
  const columns = table.columns.map(quoted).join(', ');
  const insert = async (batch: string[]) => {
    await tx.execute(
      sql`INSERT INTO ${sql.raw(quoted(table.name))} (${sql.raw(columns)})
        SELECT ${sql.raw(columns)} FROM json_populate_recordset(NULL::${sql.raw(quoted(table.name))}, ${`[${batch.join(',')}]`}::json)`,
    );
  };
  let batch: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const row = await next();
    if (row === undefined) throw refused(`fichier tronqué dans la table ${table.name}.`);
    batch.push(row);
    bytes += row.length;
    if (!table.selfReferencing && (batch.length >= batchRows || bytes >= batchBytes)) {
      await insert(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) await insert(batch);
}

/** Each sequence back to its saved value, and never below the highest id restored. */
async function setSequences(tx: Tx, header: BackupHeader) {
  const owners = new Map((await sequenceOwners(tx)).map((o) => [o.sequence, o]));
  for (const [name, saved] of Object.entries(header.sequences ?? {})) {
    const owner = owners.get(name);
    const highest = owner ? `(SELECT max(${quoted(owner.column)}) FROM ${quoted(owner.table)})` : 'NULL::bigint';
    const savedValue = saved.isCalled ? `${BigInt(saved.lastValue)}` : 'NULL::bigint';
    // greatest() skips NULLs: a sequence never called on a table without rows stays uncalled at 1.
    await tx.execute(
      sql.raw(
        `SELECT setval('${quoted(name).replaceAll("'", "''")}', coalesce(greatest(${savedValue}, ${highest}), 1), ` +
          `greatest(${savedValue}, ${highest}) IS NOT NULL)`,
      ),
    );
  }
}
