// The events' rules: capacity, waiting list promoted automatically, attendance. Plain functions taking a db handle
// and the caller, throwing src/errors.ts errors. Every write that counts seats locks the event row first
// (`SELECT … FOR UPDATE`), so that concurrent registrations never exceed the capacity.
import { and, asc, desc, eq, gt, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Db, Handle, Tx } from '../../db/client.js';
import { conflict, invalid, notFound, parseInput } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { isStaff, requireStaff, type Viewer } from '../actors/visibility.js';
import { communes } from '../reference/schema.js';
import {
  type EventDetail,
  type EventFilters,
  type EventInput,
  type EventSummary,
  eventFields,
  type eventListQuery,
  type MyRegistration,
  type RegistrationLine,
  type RegistrationsView,
} from './contract.js';
import { programmeOfEvent, writeProgrammeLink } from './programme-link.js';
import { eventRegistrations, events } from './schema.js';

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof eventRegistrations.$inferSelect;
type ListQuery = import('zod').output<typeof eventListQuery>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const eventCancelled = () => conflict('Cet événement est annulé', [{ field: 'event', code: 'eventCancelled' }]);
const eventPast = () => conflict('Cet événement est passé', [{ field: 'event', code: 'eventPast' }]);

/** Seats taken and waiting, computed by the database beside each event row. */
const registeredCount = sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'registered')`;
const waitlistedCount = sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'waitlisted')`;

const seatsLeft = (capacity: number | null, registered: number) =>
  capacity === null ? null : Math.max(0, capacity - registered);

function summaryOf(
  row: EventRow & { communeName: string | null; registered: number; waitlisted: number },
): EventSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    place: row.place,
    communeCode: row.communeCode,
    communeName: row.communeName,
    status: row.status,
    capacity: row.capacity,
    seatsLeft: seatsLeft(row.capacity, row.registered),
    waitlisted: row.waitlisted,
  };
}

const eventWithCounts = {
  event: events,
  communeName: communes.name,
  registered: registeredCount,
  waitlisted: waitlistedCount,
};

/** Events in date order (public: no personal data), filtered by kind, status, or ending after an instant. */
export async function listEvents(db: Db, query: ListQuery): Promise<{ items: EventSummary[] }> {
  const rows = await listedEvents(db, query, query.limit);
  return { items: rows.map(summaryOf) };
}

/** The events the filters select, shared by the list and its export (and the export's row count). */
export function eventListCondition(query: EventFilters): SQL | undefined {
  const where: SQL[] = [];
  if (query.kind) where.push(eq(events.kind, query.kind));
  if (query.status) where.push(eq(events.status, query.status));
  if (query.from) where.push(gt(events.endsAt, new Date(query.from)));
  if (query.until) where.push(lte(events.endsAt, new Date(query.until)));
  return where.length ? and(...where) : undefined;
}

/**
 * The rows of the list (and of its export): the filters' events in date order — soonest first, or latest first with
 * `order=desc` (the past ones) — at most `limit`, with their counts.
 */
export async function listedEvents(db: Db, query: EventFilters, limit: number) {
  const by = query.order === 'desc' ? desc : asc;
  const rows = await db
    .select(eventWithCounts)
    .from(events)
    .leftJoin(communes, eq(communes.code, events.communeCode))
    .where(eventListCondition(query))
    .orderBy(by(events.startsAt), by(events.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r.event,
    communeName: r.communeName,
    registered: r.registered,
    waitlisted: r.waitlisted,
  }));
}

/** 1-based rank of a waitlisted registration (createdAt, then id), null otherwise. */
async function waitlistPosition(db: Handle, reg: RegistrationRow): Promise<number | null> {
  if (reg.status !== 'waitlisted') return null;
  const [row] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, reg.eventId),
        eq(eventRegistrations.status, 'waitlisted'),
        sql`(${eventRegistrations.createdAt}, ${eventRegistrations.id}) < (${reg.createdAt}, ${reg.id})`,
      ),
    );
  return (row?.ahead ?? 0) + 1;
}

