// The actors' rules: plain functions taking a db handle, throwing the domain errors of src/errors.ts.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { forbidden, notFound, unauthenticated } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { communes } from '../reference/schema.js';
import type { ActorData, ActorDetail, historyEntry } from './contract.js';
import { type ActorFields, creationChanges, redactChanges, updateChanges } from './history.js';
import { personRow, replacePeople } from './people.js';
import { actorHistory, actorPeople, actors } from './schema.js';
import { checkReferences, parseActorData, unique } from './validation.js';
import {
  canEditActor,
  canSeePerson,
  effectiveFieldVisibility,
  hiddenFieldsFor,
  isOwnMember,
  isStaff,
  normaliseFieldVisibility,
  type Viewer,
} from './visibility.js';

export { actorsMap } from './map.js';
export { searchActors } from './search.js';

type ActorRow = typeof actors.$inferSelect;
type HistoryEntry = import('zod').infer<typeof historyEntry>;

/** The actor's own fields as stored: nulls rather than undefined, arrays without duplicates, overrides normalised. */
function actorFields(data: ActorData): ActorFields {
  return {
    family: data.family,
    subtype: data.subtype ?? null,
    companySize: data.companySize ?? null,
    companyStatus: data.companyStatus ?? null,
    name: data.name,
    rna: data.rna,
    siren: data.siren,
    siret: data.siret,
    address: data.address,
    postalCode: data.postalCode ?? null,
    communeCode: data.communeCode ?? null,
    website: data.website ?? null,
    email: data.email ?? null,
    phone: data.phone ?? null,
    description: data.description,
    themes: unique(data.themes),
    sdgs: unique(data.sdgs),
    contributions: unique(data.contributions),
    benefits: unique(data.benefits),
    contributionsText: data.contributionsText,
    benefitsText: data.benefitsText,
    fieldVisibility: normaliseFieldVisibility(data.fieldVisibility),
  };
}

function fieldsOfRow(row: ActorRow): ActorFields {
  return {
    ...actorFields({ ...row, people: [] } as unknown as ActorData),
    fieldVisibility: row.fieldVisibility,
  };
}

/** Creates an actor with its people, in one transaction with its history row. Staff only. Returns the new id. */
export async function createActor(db: Db, by: CurrentUser, data: ActorData): Promise<string> {
  if (!isStaff(by)) throw forbidden();
  const parsed = parseActorData(data);
  await checkReferences(db, parsed);
  const fields = actorFields(parsed);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(actors).values(fields).returning({ id: actors.id });
    if (!row) throw new Error('actor not inserted');
    if (parsed.people.length) {
      await tx.insert(actorPeople).values(parsed.people.map((p, i) => personRow(row.id, p, i)));
    }
    await tx.insert(actorHistory).values({
      actorId: row.id,
      userId: by.id,
      action: 'create',
      changes: creationChanges(fields, parsed.people.length),
    });
    return row.id;
  });
}

/**
 * Replaces an actor's fields and people (matched by id: updated, inserted, or deleted when missing), in one
 * transaction with a history row of the differences. Staff: any actor; a member: its own organisation only.
 */
export async function updateActor(db: Db, by: CurrentUser, id: string, data: ActorData): Promise<void> {
  if (!canEditActor(by, id)) throw forbidden();
  const parsed = parseActorData(data);
  await checkReferences(db, parsed);
  const fields = actorFields(parsed);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(actors).where(eq(actors.id, id)).for('update');
    if (!before) throw notFound('Acteur');
    const people = await replacePeople(tx, id, parsed.people);
    const changes = updateChanges(fieldsOfRow(before), fields, people);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(actors)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(actors.id, id));
    await tx.insert(actorHistory).values({ actorId: id, userId: by.id, action: 'update', changes });
  });
}

/** Deletes an actor, its people and history. Staff only. */
export async function deleteActor(db: Db, by: CurrentUser, id: string): Promise<void> {
  if (!isStaff(by)) throw forbidden();
  const deleted = await db.delete(actors).where(eq(actors.id, id)).returning({ id: actors.id });
  if (deleted.length === 0) throw notFound('Acteur');
}

/** One actor as this viewer may see it (src/modules/actors/visibility.ts). */
export async function getActor(db: Db, viewer: Viewer, id: string): Promise<ActorDetail> {
  const [found] = await db
    .select({ actor: actors, communeName: communes.name, latitude: communes.latitude, longitude: communes.longitude })
    .from(actors)
    .leftJoin(communes, eq(communes.code, actors.communeCode))
    .where(eq(actors.id, id));
  if (!found) throw notFound('Acteur');
  const a = found.actor;
  const hidden = new Set<string>(hiddenFieldsFor(viewer, id, a.fieldVisibility));
  const shown = <T>(field: string, value: T | null) => (hidden.has(field) ? null : value);

  const maySeePeople = viewer !== null && viewer.role !== 'observer';
  const people = maySeePeople
    ? (
        await db
          .select()
          .from(actorPeople)
          .where(eq(actorPeople.actorId, id))
          .orderBy(asc(actorPeople.position), asc(actorPeople.createdAt), asc(actorPeople.id))
      ).filter((p) => canSeePerson(viewer, id, p.visibility))
    : [];

  return {
    id: a.id,
    family: a.family,
    subtype: a.subtype,
    companySize: a.companySize as ActorDetail['companySize'],
    companyStatus: a.companyStatus as ActorDetail['companyStatus'],
    name: a.name,
    rna: shown('rna', a.rna),
    siren: shown('siren', a.siren),
    siret: shown('siret', a.siret),
    address: shown('address', a.address),
    postalCode: a.postalCode,
    communeCode: a.communeCode,
    communeName: found.communeName,
    latitude: found.latitude,
    longitude: found.longitude,
    website: shown('website', a.website),
    email: shown('email', a.email),
    phone: shown('phone', a.phone),
    description: a.description,
    themes: a.themes,
    sdgs: a.sdgs,
    contributions: a.contributions,
    benefits: a.benefits,
    contributionsText: a.contributionsText,
    benefitsText: a.benefitsText,
    fieldVisibility: effectiveFieldVisibility(a.fieldVisibility),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      email: p.email,
      phone: p.phone,
      visibility: p.visibility,
    })),
    // Only fields that hold a value: the page can then say "sign in to see the e-mail" without inventing one.
    hiddenFields: [...hidden].filter((field) => a[field as keyof ActorRow] !== null),
    canEdit: canEditActor(viewer, id),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/**
 * Every change to an actor, newest first, with the author's display name. Observers and staff read any actor's
 * history, a member only its own organisation's; values of fields the reader may not read are blanked.
 */
export async function listActorHistory(db: Db, viewer: Viewer, id: string): Promise<HistoryEntry[]> {
  if (viewer === null) throw unauthenticated();
  if (!(isStaff(viewer) || viewer.role === 'observer' || isOwnMember(viewer, id))) throw forbidden();
  const [actor] = await db.select({ fieldVisibility: actors.fieldVisibility }).from(actors).where(eq(actors.id, id));
  if (!actor) throw notFound('Acteur');
  const rows = await db
    .select({
      id: actorHistory.id,
      at: actorHistory.at,
      action: actorHistory.action,
      userName: users.displayName,
      changes: actorHistory.changes,
    })
    .from(actorHistory)
    .leftJoin(users, eq(users.id, actorHistory.userId))
    .where(eq(actorHistory.actorId, id))
    .orderBy(desc(actorHistory.at), desc(actorHistory.id));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    userName: r.userName,
    changes: redactChanges(viewer, id, actor.fieldVisibility, r.changes),
  }));
}
