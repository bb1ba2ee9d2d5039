// Whether the themes, SDGs and communes that a module's data names exist: one field issue per unknown value. Shared by
// actors, needs and offers, projects, partnerships and alliances, which all check the same references the same way.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { FieldIssue } from '../../errors.js';
import { communes, sdgs, themes } from './schema.js';

/** The field of the i-th value: `themes.0`, `communeCodes.2`… */
type FieldOf = (i: number) => string;

/** One issue, with this code, for each value that is not among the known ones, in the order given. */
export function missingIssues<T>(values: T[], known: Iterable<T>, field: FieldOf, code: string): FieldIssue[] {
  const found = new Set(known);
  const issues: FieldIssue[] = [];
  values.forEach((v, i) => {
    if (!found.has(v)) issues.push({ field: field(i), code });
  });
  return issues;
}

/** Issues `unknownTheme` for the themes that do not exist (no query when there are none). */
export async function unknownThemes(db: Db, ids: string[], field: FieldOf = (i) => `themes.${i}`) {
  if (!ids.length) return [];
  const rows = await db.select({ id: themes.id }).from(themes).where(inArray(themes.id, ids));
  return missingIssues(
    ids,
    rows.map((r) => r.id),
    field,
    'unknownTheme',
  );
}

/** Issues `unknownSdg` for the sustainable development goals that do not exist. */
export async function unknownSdgs(db: Db, numbers: number[], field: FieldOf = (i) => `sdgs.${i}`) {
  if (!numbers.length) return [];
  const rows = await db.select({ n: sdgs.number }).from(sdgs).where(inArray(sdgs.number, numbers));
  return missingIssues(
    numbers,
    rows.map((r) => r.n),
    field,
    'unknownSdg',
  );
}

/** Issues `unknownCommune` for the INSEE codes that are not communes. */
export async function unknownCommunes(db: Db, codes: string[], field: FieldOf = (i) => `communeCodes.${i}`) {
  if (!codes.length) return [];
  const rows = await db.select({ code: communes.code }).from(communes).where(inArray(communes.code, codes));
  return missingIssues(
    codes,
    rows.map((r) => r.code),
    field,
    'unknownCommune',
  );
}