async function myRegistrationOf(db: Handle, reg: RegistrationRow): Promise<MyRegistration> {
  return {
    id: reg.id,
    status: reg.status,
    waitlistPosition: await waitlistPosition(db, reg),
    createdAt: iso(reg.createdAt),
    promotedAt: isoOrNull(reg.promotedAt),
    checkedInAt: isoOrNull(reg.checkedInAt),
  };
}

const activeRegistrationOf = async (db: Handle, eventId: string, userId: string) => {
  const [reg] = await db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, userId),
        ne(eventRegistrations.status, 'cancelled'),
      ),
    );
  return reg ?? null;
};

/** One event with its agenda and seats; the viewer's own registration when signed in. */
export async function getEvent(db: Db, viewer: Viewer, id: string): Promise<EventDetail> {
  const [row] = await db
    .select(eventWithCounts)
    .from(events)
    .leftJoin(communes, eq(communes.code, events.communeCode))
    .where(eq(events.id, id));
  if (!row) throw notFound('Événement');
  const mine = viewer ? await activeRegistrationOf(db, id, viewer.id) : null;
  const e = row.event;
  return {
    ...summaryOf({ ...e, communeName: row.communeName, registered: row.registered, waitlisted: row.waitlisted }),
    description: e.description,
    agenda: e.agenda,
    registered: row.registered,
    programme: await programmeOfEvent(db, id),
    myRegistration: mine ? await myRegistrationOf(db, mine) : null,
    canEdit: isStaff(viewer),
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}

/** The event row, locked until the end of the caller's transaction. */
async function lockEvent(tx: Tx, id: string): Promise<EventRow> {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update');
  if (!row) throw notFound('Événement');
  return row;
}

/**
 * Gives free seats to the waiting list, first registered first served. Runs under the event's lock.
 * Returns the promoted registrations' ids.
 */
async function promoteWaitlisted(tx: Tx, event: EventRow): Promise<string[]> {
  let limit: number | undefined;
  if (event.capacity !== null) {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'registered')));
    limit = event.capacity - (row?.n ?? 0);
    if (limit <= 0) return [];
  }
  const waiting = tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'waitlisted')))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
  const ids = (await (limit === undefined ? waiting : waiting.limit(limit))).map((r) => r.id);
  for (const id of ids) {
    await tx
      .update(eventRegistrations)
      .set({ status: 'registered', promotedAt: sql`clock_timestamp()` })
      .where(eq(eventRegistrations.id, id));
  }
  return ids;
}

async function checkCommune(db: Handle, code: string | null) {
  if (code === null) return;
  const [row] = await db.select({ code: communes.code }).from(communes).where(eq(communes.code, code));
  if (!row) throw invalid([{ field: 'communeCode', code: 'unknownCommune' }]);
}

/** Creates an event. Staff only. Returns its id. */
export async function createEvent(db: Db, by: Viewer, input: EventInput): Promise<string> {
  requireStaff(by);
  const { programmeId, territoryId, phaseId, ...data } = parseInput(eventFields, input);
  const link = { programmeId, territoryId, phaseId };
  await checkCommune(db, data.communeCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({
        ...data,
        startsAt: new Date(data.startsAt),
        endsAt: new Date(data.endsAt),
        createdBy: by?.id ?? null,
      })
      .returning({ id: events.id });
    if (!row) throw new Error('event not inserted');
    await writeProgrammeLink(tx, row.id, link);
    return row.id;
  });
}

/**
 * Replaces an event's fields. Staff only; a cancelled event is not edited. A raised capacity promotes as many
 * waitlisted registrations as now fit, in the same transaction; a lowered one evicts nobody.
 */
export async function updateEvent(db: Db, by: Viewer, id: string, input: EventInput): Promise<void> {
  requireStaff(by);
  const { programmeId, territoryId, phaseId, ...data } = parseInput(eventFields, input);
  const link = { programmeId, territoryId, phaseId };
  await checkCommune(db, data.communeCode);
  await db.transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    if (before.status === 'cancelled') throw eventCancelled();
    const [after] = await tx
      .update(events)
      .set({ ...data, startsAt: new Date(data.startsAt), endsAt: new Date(data.endsAt), updatedAt: new Date() })
      .where(eq(events.id, id))
      .returning();
    if (after) await promoteWaitlisted(tx, after);
    await writeProgrammeLink(tx, id, link);
  });
}

