// The contact log's rules: plain functions taking a db handle and the caller, throwing the domain errors of
// src/errors.ts. Who reads what is decided in src/modules/contacts/visibility.ts.
import { and, asc, count, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type FieldIssue, forbidden, invalid, notFound, unauthenticated } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { unknownActors } from '../actors/validation.js';
import { isOwnMember, isStaff } from '../actors/visibility.js';
import { todayInParis } from '../needs-offers/contract.js';
import { partnerActorIds, partnershipAccess } from '../partnerships/access.js';
import { partnershipEvents, partnershipPartners, partnerships } from '../partnerships/schema.js';
import type {
  ContactData,
  ContactPage,
  ContactView,
  FollowUp,
  NextStepView,
  OwnerChoice,
  PartnershipChoice,
} from './contract.js';
import { contactLogs, contactNextSteps } from './schema.js';
import { canChangeContact, canLogContact, type ReadLevel, readLevel, type Viewer } from './visibility.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type ContactRow = typeof contactLogs.$inferSelect;

/** Today in Paris, `YYYY-MM-DD`: due dates are French calendar dates (the same day as needs' deadlines). */
export { todayInParis };

const iso = (d: Date) => d.toISOString();

/** The partnerships the given actor is a partner of, as a subquery. */
const partnershipsOf = (db: Db, actorId: string) =>
  db
    .select({ id: partnershipPartners.partnershipId })
    .from(partnershipPartners)
    .where(eq(partnershipPartners.actorId, actorId));

