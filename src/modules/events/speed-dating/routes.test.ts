import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { actors } from '../../actors/schema.js';
import { actorProfile } from '../../matching/profile.js';
import { matchRequests } from '../../matching/schema.js';
import { scoreCandidates } from '../../matching/score.js';
import type { EventDetail, EventInput } from '../contract.js';
import type { MySchedule, ScheduleView, SpeedDatingSettingsInput, SpeedDatingView } from './contract.js';
import { pairLockKeys } from './follow-ups.js';
import { speedDatingFollowUps, speedDatingMeetings } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const day = 24 * 3600_000;
const inDays = (n: number, hour = 18) => {
  const d = new Date(Date.now() + n * day);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

const speedDating = (overrides: Partial<EventInput> = {}): EventInput => ({
  kind: 'speedDating',
  title: 'Speed dating associations et entreprises',
  startsAt: inDays(10, 17),
  endsAt: inDays(10, 19),
  ...overrides,
});

const settings = (overrides: Partial<SpeedDatingSettingsInput> = {}): SpeedDatingSettingsInput => ({
  tables: 2,
  rounds: 2,
  roundMinutes: 7,
  changeoverMinutes: 3,
  rule: 'twoSided',
  sideA: ['association'],
  sideB: ['company'],
  interestSource: 'wishes',
  followUpsOpen: false,
  ...overrides,
});

describe('speed dating routes', () => {
  let t: TestApp;
  let animator: SignedIn;
  let observer: SignedIn;
  /** Two associations (A1, A2), two companies (B1, B2), a public authority (out of the rule). */
  let a1: SignedIn;
  let a2: SignedIn;
  let b1: SignedIn;
  let b2: SignedIn;
  let mayor: SignedIn;
  let orgIds: string[];

  const call = callerOf(() => t.app);

  /** A speed-dating event where the five members hold a seat. */
  async function seatedEvent(overrides: Partial<EventInput> = {}) {
    const res = await call(animator, 'POST', '/api/v1/events', speedDating(overrides));
    expect(res.status).toBe(201);
    const id = (res.body as EventDetail).id;
    for (const who of [a1, a2, b1, b2, mayor]) {
      expect((await call(who, 'POST', `/api/v1/events/${id}/registrations`)).status).toBe(201);
    }
    return id;
  }
  const url = (id: string, tail = '') => `/api/v1/events/${id}/speed-dating${tail}`;
  const view = async (who: SignedIn, id: string) => {
    const res = await call(who, 'GET', url(id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as SpeedDatingView;
  };
  const regOf = async (id: string, who: SignedIn) => (await view(who, id)).mine?.registrationId ?? '';
  const setUp = async (id: string, overrides: Partial<SpeedDatingSettingsInput> = {}) => {
    const res = await call(animator, 'PUT', url(id), settings(overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as SpeedDatingView;
  };
  const wish = async (who: SignedIn, id: string, wishes: { registrationId: string; level: number }[]) =>
    call(who, 'PUT', url(id, '/wishes/mine'), { wishes });

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    const rows = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Le Petit Duc' },
        { family: 'association', name: 'Chœur de Provence' },
        { family: 'company', name: 'Ateliers du Tholonet' },
        { family: 'company', name: 'Boulangerie Mirabeau' },
        { family: 'publicAuthority', name: 'Mairie de Meyreuil' },
      ])
      .returning({ id: actors.id });
    orgIds = rows.map((r) => r.id);
    [a1, a2, b1, b2, mayor] = (await Promise.all(orgIds.map((actorId) => signedInAs(t.db, 'member', actorId)))) as [
      SignedIn,
      SignedIn,
      SignedIn,
      SignedIn,
      SignedIn,
    ];
  });
  afterAll(() => t.close());

  it('validates the settings, staff only, on speed-dating events only', async () => {
    const id = await seatedEvent();
    expect((await call(a1, 'PUT', url(id), settings())).status).toBe(403);
    const zero = await call(animator, 'PUT', url(id), settings({ tables: 0 }));
    expect(zero.status).toBe(400);
    expect(fieldsOf(zero.body)).toContainEqual(['tables', 'tooSmall']);
    const overlap = await call(animator, 'PUT', url(id), settings({ sideB: ['company', 'association'] }));
    expect(overlap.status).toBe(400);
    expect(fieldsOf(overlap.body)).toEqual([['sideB', 'speedDatingSidesOverlap']]);
    expect((await view(a1, id)).settings).toBeNull();

    const saved = await setUp(id);
    expect(saved.settings).toMatchObject({ tables: 2, rounds: 2, rule: 'twoSided', interestSource: 'wishes' });
    // Everyone sees the organisations and sides; the person's name only for staff.
    const member = await view(a1, id);
    expect(member.participants.map((p) => [p.actorName, p.side, p.displayName])).toEqual([
      ['Le Petit Duc', 'A', null],
      ['Chœur de Provence', 'A', null],
      ['Ateliers du Tholonet', 'B', null],
      ['Boulangerie Mirabeau', 'B', null],
      ['Mairie de Meyreuil', null, null],
    ]);
    expect(member.canManage).toBe(false);
    expect(member.mine?.side).toBe('A');
    expect((await view(animator, id)).participants.every((p) => p.displayName === 'Test member')).toBe(true);

    // The rounds must fit in the event (two hours here): 10 × 12 + 9 × 2 = 138 minutes do not, 10 × 12 + 0 do.
    const tooLong = await call(
      animator,
      'PUT',
      url(id),
      settings({ rounds: 10, roundMinutes: 12, changeoverMinutes: 2 }),
    );
    expect(tooLong.status).toBe(422);
    expect(fieldsOf(tooLong.body)).toEqual([['rounds', 'speedDatingTooLong']]);
    expect((await view(animator, id)).settings).toMatchObject({ tables: 2, rounds: 2 });
    await setUp(id, { rounds: 10, roundMinutes: 12, changeoverMinutes: 0 });

    const workshop = await call(animator, 'POST', '/api/v1/events', speedDating({ kind: 'interAssociationWorkshop' }));
    const other = await call(animator, 'PUT', url((workshop.body as EventDetail).id), settings());
    expect(other.status).toBe(409);
    expect(fieldsOf(other.body)).toEqual([['kind', 'notSpeedDating']]);
  });

  it('takes wishes from seat holders, towards the other side only; staff enter paper forms', async () => {
    const id = await seatedEvent();
    expect(fieldsOf((await wish(a1, id, [])).body)).toEqual([['settings', 'speedDatingNoSettings']]);
    await setUp(id);
    const [ra2, rb1, rb2, rMayor] = await Promise.all([a2, b1, b2, mayor].map((w) => regOf(id, w)));
    const sameSide = await wish(a1, id, [
      { registrationId: rb1 as string, level: 3 },
      { registrationId: ra2 as string, level: 2 },
      { registrationId: rMayor as string, level: 1 },
      { registrationId: rb1 as string, level: 1 },
    ]);
    expect(sameSide.status).toBe(422);
    expect(fieldsOf(sameSide.body)).toEqual([
      ['wishes.1.registrationId', 'speedDatingNotAPartner'],
      ['wishes.2.registrationId', 'speedDatingNotAPartner'],
      ['wishes.3.registrationId', 'speedDatingDuplicateWish'],
    ]);
    expect((await view(a1, id)).wishesCount).toBe(0);
    const badLevel = await wish(a1, id, [{ registrationId: rb1 as string, level: 4 }]);
    expect(fieldsOf(badLevel.body)).toEqual([['wishes.0.level', 'tooBig']]);

    const ok = await wish(a1, id, [
      { registrationId: rb1 as string, level: 3 },
      { registrationId: rb2 as string, level: 1 },
    ]);
    expect(ok.status).toBe(200);
    expect((ok.body as SpeedDatingView).mine?.wishes).toHaveLength(2);
    // Out of the rule, or without a seat: no wishes.
    expect(fieldsOf((await wish(mayor, id, [])).body)).toEqual([['registration', 'speedDatingOutOfRule']]);
    expect(fieldsOf((await wish(observer, id, [])).body)).toEqual([['registration', 'speedDatingNotParticipant']]);
    // Staff only for someone else's wishes.
    const paper = { wishes: [{ registrationId: ra2, level: 2 }] };
    expect((await call(b1, 'PUT', url(id, `/wishes/${rb2}`), paper)).status).toBe(403);
    const entered = await call(animator, 'PUT', url(id, `/wishes/${rb2}`), paper);
    expect(entered.status).toBe(200);
    const after = entered.body as SpeedDatingView;
    expect(after.wishesCount).toBe(3);
    expect(after.participants.find((p) => p.registrationId === rb2)?.wishesGiven).toBe(1);
    expect(after.participants.find((p) => p.registrationId === ra2)?.wishesReceived).toBe(1);
    // Staff see who wished whom (to enter paper forms); members only their own wishes.
    expect(after.participants.find((p) => p.registrationId === rb2)?.wishes).toEqual([
      { registrationId: ra2, level: 2 },
    ]);
    const member = await view(b2, id);
    expect(member.participants.every((p) => p.wishes.length === 0)).toBe(true);
    // How sought after each one is: staff only.
    expect(member.participants.map((p) => p.wishesReceived)).toEqual([null, null, null, null, null]);
    expect(member.mine?.wishes).toEqual([{ registrationId: ra2, level: 2 }]);
  });

  it('stores a schedule that holds the constraints, at the optimum; marks it stale when wishes change', async () => {
    const id = await seatedEvent();
    expect((await call(animator, 'POST', url(id, '/schedule'))).status).toBe(409);
    await setUp(id);
    const [ra1, ra2, rb1, rb2] = await Promise.all([a1, a2, b1, b2].map((w) => regOf(id, w)));
    await wish(a1, id, [
      { registrationId: rb1 as string, level: 3 },
      { registrationId: rb2 as string, level: 2 },
    ]);
    await wish(b1, id, [{ registrationId: ra1 as string, level: 3 }]);
    await wish(b2, id, [{ registrationId: ra2 as string, level: 1 }]);
    expect((await call(a1, 'POST', url(id, '/schedule'))).status).toBe(403);

    const res = await call(animator, 'POST', url(id, '/schedule'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const plan = res.body as ScheduleView;
    expect(plan.summary).toMatchObject({ interest: 9, bound: 9, optimal: true, ratio: 1, stale: false });
    expect(plan.summary.greedyInterest).toBeLessThanOrEqual(9);
    expect(plan.excluded.map((p) => p.actorName)).toEqual(['Mairie de Meyreuil']);
    expect(plan.rounds.map((r) => r.startsAt)).toEqual([
      speedDating().startsAt,
      new Date(Date.parse(speedDating().startsAt) + 10 * 60_000).toISOString(),
    ]);

    const stored = await t.db.select().from(speedDatingMeetings).where(eq(speedDatingMeetings.eventId, id));
    expect(stored.reduce((s, m) => s + m.interest, 0)).toBe(9);
    const pairs = new Set<string>();
    const sideA = new Set([ra1, ra2]);
    for (let round = 1; round <= 2; round++) {
      const held = stored.filter((m) => m.round === round);
      expect(held.length).toBeLessThanOrEqual(2);
      const seated = held.flatMap((m) => [m.aRegistrationId, m.bRegistrationId]);
      expect(new Set(seated).size).toBe(seated.length);
    }
    for (const m of stored) {
      const key = [m.aRegistrationId, m.bRegistrationId].sort().join('|');
      expect(pairs.has(key)).toBe(false);
      pairs.add(key);
      expect(sideA.has(m.aRegistrationId)).not.toBe(sideA.has(m.bRegistrationId));
    }
    // Computing again replaces the meetings.
    await call(animator, 'POST', url(id, '/schedule'));
    const again = await t.db.select().from(speedDatingMeetings).where(eq(speedDatingMeetings.eventId, id));
    expect(again).toHaveLength(stored.length);

    await wish(b2, id, [{ registrationId: ra2 as string, level: 2 }]);
    expect((await view(a1, id)).summary?.stale).toBe(true);
  });

  it('marks the schedule stale when someone gains a seat (new registration or promotion)', async () => {
    const id = await seatedEvent({ capacity: 5 });
    await setUp(id);
    const late = await signedInAs(t.db, 'member', orgIds[3]);
    expect((await call(late, 'POST', `/api/v1/events/${id}/registrations`)).status).toBe(201);
    expect((await call(animator, 'POST', url(id, '/schedule'))).status).toBe(200);
    expect((await view(animator, id)).summary?.stale).toBe(false);
    // The mayor (out of the rule, so in no meeting) leaves: the waitlisted member is promoted and gains a seat.
    expect((await call(mayor, 'DELETE', `/api/v1/events/${id}/registrations/mine`)).status).toBe(204);
    expect((await view(late, id)).mine).not.toBeNull();
    expect((await view(animator, id)).summary?.stale).toBe(true);
    expect((await call(animator, 'POST', url(id, '/schedule'))).status).toBe(200);
    expect((await view(animator, id)).summary?.stale).toBe(false);
    // Joining the waiting list gains no seat.
    expect((await call(mayor, 'POST', `/api/v1/events/${id}/registrations`)).status).toBe(201);
    expect((await view(animator, id)).summary?.stale).toBe(false);

    // Without a capacity, a new registration holds a seat at once.
    const open = await seatedEvent();
    await setUp(open);
    expect((await call(animator, 'POST', url(open, '/schedule'))).status).toBe(200);
    expect((await view(animator, open)).summary?.stale).toBe(false);
    expect((await call(late, 'POST', `/api/v1/events/${open}/registrations`)).status).toBe(201);
    expect((await view(animator, open)).summary?.stale).toBe(true);
  });

  it('shows each participant their rounds with organisations, never names; staff see names', async () => {
    const id = await seatedEvent();
    await setUp(id, { tables: 2, rounds: 2, interestSource: 'wishes' });
    const [rb1] = await Promise.all([b1].map((w) => regOf(id, w)));
    await wish(a1, id, [{ registrationId: rb1 as string, level: 2 }]);
    await call(animator, 'POST', url(id, '/schedule'));

    const res = await call(a1, 'GET', url(id, '/schedule/mine'));
    expect(res.status).toBe(200);
    const mine = res.body as MySchedule;
    expect(mine.rounds).toHaveLength(2);
    const met = mine.rounds.filter((r) => r.other);
    expect(met.map((r) => r.other?.actorName)).toContain('Ateliers du Tholonet');
    expect(met.every((r) => r.other?.displayName === null && r.tableNumber !== null)).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('Test member');
    expect(fieldsOf((await call(observer, 'GET', url(id, '/schedule/mine'))).body)).toEqual([
      ['registration', 'speedDatingNotParticipant'],
    ]);
    expect((await call(a1, 'GET', url(id, '/schedule'))).status).toBe(403);
    const all = (await call(animator, 'GET', url(id, '/schedule'))).body as ScheduleView;
    expect(all.rounds[0]?.meetings[0]?.a.displayName).toBe('Test member');
  });

  it("uses the matchmaking engine's scores as interest when asked", async () => {
    const id = await seatedEvent();
    await setUp(id, { tables: 1, rounds: 1, interestSource: 'matching' });
    // Shared themes and SDGs make Chœur de Provence × Boulangerie Mirabeau the best pair across the sides.
    const [choir, , bakery] = [orgIds[1] ?? '', orgIds[2] ?? '', orgIds[3] ?? ''];
    await t.db
      .update(actors)
      .set({ themes: ['education-culture', 'intergenerational'], sdgs: [4, 10] })
      .where(inArray(actors.id, [choir, bakery]));
    const scoresOf = async (actorId: string) =>
      (
        await scoreCandidates(t.db, await actorProfile(t.db, actorId), {
          top: 5,
          exclude: [],
          only: orgIds.slice(2, 4),
        })
      ).map((c) => ({ pair: [actorId, c.actorId], score: c.score }));
    const pairs = [...(await scoresOf(orgIds[0] ?? '')), ...(await scoresOf(choir))].sort((x, y) => y.score - x.score);
    expect(pairs[0]?.pair).toEqual([choir, bakery]);
    const expected = pairs[0]?.score ?? 0;
    expect(expected).toBeGreaterThan(pairs[1]?.score ?? 0);
    const plan = (await call(animator, 'POST', url(id, '/schedule'))).body as ScheduleView;
    const [meeting] = plan.rounds[0]?.meetings ?? [];
    expect([meeting?.a.actorName, meeting?.b.actorName]).toEqual(['Chœur de Provence', 'Boulangerie Mirabeau']);
    expect(meeting?.interest).toBeCloseTo(3 * expected, 2);
  });

  it('takes the follow-up locks in one order whatever the request order (no deadlock between three people)', () => {
    const [x, y, z] = ['3c0e…', '7a1f…', 'b2d4…'];
    // y marks z then x; x marks z then y; z marks y then x: each takes its two locks in the same global order.
    expect(pairLockKeys(y, [z, x])).toEqual([`speed-dating:${x}:${y}`, `speed-dating:${y}:${z}`]);
    expect(pairLockKeys(x, [z, y])).toEqual([`speed-dating:${x}:${y}`, `speed-dating:${x}:${z}`]);
    expect(pairLockKeys(z, [y, x])).toEqual([`speed-dating:${x}:${z}`, `speed-dating:${y}:${z}`]);
  });

  it('turns mutual follow-ups into exactly one contact request; a one-way mark opens none', async () => {
    const id = await seatedEvent();
    await setUp(id, { tables: 2, rounds: 2 });
    const [ra1, rb1, rb2] = await Promise.all([a1, b1, b2].map((w) => regOf(id, w)));
    await wish(a1, id, [
      { registrationId: rb1 as string, level: 3 },
      { registrationId: rb2 as string, level: 3 },
    ]);
    await call(animator, 'POST', url(id, '/schedule'));
    const mark = (who: SignedIn, registrationIds: string[]) =>
      call(who, 'PUT', url(id, '/follow-ups/mine'), { registrationIds });
    // Before the event, closed unless staff open them.
    expect(fieldsOf((await mark(a1, [rb1 as string])).body)).toEqual([['followUps', 'speedDatingFollowUpsClosed']]);
    await setUp(id, { tables: 2, rounds: 2, followUpsOpen: true });
    expect(fieldsOf((await mark(a1, [orgIds[0] as string])).body)).toEqual([
      ['registrationIds.0', 'speedDatingNotMet'],
    ]);

    const requests = () =>
      t.db
        .select()
        .from(matchRequests)
        .where(eq(matchRequests.toActorId, orgIds[0] ?? ''));
    const oneWay = await mark(a1, [rb1 as string, rb2 as string]);
    expect(oneWay.status, JSON.stringify(oneWay.body)).toBe(200);
    expect((oneWay.body as MySchedule).followUps.every((f) => f.marked && f.requestId === null)).toBe(true);
    const fromA1 = () =>
      t.db
        .select()
        .from(matchRequests)
        .where(eq(matchRequests.fromActorId, orgIds[0] ?? ''));
    expect(await fromA1()).toHaveLength(0);

    const mutual = await mark(b1, [ra1 as string]);
    expect(mutual.status).toBe(200);
    const created = await requests();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      fromActorId: orgIds[2],
      subjectKind: 'actor',
      subjectId: orgIds[0],
      status: 'pending',
    });
    expect(created[0]?.message).toBe(
      'Mise en relation issue du speed dating «\u00a0Speed dating associations et entreprises\u00a0»\u202f: ' +
        'vous avez tous deux souhaité donner suite.',
    );
    const rows = await t.db.select().from(speedDatingFollowUps).where(eq(speedDatingFollowUps.eventId, id));
    expect(rows.filter((r) => r.requestId === created[0]?.id)).toHaveLength(2);
    // Marking again (and unmarking the other) opens nothing more; the request stays.
    await mark(b1, [ra1 as string]);
    await mark(a1, [rb1 as string]);
    expect(await requests()).toHaveLength(1);
    const mine = (await call(a1, 'GET', url(id, '/schedule/mine'))).body as MySchedule;
    expect(mine.followUps.find((f) => f.registrationId === rb1)?.requestId).toBe(created[0]?.id);
    expect(mine.followUps.find((f) => f.registrationId === rb2)?.marked).toBe(false);
  });
});
