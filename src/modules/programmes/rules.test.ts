// Rules found in review: who reads decisions and partnership titles through a programme, duplicate ids in
// replace-all bodies, a participant's date kept, what counts as held and attended, and replication's days in Paris.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import { actors } from '../actors/schema.js';
import { minuteItems } from '../events/minutes/schema.js';
import { eventRegistrations, events } from '../events/schema.js';
import { partnershipPartners, partnerships } from '../partnerships/schema.js';
import type { ActionView, DecisionView, ProgrammeDetail, TimelineView } from './contract.js';
import { programmeActions, programmeEvents } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('programmes: review rules', () => {
  let t: TestApp;
  let animator: SignedIn;
  let observer: SignedIn;
  let registered: SignedIn;
  let cancelled: SignedIn;
  let outsider: SignedIn;
  let orgIds: string[];
  let programme: ProgrammeDetail;
  let eventIds: { night: string; cancelledEvent: string; future: string };
  let actionId: string;
  let partnershipIds: { ours: string; theirs: string };

  const call = callerOf(() => t.app);
  const ok = async <T>(p: Promise<{ status: number; body: unknown }>, status = 200) => {
    const res = await p;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as T;
  };
  const base = () => `/api/v1/programmes/${programme.id}`;

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    const orgs = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Pays d’Aix Associations' },
        { family: 'company', name: 'Ateliers du Tholonet' },
        { family: 'publicAuthority', name: 'Mairie de Pertuis' },
      ])
      .returning({ id: actors.id });
    orgIds = orgs.map((o) => o.id);
    registered = await signedInAs(t.db, 'member', orgIds[0] ?? null);
    cancelled = await signedInAs(t.db, 'member', orgIds[1] ?? null);
    outsider = await signedInAs(t.db, 'member', orgIds[2] ?? null);

    // Starts on the 11th: its first meeting began at 00:30 that day in Paris (still the 10th in UTC).
    programme = await ok<ProgrammeDetail>(
      call(animator, 'POST', '/api/v1/programmes', {
        name: 'Envies d’Alliances',
        startsOn: '2016-09-11',
        endsOn: '2020-12-31',
      }),
      201,
    );
    programme = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `${base()}/territories`, {
        territories: [{ name: 'Aix-en-Provence', communeCodes: ['13001'] }],
      }),
    );
    const inserted = await t.db
      .insert(events)
      .values([
        {
          // Ended, never marked held: held all the same.
          kind: 'interAssociationWorkshop',
          title: 'Atelier de nuit',
          startsAt: new Date('2016-09-10T22:30:00Z'),
          endsAt: new Date('2016-09-11T00:30:00Z'),
        },
        {
          kind: 'interAssociationWorkshop',
          title: 'Atelier annulé',
          startsAt: new Date('2016-10-01T08:00:00Z'),
          endsAt: new Date('2016-10-01T10:00:00Z'),
          status: 'cancelled',
        },
        {
          kind: 'steeringCommittee',
          title: 'Comité à venir',
          startsAt: new Date(Date.now() + 30 * 24 * 3600_000),
          endsAt: new Date(Date.now() + 30 * 24 * 3600_000 + 7200_000),
        },
      ])
      .returning({ id: events.id });
    const [night, cancelledEvent, future] = inserted.map((e) => e.id);
    if (!night || !cancelledEvent || !future) throw new Error('events not inserted');
    eventIds = { night, cancelledEvent, future };
    await t.db.insert(programmeEvents).values(inserted.map((e) => ({ eventId: e.id, programmeId: programme.id })));
    const checkedInAt = new Date('2016-09-10T22:40:00Z');
    await t.db.insert(eventRegistrations).values([
      { eventId: night, userId: registered.user.id, status: 'registered', checkedInAt },
      // Checked in, then cancelled: neither a reader of the minutes nor one of those present.
      { eventId: night, userId: cancelled.user.id, status: 'cancelled', checkedInAt },
      // Present at a cancelled event: not counted.
      { eventId: cancelledEvent, userId: registered.user.id, status: 'registered', checkedInAt },
      { eventId: future, userId: outsider.user.id, status: 'registered' },
    ]);

    const [ours, theirs] = await t.db
      .insert(partnerships)
      .values([
        { title: 'Mécénat de compétences', mode: 'support' },
        { title: 'Partenariat confidentiel', mode: 'support' },
      ])
      .returning({ id: partnerships.id });
    if (!ours || !theirs) throw new Error('partnerships not inserted');
    partnershipIds = { ours: ours.id, theirs: theirs.id };
    await t.db.insert(partnershipPartners).values([
      { partnershipId: ours.id, actorId: orgIds[0] ?? '' },
      { partnershipId: theirs.id, actorId: orgIds[1] ?? '' },
    ]);
    const action = await ok<ActionView>(
      call(animator, 'POST', `${base()}/actions`, {
        title: 'Écrire le guide',
        territoryId: programme.territories[0]?.id,
        links: [
          { kind: 'actor', id: orgIds[1] },
          { kind: 'partnership', id: ours.id },
          { kind: 'partnership', id: theirs.id },
        ],
      }),
      201,
    );
    actionId = action.id;
    await t.db.insert(minuteItems).values([
      { eventId: night, kind: 'decision', text: 'Écrire le guide ensemble', actionId, position: 0 },
      { eventId: future, kind: 'followUp', text: 'Inviter la mairie', position: 0 },
    ]);
  });
  afterAll(() => t.close());

  it('lists decisions only of meetings whose minutes the viewer may read', async () => {
    const texts = async (who: SignedIn) =>
      (await ok<{ items: DecisionView[] }>(call(who, 'GET', `${base()}/decisions`))).items.map((d) => d.text);
    expect(await texts(animator)).toEqual(['Écrire le guide ensemble', 'Inviter la mairie']);
    expect(await texts(observer)).toEqual(['Écrire le guide ensemble', 'Inviter la mairie']);
    expect(await texts(registered)).toEqual(['Écrire le guide ensemble']);
    expect(await texts(cancelled)).toEqual([]);
    expect(await texts(outsider)).toEqual(['Inviter la mairie']);
  });

  it('hides a decision’s words and partnerships’ titles from actions for those who may not read them', async () => {
    const view = async (who: SignedIn) => {
      const { items } = await ok<{ items: ActionView[] }>(call(who, 'GET', `${base()}/actions`));
      const found = items.find((a) => a.id === actionId);
      if (!found) throw new Error('action not listed');
      return found;
    };
    const links = (a: ActionView) => a.links.map((l) => [l.kind, l.label]);
    const everything = [
      ['actor', 'Ateliers du Tholonet'],
      ['partnership', expect.any(String)],
      ['partnership', expect.any(String)],
    ];
    const seen = await view(observer);
    expect(links(seen)).toEqual(everything);
    expect(seen.fromDecision).toEqual({
      eventId: eventIds.night,
      eventTitle: 'Atelier de nuit',
      text: 'Écrire le guide ensemble',
    });
    expect(links(await view(animator))).toEqual(everything);

    const partner = await view(registered);
    expect(partner.fromDecision?.text).toBe('Écrire le guide ensemble');
    expect(partner.links.filter((l) => l.kind === 'partnership')).toEqual([
      { kind: 'partnership', id: partnershipIds.ours, label: 'Mécénat de compétences' },
    ]);

    const stranger = await view(outsider);
    expect(stranger.fromDecision).toEqual({ eventId: eventIds.night, eventTitle: 'Atelier de nuit', text: '' });
    expect(links(stranger)).toEqual([['actor', 'Ateliers du Tholonet']]);
    // A cancelled registration reads no minutes; a partner of the other partnership sees that one only.
    const other = await view(cancelled);
    expect(other.fromDecision?.text).toBe('');
    expect(other.links.filter((l) => l.kind === 'partnership').map((l) => l.id)).toEqual([partnershipIds.theirs]);
  });

  it('refuses an id given twice in a replace-all body, naming the repeat, changing nothing', async () => {
    const seat = { id: randomUUID(), committee: 'internal', family: 'association', role: 'Présidente' };
    const steering = await call(animator, 'PUT', `${base()}/steering`, {
      members: [seat, { ...seat, role: 'Trésorière' }],
    });
    expect(steering.status).toBe(400);
    expect(fieldsOf(steering.body)).toEqual([['members.1.id', 'duplicateId']]);

    const territory = programme.territories[0];
    const territories = await call(animator, 'PUT', `${base()}/territories`, {
      territories: [territory, { ...territory, name: 'Aix bis', communeCodes: ['13001'] }].map((x) => ({
        id: x?.id,
        name: x?.name,
        communeCodes: ['13001'],
      })),
    });
    expect(fieldsOf(territories.body)).toEqual([['territories.1.id', 'duplicateId']]);

    const phaseId = randomUUID();
    const phases = await call(animator, 'PUT', `${base()}/phases`, {
      phases: [
        { id: phaseId, name: 'Amorçage', startsOn: '2016-09-11', endsOn: '2017-12-31' },
        { id: phaseId, name: 'Consolidation', startsOn: '2018-01-01', endsOn: '2018-12-31' },
      ],
    });
    expect(fieldsOf(phases.body)).toEqual([['phases.1.id', 'duplicateId']]);

    const objectiveId = randomUUID();
    const indicatorId = randomUUID();
    const objectives = await call(animator, 'PUT', `${base()}/objectives`, {
      objectives: [
        { id: objectiveId, title: 'Tenir les ateliers', indicators: [{ id: indicatorId, label: 'Ateliers' }] },
        { id: objectiveId, title: 'Réunir', indicators: [{ id: indicatorId, label: 'Présents' }] },
      ],
    });
    expect(objectives.status).toBe(400);
    expect(fieldsOf(objectives.body)).toEqual([
      ['objectives.1.id', 'duplicateId'],
      ['objectives.1.indicators.0.id', 'duplicateId'],
    ]);
    const after = await ok<ProgrammeDetail>(call(animator, 'GET', base()));
    expect([after.steering, after.phases, after.objectives]).toEqual([[], [], []]);
    expect(after.territories.map((x) => x.name)).toEqual(['Aix-en-Provence']);
  });

  it('edits an action on its row as it is when the edit runs (a status set meanwhile keeps its date)', async () => {
    const created = await ok<ActionView>(
      call(animator, 'POST', `${base()}/actions`, { title: 'Ouvrir le forum' }),
      201,
    );
    const edit = { title: 'Ouvrir le forum des associations', status: 'done' };
    let pending: ReturnType<typeof call> | undefined;
    await t.db.transaction(async (tx) => {
      // Someone marks it done on 1 March while the edit is on its way (on PostgreSQL the edit waits for this lock;
      // PGlite runs one transaction at a time, so the edit simply follows).
      await tx.select().from(programmeActions).where(eq(programmeActions.id, created.id)).for('update');
      pending = call(animator, 'PUT', `/api/v1/actions/${created.id}`, edit);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx
        .update(programmeActions)
        .set({ status: 'done', doneOn: '2020-03-01' })
        .where(eq(programmeActions.id, created.id));
    });
    const edited = await ok<ActionView>(pending ?? Promise.reject(new Error('no edit sent')));
    expect(edited).toMatchObject({ title: 'Ouvrir le forum des associations', status: 'done', doneOn: '2020-03-01' });
  });

  it('keeps a participant’s joining date when a change omits it', async () => {
    const url = `${base()}/participants/${orgIds[0]}`;
    await ok(call(animator, 'PUT', url, { role: 'Tête de réseau', joinedOn: '2016-10-01' }));
    const changed = await ok<ProgrammeDetail>(call(animator, 'PUT', url, { role: 'Pilote' }));
    expect(changed.participants).toMatchObject([{ actorId: orgIds[0], role: 'Pilote', joinedOn: '2016-10-01' }]);
  });

  it('counts ended meetings as held and only active registrations of meetings not cancelled as present', async () => {
    const detail = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `${base()}/objectives`, {
        objectives: [
          {
            title: 'Tenir les ateliers',
            indicators: [
              { label: 'Réunions tenues', source: 'eventsHeld' },
              { label: 'Présents', source: 'attendance' },
            ],
          },
        ],
      }),
    );
    expect(detail.objectives[0]?.indicators.map((i) => i.value)).toEqual([1, 1]);
  });

  it('replicates without cancelled actions, in the new territory, with days as lived in Paris', async () => {
    await ok(call(animator, 'POST', `${base()}/actions`, { title: 'Action abandonnée', status: 'cancelled' }), 201);
    const timeline = await ok<TimelineView>(call(animator, 'GET', `${base()}/timeline`));
    expect(timeline.from).toBe('2016-09-11');
    const copy = await ok<ProgrammeDetail>(
      call(animator, 'POST', `${base()}/replicate`, {
        name: 'Envies d’Alliances Durance',
        startsOn: '2026-09-01',
        territory: { name: 'Pertuis', communeCodes: ['84089'] },
      }),
      201,
    );
    // The 00:30 meeting was on the programme's first day: offset 0, not -1; two hours long.
    expect(copy.eventTemplates.map((e) => [e.title, e.offsetDays, e.durationMinutes])).toEqual([
      ['Atelier de nuit', 0, 120],
      ['Comité à venir', expect.any(Number), 120],
    ]);
    const actions = await ok<{ items: ActionView[] }>(call(animator, 'GET', `/api/v1/programmes/${copy.id}/actions`));
    // Copied in one statement (one creation time): compared in title order.
    const copied = actions.items
      .map((a) => [a.title, a.status, a.territoryId])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(copied).toEqual([
      ['Écrire le guide', 'planned', copy.territories[0]?.id],
      ['Ouvrir le forum des associations', 'planned', null],
    ]);
  });
});
