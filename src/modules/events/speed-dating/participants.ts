// Who takes part in a speed dating: the seat holders (status 'registered'), each on the side of their organisation's
// family. Shared by the settings, wishes, schedule and follow-up services.
import { and, asc, eq } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { conflict, notFound } from '../../../errors.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import type { ActorFamily } from '../../reference/families.js';
import { eventRegistrations, events } from '../schema.js';
import type { SpeedDatingParty, SpeedDatingSettings } from './contract.js';
import { speedDatingSessions } from './schema.js';

export type EventRow = typeof events.$inferSelect;
export type SessionRow = typeof speedDatingSessions.$inferSelect;
export type Side = 'A' | 'B';

export interface Seat {
  registrationId: string;
  userId: string;
  actorId: string | null;
  actorName: string | null;
  family: ActorFamily | null;
  displayName: string;
  /** null: left out by the two-sided rule, or no organisation. */
  side: Side | null;
}

/** The event, which must be a speed dating. */
export async function speedDatingEvent(db: Handle, id: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  if (!row) throw notFound('Événement');
  if (row.kind !== 'speedDating') {
    throw conflict('Cet événement n’est pas un speed dating', [{ field: 'kind', code: 'notSpeedDating' }]);
  }
  return row;
}

export async function sessionOf(db: Handle, eventId: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(speedDatingSessions).where(eq(speedDatingSessions.eventId, eventId));
  return row ?? null;
}

export const noSettings = () =>
  conflict('Le speed dating n’est pas encore paramétré', [{ field: 'settings', code: 'speedDatingNoSettings' }]);

export function settingsOf(s: SessionRow): SpeedDatingSettings {
  return {
    tables: s.tables,
    rounds: s.rounds,
    roundMinutes: s.roundMinutes,
    changeoverMinutes: s.changeoverMinutes,
    rule: s.rule,
    sideA: s.sideA,
    sideB: s.sideB,
    interestSource: s.interestSource,
    followUpsOpen: s.followUpsOpen,
  };
}

/** The side of a family: one-sided, everyone with an organisation is on side A; two-sided, per the session's sides. */
export function sideOf(family: ActorFamily | null, session: SessionRow | null): Side | null {
  if (family === null) return null;
  if (!session || session.rule === 'oneSided') return session ? 'A' : null;
  if (session.sideA.includes(family)) return 'A';
  if (session.sideB.includes(family)) return 'B';
  return null;
}

/** Seat holders in order of registration, with their side. */
export async function seatsOf(db: Handle, eventId: string, session: SessionRow | null): Promise<Seat[]> {
  const rows = await db
    .select({
      registrationId: eventRegistrations.id,
      userId: eventRegistrations.userId,
      actorId: eventRegistrations.actorId,
      actorName: actors.name,
      family: actors.family,
      displayName: users.displayName,
    })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoin(actors, eq(actors.id, eventRegistrations.actorId))
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'registered')))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
  return rows.map((r) => ({ ...r, side: sideOf(r.family, session) }));
}

/** Two seats may meet: different people, and under the two-sided rule one on each side. */
export function mayMeet(a: Seat, b: Seat, session: SessionRow): boolean {
  if (a.registrationId === b.registrationId || a.side === null || b.side === null) return false;
  return session.rule === 'oneSided' || a.side !== b.side;
}

/** A seat as shown to others: the person's name only for staff (RGPD). */
export function partyOf(seat: Seat, withNames: boolean): SpeedDatingParty {
  return {
    registrationId: seat.registrationId,
    actorId: seat.actorId,
    actorName: seat.actorName,
    family: seat.family,
    displayName: withNames ? seat.displayName : null,
  };
}

/** Start and end of a round (1-based): round r starts at start + (r − 1) × (round + changeover). */
export function roundTimesOf(event: EventRow, session: SessionRow, round: number) {
  const start = event.startsAt.getTime() + (round - 1) * (session.roundMinutes + session.changeoverMinutes) * 60_000;
  return {
    round,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + session.roundMinutes * 60_000).toISOString(),
  };
}

/** Follow-ups may be marked once the event has started, or earlier when staff opened them. */
export const followUpsOpen = (event: EventRow, session: SessionRow | null, now = new Date()) =>
  session !== null && (session.followUpsOpen || event.startsAt.getTime() <= now.getTime());
