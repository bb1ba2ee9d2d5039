// What an import keeps: a territory's communes (reference tables territories / territory_communes) or a department.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { territories, territoryCommunes } from '../reference/schema.js';
import type { ImportScope } from './types.js';

/** A department code as INSEE writes it: 01–95 (2A, 2B for Corsica) or 971–976 overseas. */
const departementPattern = /^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/;

export class ScopeError extends Error {
  override name = 'ScopeError';
}

export type ScopeChoice = { territory: string } | { departement: string };

/** The scope of a territory (its communes) or a department; ScopeError naming the known territories otherwise. */
export async function resolveScope(db: Db, choice: ScopeChoice): Promise<ImportScope> {
  if ('departement' in choice) {
    const code = choice.departement.trim().toUpperCase();
    if (!departementPattern.test(code)) throw new ScopeError(`Département inconnu : ${choice.departement}`);
    return { communeCodes: null, departement: code };
  }
  const rows = await db
    .select({ code: territoryCommunes.communeCode })
    .from(territoryCommunes)
    .where(eq(territoryCommunes.territoryId, choice.territory));
  if (rows.length === 0) {
    const known = await db.select({ id: territories.id }).from(territories).orderBy(asc(territories.id));
    const list = known.map((t) => t.id).join(', ') || 'aucun';
    throw new ScopeError(`Territoire inconnu : ${choice.territory} (territoires connus : ${list})`);
  }
  return { communeCodes: new Set(rows.map((r) => r.code)), departement: null };
}
