// After the event: each participant marks whom they want to follow up with, among the people they met. A mutual mark
// opens ONE contact request between the two organisations in the matchmaking module (or links to the pending one).
import { and, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { conflict, invalid, parseInput } from '../../../errors.js';
import type { CurrentUser } from '../../accounts/service.js';
import { actors } from '../../actors/schema.js';
import { matchRequests } from '../../matching/schema.js';
import { notifyActorMembers } from '../../notifications/service.js';
import { followUpsBody, type MySchedule } from './contract.js';
import { type EventRow, followUpsOpen, type Seat, seatsOf, sessionOf, speedDatingEvent } from './participants.js';
import { myScheduleOf } from './planning.js';
import { speedDatingFollowUps, speedDatingMeetings } from './schema.js';

/** The pending request between two actors, either way (the matching module allows one per direction). */
async function pendingBetween(tx: Tx, a: string, b: string) {
  const [row] = await tx
    .select({ id: matchRequests.id })
    .from(matchRequests)
    .where(
      and(
        eq(matchRequests.status, 'pending'),
        or(
          and(eq(matchRequests.fromActorId, a), eq(matchRequests.toActorId, b)),
          and(eq(matchRequests.fromActorId, b), eq(matchRequests.toActorId, a)),
        ),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** Opens (or finds) the contact request for a mutual follow-up; the receiving organisation's members are told. */
async function contactRequest(tx: Tx, by: CurrentUser, event: EventRow, me: Seat, other: Seat, publicUrl: string) {
  if (!me.actorId || !other.actorId || me.actorId === other.actorId) return null;
  // Same lock key as the matching module's decisions on this pair, so a suggestion accepted at the same instant
  // does not cross this request.
  const [x, y] = me.actorId < other.actorId ? [me.actorId, other.actorId] : [other.actorId, me.actorId];
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${x}:${y}`}, 0))`);
  const pending = await pendingBetween(tx, me.actorId, other.actorId);
  if (pending) return pending;
  const [request] = await tx
    .insert(matchRequests)
    .values({
      fromActorId: me.actorId,
      toActorId: other.actorId,
      subjectKind: 'actor',
      subjectId: other.actorId,
      message: `Mise en relation issue du speed dating «\u00a0${event.title}\u00a0»\u202f: vous avez tous deux souhaité donner suite.`,
      reasons: [`Rencontre au speed dating «\u00a0${event.title}\u00a0»`],
      createdBy: by.id,
    })
    .returning({ id: matchRequests.id });
  if (!request) throw new Error('request not inserted');
  const [from] = await tx.select({ name: actors.name }).from(actors).where(eq(actors.id, me.actorId));
  await notifyActorMembers(
    tx,
    other.actorId,
    {
      kind: 'contactRequest',
      title: `${from?.name ?? 'Une organisation'} souhaite donner suite à votre rencontre`,
      body: `Vous vous êtes rencontrés au speed dating «\u00a0${event.title}\u00a0» et souhaitez tous deux donner suite.`,
      link: '/mises-en-relation',
    },
    publicUrl,
  );
  return request.id;
}

/**
 * The lock key of each pair (me, target), sorted: everyone takes their locks in the same order, so that three people
 * marking each other at once cannot each hold one lock while waiting for another's (a deadlock).
 */
export function pairLockKeys(me: string, targets: string[]): string[] {
  return targets
    .map((to) => {
      const [p, q] = me < to ? [me, to] : [to, me];
      return `speed-dating:${p}:${q}`;
    })
    .sort();
}

/** Replaces my marks (only people I met); a mark already turned into a contact request stays. One transaction. */
export async function setMyFollowUps(
  db: Db,
  by: CurrentUser,
  eventId: string,
  input: { registrationIds: string[] },
  publicUrl: string,
): Promise<MySchedule> {
  const { registrationIds } = parseInput(followUpsBody, input);
  return db.transaction(async (tx) => {
    const event = await speedDatingEvent(tx, eventId);
    const session = await sessionOf(tx, eventId);
    if (!followUpsOpen(event, session)) {
      throw conflict('Les suites se marquent une fois le speed dating commencé', [
        { field: 'followUps', code: 'speedDatingFollowUpsClosed' },
      ]);
    }
    const seats = await seatsOf(tx, eventId, session);
    const me = seats.find((s) => s.userId === by.id);
    if (!me) {
      throw conflict('Vous n’avez pas de place à ce speed dating', [
        { field: 'registration', code: 'speedDatingNotParticipant' },
      ]);
    }
    const met = await tx
      .select({ a: speedDatingMeetings.aRegistrationId, b: speedDatingMeetings.bRegistrationId })
      .from(speedDatingMeetings)
      .where(
        and(
          eq(speedDatingMeetings.eventId, eventId),
          or(
            eq(speedDatingMeetings.aRegistrationId, me.registrationId),
            eq(speedDatingMeetings.bRegistrationId, me.registrationId),
          ),
        ),
      );
    const others = new Set(met.map((m) => (m.a === me.registrationId ? m.b : m.a)));
    const issues = registrationIds.flatMap((id, i) =>
      others.has(id) ? [] : [{ field: `registrationIds.${i}`, code: 'speedDatingNotMet' }],
    );
    if (issues.length) throw invalid(issues);
    const mine = eq(speedDatingFollowUps.fromRegistrationId, me.registrationId);
    await tx
      .delete(speedDatingFollowUps)
      .where(
        and(
          mine,
          isNull(speedDatingFollowUps.requestId),
          registrationIds.length ? notInArray(speedDatingFollowUps.toRegistrationId, registrationIds) : undefined,
        ),
      );
    const targets = [...new Set(registrationIds)];
    if (targets.length) {
      await tx
        .insert(speedDatingFollowUps)
        .values(targets.map((to) => ({ eventId, fromRegistrationId: me.registrationId, toRegistrationId: to })))
        .onConflictDoNothing();
      // Both marks of a pair wait for each other on this lock, so the second always sees the first.
      for (const key of pairLockKeys(me.registrationId, targets)) {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
      }
      const theirs = await tx
        .select()
        .from(speedDatingFollowUps)
        .where(
          and(
            inArray(speedDatingFollowUps.fromRegistrationId, targets),
            eq(speedDatingFollowUps.toRegistrationId, me.registrationId),
          ),
        );
      for (const mark of theirs) {
        const other = seats.find((s) => s.registrationId === mark.fromRegistrationId);
        if (!other) continue;
        const [own] = await tx
          .select({ requestId: speedDatingFollowUps.requestId })
          .from(speedDatingFollowUps)
          .where(and(mine, eq(speedDatingFollowUps.toRegistrationId, other.registrationId)));
        if (own?.requestId || mark.requestId) continue;
        const requestId = await contactRequest(tx, by, event, me, other, publicUrl);
        if (!requestId) continue;
        await tx
          .update(speedDatingFollowUps)
          .set({ requestId })
          .where(
            or(
              and(mine, eq(speedDatingFollowUps.toRegistrationId, other.registrationId)),
              and(
                eq(speedDatingFollowUps.fromRegistrationId, other.registrationId),
                eq(speedDatingFollowUps.toRegistrationId, me.registrationId),
              ),
            ),
          );
      }
    }
    return myScheduleOf(tx, by, event, session);
  });
}
