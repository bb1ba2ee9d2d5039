import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import type { Dashboard } from './figures.js';
import { type DashboardFixture, dashboardFixture } from './fixtures.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('dashboard routes', () => {
  let t: TestApp;
  let f: DashboardFixture;
  let observer: SignedIn;
  let member: SignedIn;
  const call = callerOf(() => t.app);

  beforeAll(async () => {
    t = await createTestApp();
    f = await dashboardFixture(t.db);
    observer = await signedInAs(t.db, 'observer');
    member = await signedInAs(t.db, 'member');
  });
  afterAll(() => t.close());

  it('gives readers every figure, filtered by territory, phase and year', async () => {
    const res = await call(observer, 'GET', `/api/v1/programmes/${f.programmeId}/dashboard`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const board = res.body as Dashboard;
    expect(board.audience).toBe('readers');
    expect(board.keyFigures).toMatchObject({ partnerships: 3, alliances: 2, eventsHeld: 3, attendance: 6 });
    const pertuis = await call(
      observer,
      'GET',
      `/api/v1/programmes/${f.programmeId}/dashboard?territoryId=${f.pertuis}`,
    );
    expect((pertuis.body as Dashboard).keyFigures).toMatchObject({ partnerships: 2, eventsHeld: 1, attendance: 2 });
    expect((pertuis.body as Dashboard).map.communes.map((c) => c.code)).toEqual(['84089']);
    const phase = await call(
      observer,
      'GET',
      `/api/v1/programmes/${f.programmeId}/dashboard?phaseId=${f.deployment}&year=2018`,
    );
    expect((phase.body as Dashboard).filters).toEqual({ territoryId: null, phaseId: f.deployment, year: 2018 });
    expect((phase.body as Dashboard).keyFigures).toMatchObject({ partnerships: 1, eventsHeld: 1, volunteerValue: 100 });
  });

  it('keeps the readers’ dashboard from members and visitors', async () => {
    expect((await call(member, 'GET', `/api/v1/programmes/${f.programmeId}/dashboard`)).status).toBe(403);
    expect((await call(null, 'GET', `/api/v1/programmes/${f.programmeId}/dashboard`)).status).toBe(401);
  });

  it('gives anyone the public figures: published records only, no person', async () => {
    const res = await call(null, 'GET', `/api/v1/public/programmes/${f.programmeId}/dashboard`);
    expect(res.status).toBe(200);
    const board = res.body as Dashboard;
    expect(board.audience).toBe('public');
    expect(board.keyFigures).toMatchObject({ partnerships: 2, alliances: 1 });
    expect(board.alliances.alliances.map((a) => a.name)).toEqual(['Alliance Aix']);
    expect(res.text).not.toContain(f.citizenName);
    expect(res.text).not.toMatch(/@|Personne \d/);
    // Funding: what is secured only; no request, payment or budget, by name or by value.
    expect(Object.keys(board.funding).sort()).toEqual(['byYear', 'secured']);
    expect(board.funding.byYear.map((r) => Object.keys(r).sort())).toEqual([
      ['secured', 'year'],
      ['secured', 'year'],
    ]);
    for (const key of ['"requested"', '"paid"', '"budget"', '"forecast"', '"remaining"']) {
      expect(res.text).not.toContain(key);
    }
    // The readers' requested total (39 000) and the budget's forecast (12 000) appear nowhere.
    expect(res.text).not.toMatch(/[:,[]3900\d?[,}\]]|[:,[]12000[,}\]]/);
    // Volunteer valuation stays public.
    expect(board.keyFigures.volunteerValue).toBe(310);
    const readers = (await call(observer, 'GET', `/api/v1/programmes/${f.programmeId}/dashboard`)).body as Dashboard;
    expect(readers.funding).toMatchObject({ requested: 39_000, paid: 21_000, budget: { forecast: 12_000 } });
  });

  it('refuses bad filters with a problem naming the field', async () => {
    const bad = await call(null, 'GET', `/api/v1/public/programmes/${f.programmeId}/dashboard?territoryId=x&year=1800`);
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(fieldsOf(bad.body).map(([field]) => field)).toEqual(expect.arrayContaining(['territoryId', 'year']));
    const otherTerritory = await call(
      observer,
      'GET',
      `/api/v1/programmes/${f.otherProgrammeId}/dashboard?territoryId=${f.pertuis}`,
    );
    expect(otherTerritory.status).toBe(422);
    expect(fieldsOf(otherTerritory.body)).toEqual([['territoryId', 'notInProgramme']]);
    const otherPhase = await call(
      null,
      'GET',
      `/api/v1/public/programmes/${f.otherProgrammeId}/dashboard?phaseId=${f.seeding}`,
    );
    expect(fieldsOf(otherPhase.body)).toEqual([['phaseId', 'notInProgramme']]);
    const unknown = await call(null, 'GET', '/api/v1/public/programmes/00000000-0000-4000-8000-000000000000/dashboard');
    expect(unknown.status).toBe(404);
  });
});
