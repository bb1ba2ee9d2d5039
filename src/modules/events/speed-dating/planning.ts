// The schedule of a speed dating: interest of each pair (wishes and/or the matchmaking score), the scheduler and its
// greedy baseline, stored meetings, and the views by round (staff) and per participant.
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { conflict, notFound } from '../../../errors.js';
import type { CurrentUser } from '../../accounts/service.js';
import { isStaff, requireStaff, type Viewer } from '../../actors/visibility.js';
import { actorProfile } from '../../matching/profile.js';
import { scoreCandidates } from '../../matching/score.js';
import { events } from '../schema.js';
import type { MySchedule, ScheduleView } from './contract.js';
import {
  type EventRow,
  followUpsOpen,
  noSettings,
  partyOf,
  roundTimesOf,
  type Seat,
  type SessionRow,
  seatsOf,
  sessionOf,
  speedDatingEvent,
} from './participants.js';
import { scheduleSpeedDating } from './schedule.js';
import { speedDatingFollowUps, speedDatingMeetings, speedDatingSessions } from './schema.js';
import { summaryOf, wishesBetween } from './session.js';
import type { Interest } from './types.js';

/**
 * Weights are sent to the scheduler in hundredths, as integers, so that its flow is exact (interest = bound on the
 * two-sided rule); results are divided back. A matchmaking score (0..1) counts up to 3, a priority wish's level.
 */
const unit = 100;
const matchingScale = 3;

/** Matchmaking scores asked so far, by subject and other organisation (null: none, e.g. no matching profile yet). */
type ScoreCache = Map<string, number | null>;

const askedKey = (subject: string, other: string) => `${subject}>${other}`;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The matchmaking engine's actor-level score of every pair of participants' organisations (symmetric: computed once
 * per pair, from the first one's side), scoring exactly these actors rather than the pool the index would retrieve.
 * Pairs already in `asked` are not scored again; those scored here are added to it.
 */
async function matchingScores(db: Handle, actorIds: string[], asked: ScoreCache): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  for (const [i, actorId] of actorIds.entries()) {
    const others = actorIds.slice(i + 1);
    const missing = others.filter((o) => !asked.has(askedKey(actorId, o)));
    if (missing.length > 0) {
      const scored = await scoreCandidates(db, await actorProfile(db, actorId), {
        top: missing.length,
        exclude: [],
        only: missing,
      });
      for (const o of missing) asked.set(askedKey(actorId, o), null);
      for (const c of scored) asked.set(askedKey(actorId, c.actorId), c.score);
    }
    for (const o of others) {
      const score = asked.get(askedKey(actorId, o));
      if (score != null) scores.set(pairKey(actorId, o), score);
    }
  }
  return scores;
}

const inRuleOf = (seats: Seat[]) => seats.filter((s) => s.side !== null);
const actorIdsOf = (seats: Seat[]) => [...new Set(seats.flatMap((s) => (s.actorId ? [s.actorId] : [])))];

/** Interests between the seats in the rule, in hundredths, per the session's source (scores in `asked` reused). */
async function interestsOf(db: Handle, session: SessionRow, seats: Seat[], asked: ScoreCache): Promise<Interest[]> {
  const ids = seats.map((s) => s.registrationId);
  const interests: Interest[] = [];
  if (session.interestSource !== 'matching') {
    for (const w of await wishesBetween(db, session.eventId, ids))
      interests.push({ a: w.from, b: w.to, weight: w.level * unit });
  }
  if (session.interestSource !== 'wishes') {
    const scores = await matchingScores(db, actorIdsOf(seats), asked);
    for (const [i, a] of seats.entries()) {
      for (const b of seats.slice(i + 1)) {
        if (!a.actorId || !b.actorId || a.actorId === b.actorId) continue;
        const weight = Math.round((scores.get(pairKey(a.actorId, b.actorId)) ?? 0) * matchingScale * unit);
        if (weight > 0) interests.push({ a: a.registrationId, b: b.registrationId, weight });
      }
    }
  }
  return interests;
}

/**
 * The matchmaking scores of the participants as they are now, before computeSchedule takes its locks: one scoring
 * query per organisation would otherwise hold the session's lock (and the event's) for as long.
 */
