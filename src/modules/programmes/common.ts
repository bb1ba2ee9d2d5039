// Small helpers shared by the programme services: the programme row (404 when unknown), the dates they compute with.
import { eq } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { programmes } from './schema.js';

export type ProgrammeRow = typeof programmes.$inferSelect;

/** The programme, or 404. */
export async function requireProgramme(db: Handle, id: string): Promise<ProgrammeRow> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  if (!row) throw notFound('Programme');
  return row;
}

const dayMs = 24 * 3600_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** `2017-01-31` + 1 → `2017-02-01` (calendar days, no time zone involved). */
export const addDays = (iso: string, days: number) => new Date(utc(iso) + days * dayMs).toISOString().slice(0, 10);

/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / dayMs);

const parisDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** The day of an instant in France (`2017-03-09` for 00:30 on the 9th in Paris, which is still the 8th in UTC). */
export const parisDay = (d: Date) => parisDays.format(d);

/** Today's date (UTC), as the database's `current_date` reads it. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The earliest and latest of ISO dates (which sort as text). */
export const minDay = (days: string[]) => [...days].sort()[0] ?? '';
export const maxDay = (days: string[]) => [...days].sort().at(-1) ?? '';
