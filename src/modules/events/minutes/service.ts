// An event's minutes: notes, decisions and follow-ups. Read by staff, observers and the members registered to the
// event; written by staff. A decision may create an action of a programme's plan: the programmes module's
// `insertAction` runs inside the item's transaction, so that both are written or neither.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, Handle, Tx } from '../../../db/client.js';
import { unknownIds } from '../../../db/ids.js';
import { DomainError, type FieldIssue, forbidden, invalid, notFound, parseInput } from '../../../errors.js';
import type { CurrentUser } from '../../accounts/service.js';
import { isStaff, requireStaff, type Viewer } from '../../actors/visibility.js';
import { needsOffers } from '../../needs-offers/schema.js';
import { visibleTo } from '../../partnerships/queries.js';
import { partnerships } from '../../partnerships/schema.js';
import { insertAction } from '../../programmes/actions.js';
import type { ActionData } from '../../programmes/contract.js';
import { programmeActions, programmes } from '../../programmes/schema.js';
import { eventRegistrations, events } from '../schema.js';
import {
  type MinuteItemEditInput,
  type MinuteItemInput,
  type MinuteItemView,
  type MinutesView,
  minuteItemEdit,
  minuteItemFields,
  minutesNotesBody,
} from './contract.js';
import { eventMinutes, minuteItems } from './schema.js';

async function requireEvent(db: Handle, eventId: string) {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!row) throw notFound('Événement');
}

/** Staff and observers read every event's minutes; a member reads those of an event they are registered to. */
async function canRead(db: Handle, viewer: Viewer, eventId: string): Promise<boolean> {
  if (!viewer) return false;
  if (isStaff(viewer) || viewer.role === 'observer') return true;
  const [reg] = await db
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, viewer.id),
        ne(eventRegistrations.status, 'cancelled'),
      ),
    );
  return Boolean(reg);
}

/**
 * The items as this viewer may see them: a partnership's title only for whoever may read that partnership (staff,
 * observers, members of a partner organisation); for others the link is left out.
 */
async function itemViews(db: Handle, viewer: Viewer, eventId: string, itemId?: string): Promise<MinuteItemView[]> {
  const rows = await db
    .select({
      item: minuteItems,
      partnershipVisible: sql<boolean>`${visibleTo(viewer) ?? sql`true`}`,
      action: { id: programmeActions.id, title: programmeActions.title, status: programmeActions.status },
      actionProgrammeId: programmeActions.programmeId,
      partnershipTitle: partnerships.title,
      needOfferTitle: needsOffers.title,
      needOfferKind: needsOffers.kind,
    })
    .from(minuteItems)
    .leftJoin(programmeActions, eq(programmeActions.id, minuteItems.actionId))
    .leftJoin(partnerships, eq(partnerships.id, minuteItems.partnershipId))
    .leftJoin(needsOffers, eq(needsOffers.id, minuteItems.needOfferId))
    .where(and(eq(minuteItems.eventId, eventId), itemId ? eq(minuteItems.id, itemId) : undefined))
    .orderBy(asc(minuteItems.position), asc(minuteItems.createdAt));
  return rows.map((r) => ({
    id: r.item.id,
    kind: r.item.kind,
    text: r.item.text,
    action:
      r.item.actionId && r.action && r.actionProgrammeId ? { ...r.action, programmeId: r.actionProgrammeId } : null,
    partnership:
      r.item.partnershipId && r.partnershipTitle !== null && r.partnershipVisible
        ? { id: r.item.partnershipId, title: r.partnershipTitle }
        : null,
    needOffer:
      r.item.needOfferId && r.needOfferTitle !== null && r.needOfferKind !== null
        ? { id: r.item.needOfferId, title: r.needOfferTitle, kind: r.needOfferKind }
        : null,
    createdAt: r.item.createdAt.toISOString(),
  }));
}

async function itemView(db: Handle, viewer: Viewer, eventId: string, itemId: string): Promise<MinuteItemView> {
  const [view] = await itemViews(db, viewer, eventId, itemId);
  if (!view) throw notFound('Décision');
  return view;
}

/** The minutes of an event; 403 for whoever may not read them (signed-in callers only reach here). */
export async function getMinutes(db: Db, viewer: Viewer, eventId: string): Promise<MinutesView> {
  await requireEvent(db, eventId);
  if (!(await canRead(db, viewer, eventId))) throw forbidden('Compte rendu réservé aux participants');
  const [minutes] = await db.select().from(eventMinutes).where(eq(eventMinutes.eventId, eventId));
  return {
    notes: minutes?.notes ?? '',
    updatedAt: minutes?.updatedAt.toISOString() ?? null,
    items: await itemViews(db, viewer, eventId),
    canEdit: isStaff(viewer),
  };
}

