import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { actors } from '../actors/schema.js';
import type {
  EventDetail,
  EventInput,
  EventSummary,
  MyRegistration,
  RegistrationLine,
  RegistrationsView,
} from './contract.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const day = 24 * 3600_000;
const inDays = (n: number, hour = 18) => {
  const d = new Date(Date.now() + n * day);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

const workshop = (overrides: Partial<EventInput> = {}): EventInput => ({
  kind: 'interAssociationWorkshop',
  title: 'Atelier inter-associatif culture et arts',
  description: 'Échanges entre associations culturelles.',
  startsAt: inDays(10, 17),
  endsAt: inDays(10, 19),
  place: 'Maison de la vie associative',
  capacity: 2,
  agenda: [
    { startsAt: '17:00', title: 'Accueil', speakers: [] },
    { startsAt: '17:15', title: 'Tour de table', speakers: ['Animatrice'] },
  ],
  ...overrides,
});

describe('events routes', () => {
  let t: TestApp;
  let animator: SignedIn;
  let admin: SignedIn;
  let observer: SignedIn;
  /** Members of three organisations, and a fourth member of the first. */
  let members: SignedIn[];
  let orgIds: string[];

  const call = callerOf(() => t.app);

  const create = async (overrides: Partial<EventInput> = {}) => {
    const res = await call(animator, 'POST', '/api/v1/events', workshop(overrides));
    expect(res.status).toBe(201);
    return res.body as EventDetail;
  };
  const register = async (who: SignedIn, id: string, expected = 201) => {
    const res = await call(who, 'POST', `/api/v1/events/${id}/registrations`);
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    return res.body as MyRegistration;
  };
  const registrations = async (who: SignedIn, id: string) => {
    const res = await call(who, 'GET', `/api/v1/events/${id}/registrations`);
    expect(res.status).toBe(200);
    return res.body as RegistrationsView;
  };
  const detail = async (who: SignedIn | null, id: string) => {
    const res = await call(who, 'GET', `/api/v1/events/${id}`);
    expect(res.status).toBe(200);
    return res.body as EventDetail;
  };
  const problemFields = (body: { errors?: { field: string; code: string }[] }) =>
    (body.errors ?? []).map((e) => [e.field, e.code]);

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    admin = await signedInAs(t.db, 'admin');
    observer = await signedInAs(t.db, 'observer');
    const rows = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Le Petit Duc' },
        { family: 'association', name: 'Chœur de Provence' },
        { family: 'company', name: 'Ateliers du Tholonet' },
      ])
      .returning({ id: actors.id });
    orgIds = rows.map((r) => r.id);
    members = [];
    for (const actorId of [...orgIds, orgIds[0] ?? '']) members.push(await signedInAs(t.db, 'member', actorId));
  });
  afterAll(() => t.close());

  it('creates an event with its agenda, lists it publicly with the seats left', async () => {
    const created = await create();
    expect(created).toMatchObject({
      kind: 'interAssociationWorkshop',
      status: 'planned',
      capacity: 2,
      seatsLeft: 2,
      waitlisted: 0,
      registered: 0,
      canEdit: true,
      myRegistration: null,
    });
    expect(created.agenda.map((a) => a.startsAt)).toEqual(['17:00', '17:15']);
    const list = await call(null, 'GET', '/api/v1/events');
    expect(list.status).toBe(200);
    const item = (list.body.items as EventSummary[]).find((e) => e.id === created.id);
    expect(item).toMatchObject({ title: created.title, seatsLeft: 2, place: 'Maison de la vie associative' });
    expect((await detail(null, created.id)).canEdit).toBe(false);
    expect((await call(null, 'GET', `/api/v1/events/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses bad input naming the field: end before start, agenda out of order, capacity 0, unknown commune', async () => {
    const cases: [Partial<EventInput>, [string, string][]][] = [
      [{ startsAt: inDays(3, 18), endsAt: inDays(3, 17) }, [['endsAt', 'endBeforeStart']]],
      [
        {
          agenda: [
            { startsAt: '18:00', title: 'Conclusion', speakers: [] },
            { startsAt: '17:00', title: 'Accueil', speakers: [] },
          ],
        },
        [['agenda.1.startsAt', 'agendaOutOfOrder']],
      ],
      [{ agenda: [{ startsAt: '25:00', title: 'Trop tard', speakers: [] }] }, [['agenda.0.startsAt', 'invalidTime']]],
      [{ capacity: 0 }, [['capacity', 'tooSmall']]],
    ];
    for (const [overrides, expected] of cases) {
      const res = await call(animator, 'POST', '/api/v1/events', workshop(overrides));
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(problemFields(res.body)).toEqual(expected);
    }
    const commune = await call(animator, 'POST', '/api/v1/events', workshop({ communeCode: '99999' }));
    expect(commune.status).toBe(422);
    expect(problemFields(commune.body)).toEqual([['communeCode', 'unknownCommune']]);
  });

  it('capacity 2: the third member is waitlisted, and promoted when a seat frees up', async () => {
    const event = await create({ capacity: 2 });
    const [a, b, c] = members as [SignedIn, SignedIn, SignedIn];
    expect(await register(a, event.id)).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect(await register(b, event.id)).toMatchObject({ status: 'registered' });
    expect(await register(c, event.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await detail(null, event.id)).toMatchObject({ seatsLeft: 0, waitlisted: 1, registered: 2 });
    expect((await detail(c, event.id)).myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // Registering twice is refused.
    const again = await call(a, 'POST', `/api/v1/events/${event.id}/registrations`);
    expect(again.status).toBe(409);
    expect(problemFields(again.body)).toEqual([['event', 'alreadyRegistered']]);

    expect((await call(a, 'DELETE', `/api/v1/events/${event.id}/registrations/mine`)).status).toBe(204);
    const promoted = (await detail(c, event.id)).myRegistration;
    expect(promoted).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect(promoted?.promotedAt).not.toBeNull();
    expect(await detail(null, event.id)).toMatchObject({ seatsLeft: 0, waitlisted: 0, registered: 2 });
    expect((await detail(a, event.id)).myRegistration).toBeNull();
    // Nothing to cancel any more; a waitlisted one cancelling promotes nobody.
    expect((await call(a, 'DELETE', `/api/v1/events/${event.id}/registrations/mine`)).status).toBe(404);

    // Cancelling is not final: one may register again, at the end of the queue.
    expect(await register(a, event.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await call(a, 'DELETE', `/api/v1/events/${event.id}/registrations/mine`)).status).toBe(204);
    expect(await registrations(animator, event.id)).toMatchObject({ registered: 2, waitlisted: 0 });
  });

  it('a raised capacity promotes as many as fit, in order; a lowered one evicts nobody', async () => {
    const event = await create({ capacity: 1 });
    const [a, b, c, d] = members as [SignedIn, SignedIn, SignedIn, SignedIn];
    await register(a, event.id);
    for (const who of [b, c, d]) expect((await register(who, event.id)).status).toBe('waitlisted');

    const raised = await call(animator, 'PUT', `/api/v1/events/${event.id}`, workshop({ capacity: 3 }));
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ capacity: 3, seatsLeft: 0, registered: 3, waitlisted: 1 });
    const view = await registrations(animator, event.id);
    const statusOf = (who: SignedIn) => view.people.find((p) => p.userId === who.user.id);
    expect(statusOf(b)).toMatchObject({ status: 'registered' });
    expect(statusOf(b)?.promotedAt).not.toBeNull();
    expect(statusOf(c)).toMatchObject({ status: 'registered' });
    expect(statusOf(d)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const lowered = await call(animator, 'PUT', `/api/v1/events/${event.id}`, workshop({ capacity: 1 }));
    expect(lowered.body).toMatchObject({ capacity: 1, seatsLeft: 0, registered: 3, waitlisted: 1 });
    // Over capacity: a freed seat is not given away until the count is below the capacity again.
    expect((await call(a, 'DELETE', `/api/v1/events/${event.id}/registrations/mine`)).status).toBe(204);
    expect(await detail(null, event.id)).toMatchObject({ registered: 2, waitlisted: 1 });

    // No limit: everyone waiting gets a seat.
    const unlimited = await call(animator, 'PUT', `/api/v1/events/${event.id}`, workshop({ capacity: null }));
    expect(unlimited.body).toMatchObject({ capacity: null, seatsLeft: null, registered: 3, waitlisted: 0 });
  });

  it('concurrent registrations never exceed the capacity', async () => {
    const event = await create({ capacity: 3 });
    const people = await Promise.all(Array.from({ length: 9 }, () => signedInAs(t.db, 'observer')));
    const results = await Promise.all(people.map((p) => register(p, event.id)));
    expect(results.filter((r) => r.status === 'registered')).toHaveLength(3);
    const view = await registrations(animator, event.id);
    expect(view).toMatchObject({ registered: 3, waitlisted: 6 });
    expect(view.people.filter((p) => p.status === 'waitlisted').map((p) => p.waitlistPosition)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    // Concurrent cancellations hand each freed seat to exactly one waiting person.
    const seated = people.filter((p) => results[people.indexOf(p)]?.status === 'registered');
    const cancels = await Promise.all(
      seated.map((p) => call(p, 'DELETE', `/api/v1/events/${event.id}/registrations/mine`)),
    );
    expect(cancels.map((c) => c.status)).toEqual([204, 204, 204]);
    expect(await registrations(animator, event.id)).toMatchObject({ registered: 3, waitlisted: 3 });
  });

  it('refuses registrations to a cancelled or past event with a clear code', async () => {
    const event = await create();
    const cancelled = await call(animator, 'POST', `/api/v1/events/${event.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    const refused = await call(members[0] ?? null, 'POST', `/api/v1/events/${event.id}/registrations`);
    expect(refused.status).toBe(409);
    expect(refused.type).toContain('application/problem+json');
    expect(problemFields(refused.body)).toEqual([['event', 'eventCancelled']]);
    const edit = await call(animator, 'PUT', `/api/v1/events/${event.id}`, workshop());
    expect(edit.status).toBe(409);

    const past = await create({ startsAt: inDays(-3, 17), endsAt: inDays(-3, 19) });
    const late = await call(members[0] ?? null, 'POST', `/api/v1/events/${past.id}/registrations`);
    expect(late.status).toBe(409);
    expect(problemFields(late.body)).toEqual([['event', 'eventPast']]);
    expect((await call(members[0] ?? null, 'POST', `/api/v1/events/${randomUUID()}/registrations`)).status).toBe(404);
  });

  it('checks in registered participants only (staff)', async () => {
    const event = await create({ capacity: 1 });
    const [a, b] = members as [SignedIn, SignedIn];
    const seat = await register(a, event.id);
    const waiting = await register(b, event.id);
    const url = (id: string) => `/api/v1/events/${event.id}/registrations/${id}/check-in`;

    expect((await call(a, 'POST', url(seat.id), {})).status).toBe(403);
    expect((await call(observer, 'POST', url(seat.id), {})).status).toBe(403);
    expect((await call(null, 'POST', url(seat.id), {})).status).toBe(401);

    const done = await call(animator, 'POST', url(seat.id), {});
    expect(done.status).toBe(200);
    const line = done.body as RegistrationLine;
    expect(line).toMatchObject({ id: seat.id, userId: a.user.id, status: 'registered', actorName: 'Le Petit Duc' });
    expect(line.checkedInAt).not.toBeNull();
    // Idempotent: checking in again keeps the first time.
    expect((await call(admin, 'POST', url(seat.id), {})).body.checkedInAt).toBe(line.checkedInAt);
    expect(await registrations(animator, event.id)).toMatchObject({ registered: 1, checkedIn: 1 });

    const notSeated = await call(animator, 'POST', url(waiting.id), {});
    expect(notSeated.status).toBe(409);
    expect(problemFields(notSeated.body)).toEqual([['registrationId', 'notRegistered']]);
    expect((await call(animator, 'POST', url(randomUUID()), {})).status).toBe(404);

    const undone = await call(animator, 'POST', url(seat.id), { present: false });
    expect(undone.body.checkedInAt).toBeNull();
    expect((await registrations(animator, event.id)).checkedIn).toBe(0);
  });

  it('permissions: staff manage events; anyone signed in registers; anonymous only reads', async () => {
    const event = await create({ capacity: 5 });
    for (const who of [members[0], observer]) {
      expect((await call(who ?? null, 'POST', '/api/v1/events', workshop())).status).toBe(403);
      expect((await call(who ?? null, 'PUT', `/api/v1/events/${event.id}`, workshop())).status).toBe(403);
      expect((await call(who ?? null, 'POST', `/api/v1/events/${event.id}/cancel`)).status).toBe(403);
    }
    expect((await call(null, 'POST', '/api/v1/events', workshop())).status).toBe(401);
    expect((await call(null, 'POST', `/api/v1/events/${event.id}/registrations`)).status).toBe(401);
    expect((await call(null, 'GET', `/api/v1/events/${event.id}/registrations`)).status).toBe(401);
    expect(
      (await call(admin, 'PUT', `/api/v1/events/${event.id}`, workshop({ title: 'Atelier renommé', capacity: 5 })))
        .status,
    ).toBe(200);
    // Member, observer and staff register themselves.
    expect((await register(observer, event.id)).status).toBe('registered');
    expect((await register(animator, event.id)).status).toBe('registered');
    expect((await register(members[2] as SignedIn, event.id)).status).toBe('registered');
  });

  it('shows people’s names to staff only; members see counts and organisations', async () => {
    const event = await create({ capacity: 3 });
    for (const who of members) await register(who, event.id);
    const staffView = await registrations(animator, event.id);
    expect(staffView.canSeePeople).toBe(true);
    expect(staffView.people.map((p) => p.userId)).toEqual(members.map((m) => m.user.id));
    expect(staffView.people[0]).toMatchObject({ displayName: 'Test member', actorName: 'Le Petit Duc' });
    expect(staffView.organisations).toEqual([
      { actorId: orgIds[2], name: 'Ateliers du Tholonet', seats: 1 },
      { actorId: orgIds[1], name: 'Chœur de Provence', seats: 1 },
      { actorId: orgIds[0], name: 'Le Petit Duc', seats: 1 },
    ]);

    for (const who of [members[1] as SignedIn, observer]) {
      const res = await call(who, 'GET', `/api/v1/events/${event.id}/registrations`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ registered: 3, waitlisted: 1, people: [], canSeePeople: false });
      expect(res.body.organisations).toEqual(staffView.organisations);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('Test member');
      for (const m of members) expect(text).not.toContain(m.user.id);
    }
    // The public event page holds no names either.
    const page = JSON.stringify(await detail(null, event.id));
    expect(page).not.toContain('Test member');
  });
});