/** Cancels an event (registrations are kept, for the record). Staff only. */
export async function cancelEvent(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, id);
    if (event.status === 'cancelled') return;
    await tx.update(events).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(events.id, id));
  });
}

/** A cancelled, held or finished event takes no more registrations nor cancellations. */
function checkOpen(event: EventRow) {
  if (event.status === 'cancelled') throw eventCancelled();
  if (event.status === 'held' || event.endsAt.getTime() <= Date.now()) throw eventPast();
}

/**
 * Registers the user (for their organisation, when they have one): a seat if registered < capacity, else the
 * waiting list. Under the event's lock, so that concurrent registrations never exceed the capacity.
 */
export async function register(db: Db, user: CurrentUser, eventId: string): Promise<MyRegistration> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    checkOpen(event);
    if (await activeRegistrationOf(tx, eventId, user.id)) {
      throw conflict('Vous êtes déjà inscrit à cet événement', [{ field: 'event', code: 'alreadyRegistered' }]);
    }
    let status: 'registered' | 'waitlisted' = 'registered';
    if (event.capacity !== null) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'registered')));
      if ((row?.n ?? 0) >= event.capacity) status = 'waitlisted';
    }
    const [reg] = await tx
      .insert(eventRegistrations)
      // clock_timestamp(), not the transaction's start: the waiting list follows the order in which the lock was won.
      .values({ eventId, userId: user.id, actorId: user.actorId, status, createdAt: sql`clock_timestamp()` })
      .returning();
    if (!reg) throw new Error('registration not inserted');
    return myRegistrationOf(tx, reg);
  });
}

/** Cancels the user's registration; a freed seat goes to the first waitlisted, in the same transaction. */
export async function unregister(db: Db, user: CurrentUser, eventId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    checkOpen(event);
    const reg = await activeRegistrationOf(tx, eventId, user.id);
    if (!reg) throw notFound('Inscription');
    await tx
      .update(eventRegistrations)
      .set({ status: 'cancelled', cancelledAt: sql`clock_timestamp()` })
      .where(eq(eventRegistrations.id, reg.id));
    if (reg.status === 'registered') await promoteWaitlisted(tx, event);
  });
}

const registrationColumns = {
  reg: eventRegistrations,
  displayName: users.displayName,
  actorName: actors.name,
};

async function lineOf(db: Handle, r: { reg: RegistrationRow; displayName: string; actorName: string | null }) {
  return {
    id: r.reg.id,
    userId: r.reg.userId,
    displayName: r.displayName,
    actorId: r.reg.actorId,
    actorName: r.actorName,
    status: r.reg.status,
    waitlistPosition: await waitlistPosition(db, r.reg),
    createdAt: iso(r.reg.createdAt),
    promotedAt: isoOrNull(r.reg.promotedAt),
    checkedInAt: isoOrNull(r.reg.checkedInAt),
  } satisfies RegistrationLine;
}

/** An event's registrations still active (not cancelled). */
const activeOf = (eventId: string) =>
  and(eq(eventRegistrations.eventId, eventId), ne(eventRegistrations.status, 'cancelled'));
/** The seated first, then the waiting list in its order. */
const seatedFirst = [
  sql`case when ${eventRegistrations.status} = 'registered' then 0 else 1 end`,
  asc(eventRegistrations.createdAt),
  asc(eventRegistrations.id),
] as const;

/**
 * An event's registrations: counts and the organisations holding seats for everyone signed in; people's names
 * (personal data, RGPD) for staff only.
 */
