// Checks of actor data beyond its shape: the references it makes to communes, themes and the stakeholder taxonomy.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type FieldIssue, invalid } from '../../errors.js';
import { communes, stakeholderItems, themes } from '../reference/schema.js';
import { type ActorData, actorInput } from './contract.js';

/**
 * Validates again with the contract's schema, so that callers other than the HTTP routes (demo data, imports) get the
 * same rules; zod's messages are our codes (src/http/messages.ts) and its paths the field names.
 */
export function parseActorData(data: ActorData): ActorData {
  const parsed = actorInput.safeParse(data);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', code: i.message })));
}

/** Issues for references to unknown communes, themes, or stakeholder items not of the actor's family and direction. */
export async function checkReferences(db: Db, data: ActorData): Promise<void> {
  const issues: FieldIssue[] = [];
  if (data.communeCode) {
    const [found] = await db.select({ code: communes.code }).from(communes).where(eq(communes.code, data.communeCode));
    if (!found) issues.push({ field: 'communeCode', code: 'unknownCommune' });
  }
  if (data.themes.length) {
    const rows = await db.select({ id: themes.id }).from(themes).where(inArray(themes.id, data.themes));
    const known = new Set(rows.map((r) => r.id));
    data.themes.forEach((id, i) => {
      if (!known.has(id)) issues.push({ field: `themes.${i}`, code: 'unknownTheme' });
    });
  }
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
