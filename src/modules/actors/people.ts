// The people of an actor: personal data (names, e-mails, phones), never logged nor copied into history.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type FieldIssue, invalid } from '../../errors.js';
import type { ActorData } from './contract.js';
import { actorPeople } from './schema.js';

type PersonData = ActorData['people'][number];

export const personRow = (actorId: string, p: PersonData, position: number) => ({
  actorId,
  name: p.name,
  role: p.role,
  email: p.email ?? null,
  phone: p.phone ?? null,
  visibility: p.visibility,
  position,
});

/**
 * Replaces an actor's people by `people`, matched by id: updated when they changed, inserted when new (no id),
 * deleted when missing. An id that is not one of this actor's people, or given twice, is refused (`people.N.id`).
 * Returns how many there were and are, and whether anything changed (what goes into history).
 */
export async function replacePeople(db: Db, actorId: string, people: PersonData[]) {
  const existing = await db.select().from(actorPeople).where(eq(actorPeople.actorId, actorId));
  const byId = new Map(existing.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  people.forEach((p, i) => {
    if (p.id && (!byId.has(p.id) || seen.has(p.id))) issues.push({ field: `people.${i}.id`, code: 'invalid' });
    if (p.id) seen.add(p.id);
  });
  if (issues.length) throw invalid(issues);

  const removed = existing.filter((p) => !seen.has(p.id)).map((p) => p.id);
  if (removed.length) {
    await db.delete(actorPeople).where(and(eq(actorPeople.actorId, actorId), inArray(actorPeople.id, removed)));
  }
  let changed = removed.length > 0;
  for (const [i, p] of people.entries()) {
    const next = personRow(actorId, p, i);
    const current = p.id ? byId.get(p.id) : undefined;
    if (!current) {
      changed = true;
      await db.insert(actorPeople).values(next);
    } else if (
      current.name !== next.name ||
      current.role !== next.role ||
      current.email !== next.email ||
      current.phone !== next.phone ||
      current.visibility !== next.visibility ||
      current.position !== next.position
    ) {
      changed = true;
      await db.update(actorPeople).set(next).where(eq(actorPeople.id, current.id));
    }
  }
  return { before: existing.length, after: people.length, changed };
}