async function scoresInAdvance(db: Db, eventId: string): Promise<ScoreCache> {
  const asked: ScoreCache = new Map();
  const session = await sessionOf(db, eventId);
  if (session && session.interestSource !== 'wishes') {
    await matchingScores(db, actorIdsOf(inRuleOf(await seatsOf(db, eventId, session))), asked);
  }
  return asked;
}

const unprocessable = (field: string, code: string, message: string) => conflict(message, [{ field, code }]);

/** Computes the schedule and stores meetings and summary in one transaction, replacing the previous ones (staff). */
export async function computeSchedule(db: Db, by: Viewer, eventId: string): Promise<void> {
  requireStaff(by);
  // Reusing these under the locks is safe: the locks order the seat changes and the schedules, not the matchmaking
  // data (profiles, needs and offers change at any time, under no event lock), so a score read just before the lock
  // is as current as one read under it. What the locks do decide is who takes part: the pairs are those of the seats
  // read under them, and a pair not scored in advance (a seat taken meanwhile, the source switched to the scores) is
  // scored there, from the same side as it would have been; scores of organisations that left are not used.
  const asked = await scoresInAdvance(db, eventId);
  await db.transaction(async (tx) => {
    await speedDatingEvent(tx, eventId);
    // Every change of seats (registration, cancellation, promotion) holds the event's row lock: sharing it until the
    // end makes each one either seen by this computation or dated after its clock below (so marking it stale).
    await tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).for('share');
    // Locks the session: two computations at once store one schedule after the other, never mixed.
    const [locked] = await tx
      .select({ session: speedDatingSessions, clock: sql<string>`clock_timestamp()::text` })
      .from(speedDatingSessions)
      .where(eq(speedDatingSessions.eventId, eventId))
      .for('update');
    if (!locked) throw noSettings();
    const { session } = locked;
    // The database's clock, read once the lock is held and before the seats and wishes are: whatever changes after
    // this instant marks the schedule stale (kept as text: a JS Date would drop the microseconds).
    const stamp = sql`${locked.clock}::timestamptz`;
    const inRule = inRuleOf(await seatsOf(tx, eventId, session));
    if (inRule.length < 2) {
      throw unprocessable('participants', 'speedDatingTooFew', 'Il faut au moins deux participants dans la règle');
    }
    if (session.rule === 'twoSided') {
      for (const side of ['A', 'B'] as const) {
        if (!inRule.some((s) => s.side === side)) {
          throw unprocessable(`side${side}`, 'speedDatingSideEmpty', `Personne n’est inscrit du côté ${side}`);
        }
      }
    }
    // Side A first: the scheduler takes the first participant's side as its side A.
    const participants = [...inRule]
      .sort((p, q) => (p.side === q.side ? 0 : p.side === 'A' ? -1 : 1))
      .map((s) => ({ id: s.registrationId, side: s.side as string }));
    const { schedule, greedy } = scheduleSpeedDating({
      participants,
      interests: await interestsOf(tx, session, inRule, asked),
      rounds: session.rounds,
      tables: session.tables,
      rule: session.rule === 'twoSided' ? 'two-sided' : 'one-sided',
    });
    await tx.delete(speedDatingMeetings).where(eq(speedDatingMeetings.eventId, eventId));
    const meetings = schedule.rounds.flatMap((r) =>
      r.meetings.map((m) => ({
        eventId,
        round: r.round,
        tableNumber: m.table,
        aRegistrationId: m.a,
        bRegistrationId: m.b,
        interest: m.weight / unit,
      })),
    );
    if (meetings.length) await tx.insert(speedDatingMeetings).values(meetings);
    await tx
      .update(speedDatingSessions)
      .set({
        scheduledAt: stamp,
        updatedAt: stamp,
        interest: schedule.interest / unit,
        bound: schedule.bound / unit,
        optimal: schedule.optimal,
        greedyInterest: greedy.interest / unit,
      })
      .where(eq(speedDatingSessions.eventId, eventId));
  });
}