/** What a member reads: contacts with its own organisation, and contacts about its organisation's partnerships. */
function memberFilter(db: Db, viewer: CurrentUser): SQL {
  if (viewer.actorId === null) return sql`false`;
  return or(
    eq(contactLogs.actorId, viewer.actorId),
    inArray(contactLogs.partnershipId, partnershipsOf(db, viewer.actorId)),
  ) as SQL;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const contactColumns = {
  contact: contactLogs,
  actorName: actors.name,
  partnershipTitle: partnerships.title,
  authorName: users.displayName,
};

const selectContacts = (db: Db) =>
  db
    .select(contactColumns)
    .from(contactLogs)
    .innerJoin(actors, eq(actors.id, contactLogs.actorId))
    .leftJoin(partnerships, eq(partnerships.id, contactLogs.partnershipId))
    .leftJoin(users, eq(users.id, contactLogs.authorId));

type SelectedContact = Awaited<ReturnType<ReturnType<typeof selectContacts>['execute']>>[number];

async function nextStepsOf(db: Db, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return db
    .select({ step: contactNextSteps, ownerName: users.displayName })
    .from(contactNextSteps)
    .leftJoin(users, eq(users.id, contactNextSteps.ownerId))
    .where(inArray(contactNextSteps.contactId, contactIds))
    .orderBy(
      sql`${contactNextSteps.dueOn} asc nulls last`,
      asc(contactNextSteps.description),
      asc(contactNextSteps.id),
    );
}

function stepView(
  step: typeof contactNextSteps.$inferSelect,
  ownerName: string | null,
  level: ReadLevel,
): NextStepView {
  const full = level === 'full';
  return {
    id: step.id,
    description: full ? step.description : null,
    ownerId: full ? step.ownerId : null,
    ownerName: full ? ownerName : null,
    dueOn: step.dueOn,
    doneAt: step.doneAt ? iso(step.doneAt) : null,
  };
}

/** Contacts as the viewer may read them; `levels` gives each contact's read level (never null here). */
async function views(
  db: Db,
  viewer: CurrentUser,
  rows: SelectedContact[],
  levelOf: (row: ContactRow) => ReadLevel,
): Promise<ContactView[]> {
  const steps = await nextStepsOf(
    db,
    rows.map((r) => r.contact.id),
  );
  return rows.map(({ contact: c, actorName, partnershipTitle, authorName }) => {
    const level = levelOf(c);
    const full = level === 'full';
    return {
      id: c.id,
      actorId: c.actorId,
      actorName,
      partnershipId: c.partnershipId,
      partnershipTitle,
      kind: c.kind,
      occurredAt: iso(c.occurredAt),
      subject: c.subject,
      people: full ? c.people : null,
      notes: full ? c.notes : null,
      authorId: full ? c.authorId : null,
      authorName: full ? authorName : null,
      nextSteps: steps.filter((s) => s.step.contactId === c.id).map((s) => stepView(s.step, s.ownerName, level)),
      canEdit: canChangeContact(viewer, c.authorId),
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    };
  });
}

/** The partners of the contact's partnership (none without one). */
const partnersOf = (db: Db, partnershipId: string | null) =>
  partnershipId ? partnerActorIds(db, partnershipId) : Promise.resolve([]);

/** One contact as the viewer may read it; one the viewer may not read is reported as not found. */
export async function getContact(db: Db, viewer: Viewer, id: string): Promise<ContactView> {
  if (viewer === null) throw unauthenticated();
  const [row] = await selectContacts(db).where(eq(contactLogs.id, id));
  if (!row) throw notFound('Échange');
  const level = readLevel(viewer, row.contact.actorId, await partnersOf(db, row.contact.partnershipId));
  if (level === null) throw notFound('Échange');
  const [view] = await views(db, viewer, [row], () => level);
  if (!view) throw notFound('Échange');
  return view;
}

interface PageQuery {
  page: number;
  pageSize: number;
}

async function contactPage(
  db: Db,
  viewer: CurrentUser,
  where: SQL,
  level: ReadLevel,
  query: PageQuery,
  canLog: boolean,
): Promise<ContactPage> {
  const [rows, [total]] = await Promise.all([
    selectContacts(db)
      .where(where)
      .orderBy(desc(contactLogs.occurredAt), desc(contactLogs.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(contactLogs).where(where),
  ]);
  return {
    items: await views(db, viewer, rows, () => level),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    canLog,
  };
}

/**
 * The contacts with an actor, newest first. Staff read them all; observers read that they happened (no people, no
 * notes, no next steps' content); a member reads those with its own organisation and those about its partnerships.
 */
export async function listActorContacts(db: Db, viewer: Viewer, actorId: string, query: PageQuery) {
  if (viewer === null) throw unauthenticated();
  const [actor] = await db.select({ id: actors.id }).from(actors).where(eq(actors.id, actorId));
  if (!actor) throw notFound('Acteur');
  const ofActor = eq(contactLogs.actorId, actorId);
  const level: ReadLevel = viewer.role === 'observer' ? 'summary' : 'full';
  // Anyone but staff, observers and the actor's own members (a member of another organisation, a citizen) reads only
  // the contacts about its own organisation's partnerships, if any.
  const seesAll = isStaff(viewer) || viewer.role === 'observer' || isOwnMember(viewer, actorId);
  const where = seesAll ? ofActor : (and(ofActor, memberFilter(db, viewer)) as SQL);
  return contactPage(db, viewer, where, level, query, canLogContact(viewer, actorId, []));
}

/**
 * The contacts about a partnership, newest first: staff and the partners' members read them in full, observers
 * without people nor notes; anyone else (a published partnership seen by a non-partner) reads none.
 */
export async function listPartnershipContacts(db: Db, viewer: Viewer, partnershipId: string, query: PageQuery) {
  if (viewer === null) throw unauthenticated();
  const access = await partnershipAccess(db, viewer, partnershipId);
  if (access === 'public') {
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize, canLog: false };
  }
  const level: ReadLevel = access === 'edit' ? 'full' : 'summary';
  return contactPage(db, viewer, eq(contactLogs.partnershipId, partnershipId), level, query, access === 'edit');
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/**
 * Checks a contact before it is written: the caller may log it (403 otherwise), the actor exists, the partnership
 * counts the actor among its partners, each next step's owner may own it. Field issues are reported all at once.
 */
async function checkContact(db: Db, by: CurrentUser, data: ContactData): Promise<void> {
  const partnerIds = await partnersOf(db, data.partnershipId);
  if (!canLogContact(by, data.actorId, partnerIds)) throw forbidden();
  const issues: FieldIssue[] = await unknownActors(db, [{ field: 'actorId', id: data.actorId }]);
  if (data.partnershipId && !partnerIds.includes(data.actorId)) {
    issues.push({ field: 'partnershipId', code: 'partnershipNotOfActor' });
  }
  const allowed = await allowedOwners(
    db,
    data.nextSteps.map((s) => s.ownerId),
    [data.actorId, ...partnerIds],
  );
  data.nextSteps.forEach((s, i) => {
    if (s.ownerId !== null && !allowed.has(s.ownerId)) {
      issues.push({ field: `nextSteps.${i}.ownerId`, code: 'ownerNotAllowed' });
    }
  });
  if (issues.length) throw invalid(issues);
}

/** Who may own a next step on these organisations: active staff users, and the active members of the organisations. */
function ownerCondition(actorIds: string[]): SQL {
  const memberOf = actorIds.length > 0 ? and(eq(users.role, 'member'), inArray(users.actorId, actorIds)) : sql`false`;
  return and(isNull(users.disabledAt), or(inArray(users.role, ['admin', 'animator']), memberOf)) as SQL;
}

/** Among the given user ids, those who may own a next step on these organisations. */
async function allowedOwners(db: Db, ids: (string | null)[], actorIds: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), ownerCondition(actorIds)));
  return new Set(rows.map((r) => r.id));
}

