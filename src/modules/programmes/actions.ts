// The programme's action plan: writing an action with its links (every reference checked, naming the field) and
// reading actions back as views. `insertAction` is also called by the minutes service (a decision creating an action),
// inside its own transaction: keep its signature stable.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { unknownIds } from '../../db/ids.js';
import { type FieldIssue, invalid, notFound } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { isOwnMember, isStaff, type Viewer } from '../actors/visibility.js';
import { minuteItems } from '../events/minutes/schema.js';
import { events } from '../events/schema.js';
import { visibleTo as partnershipVisibleTo } from '../partnerships/queries.js';
import { partnerships } from '../partnerships/schema.js';
import { minutesReadableBy } from './access.js';
import type { ActionData, ActionView } from './contract.js';
import { actionLinks, programmeActions, programmePhases, programmeTerritories } from './schema.js';

type ActionRow = typeof programmeActions.$inferSelect;

/** Due date passed and neither done nor cancelled; computed by the database so that lists, filters and counts agree. */
export const lateSql = sql<boolean>`(${programmeActions.dueOn} is not null and ${programmeActions.dueOn} < current_date and ${programmeActions.status} not in ('done', 'cancelled'))`;

const linkTargets = {
  actor: { table: actors, code: 'unknownActor' },
  partnership: { table: partnerships, code: 'unknownPartnership' },
  event: { table: events, code: 'unknownEvent' },
} as const;

/** Every reference of an action: phase and territory of this programme, existing owner and link targets. */
export async function checkActionRefs(db: Handle, programmeId: string, data: ActionData): Promise<void> {
  const issues: FieldIssue[] = [];
  if (data.phaseId) {
    const [p] = await db
      .select({ id: programmePhases.id })
      .from(programmePhases)
      .where(and(eq(programmePhases.id, data.phaseId), eq(programmePhases.programmeId, programmeId)));
    if (!p) issues.push({ field: 'phaseId', code: 'notInProgramme' });
  }
  if (data.territoryId) {
    const [t] = await db
      .select({ id: programmeTerritories.id })
      .from(programmeTerritories)
      .where(and(eq(programmeTerritories.id, data.territoryId), eq(programmeTerritories.programmeId, programmeId)));
    if (!t) issues.push({ field: 'territoryId', code: 'notInProgramme' });
  }
  if (data.ownerActorId && (await unknownIds(db, actors.id, [data.ownerActorId])).size > 0) {
    issues.push({ field: 'ownerActorId', code: 'unknownActor' });
  }
  for (const kind of ['actor', 'partnership', 'event'] as const) {
    const ids = data.links.filter((l) => l.kind === kind).map((l) => l.id);
    const unknown = await unknownIds(db, linkTargets[kind].table.id, ids);
    data.links.forEach((l, i) => {
      if (l.kind === kind && unknown.has(l.id)) issues.push({ field: `links.${i}.id`, code: linkTargets[kind].code });
    });
  }
  if (issues.length > 0) throw invalid(issues);
}

