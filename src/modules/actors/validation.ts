// Checks of actor data beyond its shape: the references it makes to communes, themes and the stakeholder taxonomy.
import { eq, inArray } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { unknownIds } from '../../db/ids.js';
import { type FieldIssue, invalid, parseInput } from '../../errors.js';
import { unknownThemes } from '../reference/checks.js';
import { communes, stakeholderItems } from '../reference/schema.js';
import { type ActorData, actorInput } from './contract.js';
import { actors } from './schema.js';

/**
 * Validates again with the contract's schema, so that callers other than the HTTP routes (demo data, imports) get the
 * same rules; zod's messages are our codes (src/http/messages.ts) and its paths the field names.
 */
export function parseActorData(data: ActorData): ActorData {
  return parseInput(actorInput, data);
}

/** Issues for references to unknown communes, themes, or stakeholder items not of the actor's family and direction. */
export async function checkReferences(db: Handle, data: ActorData): Promise<void> {
  const issues: FieldIssue[] = [];
  if (data.communeCode) {
    const [found] = await db.select({ code: communes.code }).from(communes).where(eq(communes.code, data.communeCode));
    if (!found) issues.push({ field: 'communeCode', code: 'unknownCommune' });
  }
  issues.push(...(await unknownThemes(db, data.themes)));
  const itemIds = [...data.contributions, ...data.benefits];
  if (itemIds.length) {
    const rows = await db
      .select({ id: stakeholderItems.id, family: stakeholderItems.family, direction: stakeholderItems.direction })
      .from(stakeholderItems)
      .where(inArray(stakeholderItems.id, itemIds));
    const items = new Map(rows.map((r) => [r.id, r]));
    for (const direction of ['contribution', 'benefit'] as const) {
      const list = direction === 'contribution' ? data.contributions : data.benefits;
      list.forEach((id, i) => {
        const item = items.get(id);
        if (!item || item.family !== data.family || item.direction !== direction) {
          issues.push({
            field: `${direction === 'contribution' ? 'contributions' : 'benefits'}.${i}`,
            code: 'unknownItem',
          });
        }
      });
    }
  }
  if (issues.length) throw invalid(issues);
}

export const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Issues `unknownActor` for the actors that do not exist, each named by its own field (`partners.0.actorId`). */
export async function unknownActors(db: Handle, refs: { field: string; id: string }[]): Promise<FieldIssue[]> {
  const unknown = await unknownIds(
    db,
    actors.id,
    refs.map((r) => r.id),
  );
  return refs.filter((r) => unknown.has(r.id)).map((r) => ({ field: r.field, code: 'unknownActor' }));
}
