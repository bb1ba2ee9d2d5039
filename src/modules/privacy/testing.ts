// Test helpers for the privacy module: a scan of every free-text column of the database for given values.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { type ColumnInfo, publicColumns } from './sources.js';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const scannedTypes = ['text', 'character varying', 'jsonb'];

/** `table.column` of every text, varchar or jsonb column holding one of the values (case-insensitive). */
export async function columnsHolding(db: Db, values: string[], skipTables: string[] = []): Promise<string[]> {
  const pattern = values.map(escapeRegex).join('|');
  const byTable = new Map<string, ColumnInfo[]>();
  for (const c of await publicColumns(db)) {
    if (skipTables.includes(c.table) || !scannedTypes.includes(c.dataType)) continue;
    byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  }
  const found: string[] = [];
  for (const [table, columns] of byTable) {
    const checks = sql.join(
      columns.map(
        (c, i) => sql`bool_or(${sql.identifier(c.column)}::text ~* ${pattern}) AS ${sql.identifier(`c${i}`)}`,
      ),
      sql`, `,
    );
    const [row] = await rowsOf<Record<string, boolean | null>>(db, sql`SELECT ${checks} FROM ${sql.identifier(table)}`);
    columns.forEach((c, i) => {
      if (row?.[`c${i}`]) found.push(`${c.table}.${c.column}`);
    });
  }
  return found;
}
