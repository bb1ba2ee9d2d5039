// A speed dating's settings and wishes: staff set the session; each participant says whom they want to meet (staff
// may enter a participant's paper form). Changing either after a schedule marks it stale (updatedAt > scheduledAt), as
// does a seat lost or gained since; all these times come from the database's clock.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { conflict, invalid, parseInput } from '../../../errors.js';
import type { CurrentUser } from '../../accounts/service.js';
import { isStaff, requireStaff, type Viewer } from '../../actors/visibility.js';
import { eventRegistrations } from '../schema.js';
import {
  type ScheduleSummary,
  type SpeedDatingSettingsInput,
  type SpeedDatingView,
  speedDatingSettings,
  type WishesBody,
  wishesBody,
} from './contract.js';
import {
  followUpsOpen,
  mayMeet,
  noSettings,
  partyOf,
  type Seat,
  type SessionRow,
  seatsOf,
  sessionOf,
  settingsOf,
  speedDatingEvent,
} from './participants.js';
import { speedDatingMeetings, speedDatingSessions, speedDatingWishes } from './schema.js';

const ratio = (x: number, bound: number) => (bound > 0 ? x / bound : 1);

/**
 * The last schedule's summary; stale when settings or wishes changed since, or a participant lost their seat, or
 * someone gained one (a new registration, a promotion from the waiting list).
 */
export async function summaryOf(
  db: Handle,
  session: SessionRow | null,
  seats: Seat[],
): Promise<ScheduleSummary | null> {
  if (!session?.scheduledAt) return null;
  const met = await db
    .select({ a: speedDatingMeetings.aRegistrationId, b: speedDatingMeetings.bRegistrationId })
    .from(speedDatingMeetings)
    .where(eq(speedDatingMeetings.eventId, session.eventId));
  const seated = new Set(seats.map((s) => s.registrationId));
  // Compared in the database, at its clock's precision (microseconds; a JS Date keeps milliseconds).
  const [changed] = await db
    .select({
      since: sql<boolean>`${speedDatingSessions.updatedAt} > ${speedDatingSessions.scheduledAt} or exists (
        select 1 from ${eventRegistrations} r where r.event_id = ${speedDatingSessions.eventId}
          and r.status = 'registered' and greatest(r.created_at, r.promoted_at) > ${speedDatingSessions.scheduledAt})`,
    })
    .from(speedDatingSessions)
    .where(eq(speedDatingSessions.eventId, session.eventId));
  const interest = session.interest ?? 0;
  const bound = session.bound ?? 0;
  const greedyInterest = session.greedyInterest ?? 0;
  return {
    scheduledAt: session.scheduledAt.toISOString(),
    stale: changed?.since === true || met.some((m) => !seated.has(m.a) || !seated.has(m.b)),
    interest,
    bound,
    optimal: session.optimal ?? false,
    greedyInterest,
    ratio: ratio(interest, bound),
    greedyRatio: ratio(greedyInterest, bound),
  };
}

/** Settings, participants and wishes; people's names for staff only. */
export async function getSpeedDating(db: Db, viewer: Viewer, eventId: string): Promise<SpeedDatingView> {
  const event = await speedDatingEvent(db, eventId);
  const session = await sessionOf(db, eventId);
  const seats = await seatsOf(db, eventId, session);
  const wishes = await db
    .select({
      from: speedDatingWishes.fromRegistrationId,
      to: speedDatingWishes.toRegistrationId,
      level: speedDatingWishes.level,
    })
    .from(speedDatingWishes)
    .where(eq(speedDatingWishes.eventId, eventId));
  const staff = isStaff(viewer);
  const mine = viewer ? seats.find((s) => s.userId === viewer.id) : undefined;
  const count = (key: 'from' | 'to', id: string) => wishes.filter((w) => w[key] === id).length;
  const wishesFrom = (id: string) =>
    wishes.filter((w) => w.from === id).map((w) => ({ registrationId: w.to, level: w.level }));
  return {
    eventId,
    settings: session ? settingsOf(session) : null,
    participants: seats.map((s) => ({
      ...partyOf(s, staff),
      side: s.side,
      wishesGiven: count('from', s.registrationId),
      wishesReceived: staff ? count('to', s.registrationId) : null,
      wishes: staff ? wishesFrom(s.registrationId) : [],
    })),
    wishesCount: wishes.length,
    summary: await summaryOf(db, session, seats),
    canManage: staff,
    mine: mine
      ? {
          registrationId: mine.registrationId,
          side: mine.side,
          wishes: wishesFrom(mine.registrationId),
        }
      : null,
    followUpsOpen: followUpsOpen(event, session),
  };
}

