// What a backup and a restore need to know of the database: its tables in foreign-key order, their columns, its
// sequences, and the migration it is at. Read from pg_catalog, so that a new table is backed up without a code change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Handle } from './client.js';
import { migrationsFolder } from './client.js';
import { rowsOf } from './rows.js';

export interface MigrationMark {
  /** The migration file's name without `.sql` (`0021_trust`). */
  tag: string;
  /** Drizzle's mark of the migration (the `when` of its journal entry), ordered like the migrations. */
  when: number;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

interface Journal {
  entries: JournalEntry[];
}

function readJournal(folder = migrationsFolder): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The newest migration this code knows. */
export function latestKnownMigration(): MigrationMark {
  const last = readJournal().entries.at(-1);
  if (!last) throw new Error('drizzle/meta/_journal.json has no migration');
  return { tag: last.tag, when: last.when };
}

/** The last migration applied to the database, or null on a database never migrated. */
export async function appliedMigration(db: Handle): Promise<MigrationMark | null> {
  const [exists] = await rowsOf<{ found: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`,
  );
  if (!exists?.found) return null;
  const [row] = await rowsOf<{ when: string }>(
    db,
    sql`SELECT created_at::text AS "when" FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  );
  if (!row) return null;
  const when = Number(row.when);
  const entry = readJournal().entries.find((e) => e.when === when);
  return { tag: entry?.tag ?? `inconnue (${when})`, when };
}

/**
 * A copy of the migrations folder that stops at `mark`: a backup taken at an older migration is restored into a
 * schema at that same migration, then the newer migrations run over the restored rows as they would have in place.
 */
export function migrationsUpTo(mark: MigrationMark): { folder: string; remove(): void } {
  const journal = readJournal();
  const kept = journal.entries.filter((e) => e.when <= mark.when);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-migrations-'));
  fs.mkdirSync(path.join(folder, 'meta'));
  for (const entry of kept) {
    fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  }
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** Quotes an SQL identifier read from the catalog. */
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface TableInfo {
  name: string;
  /** Columns a restore writes: every column but the generated ones (search vectors), which PostgreSQL recomputes. */
  columns: string[];
  /** A foreign key to itself: its rows must go in one statement (a child may come before its parent). */
  selfReferencing: boolean;
}

/** The public tables, each after every table it references (parents first). */
export async function tablesInDependencyOrder(db: Handle): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table: string; column: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column"
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const edges = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`SELECT DISTINCT ch.relname AS child, pa.relname AS parent
      FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  );
  const tables = new Map<string, TableInfo>();
  for (const { table, column } of columns) {
    const info = tables.get(table) ?? { name: table, columns: [], selfReferencing: false };
    info.columns.push(column);
    tables.set(table, info);
  }
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of edges) {
    if (child === parent) {
      const info = tables.get(child);
      if (info) info.selfReferencing = true;
      continue;
    }
    parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  // Depth-first topological sort; names sorted so that two backups of one schema list tables alike.
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`cycle of foreign keys: ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent, [...trail, name]);
    state.set(name, 'done');
    const info = tables.get(name);
    if (info) ordered.push(info);
  };
  for (const name of [...tables.keys()].sort()) visit(name, []);
  return ordered;
}

export interface SequenceValue {
  lastValue: string;
  isCalled: boolean;
}

/** Sequences of the public schema (the bigserial ids) with their current values. */
export async function sequenceValues(db: Handle): Promise<Record<string, SequenceValue>> {
  const names = await rowsOf<{ name: string }>(
    db,
    sql`SELECT relname AS name FROM pg_class WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace
      ORDER BY relname`,
  );
  const values: Record<string, SequenceValue> = {};
  for (const { name } of names) {
    const [row] = await rowsOf<{ last_value: string; is_called: boolean }>(
      db,
      sql.raw(`SELECT last_value::text, is_called FROM ${quoted(name)}`),
    );
    if (row) values[name] = { lastValue: row.last_value, isCalled: row.is_called };
  }
  return values;
}

/** Each sequence owned by a column (bigserial), with that column: a restore moves it past the highest id. */
export async function sequenceOwners(db: Handle) {
  return rowsOf<{ sequence: string; table: string; column: string }>(
    db,
    sql`SELECT s.relname AS sequence, t.relname AS "table", a.attname AS "column"
      FROM pg_class s
      JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace`,
  );
}