const logged = (tx: Tx, by: CurrentUser, partnershipId: string, contactId: string, data: ContactData) =>
  tx.insert(partnershipEvents).values({
    partnershipId,
    userId: by.id,
    kind: 'contactLogged',
    data: { contactId, contactKind: data.kind, subject: data.subject },
  });

const contactFields = (data: ContactData) => ({
  actorId: data.actorId,
  partnershipId: data.partnershipId,
  kind: data.kind,
  occurredAt: new Date(data.occurredAt),
  subject: data.subject,
  people: data.people,
  notes: data.notes,
});

/**
 * Logs a contact with its next steps; on a partnership, the partnership's timeline gets a `contactLogged` event in
 * the same transaction. Staff: any actor; a member: its own organisation, or a partnership its organisation is a
 * partner of. Returns the new id.
 */
export async function createContact(db: Db, by: CurrentUser, data: ContactData): Promise<string> {
  await checkContact(db, by, data);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactLogs)
      .values({ ...contactFields(data), authorId: by.id })
      .returning({ id: contactLogs.id });
    if (!row) throw new Error('contact not inserted');
    if (data.nextSteps.length) {
      const now = new Date();
      await tx.insert(contactNextSteps).values(
        data.nextSteps.map((s) => ({
          contactId: row.id,
          description: s.description,
          ownerId: s.ownerId,
          dueOn: s.dueOn,
          doneAt: s.done ? now : null,
        })),
      );
    }
    if (data.partnershipId) await logged(tx, by, data.partnershipId, row.id, data);
    return row.id;
  });
}

/** The contact to change: one the caller may not read is not found; only its author and staff may change it. */
async function contactToChange(db: Db, by: CurrentUser, id: string): Promise<ContactRow> {
  const [row] = await db.select().from(contactLogs).where(eq(contactLogs.id, id));
  if (!row) throw notFound('Échange');
  if (readLevel(by, row.actorId, await partnersOf(db, row.partnershipId)) === null) throw notFound('Échange');
  if (!canChangeContact(by, row.authorId)) throw forbidden();
  return row;
}

/**
 * Replaces a contact and its next steps (matched by id: updated, added, or removed when missing), in one
 * transaction. Its author or staff only; a member must still be allowed to log the contact as changed.
 */
export async function updateContact(db: Db, by: CurrentUser, id: string, data: ContactData): Promise<void> {
  const before = await contactToChange(db, by, id);
  await checkContact(db, by, data);
  await db.transaction(async (tx) => {
    await tx
      .update(contactLogs)
      .set({ ...contactFields(data), updatedAt: new Date() })
      .where(eq(contactLogs.id, id));
    const existing = await tx
      .select({ id: contactNextSteps.id, doneAt: contactNextSteps.doneAt })
      .from(contactNextSteps)
      .where(eq(contactNextSteps.contactId, id))
      .for('update');
    const kept = new Map(existing.map((s) => [s.id, s]));
    const now = new Date();
    const seen = new Set<string>();
    for (const s of data.nextSteps) {
      const current = s.id ? kept.get(s.id) : undefined;
      if (current && !seen.has(current.id)) {
        seen.add(current.id);
        const doneAt = s.done === undefined ? current.doneAt : s.done ? (current.doneAt ?? now) : null;
        await tx
          .update(contactNextSteps)
          .set({ description: s.description, ownerId: s.ownerId, dueOn: s.dueOn, doneAt })
          .where(eq(contactNextSteps.id, current.id));
      } else {
        await tx.insert(contactNextSteps).values({
          contactId: id,
          description: s.description,
          ownerId: s.ownerId,
          dueOn: s.dueOn,
          doneAt: s.done ? now : null,
        });
      }
    }
    const removed = existing.filter((s) => !seen.has(s.id)).map((s) => s.id);
    if (removed.length) await tx.delete(contactNextSteps).where(inArray(contactNextSteps.id, removed));
    if (data.partnershipId && data.partnershipId !== before.partnershipId) {
      await logged(tx, by, data.partnershipId, id, data);
    }
  });
}

