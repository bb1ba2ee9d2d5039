// The action plan's writes and lists, and the decisions recorded in the minutes of the programme's meetings.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { forbidden, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { requireStaff, type Viewer } from '../actors/visibility.js';
import { minuteItems } from '../events/minutes/schema.js';
import { events } from '../events/schema.js';
import { minutesReadableBy } from './access.js';
import {
  actionColumns,
  actionViews,
  canUpdateActionStatus,
  checkActionRefs,
  doneOnFor,
  insertAction,
  lateSql,
  writeActionLinks,
} from './actions.js';
import { requireProgramme } from './common.js';
import {
  type ActionView,
  actionFields,
  type actionListQuery,
  actionStatusBody,
  type DecisionView,
} from './contract.js';
import { programmeActions, programmeEvents } from './schema.js';

type ListQuery = import('zod').output<typeof actionListQuery>;

/** The action, or 404; `lock` holds its row until the transaction ends (a read-then-write must not lose a change). */
async function requireAction(db: Handle, id: string, lock = false) {
  const query = db.select().from(programmeActions).where(eq(programmeActions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Action');
  return row;
}

/** The plan by due date (undated last), filtered by status ("late" computed), phase and territory. */
export async function listActions(db: Db, viewer: Viewer, programmeId: string, query: ListQuery) {
  await requireProgramme(db, programmeId);
  const where: SQL[] = [eq(programmeActions.programmeId, programmeId)];
  if (query.status === 'late') where.push(lateSql);
  else if (query.status) where.push(eq(programmeActions.status, query.status));
  if (query.phaseId) where.push(eq(programmeActions.phaseId, query.phaseId));
  if (query.territoryId) where.push(eq(programmeActions.territoryId, query.territoryId));
  return { items: await actionViews(db, viewer, and(...where)) };
}

export async function createAction(db: Db, by: CurrentUser, programmeId: string, input: unknown): Promise<string> {
  requireStaff(by);
  const data = parseInput(actionFields, input);
  await requireProgramme(db, programmeId);
  return db.transaction((tx) => insertAction(tx, by, programmeId, data));
}

export async function updateAction(db: Db, by: Viewer, id: string, input: unknown): Promise<void> {
  requireStaff(by);
  const data = parseInput(actionFields, input);
  await db.transaction(async (tx) => {
    // Read and locked inside the transaction: a status set meanwhile is not overwritten with a stale doneOn.
    const current = await requireAction(tx, id, true);
    await checkActionRefs(tx, current.programmeId, data);
    await tx
      .update(programmeActions)
      .set({ ...actionColumns(data, current.doneOn), updatedAt: new Date() })
      .where(eq(programmeActions.id, id));
    await writeActionLinks(tx, id, data.links);
  });
}

/** Staff, or a member of the owner organisation, moves the action on. */
export async function setActionStatus(db: Db, by: Viewer, id: string, input: unknown): Promise<ActionView['status']> {
  const { status } = parseInput(actionStatusBody, input);
  await db.transaction(async (tx) => {
    const current = await requireAction(tx, id, true);
    if (!canUpdateActionStatus(by, current.ownerActorId)) throw forbidden();
    await tx
      .update(programmeActions)
      .set({ status, doneOn: doneOnFor(status, current.doneOn), updatedAt: new Date() })
      .where(eq(programmeActions.id, id));
  });
  return status;
}

export async function deleteAction(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  await requireAction(db, id);
  await db.delete(programmeActions).where(eq(programmeActions.id, id));
}

/**
 * Decisions and follow-ups of the programme's meetings, by meeting date, with the action they act on: only those of
 * meetings whose minutes the viewer may read.
 */
export async function listDecisions(db: Db, viewer: Viewer, programmeId: string): Promise<{ items: DecisionView[] }> {
  await requireProgramme(db, programmeId);
  const rows = await db
    .select({
      id: minuteItems.id,
      kind: minuteItems.kind,
      text: minuteItems.text,
      eventId: events.id,
      eventTitle: events.title,
      eventKind: events.kind,
      eventStartsAt: events.startsAt,
      actionId: programmeActions.id,
      actionTitle: programmeActions.title,
      actionStatus: programmeActions.status,
    })
    .from(minuteItems)
    .innerJoin(programmeEvents, eq(programmeEvents.eventId, minuteItems.eventId))
    .innerJoin(events, eq(events.id, minuteItems.eventId))
    .leftJoin(programmeActions, eq(programmeActions.id, minuteItems.actionId))
    .where(and(eq(programmeEvents.programmeId, programmeId), minutesReadableBy(viewer, events.id)))
    .orderBy(asc(events.startsAt), asc(minuteItems.position), asc(minuteItems.id));
  return {
    items: rows.map((r) => ({
      ...r,
      eventStartsAt: r.eventStartsAt.toISOString(),
      actionId: r.actionId ?? null,
      actionTitle: r.actionTitle ?? null,
      actionStatus: r.actionStatus ?? null,
    })),
  };
}
