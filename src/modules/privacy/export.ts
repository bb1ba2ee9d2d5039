// « Télécharger mes données » (RGPD right of access and portability): everything held about an account, read
// generically from the sources list (sources.ts) so that no table is forgotten; secrets are left out.
import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { notFound } from '../../errors.js';
import {
  type ColumnInfo,
  hiddenColumn,
  type PersonalDataSource,
  personalDataSources,
  publicColumns,
} from './sources.js';

export type ExportValue = string | number | boolean | null | object;
export type ExportRow = Record<string, ExportValue>;

export interface PersonalDataSection {
  table: string;
  column: string;
  label: string;
  rows: ExportRow[];
}

export interface PersonalData {
  generatedAt: string;
  account: ExportRow;
  sections: PersonalDataSection[];
}

/** JSON-friendly values: instants as ISO strings, big integers as strings. */
function plain(value: unknown): ExportValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined) return null;
  return value as ExportValue;
}

function selectVisible(columns: ColumnInfo[], table: string, where: SQL, orderBy: string | undefined) {
  const visible = columns.filter((c) => c.table === table && !hiddenColumn(c.column, c.dataType));
  const list = sql.join(
    visible.map((c) => sql.identifier(c.column)),
    sql`, `,
  );
  const order = orderBy ? sql` ORDER BY ${sql.identifier(orderBy)}` : sql``;
  return sql`SELECT ${list} FROM ${sql.identifier(table)} WHERE ${where}${order}`;
}

const plainRow = (row: Record<string, unknown>): ExportRow =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]));

async function sectionRows(db: Handle, columns: ColumnInfo[], source: PersonalDataSource, user: ExportRow) {
  const target = sql.identifier(source.column);
  const where =
    source.match === 'user'
      ? sql`${target} = ${user.id as string}`
      : sql`lower(${target}) = lower(${user.email as string})`;
  const orderBy = ['created_at', 'at', 'occurred_at'].find((name) =>
    columns.some((c) => c.table === source.table && c.column === name),
  );
  const rows = await rowsOf<Record<string, unknown>>(db, selectVisible(columns, source.table, where, orderBy));
  return rows.map(plainRow);
}

/** Everything about one account: the account row (without its password hash) and one section per source. */
export async function collectPersonalData(db: Handle, userId: string, now = new Date()): Promise<PersonalData> {
  const columns = await publicColumns(db);
  const [account] = await rowsOf<Record<string, unknown>>(
    db,
    selectVisible(columns, 'users', sql`id = ${userId}`, undefined),
  );
  if (!account) throw notFound('Compte');
  const user = plainRow(account);
  const sections: PersonalDataSection[] = [];
  for (const source of personalDataSources) {
    sections.push({
      table: source.table,
      column: source.column,
      label: source.label,
      rows: await sectionRows(db, columns, source, user),
    });
  }
  return { generatedAt: now.toISOString(), account: user, sections };
}

export const personalDataFileName = (now: Date, ext: 'json' | 'html') =>
  `mes-donnees-alliances-${now.toISOString().slice(0, 10)}.${ext}`;