/** Deletes a contact and its next steps. Its author or staff only. */
export async function deleteContact(db: Db, by: CurrentUser, id: string): Promise<void> {
  await contactToChange(db, by, id);
  await db.delete(contactLogs).where(eq(contactLogs.id, id));
}

export interface NextStepPatch {
  done?: boolean | undefined;
  dueOn?: string | null | undefined;
  ownerId?: string | null | undefined;
}

/**
 * Closes or reopens a next step, changes its due date or its owner: by its owner, the contact's author or staff.
 * A next step of a contact the caller may not read is not found.
 */
export async function patchNextStep(db: Db, by: CurrentUser, id: string, patch: NextStepPatch): Promise<NextStepView> {
  const [found] = await db
    .select({ step: contactNextSteps, contact: contactLogs })
    .from(contactNextSteps)
    .innerJoin(contactLogs, eq(contactLogs.id, contactNextSteps.contactId))
    .where(eq(contactNextSteps.id, id));
  if (!found) throw notFound('Prochaine étape');
  const { step, contact } = found;
  const partnerIds = await partnersOf(db, contact.partnershipId);
  const owner = step.ownerId !== null && step.ownerId === by.id;
  if (!(owner || canChangeContact(by, contact.authorId))) {
    throw readLevel(by, contact.actorId, partnerIds) === null ? notFound('Prochaine étape') : forbidden();
  }
  if (patch.ownerId) {
    const allowed = await allowedOwners(db, [patch.ownerId], [contact.actorId, ...partnerIds]);
    if (!allowed.has(patch.ownerId)) throw invalid([{ field: 'ownerId', code: 'ownerNotAllowed' }]);
  }
  const set: Partial<typeof contactNextSteps.$inferInsert> = {};
  if (patch.done !== undefined) set.doneAt = patch.done ? (step.doneAt ?? new Date()) : null;
  if (patch.dueOn !== undefined) set.dueOn = patch.dueOn;
  if (patch.ownerId !== undefined) set.ownerId = patch.ownerId;
  const [updated] = await db.update(contactNextSteps).set(set).where(eq(contactNextSteps.id, id)).returning();
  if (!updated) throw notFound('Prochaine étape');
  const [ownerRow] = updated.ownerId
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, updated.ownerId))
    : [];
  return stepView(updated, ownerRow?.name ?? null, 'full');
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-ups and form choices

/**
 * My open next steps (and, for staff who ask, the open ones I assigned to others on contacts I logged), overdue
 * first then by due date, those without a due date last.
 */
export async function listFollowUps(
  db: Db,
  viewer: Viewer,
  query: PageQuery & { assignedByMe: boolean },
  today = todayInParis(),
) {
  if (viewer === null) throw unauthenticated();
  if (query.assignedByMe && !isStaff(viewer)) throw forbidden();
  const mine = eq(contactNextSteps.ownerId, viewer.id);
  const whose = query.assignedByMe
    ? or(
        mine,
        and(
          eq(contactLogs.authorId, viewer.id),
          or(isNull(contactNextSteps.ownerId), ne(contactNextSteps.ownerId, viewer.id)),
        ),
      )
    : mine;
  const where = and(isNull(contactNextSteps.doneAt), whose) as SQL;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        step: contactNextSteps,
        ownerName: users.displayName,
        contact: {
          id: contactLogs.id,
          kind: contactLogs.kind,
          occurredAt: contactLogs.occurredAt,
          subject: contactLogs.subject,
        },
        actor: { id: actors.id, name: actors.name },
        partnershipId: partnerships.id,
        partnershipTitle: partnerships.title,
      })
      .from(contactNextSteps)
      .innerJoin(contactLogs, eq(contactLogs.id, contactNextSteps.contactId))
      .innerJoin(actors, eq(actors.id, contactLogs.actorId))
      .leftJoin(partnerships, eq(partnerships.id, contactLogs.partnershipId))
      .leftJoin(users, eq(users.id, contactNextSteps.ownerId))
      .where(where)
      .orderBy(sql`${contactNextSteps.dueOn} asc nulls last`, asc(contactLogs.occurredAt), asc(contactNextSteps.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(contactNextSteps)
      .innerJoin(contactLogs, eq(contactLogs.id, contactNextSteps.contactId))
      .where(where),
  ]);
  const items: FollowUp[] = rows.map((r) => ({
    id: r.step.id,
    description: r.step.description,
    dueOn: r.step.dueOn,
    overdue: r.step.dueOn !== null && r.step.dueOn < today,
    ownerId: r.step.ownerId,
    ownerName: r.ownerName,
    mine: r.step.ownerId === viewer.id,
    contact: { ...r.contact, occurredAt: iso(r.contact.occurredAt) },
    actor: r.actor,
    partnership: r.partnershipId && r.partnershipTitle ? { id: r.partnershipId, title: r.partnershipTitle } : null,
  }));
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize, today };
}