/** Replaces an action's links, one row per distinct target, in the right column. */
export async function writeActionLinks(tx: Handle, actionId: string, links: ActionData['links']): Promise<void> {
  await tx.delete(actionLinks).where(eq(actionLinks.actionId, actionId));
  const seen = new Set<string>();
  const rows = links
    .filter((l) => {
      const key = `${l.kind}:${l.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((l) => ({
      actionId,
      kind: l.kind,
      actorId: l.kind === 'actor' ? l.id : null,
      partnershipId: l.kind === 'partnership' ? l.id : null,
      eventId: l.kind === 'event' ? l.id : null,
    }));
  if (rows.length > 0) await tx.insert(actionLinks).values(rows);
}

/** The columns written from an action's fields; doneOn set when done (kept if it already was), cleared otherwise. */
export function actionColumns(data: ActionData, previousDoneOn: string | null = null) {
  return {
    title: data.title,
    description: data.description,
    phaseId: data.phaseId,
    territoryId: data.territoryId,
    ownerActorId: data.ownerActorId,
    ownerRole: data.ownerRole,
    startsOn: data.startsOn,
    dueOn: data.dueOn,
    status: data.status,
    doneOn: doneOnFor(data.status, previousDoneOn),
  };
}

export const doneOnFor = (status: ActionRow['status'], previous: string | null) =>
  status === 'done' ? (previous ?? sql`current_date`) : null;

/**
 * Checks and inserts an action of `programmeId` with its links, inside the caller's transaction (or on a plain
 * handle); the caller has checked that the programme exists and that `by` may write. Returns the new id.
 */
export async function insertAction(
  tx: Handle,
  by: CurrentUser,
  programmeId: string,
  data: ActionData,
): Promise<string> {
  await checkActionRefs(tx, programmeId, data);
  const [row] = await tx
    .insert(programmeActions)
    .values({ programmeId, createdBy: by.id, ...actionColumns(data) })
    .returning({ id: programmeActions.id });
  if (!row) throw new Error('insert returned nothing');
  await writeActionLinks(tx, row.id, data.links);
  return row.id;
}

/** Actions as views, in due-date order (undated last), filtered by `where`. */
export async function actionViews(db: Handle, viewer: Viewer, where: SQL | undefined): Promise<ActionView[]> {
  const rows = await db
    .select({ action: programmeActions, ownerName: actors.name, late: lateSql })
    .from(programmeActions)
    .leftJoin(actors, eq(actors.id, programmeActions.ownerActorId))
    .where(where)
    .orderBy(sql`${programmeActions.dueOn} asc nulls last`, asc(programmeActions.createdAt), asc(programmeActions.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.action.id);
  const links = await db
    .select({
      actionId: actionLinks.actionId,
      kind: actionLinks.kind,
      id: sql<string>`coalesce(${actionLinks.actorId}, ${actionLinks.partnershipId}, ${actionLinks.eventId})`,
      label: sql<string>`coalesce(${actors.name}, ${partnerships.title}, ${events.title})`,
      // Partnerships are private to their partners (and staff, observers): others do not learn even their titles.
      readable: sql<boolean>`(${actionLinks.partnershipId} is null or ${partnershipVisibleTo(viewer) ?? sql`true`})`,
    })
    .from(actionLinks)
    .leftJoin(actors, eq(actors.id, actionLinks.actorId))
    .leftJoin(partnerships, eq(partnerships.id, actionLinks.partnershipId))
    .leftJoin(events, eq(events.id, actionLinks.eventId))
    .where(inArray(actionLinks.actionId, ids))
    .orderBy(asc(actionLinks.kind), asc(actionLinks.id));
  const decisions = await db
    .select({
      actionId: minuteItems.actionId,
      eventId: events.id,
      eventTitle: events.title,
      text: minuteItems.text,
      // The decision's words are the minutes': only for those who may read that event's minutes.
      readable: sql<boolean>`${minutesReadableBy(viewer, events.id) ?? sql`true`}`,
    })
    .from(minuteItems)
    .innerJoin(events, eq(events.id, minuteItems.eventId))
    .where(inArray(minuteItems.actionId, ids))
    .orderBy(asc(minuteItems.createdAt), asc(minuteItems.position));
  return rows.map(({ action, ownerName, late }) => {
    const decision = decisions.find((d) => d.actionId === action.id);
    return {
      id: action.id,
      programmeId: action.programmeId,
      title: action.title,
      description: action.description,
      phaseId: action.phaseId,
      territoryId: action.territoryId,
      ownerActorId: action.ownerActorId,
      ownerName: ownerName ?? null,
      ownerRole: action.ownerRole,
      startsOn: action.startsOn,
      dueOn: action.dueOn,
      status: action.status,
      doneOn: action.doneOn,
      late: Boolean(late),
      links: links
        .filter((l) => l.actionId === action.id && Boolean(l.readable))
        .map((l) => ({ kind: l.kind, id: l.id, label: l.label ?? '' })),
      fromDecision: decision
        ? { eventId: decision.eventId, eventTitle: decision.eventTitle, text: decision.readable ? decision.text : '' }
        : null,
      canEdit: isStaff(viewer),
      canUpdateStatus: canUpdateActionStatus(viewer, action.ownerActorId),
      updatedAt: action.updatedAt.toISOString(),
    };
  });
}

/** Staff, or a member of the organisation that owns the action. */
export const canUpdateActionStatus = (viewer: Viewer, ownerActorId: string | null) =>
  isStaff(viewer) || (ownerActorId !== null && isOwnMember(viewer, ownerActorId));

/** One action as a view; 404 when unknown. */
export async function getAction(db: Handle, viewer: Viewer, id: string): Promise<ActionView> {
  const [view] = await actionViews(db, viewer, eq(programmeActions.id, id));
  if (!view) throw notFound('Action');
  return view;
}
