import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { onPostgres, whileDeleting } from '../../../../tests/races.js';
import { outbox, users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { notificationPreferences, notifications } from '../../notifications/schema.js';
import { programmeParticipants, programmes, programmeTerritories } from '../../programmes/schema.js';
import type { EventDetail } from '../contract.js';
import type { InvitationsView } from './contract.js';
import { eventInvitations } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const inDays = (n: number, hour: number) => {
  const d = new Date(Date.now() + n * 24 * 3600_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('event invitations routes', () => {
  let t: TestApp;
  let animator: SignedIn;
  let observer: SignedIn;
  /** Two members of the first organisation (one wants e-mails at once), one of the second, one of the third. */
  let members: SignedIn[];
  let orgIds: string[];
  let loner: SignedIn;
  let eventId: string;
  let programmeId: string;
  let territoryIds: string[];

  const call = callerOf(() => t.app);
  const url = () => `/api/v1/events/${eventId}/invitations`;
  const invitationCount = async () => {
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventInvitations)
      .where(eq(eventInvitations.eventId, eventId));
    return row?.n ?? 0;
  };
  const notificationsOf = (who: SignedIn) =>
    t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, who.user.id), eq(notifications.kind, 'eventInvitation')));

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
      ])
      .returning({ id: actors.id });
    orgIds = rows.map((r) => r.id);
    members = [];
    for (const actorId of [orgIds[0], orgIds[0], orgIds[1], orgIds[2]]) {
      members.push(await signedInAs(t.db, 'member', actorId ?? null));
    }
    loner = await signedInAs(t.db, 'member');
    await t.db
      .insert(notificationPreferences)
      .values({ userId: members[0]?.user.id ?? '', kind: 'eventInvitation', choice: 'instant' });
    const created = await call(animator, 'POST', '/api/v1/events', {
      kind: 'interAssociationWorkshop',
      title: 'Atelier culture et arts',
      startsAt: inDays(5, 17),
      endsAt: inDays(5, 19),
      capacity: 1,
    });
    eventId = (created.body as EventDetail).id;
    const [programme] = await t.db
      .insert(programmes)
      .values({ slug: 'envies', name: 'Envies d’Alliances', startsOn: '2016-09-01', endsOn: '2020-12-31' })
      .returning({ id: programmes.id });
    programmeId = programme?.id ?? '';
    territoryIds = (
      await t.db
        .insert(programmeTerritories)
        .values([
          { programmeId, name: 'Pays d’Aix', communeCodes: ['13001'], position: 0 },
          { programmeId, name: 'Pertuis', communeCodes: ['84089'], position: 1 },
        ])
        .returning({ id: programmeTerritories.id })
    ).map((r) => r.id);
    await t.db.insert(programmeParticipants).values([
      { programmeId, actorId: orgIds[1] ?? '', territoryId: territoryIds[0] ?? null },
      { programmeId, actorId: orgIds[2] ?? '', territoryId: territoryIds[1] ?? null },
    ]);
  });
  afterAll(() => t.close());

  it('invites organisations and a person: members told in the app, e-mail only to « instant »; no names', async () => {
    const mailsBefore = await t.db.select().from(outbox);
    const res = await call(animator, 'POST', url(), { actorIds: [orgIds[0]], userIds: [loner.user.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ invited: 2, alreadyInvited: 0 });
    for (const who of [members[0], members[1], loner]) {
      const [n] = await notificationsOf(who as SignedIn);
      expect(n).toMatchObject({ link: `/evenements/${eventId}` });
      // French typography: narrow no-break space before the colon, no-break spaces inside the guillemets.
      expect(n?.title).toBe('Invitation\u202f: Atelier culture et arts');
      expect(n?.body).toContain('invité·e à «\u00a0Atelier culture et arts\u00a0», le ');
      expect(n?.title).not.toContain('Test');
    }
    expect(await notificationsOf(members[2] as SignedIn)).toHaveLength(0);
    const mails = (await t.db.select().from(outbox)).slice(mailsBefore.length);
    expect(mails.map((m) => m.recipient)).toEqual([members[0]?.user.email]);
    expect(mails[0]?.body).toContain(`/evenements/${eventId}`);
  });

  it('re-inviting is idempotent: counted as already invited, nobody told twice', async () => {
    const res = await call(animator, 'POST', url(), { actorIds: [orgIds[0], orgIds[1]], userIds: [loner.user.id] });
    expect(res.body).toEqual({ invited: 1, alreadyInvited: 2 });
    expect(await notificationsOf(members[0] as SignedIn)).toHaveLength(1);
    expect(await notificationsOf(loner)).toHaveLength(1);
    expect(await notificationsOf(members[2] as SignedIn)).toHaveLength(1);
    expect(await invitationCount()).toBe(3);
  });

  it('invites a programme’s pilot group in a territory', async () => {
    const res = await call(animator, 'POST', url(), {
      programmeTerritory: { programmeId, territoryId: territoryIds[1] },
    });
    expect(res.body).toEqual({ invited: 1, alreadyInvited: 0 });
    expect(await notificationsOf(members[3] as SignedIn)).toHaveLength(1);
    const all = await call(animator, 'POST', url(), { programmeTerritory: { programmeId, territoryId: null } });
    expect(all.body).toEqual({ invited: 0, alreadyInvited: 2 });
  });

  it('refuses bad input naming the field, inviting nobody', async () => {
    const before = await invitationCount();
    const cases: [unknown, number, [string, string][]][] = [
      [{}, 400, [['actorIds', 'nobodyToInvite']]],
      [{ actorIds: ['pas-un-uuid'] }, 400, [['actorIds.0', 'invalid']]],
      [{ actorIds: [orgIds[0], randomUUID()] }, 422, [['actorIds.1', 'unknownActor']]],
      [{ actorIds: [orgIds[0]], userIds: [randomUUID()] }, 422, [['userIds.0', 'unknownUser']]],
      [
        { programmeTerritory: { programmeId: randomUUID() } },
        422,
        [['programmeTerritory.programmeId', 'unknownProgramme']],
      ],
      [
        { programmeTerritory: { programmeId, territoryId: randomUUID() } },
        422,
        [['programmeTerritory.territoryId', 'notInProgramme']],
      ],
    ];
    for (const [body, status, expected] of cases) {
      const res = await call(animator, 'POST', url(), body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(fieldsOf(res.body), JSON.stringify(body)).toEqual(expected);
    }
    expect(await invitationCount()).toBe(before);
  });

  // PostgreSQL only: a race needs two connections.
  it.runIf(onPostgres)('names the organisation deleted while inviting, not a foreign-key failure', async () => {
    const [gone] = await t.db
      .insert(actors)
      .values({ family: 'association', name: 'Association dissoute' })
      .returning({ id: actors.id });
    const before = await invitationCount();
    const res = await whileDeleting(
      t.db,
      (tx) => tx.delete(actors).where(eq(actors.id, gone?.id ?? '')),
      () => call(animator, 'POST', url(), { actorIds: [gone?.id] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(fieldsOf(res.body)).toEqual([['actorIds.0', 'unknownActor']]);
    expect(await invitationCount()).toBe(before);
  });

  it('lists invitations with registration status (staff); tells a member whether they are invited', async () => {
    expect((await call(members[0] as SignedIn, 'POST', `/api/v1/events/${eventId}/registrations`)).status).toBe(201);
    expect((await call(members[2] as SignedIn, 'POST', `/api/v1/events/${eventId}/registrations`)).status).toBe(201);
    const list = await call(animator, 'GET', url());
    expect(list.status).toBe(200);
    const view = list.body as InvitationsView;
    expect(view.organisations.map((o) => [o.name, o.registered])).toEqual([
      ['Ateliers du Tholonet', null],
      ['Chœur de Provence', 'waitlisted'],
      ['Le Petit Duc', 'registered'],
    ]);
    expect(view.people.map((p) => [p.userId, p.displayName, p.registered])).toEqual([
      [loner.user.id, 'Test member', null],
    ]);
    for (const who of [observer, members[0] as SignedIn, null]) {
      expect((await call(who, 'GET', url())).status).toBe(who ? 403 : 401);
      expect((await call(who, 'POST', url(), { actorIds: [orgIds[0]] })).status).toBe(who ? 403 : 401);
    }
    expect((await call(members[1] as SignedIn, 'GET', `${url()}/mine`)).body).toEqual({ invited: true });
    expect((await call(loner, 'GET', `${url()}/mine`)).body).toEqual({ invited: true });
    expect((await call(observer, 'GET', `${url()}/mine`)).body).toEqual({ invited: false });
    expect((await call(null, 'GET', `${url()}/mine`)).status).toBe(401);
  });

  it('withdraws an invitation (staff only)', async () => {
    const view = (await call(animator, 'GET', url())).body as InvitationsView;
    const petitDuc = view.organisations.find((o) => o.name === 'Le Petit Duc');
    expect((await call(members[0] as SignedIn, 'DELETE', `${url()}/${petitDuc?.id}`)).status).toBe(403);
    expect((await call(animator, 'DELETE', `${url()}/${petitDuc?.id}`)).status).toBe(204);
    expect((await call(animator, 'DELETE', `${url()}/${petitDuc?.id}`)).status).toBe(404);
    expect((await call(members[1] as SignedIn, 'GET', `${url()}/mine`)).body).toEqual({ invited: false });
    // Invited again: told again, except a disabled account.
    await t.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, members[1]?.user.id ?? ''));
    expect((await call(animator, 'POST', url(), { actorIds: [orgIds[0]] })).body).toEqual({
      invited: 1,
      alreadyInvited: 0,
    });
    expect(await notificationsOf(members[0] as SignedIn)).toHaveLength(2);
    expect(await notificationsOf(members[1] as SignedIn)).toHaveLength(1);
  });

  it('refuses invitations to a cancelled event, and an unknown event', async () => {
    expect((await call(animator, 'POST', `/api/v1/events/${eventId}/cancel`)).status).toBe(200);
    const res = await call(animator, 'POST', url(), { actorIds: [orgIds[0]] });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual([['event', 'eventCancelled']]);
    const unknown = await call(animator, 'POST', `/api/v1/events/${randomUUID()}/invitations`, {
      actorIds: [orgIds[0]],
    });
    expect(unknown.status).toBe(404);
  });
});
