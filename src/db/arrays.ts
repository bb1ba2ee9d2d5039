import { type SQL, sql } from 'drizzle-orm';

/** A PostgreSQL array literal of strings: `{"a","b"}`, quotes and backslashes escaped. */
export function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * Arrays as one bound parameter (Drizzle's `sql` would spread a JS array into a list of parameters).
 */
export const textArray = (values: readonly string[]): SQL => sql`${arrayLiteral(values)}::text[]`;
export const smallintArray = (values: readonly number[]): SQL => sql`${arrayLiteral(values)}::smallint[]`;
export const uuidArray = (values: readonly string[]): SQL => sql`${arrayLiteral(values)}::uuid[]`;
export const floatArray = (values: readonly number[]): SQL => sql`${arrayLiteral(values)}::float8[]`;