async function meetingsOf(db: Handle, eventId: string, registrationId?: string) {
  const mine = registrationId
    ? or(
        eq(speedDatingMeetings.aRegistrationId, registrationId),
        eq(speedDatingMeetings.bRegistrationId, registrationId),
      )
    : undefined;
  return db
    .select()
    .from(speedDatingMeetings)
    .where(and(eq(speedDatingMeetings.eventId, eventId), mine))
    .orderBy(speedDatingMeetings.round, speedDatingMeetings.tableNumber);
}

/** A registration that lost its seat since the schedule still shows, as its organisation. */
function partyLookup(seats: Seat[], withNames: boolean) {
  const byId = new Map(seats.map((s) => [s.registrationId, s]));
  return (id: string) => {
    const seat = byId.get(id);
    return seat
      ? partyOf(seat, withNames)
      : { registrationId: id, actorId: null, actorName: null, family: null, displayName: null };
  };
}

/** The stored schedule by round, with names (staff). */
export async function scheduleView(db: Db, by: Viewer, eventId: string): Promise<ScheduleView> {
  requireStaff(by);
  const event = await speedDatingEvent(db, eventId);
  const session = await sessionOf(db, eventId);
  if (!session) throw noSettings();
  const seats = await seatsOf(db, eventId, session);
  const summary = await summaryOf(db, session, seats);
  if (!summary) throw notFound('Planning');
  const party = partyLookup(seats, true);
  const meetings = await meetingsOf(db, eventId);
  const inRule = seats.filter((s) => s.side !== null);
  return {
    summary,
    tables: session.tables,
    rounds: Array.from({ length: session.rounds }, (_, k) => {
      const held = meetings.filter((m) => m.round === k + 1);
      const seated = new Set(held.flatMap((m) => [m.aRegistrationId, m.bRegistrationId]));
      return {
        ...roundTimesOf(event, session, k + 1),
        meetings: held.map((m) => ({
          tableNumber: m.tableNumber,
          a: party(m.aRegistrationId),
          b: party(m.bRegistrationId),
          interest: m.interest,
        })),
        breaks: inRule.filter((s) => !seated.has(s.registrationId)).map((s) => partyOf(s, true)),
      };
    }),
    excluded: seats.filter((s) => s.side === null).map((s) => partyOf(s, true)),
  };
}

/** A participant's own schedule: their rounds, tables, the organisations they meet; names only for staff. */
export async function myScheduleOf(
  db: Handle,
  viewer: CurrentUser,
  event: EventRow,
  session: SessionRow | null,
): Promise<MySchedule> {
  const seats = await seatsOf(db, event.id, session);
  const mine = seats.find((s) => s.userId === viewer.id);
  if (!mine) {
    throw conflict('Vous n’avez pas de place à ce speed dating', [
      { field: 'registration', code: 'speedDatingNotParticipant' },
    ]);
  }
  const scheduled = session?.scheduledAt != null;
  const meetings = session && scheduled ? await meetingsOf(db, event.id, mine.registrationId) : [];
  const party = partyLookup(seats, isStaff(viewer));
  const otherOf = (m: (typeof meetings)[number]) =>
    m.aRegistrationId === mine.registrationId ? m.bRegistrationId : m.aRegistrationId;
  const marks = await db
    .select()
    .from(speedDatingFollowUps)
    .where(eq(speedDatingFollowUps.fromRegistrationId, mine.registrationId));
  return {
    registrationId: mine.registrationId,
    scheduled,
    rounds:
      session && scheduled
        ? Array.from({ length: session.rounds }, (_, k) => {
            const m = meetings.find((x) => x.round === k + 1);
            return {
              ...roundTimesOf(event, session, k + 1),
              tableNumber: m?.tableNumber ?? null,
              other: m ? party(otherOf(m)) : null,
            };
          })
        : [],
    followUpsOpen: followUpsOpen(event, session),
    followUps: meetings.map((m) => {
      const mark = marks.find((x) => x.toRegistrationId === otherOf(m));
      return { ...party(otherOf(m)), marked: mark !== undefined, requestId: mark?.requestId ?? null };
    }),
  };
}

export async function mySchedule(db: Db, viewer: CurrentUser, eventId: string): Promise<MySchedule> {
  const event = await speedDatingEvent(db, eventId);
  return myScheduleOf(db, viewer, event, await sessionOf(db, eventId));
}
