// The last step of an erasure: a person's name, e-mail and phone may have been copied into free text anywhere (a
// contact log's « personnes rencontrées », an actor's history, a notification or a mail to someone else). Every
// text, varchar and jsonb column of every table is searched (information_schema) and each occurrence replaced by a
// neutral mention, so that a table added later is covered too. The rows themselves are kept: history stays.
import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { type ColumnInfo, publicColumns } from './sources.js';

export interface Needle {
  value: string;
  replacement: string;
}

/**
 * Tables left out: `audit_entries` holds no names (and refuses updates); `users` and `actor_people` are the
 * identity rows themselves, anonymised by field (a homonym's own row must not be renamed).
 */
const skippedTables = new Set(['audit_entries', 'users', 'actor_people']);
const scrubbedTypes = new Set(['text', 'character varying', 'jsonb']);
/** Shorter values (« Léa ») would replace ordinary words: only the fields that hold them are anonymised. */
export const minimumNeedleLength = 5;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Inside a jsonb's text a value with quotes or backslashes is escaped: such needles are not searched there. */
const jsonSafe = (text: string) => [...text].every((ch) => ch !== '"' && ch !== '\\' && ch >= ' ');

export function usableNeedles(needles: Needle[]): Needle[] {
  const seen = new Set<string>();
  return needles
    .map((n) => ({ ...n, value: n.value.trim() }))
    .filter((n) => {
      const key = n.value.toLowerCase();
      if (n.value.length < minimumNeedleLength || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function replaced(column: ColumnInfo, needles: Needle[]): SQL {
  const isJson = column.dataType === 'jsonb';
  let expression: SQL = isJson ? sql`${sql.identifier(column.column)}::text` : sql`${sql.identifier(column.column)}`;
  for (const n of needles) {
    if (isJson && !jsonSafe(n.value)) continue;
    expression = sql`regexp_replace(${expression}, ${escapeRegex(n.value)}, ${n.replacement}, 'gi')`;
  }
  return isJson ? sql`(${expression})::jsonb` : expression;
}

/** Replaces the needles in every free-text column; returns how many rows changed. */
export async function scrubFreeText(db: Handle, input: Needle[]): Promise<number> {
  const needles = usableNeedles(input);
  if (!needles.length) return 0;
  const any = needles.map((n) => escapeRegex(n.value)).join('|');
  const byTable = new Map<string, ColumnInfo[]>();
  for (const c of await publicColumns(db)) {
    if (skippedTables.has(c.table) || c.generated || !scrubbedTypes.has(c.dataType)) continue;
    byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  }
  let changed = 0;
  for (const [table, columns] of byTable) {
    const sets = sql.join(
      columns.map((c) => sql`${sql.identifier(c.column)} = ${replaced(c, needles)}`),
      sql`, `,
    );
    const matches = sql.join(
      columns.map((c) => sql`${sql.identifier(c.column)}::text ~* ${any}`),
      sql` OR `,
    );
    const result = (await db.execute(sql`UPDATE ${sql.identifier(table)} SET ${sets} WHERE ${matches}`)) as unknown as {
      rowCount?: number | null;
      affectedRows?: number;
    };
    changed += result.rowCount ?? result.affectedRows ?? 0;
  }
  return changed;
}
