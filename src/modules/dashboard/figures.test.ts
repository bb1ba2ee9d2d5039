import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import {
  actorFigures,
  allianceFigures,
  dashboard,
  eventFigures,
  fundingFigures,
  mapFigures,
  partnershipFigures,
  sdgFigures,
  volunteerFigures,
} from './figures.js';
import { type DashboardFixture, dashboardFixture } from './fixtures.js';
import { type Audience, type FigureFilters, resolveScope, ScopeNotFound } from './scope.js';

describe('dashboard figures (exact values on a fixture)', () => {
  let database: Database;
  let f: DashboardFixture;
  const scope = (filters: FigureFilters = {}, audience: Audience = 'readers') =>
    resolveScope(database.db, { programmeId: f.programmeId, audience, ...filters });

  beforeAll(async () => {
    database = await createTestDatabase();
    f = await dashboardFixture(database.db);
  });
  afterAll(() => database.close());

  it('counts participants by family and territory, and the directory of the area by family', async () => {
    const all = await actorFigures(database.db, await scope());
    expect(all.participants).toEqual(
      expect.arrayContaining([
        { family: 'association', territoryId: f.aix, count: 1 },
        { family: 'company', territoryId: f.aix, count: 1 },
        { family: 'association', territoryId: f.pertuis, count: 1 },
        { family: 'company', territoryId: null, count: 1 },
      ]),
    );
    expect(all.participants).toHaveLength(4);
    expect(all.participantsTotal).toBe(4);
    expect(all.participantsByYear).toEqual([
      { year: 2016, count: 1 },
      { year: 2017, count: 1 },
      { year: 2018, count: 1 },
    ]);
    expect(all.directory).toEqual([
      { family: 'association', count: 2 },
      { family: 'company', count: 1 },
      { family: 'publicAuthority', count: 1 },
    ]);
    expect(all.directoryTotal).toBe(4);

    const pertuis = await actorFigures(database.db, await scope({ territoryId: f.pertuis }));
    expect(pertuis.participants).toEqual([{ family: 'association', territoryId: f.pertuis, count: 1 }]);
    expect(pertuis.directory).toEqual([
      { family: 'association', count: 1 },
      { family: 'publicAuthority', count: 1 },
    ]);
    // A participant counts once it joined by the span's end (no date: always).
    expect((await actorFigures(database.db, await scope({ year: 2017 }))).participantsTotal).toBe(3);
  });

  it('counts partnerships by mode and step, year and phase; abandoned and out-of-area ones never', async () => {
    const all = await partnershipFigures(database.db, await scope());
    expect(all.total).toBe(3);
    expect(all.byModeAndStep).toEqual([
      { mode: 'support', step: 'run', count: 1 },
      { mode: 'responsiblePractices', step: 'framePartnership', count: 1 },
      { mode: 'economicCooperation', step: 'contract', count: 1 },
    ]);
    expect(all.byModeAndYear).toEqual([
      { mode: 'support', year: 2017, count: 1 },
      { mode: 'responsiblePractices', year: 2017, count: 1 },
      { mode: 'economicCooperation', year: 2018, count: 1 },
    ]);
    expect(all.byModeAndPhase).toEqual(
      expect.arrayContaining([
        { mode: 'support', phaseId: f.seeding, count: 1 },
        { mode: 'responsiblePractices', phaseId: f.seeding, count: 1 },
        { mode: 'economicCooperation', phaseId: f.deployment, count: 1 },
      ]),
    );
    expect(all.byModeAndPhase).toHaveLength(3);
    expect((await partnershipFigures(database.db, await scope({ territoryId: f.pertuis }))).total).toBe(2);
    expect((await partnershipFigures(database.db, await scope({ phaseId: f.deployment }))).byModeAndStep).toEqual([
      { mode: 'economicCooperation', step: 'contract', count: 1 },
    ]);
    // The public counts published partnerships only.
    expect((await partnershipFigures(database.db, await scope({}, 'public'))).total).toBe(2);
    expect(
      (await partnershipFigures(database.db, await scope({ territoryId: f.pertuis }, 'public'))).byModeAndStep,
    ).toEqual([{ mode: 'responsiblePractices', step: 'framePartnership', count: 1 }]);
  });

  it('lists alliances with their members (direct and partners, once each) and partnerships', async () => {
    const all = await allianceFigures(database.db, await scope());
    expect(all.total).toBe(2);
    expect(all.byStatus).toEqual([
      { status: 'forming', count: 1 },
      { status: 'active', count: 1 },
    ]);
    expect(all.averageMembers).toBe(2.5);
    expect(all.alliances.map((a) => [a.name, a.status, a.members, a.partnerships, a.startsOn])).toEqual([
      ['Alliance Aix', 'forming', 2, 0, '2017-09-01'],
      ['Alliance Pertuis', 'active', 3, 1, '2018-01-15'],
    ]);
    const pertuis = await allianceFigures(database.db, await scope({ territoryId: f.pertuis }));
    expect(pertuis.alliances.map((a) => a.name)).toEqual(['Alliance Pertuis']);
    const publicView = await allianceFigures(database.db, await scope({}, 'public'));
    expect(publicView.alliances.map((a) => a.name)).toEqual(['Alliance Aix']);
    expect((await allianceFigures(database.db, await scope({ year: 2016 }))).total).toBe(0);
  });

  it('counts events held and attendance by kind, year and phase, like the programme indicators', async () => {
    const all = await eventFigures(database.db, await scope());
    expect({ held: all.held, attendance: all.attendance }).toEqual({ held: 3, attendance: 6 });
    expect(all.byKind).toEqual([
      { kind: 'launchMeeting', held: 1, attendance: 3 },
      { kind: 'interAssociationWorkshop', held: 1, attendance: 2 },
      { kind: 'speedDating', held: 0, attendance: 0 },
      { kind: 'steeringCommittee', held: 1, attendance: 1 },
    ]);
    expect(all.byYear).toEqual([
      { year: 2016, held: 1, attendance: 3 },
      { year: 2017, held: 1, attendance: 2 },
      { year: 2018, held: 1, attendance: 1 },
      { year: 2099, held: 0, attendance: 0 },
    ]);
    expect(all.byPhase).toEqual(
      expect.arrayContaining([
        { phaseId: f.seeding, held: 2, attendance: 5 },
        { phaseId: f.deployment, held: 1, attendance: 1 },
      ]),
    );
    expect(all.byPhase).toHaveLength(2);
    const pertuis = await eventFigures(database.db, await scope({ territoryId: f.pertuis }));
    expect({ held: pertuis.held, attendance: pertuis.attendance }).toEqual({ held: 1, attendance: 2 });
    const aix2018 = await eventFigures(database.db, await scope({ territoryId: f.aix, year: 2018 }));
    expect({ held: aix2018.held, attendance: aix2018.attendance }).toEqual({ held: 1, attendance: 1 });
  });

  it('sums funding requested, secured and paid per year, and the budget of the scope', async () => {
    const all = await fundingFigures(database.db, await scope());
    expect({ requested: all.requested, secured: all.secured, paid: all.paid }).toEqual({
      requested: 39_000,
      secured: 23_000,
      paid: 21_000,
    });
    expect(all.byYear).toEqual([
      { year: 2017, requested: 19_000, secured: 8_000, paid: 6_000 },
      { year: 2018, requested: 20_000, secured: 15_000, paid: 15_000 },
    ]);
    expect(all.budget).toEqual({ forecast: 12_000, funded: 8_000, expected: 0, remaining: 4_000 });
    const pertuis = await fundingFigures(database.db, await scope({ territoryId: f.pertuis }));
    expect(pertuis.byYear).toEqual([{ year: 2018, requested: 20_000, secured: 15_000, paid: 15_000 }]);
    expect(pertuis.budget).toEqual({ forecast: 0, funded: 0, expected: 0, remaining: 0 });
    const seeding = await fundingFigures(database.db, await scope({ phaseId: f.seeding }));
    expect(seeding.secured).toBe(8_000);
    // The public sees what is secured, nothing of what was asked, paid or is left to find.
    expect(await fundingFigures(database.db, await scope({}, 'public'))).toEqual({
      secured: 23_000,
      byYear: [
        { year: 2017, secured: 8_000 },
        { year: 2018, secured: 15_000 },
      ],
    });
  });

  it('values volunteer hours per year and phase at the year’s rate', async () => {
    const all = await volunteerFigures(database.db, await scope());
    expect({ hours: all.hours, value: all.value, unvaluedHours: all.unvaluedHours }).toEqual({
      hours: 19,
      value: 310,
      unvaluedHours: 0,
    });
    expect(all.byYear).toEqual([
      { year: 2017, hours: 14, value: 210, unvaluedHours: 0 },
      { year: 2018, hours: 5, value: 100, unvaluedHours: 0 },
    ]);
    expect(all.byPhase).toEqual(
      expect.arrayContaining([
        { phaseId: f.seeding, hours: 14, value: 210, unvaluedHours: 0 },
        { phaseId: f.deployment, hours: 5, value: 100, unvaluedHours: 0 },
      ]),
    );
    const pertuis = await volunteerFigures(database.db, await scope({ territoryId: f.pertuis }));
    expect({ hours: pertuis.hours, value: pertuis.value }).toEqual({ hours: 5, value: 100 });
  });

  it('counts actors, partnerships, projects and alliances per SDG, every SDG listed', async () => {
    const all = await sdgFigures(database.db, await scope());
    expect(all.bySdg).toHaveLength(17);
    const covered = all.bySdg
      .filter((r) => r.actors + r.partnerships + r.projects + r.alliances > 0)
      .map((r) => [r.number, r.actors, r.partnerships, r.projects, r.alliances]);
    expect(covered).toEqual([
      [4, 1, 1, 1, 0],
      [8, 1, 0, 0, 0],
      [11, 1, 0, 0, 1],
      [12, 1, 1, 0, 1],
      [13, 0, 1, 0, 1],
    ]);
    expect(all.covered).toBe(5);
    expect(all.bySdg[3]?.labelFr).toMatch(/éducation/i);
    const publicView = await sdgFigures(database.db, await scope({}, 'public'));
    expect(publicView.bySdg.filter((r) => r.partnerships > 0).map((r) => r.number)).toEqual([4]);
    expect(publicView.bySdg.filter((r) => r.alliances > 0).map((r) => r.number)).toEqual([11]);
  });

  it('counts actors, partnerships and events held per commune of the area, with coordinates', async () => {
    const all = await mapFigures(database.db, await scope());
    // Pertuis: the 2017 workshop is held (past); the 2099 speed dating is not yet, the cancelled forum never.
    expect(
      all.communes.map(({ latitude, longitude, ...rest }) => ({ ...rest, placed: latitude > 43 && longitude > 5 })),
    ).toEqual([
      { code: '13001', name: 'Aix-en-Provence', actors: 2, partnerships: 1, events: 2, placed: true },
      { code: '84089', name: 'Pertuis', actors: 2, partnerships: 2, events: 1, placed: true },
    ]);
    const pertuis = await mapFigures(database.db, await scope({ territoryId: f.pertuis }));
    expect(pertuis.communes.map((c) => [c.code, c.actors, c.partnerships, c.events])).toEqual([['84089', 2, 2, 1]]);
    const publicView = await mapFigures(database.db, await scope({}, 'public'));
    expect(publicView.communes.map((c) => [c.code, c.partnerships])).toEqual([
      ['13001', 1],
      ['84089', 1],
    ]);
  });

  it('assembles the dashboard with its key figures and the filters’ choices', async () => {
    const board = await dashboard(database.db, { programmeId: f.programmeId, audience: 'readers' });
    expect(board.programme.name).toBe('Programme tableau de bord');
    expect(board.territories.map((t) => t.name)).toEqual(['Aix-en-Provence', 'Pertuis', '']);
    expect(board.phases.map((p) => p.name)).toEqual(['Amorçage', 'Déploiement']);
    expect(board.years).toEqual([2016, 2017, 2018, 2019]);
    expect(board.keyFigures).toEqual({
      participants: 4,
      directoryActors: 4,
      partnerships: 3,
      alliances: 2,
      eventsHeld: 3,
      attendance: 6,
      fundingSecured: 23_000,
      volunteerValue: 310,
      // No evaluation in this fixture; the scores themselves are the evaluation module's tests' (evaluation/figures).
      averageScore: null,
      // No dialogue either: its figures are tested in dialogue/figures.test.ts.
      dialogueContributions: 0,
    });
    const pertuis = await dashboard(database.db, {
      programmeId: f.programmeId,
      audience: 'public',
      territoryId: f.pertuis,
    });
    expect(pertuis.filters).toEqual({ territoryId: f.pertuis, phaseId: null, year: null });
    expect(pertuis.keyFigures.partnerships).toBe(1);
    expect(pertuis.map.communes.map((c) => c.code)).toEqual(['84089']);
    // The public board holds the public figures only: its funding has no request, payment or budget.
    expect(Object.keys(pertuis.funding).sort()).toEqual(['byYear', 'secured']);
    expect(Object.keys(board.funding).sort()).toEqual(['budget', 'byYear', 'paid', 'requested', 'secured']);
  });

  it('empties every dated figure when the phase and the year do not overlap', async () => {
    const none = await scope({ phaseId: f.deployment, year: 2017 });
    expect([none.from, none.to]).toEqual(['2018-01-01', '2017-12-31']);
    expect((await partnershipFigures(database.db, none)).total).toBe(0);
    expect((await allianceFigures(database.db, none)).total).toBe(0);
    expect((await eventFigures(database.db, none)).held).toBe(0);
    expect((await fundingFigures(database.db, none)).secured).toBe(0);
    expect((await volunteerFigures(database.db, none)).hours).toBe(0);
    // What has no date of its own stays: the directory, and the participants who joined by the span's end.
    const actors = await actorFigures(database.db, none);
    expect([actors.directoryTotal, actors.participantsTotal]).toEqual([4, 3]);
  });

  it('refuses a territory or phase of another programme, naming the field', async () => {
    const other = await resolveScope(database.db, { programmeId: f.otherProgrammeId, audience: 'readers' });
    expect(await eventFigures(database.db, other)).toMatchObject({ held: 1, attendance: 1 });
    await expect(
      dashboard(database.db, { programmeId: f.otherProgrammeId, audience: 'readers', territoryId: f.pertuis }),
    ).rejects.toEqual(new ScopeNotFound('territoryId'));
    await expect(
      dashboard(database.db, { programmeId: f.otherProgrammeId, audience: 'readers', phaseId: f.seeding }),
    ).rejects.toEqual(new ScopeNotFound('phaseId'));
  });
});
