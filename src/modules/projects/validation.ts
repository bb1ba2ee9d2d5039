// Checks of project data beyond its shape: its carriers are known associations; its themes, SDGs and communes exist.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type FieldIssue, invalid } from '../../errors.js';
import { actors } from '../actors/schema.js';
import { communes, sdgs, themes } from '../reference/schema.js';
import { type ProjectData, projectInput } from './contract.js';

/** Validates again with the contract's schema, so that callers other than the routes (demo data) get the same rules. */
export function parseProjectData(data: ProjectData): ProjectData {
  const parsed = projectInput.safeParse(data);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', code: i.message })));
}

/**
 * Issues for carriers that are unknown or not associations (a project is carried by associations; several make a
 * collective offer), and for unknown themes, SDGs and communes; each names the offending array element.
 */
export async function checkProjectReferences(db: Db, data: ProjectData): Promise<void> {
  const issues: FieldIssue[] = [];
  const carrierIds = data.carriers.map((c) => c.actorId);
  const [carrierRows, themeRows, sdgRows, communeRows] = await Promise.all([
    db.select({ id: actors.id, family: actors.family }).from(actors).where(inArray(actors.id, carrierIds)),
    data.themes.length ? db.select({ id: themes.id }).from(themes).where(inArray(themes.id, data.themes)) : [],
    data.sdgs.length ? db.select({ n: sdgs.number }).from(sdgs).where(inArray(sdgs.number, data.sdgs)) : [],
    data.communeCodes.length
      ? db.select({ code: communes.code }).from(communes).where(inArray(communes.code, data.communeCodes))
      : [],
  ]);
  const families = new Map(carrierRows.map((r) => [r.id, r.family]));
  data.carriers.forEach((c, i) => {
    const family = families.get(c.actorId);
    if (family === undefined) issues.push({ field: `carriers.${i}.actorId`, code: 'unknownActor' });
    else if (family !== 'association') issues.push({ field: `carriers.${i}.actorId`, code: 'carrierNotAssociation' });
  });
  const knownThemes = new Set(themeRows.map((r) => r.id));
  data.themes.forEach((id, i) => {
    if (!knownThemes.has(id)) issues.push({ field: `themes.${i}`, code: 'unknownTheme' });
  });
  const knownSdgs = new Set(sdgRows.map((r) => r.n));
  data.sdgs.forEach((n, i) => {
    if (!knownSdgs.has(n)) issues.push({ field: `sdgs.${i}`, code: 'unknownSdg' });
  });
  const knownCommunes = new Set(communeRows.map((r) => r.code));
  data.communeCodes.forEach((code, i) => {
    if (!knownCommunes.has(code)) issues.push({ field: `communeCodes.${i}`, code: 'unknownCommune' });
  });
  if (issues.length) throw invalid(issues);
}