/** Replaces the notes (one text per event). Staff only. */
export async function updateNotes(db: Db, by: Viewer, eventId: string, input: { notes: string }): Promise<void> {
  requireStaff(by);
  const { notes } = parseInput(minutesNotesBody, input);
  await requireEvent(db, eventId);
  const now = sql`now()`;
  await db
    .insert(eventMinutes)
    .values({ eventId, notes, updatedBy: by.id, updatedAt: now })
    .onConflictDoUpdate({ target: eventMinutes.eventId, set: { notes, updatedBy: by.id, updatedAt: now } });
}

/** Every link of an item exists (and stays until the caller's transaction ends), else the field is named. */
async function checkLinks(
  db: Handle,
  data: { partnershipId: string | null; needOfferId: string | null; actionId: string | null },
) {
  const issues: FieldIssue[] = [];
  const checks = [
    ['partnershipId', partnerships, 'unknownPartnership'],
    ['needOfferId', needsOffers, 'unknownNeedOffer'],
    ['actionId', programmeActions, 'unknownAction'],
  ] as const;
  for (const [field, table, code] of checks) {
    const id = data[field];
    if (!id) continue;
    if ((await unknownIds(db, table.id, [id], { keyShare: true })).size > 0) issues.push({ field, code });
  }
  if (issues.length > 0) throw invalid(issues);
}

/** The action as asked, linked to this event (kind 'event') if the decision did not say so. */
function linkedToEvent(action: ActionData, eventId: string): ActionData {
  if (action.links.some((l) => l.kind === 'event' && l.id === eventId)) return action;
  return { ...action, links: [...action.links, { kind: 'event', id: eventId }] };
}

/** The action's own field errors, named from the request's root (`newAction.action.phaseId`). */
async function insertActionOfItem(tx: Tx, by: CurrentUser, programmeId: string, action: ActionData) {
  try {
    return await insertAction(tx, by, programmeId, action);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'invalid') {
      throw invalid(error.issues.map((i) => ({ ...i, field: `newAction.action.${i.field}` })));
    }
    throw error;
  }
}

/**
 * Records a decision or follow-up. With `newAction`, also creates that action in the programme's plan, linked to
 * this event, in the same transaction: the item is written first, so that a failing action leaves nothing behind.
 */
export async function addItem(db: Db, by: Viewer, eventId: string, input: MinuteItemInput): Promise<MinuteItemView> {
  requireStaff(by);
  const data = parseInput(minuteItemFields, input);
  const programmeId = data.newAction?.programmeId;
  // Checked inside the transaction: a target deleted meanwhile is a field error, not a foreign-key failure.
  return db.transaction(async (tx) => {
    await requireEvent(tx, eventId);
    await checkLinks(tx, data);
    if (programmeId) {
      const [p] = await tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(eq(programmes.id, programmeId))
        .for('key share');
      if (!p) throw invalid([{ field: 'newAction.programmeId', code: 'unknownProgramme' }]);
    }
    const [row] = await tx
      .insert(minuteItems)
      .values({
        eventId,
        kind: data.kind,
        text: data.text,
        partnershipId: data.partnershipId,
        needOfferId: data.needOfferId,
        actionId: data.actionId,
        position: sql`(select coalesce(max(${minuteItems.position}), -1) + 1 from ${minuteItems} where ${minuteItems.eventId} = ${eventId})`,
        createdBy: by.id,
      })
      .returning({ id: minuteItems.id });
    if (!row) throw new Error('minute item not inserted');
    if (data.newAction && programmeId) {
      const actionId = await insertActionOfItem(tx, by, programmeId, linkedToEvent(data.newAction.action, eventId));
      await tx.update(minuteItems).set({ actionId }).where(eq(minuteItems.id, row.id));
    }
    return itemView(tx, by, eventId, row.id);
  });
}

/** Edits an item's kind, text and links. Staff only. */
export async function updateItem(
  db: Db,
  by: Viewer,
  eventId: string,
  itemId: string,
  input: MinuteItemEditInput,
): Promise<MinuteItemView> {
  requireStaff(by);
  const data = parseInput(minuteItemEdit, input);
  return db.transaction(async (tx) => {
    await checkLinks(tx, data);
    const done = await tx
      .update(minuteItems)
      .set(data)
      .where(and(eq(minuteItems.id, itemId), eq(minuteItems.eventId, eventId)))
      .returning({ id: minuteItems.id });
    if (!done.length) throw notFound('Décision');
    return itemView(tx, by, eventId, itemId);
  });
}

/** Deletes an item; the action it created stays in the plan. Staff only. */
export async function deleteItem(db: Db, by: Viewer, eventId: string, itemId: string): Promise<void> {
  requireStaff(by);
  const done = await db
    .delete(minuteItems)
    .where(and(eq(minuteItems.id, itemId), eq(minuteItems.eventId, eventId)))
    .returning({ id: minuteItems.id });
  if (!done.length) throw notFound('Décision');
}