export async function listRegistrations(db: Db, viewer: Viewer, eventId: string): Promise<RegistrationsView> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) throw notFound('Événement');
  const rows = await db
    .select(registrationColumns)
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoin(actors, eq(actors.id, eventRegistrations.actorId))
    .where(activeOf(eventId))
    .orderBy(...seatedFirst);
  const seated = rows.filter((r) => r.reg.status === 'registered');
  const organisations = new Map<string, { actorId: string; name: string; seats: number }>();
  for (const r of seated) {
    if (!r.reg.actorId || r.actorName === null) continue;
    const o = organisations.get(r.reg.actorId) ?? { actorId: r.reg.actorId, name: r.actorName, seats: 0 };
    o.seats += 1;
    organisations.set(r.reg.actorId, o);
  }
  const staffView = isStaff(viewer);
  let position = 0;
  return {
    registered: seated.length,
    waitlisted: rows.length - seated.length,
    checkedIn: seated.filter((r) => r.reg.checkedInAt !== null).length,
    organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    people: staffView
      ? rows.map((r) => ({
          id: r.reg.id,
          userId: r.reg.userId,
          displayName: r.displayName,
          actorId: r.reg.actorId,
          actorName: r.actorName,
          status: r.reg.status,
          waitlistPosition: r.reg.status === 'waitlisted' ? ++position : null,
          createdAt: iso(r.reg.createdAt),
          promotedAt: isoOrNull(r.reg.promotedAt),
          checkedInAt: isoOrNull(r.reg.checkedInAt),
        }))
      : [],
    canSeePeople: staffView,
  };
}

/** Marks (or unmarks) the attendance of a participant holding a seat. Staff only. */
export async function checkIn(
  db: Db,
  by: Viewer,
  eventId: string,
  registrationId: string,
  present: boolean,
): Promise<RegistrationLine> {
  requireStaff(by);
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (event.status === 'cancelled') throw eventCancelled();
    const [reg] = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, eventId)));
    if (!reg) throw notFound('Inscription');
    if (reg.status !== 'registered') {
      throw conflict('Seul un participant inscrit (pas en liste d’attente) peut être pointé', [
        { field: 'registrationId', code: 'notRegistered' },
      ]);
    }
    await tx
      .update(eventRegistrations)
      .set({ checkedInAt: present ? (reg.checkedInAt ?? new Date()) : null })
      .where(eq(eventRegistrations.id, reg.id));
    const [row] = await tx
      .select(registrationColumns)
      .from(eventRegistrations)
      .innerJoin(users, eq(users.id, eventRegistrations.userId))
      .leftJoin(actors, eq(actors.id, eventRegistrations.actorId))
      .where(eq(eventRegistrations.id, reg.id));
    if (!row) throw notFound('Inscription');
    return lineOf(tx, row);
  });
}

/** One active registration as exported to staff (personal data: name and e-mail). */
export interface ParticipantExportRow {
  organisation: string | null;
  name: string;
  email: string;
  status: 'registered' | 'waitlisted';
  registeredAt: Date;
  /** 1-based rank on the waiting list; null when holding a seat. */
  waitlistPosition: number | null;
  present: boolean;
}

/**
 * The event (for the file name) and its active registrations, seats first then the waiting list in its order, with
 * people's names and e-mails: staff only (RGPD).
 */
export async function participantsToExport(
  db: Db,
  viewer: Viewer,
  eventId: string,
): Promise<{ event: EventRow; rows: ParticipantExportRow[] }> {
  requireStaff(viewer);
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw notFound('Événement');
  const rows = await db
    .select({ reg: eventRegistrations, name: users.displayName, email: users.email, organisation: actors.name })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoin(actors, eq(actors.id, eventRegistrations.actorId))
    .where(activeOf(eventId))
    .orderBy(...seatedFirst);
  let position = 0;
  return {
    event,
    rows: rows.map((r) => ({
      organisation: r.organisation,
      name: r.name,
      email: r.email,
      status: r.reg.status === 'registered' ? 'registered' : 'waitlisted',
      registeredAt: r.reg.createdAt,
      waitlistPosition: r.reg.status === 'waitlisted' ? ++position : null,
      present: r.reg.checkedInAt !== null,
    })),
  };
}

/** Events to publish as calendar entries: one by id, or those ending after an instant (the feed), in date order. */
export async function eventsForCalendar(
  db: Db,
  filter: { id: string } | { endingAfter: Date; limit: number },
): Promise<(EventRow & { communeName: string | null })[]> {
  const rows = await db
    .select({ event: events, communeName: communes.name })
    .from(events)
    .leftJoin(communes, eq(communes.code, events.communeCode))
    .where('id' in filter ? eq(events.id, filter.id) : gt(events.endsAt, filter.endingAfter))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit('id' in filter ? 1 : filter.limit);
  if ('id' in filter && rows.length === 0) throw notFound('Événement');
  return rows.map((r) => ({ ...r.event, communeName: r.communeName }));
}
