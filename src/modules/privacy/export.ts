// « Télécharger mes données » (RGPD right of access and portability): everything held about an account, read
// generically from the sources list (sources.ts) so that no table is forgotten; secrets are left out.
import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { notFound } from '../../errors.js';
import { emailIs } from '../accounts/service.js';
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

function selectVisible(columns: ColumnInfo[], table: string, where: SQL, orderBy: string | undefined, only?: string[]) {
  const visible = columns.filter(
    (c) => c.table === table && !hiddenColumn(c.column, c.dataType) && (!only || only.includes(c.column)),
  );
  const list = sql.join(
    visible.map((c) => sql.identifier(c.column)),
    sql`, `,
  );
  const order = orderBy ? sql` ORDER BY ${sql.identifier(orderBy)}` : sql``;
  return sql`SELECT ${list} FROM ${sql.identifier(table)} WHERE ${where}${order}`;
}

const plainRow = (row: Record<string, unknown>): ExportRow =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]));

/**
 * A link holding a token (newToken: 43 base64url characters; ids are 36) would still work for whoever reads the file
 * (an unused password reset or invitation): it is replaced, the rest of the mail is kept. Ordinary links (pages,
 * uuids, slugs) are shorter runs and stay.
 */
const tokenLink = /https?:\/\/[^\s"'<>]*[A-Za-z0-9_-]{40,}[^\s"'<>]*/g;
export const removedLink = '[lien personnel retiré]';

function withoutTokenLinks(row: ExportRow, columns: string[] | undefined): ExportRow {
  if (!columns) return row;
  const copy = { ...row };
  for (const c of columns) {
    const value = copy[c];
    if (typeof value === 'string') copy[c] = value.replace(tokenLink, removedLink);
  }
  return copy;
}

async function sectionRows(db: Handle, columns: ColumnInfo[], source: PersonalDataSource, user: ExportRow) {
  const target = sql.identifier(source.column);
  const where =
    source.match === 'user' ? sql`${target} = ${user.id as string}` : emailIs(user.email as string, sql`${target}`);
  const orderBy = ['created_at', 'at', 'occurred_at'].find((name) =>
    columns.some((c) => c.table === source.table && c.column === name),
  );
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    selectVisible(columns, source.table, where, orderBy, source.only),
  );
  return rows.map((row) => withoutTokenLinks(plainRow(row), source.tokenLinks));
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
