// Figures at their edges: a Paris day that is another year in UTC, a partnership dated by its creation, an alliance
// whose partnerships are not all published or not all alive, an unpublished alliance's SDGs, hours with no rate.
// Records of their own programme and commune (Gardanne, 13041), apart from fixtures.ts's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import { allianceMembers, alliances } from '../alliances/schema.js';
import { events } from '../events/schema.js';
import { volunteerLogs, volunteerRates } from '../funding/budget/schema.js';
import { partnershipPartners, partnerships } from '../partnerships/schema.js';
import { programmeEvents, programmePhases, programmes, programmeTerritories } from '../programmes/schema.js';
import { allianceFigures, eventFigures, partnershipFigures, sdgFigures, volunteerFigures } from './figures.js';
import { type Audience, type FigureFilters, resolveScope } from './scope.js';

describe('dashboard figures at their edges', () => {
  let database: Database;
  let programmeId: string;
  let seeding: string;
  const scope = (filters: FigureFilters = {}, audience: Audience = 'readers') =>
    resolveScope(database.db, { programmeId, audience, ...filters });

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const tag = Math.random().toString(36).slice(2, 8);
    const [programme] = await db
      .insert(programmes)
      .values({ slug: `bords-${tag}`, name: 'Bords', startsOn: '2016-09-01', endsOn: '2019-12-31' })
      .returning({ id: programmes.id });
    if (!programme) throw new Error('programme not inserted');
    programmeId = programme.id;
    await db
      .insert(programmeTerritories)
      .values({ programmeId, name: 'Gardanne', communeCodes: ['13041'], position: 0 });
    const [phase] = await db
      .insert(programmePhases)
      .values([
        { programmeId, name: 'Amorçage', startsOn: '2016-09-01', endsOn: '2017-12-31', position: 0 },
        { programmeId, name: 'Déploiement', startsOn: '2018-01-01', endsOn: '2019-12-31', position: 1 },
      ])
      .returning({ id: programmePhases.id });
    if (!phase) throw new Error('phases not inserted');
    seeding = phase.id;
    const [a, b, c, d] = await db
      .insert(actors)
      .values(
        ['A', 'B', 'C', 'D'].map((n) => ({
          family: 'association' as const,
          name: `${n} ${tag}`,
          communeCode: '13041',
        })),
      )
      .returning({ id: actors.id });
    if (!a || !b || !c || !d) throw new Error('actors not inserted');
    const [shown, hidden] = await db
      .insert(alliances)
      .values([
        { name: 'Publiée', status: 'active', communeCodes: ['13041'], startsOn: '2019-01-01', publishedAt: new Date() },
        { name: 'Non publiée', status: 'active', communeCodes: ['13041'], sdgs: [15], startsOn: '2019-01-01' },
      ])
      .returning({ id: alliances.id });
    if (!shown || !hidden) throw new Error('alliances not inserted');
    await db.insert(allianceMembers).values({ allianceId: shown.id, actorId: a.id });
    const partnership = (title: string, extra: Partial<typeof partnerships.$inferInsert>) => ({
      title: `${title} ${tag}`,
      mode: 'support' as const,
      currentStep: 'run' as const,
      communeCodes: ['13041'],
      startsOn: '2019-03-01',
      ...extra,
    });
    const [pub, unpub, abandoned] = await db
      .insert(partnerships)
      .values([
        partnership('Publié', { allianceId: shown.id, publishedAt: new Date() }),
        partnership('Non publié', { allianceId: shown.id }),
        partnership('Abandonné', { allianceId: shown.id, publishedAt: new Date(), status: 'abandoned' }),
        partnership('Dans une alliance non publiée', { allianceId: hidden.id, publishedAt: new Date() }),
        // No start date, created at 00:30 on 1 January 2018 in Paris (23:30 UTC the day before): a 2018 partnership.
        partnership('Sans date', { startsOn: null, createdAt: new Date('2017-12-31T23:30:00Z') }),
      ])
      .returning({ id: partnerships.id });
    if (!pub || !unpub || !abandoned) throw new Error('partnerships not inserted');
    await db.insert(partnershipPartners).values([
      { partnershipId: pub.id, actorId: b.id },
      { partnershipId: unpub.id, actorId: c.id },
      { partnershipId: abandoned.id, actorId: d.id },
    ]);
    // 00:30 on 1 January 2017 in Paris: a 2017 event, although its UTC day is 31 December 2016.
    const [event] = await db
      .insert(events)
      .values({
        kind: 'launchMeeting',
        title: `Réveillon ${tag}`,
        startsAt: new Date('2016-12-31T23:30:00Z'),
        endsAt: new Date('2017-01-01T01:00:00Z'),
        communeCode: '13041',
        status: 'held',
      })
      .returning({ id: events.id });
    if (!event) throw new Error('event not inserted');
    await db.insert(programmeEvents).values({ eventId: event.id, programmeId });
    await db.insert(volunteerRates).values({ programmeId, year: 2018, hourlyRate: 10 });
    await db.insert(volunteerLogs).values([
      { programmeId, role: 'bénévole', workedOn: '2018-03-01', hours: 2 },
      { programmeId, role: 'bénévole', workedOn: '2019-03-01', hours: 3 },
    ]);
  });
  afterAll(() => database.close());

  it('dates an event by its Paris day', async () => {
    expect((await eventFigures(database.db, await scope())).byYear).toEqual([{ year: 2017, held: 1, attendance: 0 }]);
    expect((await eventFigures(database.db, await scope({ year: 2016 }))).held).toBe(0);
    expect((await eventFigures(database.db, await scope({ year: 2017 }))).held).toBe(1);
    expect((await eventFigures(database.db, await scope({ phaseId: seeding }))).held).toBe(1);
  });

  it('dates a partnership without a start date by its creation’s Paris day', async () => {
    expect((await partnershipFigures(database.db, await scope({ year: 2017 }))).total).toBe(0);
    expect((await partnershipFigures(database.db, await scope({ year: 2018 }))).byModeAndYear).toEqual([
      { mode: 'support', year: 2018, count: 1 },
    ]);
    expect((await partnershipFigures(database.db, await scope({ phaseId: seeding }))).total).toBe(0);
  });

  it('counts an alliance’s members through its partnerships alive, and published for the public', async () => {
    const row = async (audience: Audience) =>
      (await allianceFigures(database.db, await scope({}, audience))).alliances
        .filter((al) => al.name === 'Publiée')
        .map((al) => [al.members, al.partnerships]);
    // Readers: the direct member, the published and the unpublished partnerships' partners; never the abandoned one's.
    expect(await row('readers')).toEqual([[3, 2]]);
    // The public: the direct member and the published partnership's partner.
    expect(await row('public')).toEqual([[2, 1]]);
  });

  it('never shows the public an unpublished alliance’s SDGs, even through a published partnership', async () => {
    const sdg15 = async (audience: Audience) => {
      const row = (await sdgFigures(database.db, await scope({}, audience))).bySdg.find((r) => r.number === 15);
      return [row?.partnerships, row?.alliances];
    };
    expect(await sdg15('readers')).toEqual([1, 1]);
    expect(await sdg15('public')).toEqual([0, 0]);
  });

  it('values hours with a rate, and counts those with none apart, as the budget does', async () => {
    const v = await volunteerFigures(database.db, await scope());
    expect({ hours: v.hours, value: v.value, unvaluedHours: v.unvaluedHours }).toEqual({
      hours: 5,
      value: 20,
      unvaluedHours: 3,
    });
  });
});
