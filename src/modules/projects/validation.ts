// Checks of project data beyond its shape: its carriers are known associations; its themes, SDGs and communes exist.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type FieldIssue, invalid, parseInput } from '../../errors.js';
import { actors } from '../actors/schema.js';
import { unknownCommunes, unknownSdgs, unknownThemes } from '../reference/checks.js';
import { type ProjectData, projectInput } from './contract.js';

/** Validates again with the contract's schema, so that callers other than the routes (demo data) get the same rules. */
export function parseProjectData(data: ProjectData): ProjectData {
  return parseInput(projectInput, data);
}

/**
 * Issues for carriers that are unknown or not associations (a project is carried by associations; several make a
 * collective offer), and for unknown themes, SDGs and communes; each names the offending array element.
 */
export async function checkProjectReferences(db: Db, data: ProjectData): Promise<void> {
  const issues: FieldIssue[] = [];
  const carrierIds = data.carriers.map((c) => c.actorId);
  const [carrierRows, themeIssues, sdgIssues, communeIssues] = await Promise.all([
    db.select({ id: actors.id, family: actors.family }).from(actors).where(inArray(actors.id, carrierIds)),
    unknownThemes(db, data.themes),
    unknownSdgs(db, data.sdgs),
    unknownCommunes(db, data.communeCodes),
  ]);
  const families = new Map(carrierRows.map((r) => [r.id, r.family]));
  data.carriers.forEach((c, i) => {
    const family = families.get(c.actorId);
    if (family === undefined) issues.push({ field: `carriers.${i}.actorId`, code: 'unknownActor' });
    else if (family !== 'association') issues.push({ field: `carriers.${i}.actorId`, code: 'carrierNotAssociation' });
  });
  issues.push(...themeIssues, ...sdgIssues, ...communeIssues);
  if (issues.length) throw invalid(issues);
}