/**
 * The organisations whose members may own a next step here, after checking the caller may log a contact there:
 * the actor, and the partners of the partnership. A partnership the caller may not see is not found.
 */
async function organisationsFor(
  db: Db,
  by: CurrentUser,
  query: { actorId?: string | undefined; partnershipId?: string | undefined },
): Promise<string[]> {
  let partnerIds: string[] = [];
  if (query.partnershipId) {
    await partnershipAccess(db, by, query.partnershipId);
    partnerIds = await partnerActorIds(db, query.partnershipId);
  }
  const actorIds = [...new Set([...(query.actorId ? [query.actorId] : []), ...partnerIds])];
  if (isStaff(by)) return actorIds;
  // A member: its own organisation, or organisations it works with in one of its partnerships.
  if (by.actorId === null) throw forbidden();
  if (actorIds.length === 0) return [by.actorId];
  if (!canLogContact(by, query.actorId ?? by.actorId, partnerIds)) throw forbidden();
  return actorIds;
}

/** The users who may own a next step: staff, then the members of the organisations concerned; names only. */
export async function listOwners(
  db: Db,
  by: CurrentUser,
  query: { actorId?: string | undefined; partnershipId?: string | undefined },
): Promise<OwnerChoice[]> {
  const actorIds = await organisationsFor(db, by, query);
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, actorName: actors.name })
    .from(users)
    .leftJoin(actors, eq(actors.id, users.actorId))
    .where(ownerCondition(actorIds))
    .orderBy(sql`case when ${users.role} = 'member' then 1 else 0 end`, asc(users.displayName), asc(users.id))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    staff: r.role !== 'member',
    actorName: r.role === 'member' ? r.actorName : null,
  }));
}

/**
 * The partnerships a contact may be logged on, with their partners: one partnership the caller edits, or the
 * partnerships of an actor (for a member not of that actor: only those its own organisation is a partner of too).
 */
export async function listContactPartnerships(
  db: Db,
  by: CurrentUser,
  query: { actorId?: string | undefined; partnershipId?: string | undefined },
): Promise<PartnershipChoice[]> {
  let ids: string[];
  if (query.partnershipId) {
    if ((await partnershipAccess(db, by, query.partnershipId)) !== 'edit') throw forbidden();
    ids = [query.partnershipId];
  } else if (query.actorId) {
    const conditions: SQL[] = [eq(partnershipPartners.actorId, query.actorId)];
    if (!isStaff(by)) {
      if (by.actorId === null) throw forbidden();
      if (by.actorId !== query.actorId) {
        conditions.push(inArray(partnershipPartners.partnershipId, partnershipsOf(db, by.actorId)));
      }
    }
    const rows = await db
      .select({ id: partnershipPartners.partnershipId })
      .from(partnershipPartners)
      .where(and(...conditions))
      .limit(500);
    ids = rows.map((r) => r.id);
  } else {
    return [];
  }
  if (ids.length === 0) return [];
  const [found, partners] = await Promise.all([
    db
      .select({ id: partnerships.id, title: partnerships.title })
      .from(partnerships)
      .where(inArray(partnerships.id, ids))
      .orderBy(desc(partnerships.updatedAt), asc(partnerships.title)),
    db
      .select({ partnershipId: partnershipPartners.partnershipId, id: actors.id, name: actors.name })
      .from(partnershipPartners)
      .innerJoin(actors, eq(actors.id, partnershipPartners.actorId))
      .where(inArray(partnershipPartners.partnershipId, ids))
      .orderBy(asc(actors.name)),
  ]);
  return found.map((p) => ({
    id: p.id,
    title: p.title,
    partners: partners.filter((x) => x.partnershipId === p.id).map((x) => ({ id: x.id, name: x.name })),
  }));
}