/** Creates or replaces the session's settings (staff). The schedule, if any, becomes stale. */
export async function saveSettings(db: Db, by: Viewer, eventId: string, input: SpeedDatingSettingsInput) {
  requireStaff(by);
  const data = parseInput(speedDatingSettings, input);
  const event = await speedDatingEvent(db, eventId);
  const minutes = (event.endsAt.getTime() - event.startsAt.getTime()) / 60_000;
  if (data.rounds * data.roundMinutes + (data.rounds - 1) * data.changeoverMinutes > minutes) {
    throw invalid([{ field: 'rounds', code: 'speedDatingTooLong' }], 'Les tours dépassent la durée de l’événement');
  }
  const values = { ...data, updatedAt: sql`clock_timestamp()` };
  await db
    .insert(speedDatingSessions)
    .values({ eventId, ...values })
    .onConflictDoUpdate({ target: speedDatingSessions.eventId, set: values });
}

/** Replaces the wishes of one seat, checking each target: another seat holder that the rule lets them meet. */
async function replaceWishes(db: Db, eventId: string, fromRegistrationId: string, input: WishesBody) {
  const { wishes } = parseInput(wishesBody, input);
  await db.transaction(async (tx) => {
    const session = await sessionOf(tx, eventId);
    if (!session) throw noSettings();
    const seats = await seatsOf(tx, eventId, session);
    const from = seats.find((s) => s.registrationId === fromRegistrationId);
    if (!from) {
      throw conflict('Seul un participant qui a une place peut exprimer des souhaits', [
        { field: 'registration', code: 'speedDatingNotParticipant' },
      ]);
    }
    if (from.side === null) {
      throw conflict('Ce participant est hors règle pour ce speed dating', [
        { field: 'registration', code: 'speedDatingOutOfRule' },
      ]);
    }
    const issues = wishes.flatMap((w, i) => {
      const to = seats.find((s) => s.registrationId === w.registrationId);
      const field = `wishes.${i}.registrationId`;
      if (wishes.findIndex((x) => x.registrationId === w.registrationId) < i)
        return [{ field, code: 'speedDatingDuplicateWish' }];
      return to && mayMeet(from, to, session) ? [] : [{ field, code: 'speedDatingNotAPartner' }];
    });
    if (issues.length) throw invalid(issues);
    await tx.delete(speedDatingWishes).where(eq(speedDatingWishes.fromRegistrationId, fromRegistrationId));
    if (wishes.length) {
      await tx.insert(speedDatingWishes).values(
        wishes.map((w) => ({
          eventId,
          fromRegistrationId,
          toRegistrationId: w.registrationId,
          level: w.level,
        })),
      );
    }
    await tx
      .update(speedDatingSessions)
      .set({ updatedAt: sql`clock_timestamp()` })
      .where(eq(speedDatingSessions.eventId, eventId));
  });
}

/** A participant's own wishes: they must hold a seat. */
export async function setMyWishes(db: Db, by: CurrentUser, eventId: string, input: WishesBody) {
  await speedDatingEvent(db, eventId);
  const session = await sessionOf(db, eventId);
  const mine = (await seatsOf(db, eventId, session)).find((s) => s.userId === by.id);
  if (!mine) {
    throw conflict('Seul un participant qui a une place peut exprimer des souhaits', [
      { field: 'registration', code: 'speedDatingNotParticipant' },
    ]);
  }
  await replaceWishes(db, eventId, mine.registrationId, input);
}

/** Staff enter a participant's wishes (paper forms). */
export async function setWishesOf(db: Db, by: Viewer, eventId: string, registrationId: string, input: WishesBody) {
  requireStaff(by);
  await speedDatingEvent(db, eventId);
  await replaceWishes(db, eventId, registrationId, input);
}

/** Wishes between the given seats (both ends seated), for the interest of each pair. */
export async function wishesBetween(db: Handle, eventId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      from: speedDatingWishes.fromRegistrationId,
      to: speedDatingWishes.toRegistrationId,
      level: speedDatingWishes.level,
    })
    .from(speedDatingWishes)
    .where(
      and(
        eq(speedDatingWishes.eventId, eventId),
        inArray(speedDatingWishes.fromRegistrationId, ids),
        inArray(speedDatingWishes.toRegistrationId, ids),
      ),
    );
}
