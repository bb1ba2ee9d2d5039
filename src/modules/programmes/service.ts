// Creating and editing a programme (staff only): name, description, dates; its address (slug) made unique.
import { eq, like } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { parseInput } from '../../errors.js';
import { slugOf } from '../../http/slug.js';
import { requireStaff, type Viewer } from '../actors/visibility.js';
import { requireProgramme } from './common.js';
import { type ProgrammeInput, programmeFields } from './contract.js';
import { programmes } from './schema.js';

/** `envies-d-alliances`, else `envies-d-alliances-2`, `-3`… (the programme's own slug is free for itself). */
export async function uniqueSlug(db: Handle, name: string, selfId?: string): Promise<string> {
  const base = slugOf(name, 'programme');
  const taken = await db
    .select({ id: programmes.id, slug: programmes.slug })
    .from(programmes)
    .where(like(programmes.slug, `${base}%`));
  const used = new Set(taken.filter((t) => t.id !== selfId).map((t) => t.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export async function createProgramme(db: Handle, by: Viewer, input: ProgrammeInput, replicatedFrom?: string) {
  requireStaff(by);
  const data = parseInput(programmeFields, input);
  const [row] = await db
    .insert(programmes)
    .values({ ...data, slug: await uniqueSlug(db, data.name), createdBy: by.id, replicatedFrom })
    .returning({ id: programmes.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function updateProgramme(db: Db, by: Viewer, id: string, input: ProgrammeInput): Promise<void> {
  requireStaff(by);
  const data = parseInput(programmeFields, input);
  const current = await requireProgramme(db, id);
  const slug = current.name === data.name ? current.slug : await uniqueSlug(db, data.name, id);
  await db
    .update(programmes)
    .set({ ...data, slug, updatedAt: new Date() })
    .where(eq(programmes.id, id));
}

/** Marks the programme as changed (its page's updatedAt), inside the writer's transaction. */
export const touchProgramme = (tx: Handle, id: string) =>
  tx.update(programmes).set({ updatedAt: new Date() }).where(eq(programmes.id, id));
