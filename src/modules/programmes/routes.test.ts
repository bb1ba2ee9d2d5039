import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import { actors } from '../actors/schema.js';
import { minuteItems } from '../events/minutes/schema.js';
import { eventRegistrations, events } from '../events/schema.js';
import type {
  ActionInput,
  ActionView,
  DecisionView,
  ProgrammeDetail,
  ProgrammeSummary,
  TimelineView,
} from './contract.js';
import { programmeEvents, programmes } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const isoDay = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000).toISOString().slice(0, 10);

describe('programmes routes', () => {
  let t: TestApp;
  let animator: SignedIn;
  let member: SignedIn;
  let otherMember: SignedIn;
  let orgIds: string[];
  let programme: ProgrammeDetail;

  const call = callerOf(() => t.app);
  const ok = async <T>(p: Promise<{ status: number; body: unknown }>, status = 200) => {
    const res = await p;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as T;
  };
  const base = () => `/api/v1/programmes/${programme.id}`;
  const action = (overrides: Partial<ActionInput> = {}): ActionInput => ({
    title: 'Finaliser le guide pratique',
    ownerActorId: orgIds[0] ?? null,
    ownerRole: 'Vice-présidente RSE',
    dueOn: isoDay(30),
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    const rows = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Pays d’Aix Associations' },
        { family: 'company', name: 'Ateliers du Tholonet' },
      ])
      .returning({ id: actors.id });
    orgIds = rows.map((r) => r.id);
    member = await signedInAs(t.db, 'member', orgIds[0] ?? null);
    otherMember = await signedInAs(t.db, 'member', orgIds[1] ?? null);
  });
  afterAll(() => t.close());

  it('creates a programme (staff only), rejects bad input naming the fields, makes the slug unique', async () => {
    const input = {
      name: 'Envies d’Alliances',
      description: 'Programme pilote',
      startsOn: '2016-09-01',
      endsOn: '2020-12-31',
    };
    expect((await call(member, 'POST', '/api/v1/programmes', input)).status).toBe(403);
    for (const [overrides, expected] of [
      [{ endsOn: '2015-01-01' }, [['endsOn', 'endBeforeStart']]],
      [{ name: 'E' }, [['name', 'tooShort']]],
    ] as const) {
      const bad = await call(animator, 'POST', '/api/v1/programmes', { ...input, ...overrides });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(expected);
    }
    // The message names the bound (the web shows the server's French text for messages with placeholders).
    const short = await call(animator, 'POST', '/api/v1/programmes', { ...input, name: 'E' });
    expect(short.body.errors[0].message).toBe('Trop court (au moins 3 caractères).');
    expect(await t.db.select().from(programmes)).toEqual([]);
    programme = await ok<ProgrammeDetail>(call(animator, 'POST', '/api/v1/programmes', input), 201);
    expect(programme).toMatchObject({ slug: 'envies-d-alliances', canEdit: true, phases: [], currentPhase: null });
    const again = await ok<ProgrammeDetail>(call(animator, 'POST', '/api/v1/programmes', input), 201);
    expect(again.slug).toBe('envies-d-alliances-2');
    const list = await ok<{ items: ProgrammeSummary[] }>(call(null, 'GET', '/api/v1/programmes'));
    expect(list.items.map((p) => p.slug)).toEqual(['envies-d-alliances', 'envies-d-alliances-2']);
    expect((await ok<ProgrammeDetail>(call(null, 'GET', base()))).canEdit).toBe(false);
    expect((await call(null, 'GET', `/api/v1/programmes/${randomUUID()}`)).status).toBe(404);
  });

  it('replaces territories, checking communes and keeping them by id', async () => {
    const bad = await call(animator, 'PUT', `${base()}/territories`, {
      territories: [{ name: 'Nulle part', communeCodes: ['99999'] }],
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual([['territories.0.communeCodes', 'unknownCommune']]);
    expect((await ok<ProgrammeDetail>(call(null, 'GET', base()))).territories).toEqual([]);
    const first = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `${base()}/territories`, {
        territories: [
          { name: 'Aix-en-Provence', themeId: 'culture-art', themeLabel: 'Culture & Art', communeCodes: ['13001'] },
          { name: 'Pertuis', themeLabel: 'Économie circulaire', communeCodes: ['84089'] },
        ],
      }),
    );
    expect(first.territories.map((x) => x.communes)).toEqual([
      [{ code: '13001', name: 'Aix-en-Provence' }],
      [{ code: '84089', name: 'Pertuis' }],
    ]);
    const [aix] = first.territories;
    const second = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `${base()}/territories`, {
        territories: [
          { ...aix, communeCodes: ['13001'] },
          { name: 'Venelles et Gardanne', themeLabel: 'Silver économie', communeCodes: ['13113', '13041'] },
          { name: 'Pertuis', themeLabel: 'Économie circulaire', communeCodes: ['84089'] },
        ],
      }),
    );
    expect(second.territories[0]?.id).toBe(aix?.id);
    expect(second.territories.map((x) => x.name)).toEqual(['Aix-en-Provence', 'Venelles et Gardanne', 'Pertuis']);
    programme = second;
  });

  it('replaces phases in order and refuses overlapping ones, changing nothing', async () => {
    const phases = [
      { name: 'Amorçage', startsOn: isoDay(-400), endsOn: isoDay(-10), objectives: 'Lancer' },
      { name: 'Consolidation', startsOn: isoDay(-9), endsOn: isoDay(300) },
    ];
    const bad = await call(animator, 'PUT', `${base()}/phases`, {
      phases: [phases[0], { ...phases[1], startsOn: isoDay(-10) }],
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual([['phases.1.startsOn', 'phasesOverlap']]);
    expect((await ok<ProgrammeDetail>(call(null, 'GET', base()))).phases).toEqual([]);
    programme = await ok<ProgrammeDetail>(call(animator, 'PUT', `${base()}/phases`, { phases }));
    expect(programme.phases.map((p) => p.name)).toEqual(['Amorçage', 'Consolidation']);
    expect(programme.currentPhase?.name).toBe('Consolidation');
  });

  it('adds participants in the programme’s territories only, and steering seats', async () => {
    const other = await ok<ProgrammeDetail>(
      call(animator, 'POST', '/api/v1/programmes', {
        name: 'Autre programme',
        startsOn: '2020-01-01',
        endsOn: '2021-01-01',
      }),
      201,
    );
    const withTerritory = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `/api/v1/programmes/${other.id}/territories`, {
        territories: [{ name: 'Gardanne', communeCodes: ['13041'] }],
      }),
    );
    const foreign = withTerritory.territories[0]?.id;
    const bad = await call(animator, 'PUT', `${base()}/participants/${orgIds[0]}`, { territoryId: foreign });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual([['territoryId', 'notInProgramme']]);
    const aix = programme.territories[0]?.id;
    const added = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `${base()}/participants/${orgIds[0]}`, { territoryId: aix, role: 'Tête de réseau' }),
    );
    expect(added.participants).toMatchObject([{ actorId: orgIds[0], territoryId: aix, role: 'Tête de réseau' }]);
    const seats = await call(animator, 'PUT', `${base()}/steering`, {
      members: [
        { committee: 'internal', family: 'association', actorId: orgIds[0], role: 'Présidente' },
        { committee: 'extended', family: 'company', territoryId: foreign, role: 'Entreprise' },
      ],
    });
    expect(seats.status).toBe(422);
    expect(fieldsOf(seats.body)).toEqual([['members.1.territoryId', 'notInProgramme']]);
    const steered = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `${base()}/steering`, {
        members: [{ committee: 'internal', family: 'association', actorId: orgIds[0], role: 'Présidente' }],
      }),
    );
    expect(steered.steering).toMatchObject([{ role: 'Présidente', actorName: 'Pays d’Aix Associations' }]);
  });

  it('keeps an action plan: references checked, status by the owner’s member only, late filter', async () => {
    const bad = await call(animator, 'POST', `${base()}/actions`, {
      ...action(),
      phaseId: randomUUID(),
      links: [{ kind: 'event', id: randomUUID() }],
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual([
      ['phaseId', 'notInProgramme'],
      ['links.0.id', 'unknownEvent'],
    ]);
    expect((await ok<{ items: ActionView[] }>(call(animator, 'GET', `${base()}/actions`))).items).toEqual([]);
    const phaseId = programme.phases[0]?.id ?? null;
    const created = await ok<ActionView>(
      call(animator, 'POST', `${base()}/actions`, {
        ...action({ phaseId, dueOn: isoDay(-5) }),
        links: [{ kind: 'actor', id: orgIds[1] }],
      }),
      201,
    );
    expect(created).toMatchObject({
      ownerName: 'Pays d’Aix Associations',
      status: 'planned',
      late: true,
      links: [{ kind: 'actor', id: orgIds[1], label: 'Ateliers du Tholonet' }],
    });
    const later = await ok<ActionView>(
      call(
        animator,
        'POST',
        `${base()}/actions`,
        action({ title: 'Bilan', dueOn: null, links: [{ kind: 'actor', id: orgIds[1] ?? '' }] }),
      ),
      201,
    );
    const all = await ok<{ items: ActionView[] }>(call(member, 'GET', `${base()}/actions`));
    expect(all.items.map((a) => a.id)).toEqual([created.id, later.id]);
    const late = await ok<{ items: ActionView[] }>(call(member, 'GET', `${base()}/actions?status=late`));
    expect(late.items.map((a) => a.id)).toEqual([created.id]);
    expect(late.items[0]?.canUpdateStatus).toBe(true);

    expect((await call(otherMember, 'PATCH', `/api/v1/actions/${created.id}/status`, { status: 'done' })).status).toBe(
      403,
    );
    const done = await ok<ActionView>(
      call(member, 'PATCH', `/api/v1/actions/${created.id}/status`, { status: 'done' }),
    );
    expect(done).toMatchObject({ status: 'done', late: false, doneOn: isoDay(0) });
    expect((await ok<{ items: ActionView[] }>(call(member, 'GET', `${base()}/actions?status=late`))).items).toEqual([]);
    expect((await call(member, 'PUT', `/api/v1/actions/${later.id}`, action())).status).toBe(403);
    const edited = await ok<ActionView>(
      call(animator, 'PUT', `/api/v1/actions/${later.id}`, action({ title: 'Bilan annuel', ownerActorId: null })),
    );
    expect(later.links).toHaveLength(1);
    expect(edited).toMatchObject({ title: 'Bilan annuel', ownerName: null, links: [] });
    expect((await call(null, 'GET', `${base()}/actions`)).status).toBe(401);
    expect((await call(animator, 'PATCH', `/api/v1/actions/${randomUUID()}/status`, { status: 'done' })).status).toBe(
      404,
    );
  });

  it('counts indicators from the records, lists decisions and meetings, and gives the timeline', async () => {
    const phaseId = programme.phases[0]?.id ?? null;
    const [held, planned] = await t.db
      .insert(events)
      .values([
        {
          kind: 'interAssociationWorkshop',
          title: 'Atelier culture',
          startsAt: new Date(`${isoDay(-100)}T15:00:00Z`),
          endsAt: new Date(`${isoDay(-100)}T17:00:00Z`),
          status: 'held',
        },
        {
          kind: 'steeringCommittee',
          title: 'Comité de pilotage',
          startsAt: new Date(`${isoDay(400)}T08:00:00Z`),
          endsAt: new Date(`${isoDay(400)}T10:00:00Z`),
        },
      ])
      .returning();
    if (!held || !planned) throw new Error('events not inserted');
    await t.db.insert(programmeEvents).values([
      { eventId: held.id, programmeId: programme.id, phaseId, territoryId: programme.territories[0]?.id ?? null },
      { eventId: planned.id, programmeId: programme.id },
    ]);
    // The owner's member is registered: it reads the meeting's minutes (see rules.test.ts for those who may not).
    const userIds = [animator.user.id, member.user.id, otherMember.user.id];
    await t.db.insert(eventRegistrations).values(
      userIds.map((userId, i) => ({
        eventId: held.id,
        userId,
        status: 'registered' as const,
        checkedInAt: i < 2 ? new Date() : null,
      })),
    );
    const withObjectives = await ok<ProgrammeDetail>(
      call(animator, 'PUT', `${base()}/objectives`, {
        objectives: [
          {
            title: 'Tenir les ateliers',
            phaseId,
            indicators: [
              { label: 'Ateliers tenus', source: 'eventsHeld', target: 4, measured: 99 },
              { label: 'Présents', source: 'attendance', target: 1 },
              { label: 'Acteurs', source: 'participatingActors' },
              { label: 'Actions faites', source: 'actionsDone', target: 2 },
              { label: 'Fiches projets', source: 'manual', target: 10, measured: 3, eventKind: 'training' },
              // Narrowed to one kind of event: held committees (none yet), attendance of the workshops.
              { label: 'Comités tenus', source: 'eventsHeld', eventKind: 'steeringCommittee', target: 3 },
              { label: 'Présents aux ateliers', source: 'attendance', eventKind: 'interAssociationWorkshop' },
            ],
          },
        ],
      }),
    );
    expect(withObjectives.objectives[0]?.indicators.map((i) => [i.value, i.progress, i.measured])).toEqual([
      [1, 0.25, null],
      [2, 1, null],
      [1, null, null],
      [1, 0.5, null],
      [3, 0.3, 3],
      [0, 0, null],
      [2, null, null],
    ]);
    // An event kind only narrows counted events: a manual indicator keeps none.
    expect(withObjectives.objectives[0]?.indicators.map((i) => i.eventKind)).toEqual([
      null,
      null,
      null,
      null,
      null,
      'steeringCommittee',
      'interAssociationWorkshop',
    ]);
    expect(withObjectives.meetings.map((m) => [m.title, m.attendance])).toEqual([
      ['Atelier culture', 2],
      ['Comité de pilotage', 0],
    ]);
    expect(withObjectives.actionCounts).toEqual({ planned: 1, inProgress: 0, done: 1, cancelled: 0, late: 0 });

    const [anAction] = (await ok<{ items: ActionView[] }>(call(animator, 'GET', `${base()}/actions`))).items;
    await t.db.insert(minuteItems).values([
      { eventId: held.id, kind: 'decision', text: 'Écrire le guide', actionId: anAction?.id ?? null, position: 0 },
      { eventId: held.id, kind: 'followUp', text: 'Relancer la mairie', position: 1 },
    ]);
    const decisions = await ok<{ items: DecisionView[] }>(call(member, 'GET', `${base()}/decisions`));
    expect(decisions.items.map((d) => [d.kind, d.text, d.actionTitle])).toEqual([
      ['decision', 'Écrire le guide', anAction?.title],
      ['followUp', 'Relancer la mairie', null],
    ]);
    const again = await ok<ActionView>(
      call(member, 'PATCH', `/api/v1/actions/${anAction?.id}/status`, { status: 'done' }),
    );
    expect(again.fromDecision).toEqual({ eventId: held.id, eventTitle: 'Atelier culture', text: 'Écrire le guide' });

    const publicTimeline = await ok<TimelineView>(call(null, 'GET', `${base()}/timeline`));
    expect(publicTimeline.actions).toEqual([]);
    expect(publicTimeline.events.map((e) => e.title)).toEqual(['Atelier culture', 'Comité de pilotage']);
    expect(publicTimeline.from).toBe('2016-09-01');
    expect(publicTimeline.to).toBe(isoDay(400));
    const timeline = await ok<TimelineView>(call(member, 'GET', `${base()}/timeline`));
    const undated = timeline.actions.find((a) => a.title === 'Bilan annuel');
    // No phase and no start: from its creation day to its due date.
    expect(undated).toMatchObject({ startsOn: isoDay(0), dueOn: isoDay(30) });
    const phased = timeline.actions.find((a) => a.phaseId === phaseId);
    expect(phased?.startsOn).toBe(programme.phases[0]?.startsOn);
  });

  it('replicates the method: phases, objectives, action and event templates shifted, no actors nor data', async () => {
    const bad = await call(animator, 'POST', `${base()}/replicate`, {
      name: 'Envies d’Alliances Durance',
      startsOn: '2027-01-01',
      territory: { name: 'Nulle part', communeCodes: ['99999'] },
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual([['territory.communeCodes', 'unknownCommune']]);
    const [cancelled] = await t.db
      .insert(events)
      .values({
        kind: 'openForum',
        title: 'Forum annulé',
        startsAt: new Date(`${isoDay(200)}T08:00:00Z`),
        endsAt: new Date(`${isoDay(200)}T10:00:00Z`),
        status: 'cancelled',
      })
      .returning();
    await t.db.insert(programmeEvents).values({ eventId: cancelled?.id ?? '', programmeId: programme.id });
    const before = (await t.db.select().from(programmes)).length;
    const copy = await ok<ProgrammeDetail>(
      call(animator, 'POST', `${base()}/replicate`, {
        name: 'Envies d’Alliances Durance',
        startsOn: '2026-09-01',
        territory: { name: 'Pertuis', themeId: 'circular-economy', communeCodes: ['84089'] },
      }),
      201,
    );
    expect((await t.db.select().from(programmes)).length).toBe(before + 1);
    expect(copy).toMatchObject({
      startsOn: '2026-09-01',
      endsOn: '2030-12-31',
      replicatedFrom: { id: programme.id, name: 'Envies d’Alliances' },
      participants: [],
      steering: [],
      meetings: [],
    });
    expect(copy.territories.map((x) => x.name)).toEqual(['Pertuis']);
    const shift = (d: string) => {
      const ms = Date.parse(`${d}T00:00:00Z`) + (Date.parse('2026-09-01') - Date.parse('2016-09-01'));
      return new Date(ms).toISOString().slice(0, 10);
    };
    expect(copy.phases.map((p) => [p.name, p.startsOn])).toEqual(
      programme.phases.map((p) => [p.name, shift(p.startsOn)]),
    );
    const indicators = copy.objectives[0]?.indicators ?? [];
    expect(indicators.map((i) => [i.label, i.measured, i.value, i.eventKind])).toEqual([
      ['Ateliers tenus', null, 0, null],
      ['Présents', null, 0, null],
      ['Acteurs', null, 0, null],
      ['Actions faites', null, 0, null],
      ['Fiches projets', null, null, null],
      ['Comités tenus', null, 0, 'steeringCommittee'],
      ['Présents aux ateliers', null, 0, 'interAssociationWorkshop'],
    ]);
    expect(copy.objectives[0]?.phaseId).toBe(copy.phases[0]?.id);
    expect(copy.eventTemplates.map((e) => [e.kind, e.title, e.durationMinutes])).toEqual([
      ['interAssociationWorkshop', 'Atelier culture', 120],
      ['steeringCommittee', 'Comité de pilotage', 120],
    ]);
    expect(copy.eventTemplates[0]?.phaseId).toBe(copy.phases[0]?.id);
    const actionsCopy = await ok<{ items: ActionView[] }>(
      call(animator, 'GET', `/api/v1/programmes/${copy.id}/actions`),
    );
    expect(actionsCopy.items.map((a) => [a.status, a.ownerActorId, a.links, a.territoryId])).toEqual([
      ['planned', null, [], null],
      ['planned', null, [], null],
    ]);
    expect(actionsCopy.items.find((a) => a.phaseId)?.phaseId).toBe(copy.phases[0]?.id);
  });

  it('serves the programme’s events as an iCalendar feed that a real parser reads', async () => {
    const res = await call(null, 'GET', `${base()}/feed.ics`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Alliances — Envies d’Alliances');
    const titles = calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'));
    expect(titles).toEqual(['Atelier culture', 'Forum annulé', 'Comité de pilotage']);
    const statuses = calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'));
    expect(statuses).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED']);
    expect((await call(null, 'GET', `/api/v1/programmes/${randomUUID()}/feed.ics`)).status).toBe(404);
  });

  it('deletes an action and a participant (staff only)', async () => {
    const [first] = (await ok<{ items: ActionView[] }>(call(animator, 'GET', `${base()}/actions`))).items;
    expect((await call(member, 'DELETE', `/api/v1/actions/${first?.id}`)).status).toBe(403);
    expect((await call(animator, 'DELETE', `/api/v1/actions/${first?.id}`)).status).toBe(204);
    expect((await call(animator, 'DELETE', `/api/v1/actions/${first?.id}`)).status).toBe(404);
    const [item] = await t.db.select().from(minuteItems).where(eq(minuteItems.kind, 'decision'));
    expect(item).toMatchObject({ text: 'Écrire le guide', actionId: null });
    expect((await call(animator, 'DELETE', `${base()}/participants/${orgIds[0]}`)).status).toBe(204);
    expect((await ok<ProgrammeDetail>(call(null, 'GET', base()))).participants).toEqual([]);
  });
});
