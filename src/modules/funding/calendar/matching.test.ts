import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf } from '../../../../tests/http.js';
import type { CallMatches, ProgrammeCalls, SuitedCall } from './contract.js';
import { insertActor, insertCall, insertProgramme, insertProject } from './fixtures.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

// Pertuis 84089, Venelles 13113 (11 km from Pertuis, same Pays d'Aix territory), Aix-en-Provence 13001, Gardanne
// 13041, Nice 06088 (far away).
describe('matching calls for projects to flagship projects and programme territories', () => {
  let t: TestApp;
  let animator: SignedIn;
  const call = callerOf(() => t.app);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    const region = await insertActor(t.db, { family: 'publicAuthority', name: 'Région Sud' });
    const foundation = await insertActor(t.db, { family: 'company', name: 'Fondation d’entreprise' });
    const association = await insertActor(t.db, { family: 'association', name: 'Ressourcerie du Luberon' });
    const company = await insertActor(t.db, { family: 'company', name: 'Recyclage SA' });

    // Circular economy in Pertuis, for associations, grants of 5 000 to 30 000 €: open.
    ids.circular = await insertCall(t.db, region, {
      title: 'Économie circulaire en Pays d’Aix',
      themes: ['circular-economy'],
      communeCodes: ['84089'],
      eligibleFamilies: ['association'],
      amountMin: 5_000,
      amountMax: 30_000,
      opensOn: '2017-01-01',
      closesOn: '2099-01-31',
    });
    // No restriction at all: open to anyone, anywhere.
    ids.general = await insertCall(t.db, foundation, { title: 'Fonds général', opensOn: '2017-01-01' });
    // Culture in Aix, announced (no opening date yet).
    ids.culture = await insertCall(t.db, region, {
      title: 'Culture à Aix',
      themes: ['culture-art'],
      communeCodes: ['13001'],
    });
    // Closed: never suggested to a project or a territory.
    ids.closed = await insertCall(t.db, region, {
      title: 'Ancien appel circulaire',
      themes: ['circular-economy'],
      communeCodes: ['84089'],
      opensOn: '2016-01-01',
      closesOn: '2017-12-31',
    });

    const circular = { themes: ['circular-economy'] };
    ids.pertuis = await insertProject(t.db, [association], {
      title: 'Ressourcerie de Pertuis',
      ...circular,
      communeCodes: ['84089'],
      budgetTotal: 20_000,
    });
    ids.venelles = await insertProject(t.db, [association], {
      title: 'Repair café de Venelles',
      ...circular,
      communeCodes: ['13113'],
    });
    ids.nice = await insertProject(t.db, [association], {
      title: 'Recyclerie niçoise',
      ...circular,
      communeCodes: ['06088'],
      budgetTotal: 100_000,
    });
    ids.festival = await insertProject(t.db, [association], {
      title: 'Festival d’Aix',
      themes: ['culture-art'],
      communeCodes: ['13001'],
    });
    ids.byCompany = await insertProject(t.db, [company], {
      title: 'Tri en entreprise',
      ...circular,
      communeCodes: ['84089'],
    });
    ids.draft = await insertProject(t.db, [association], {
      title: 'Brouillon circulaire',
      ...circular,
      communeCodes: ['84089'],
      status: 'draft',
    });

    const programme = await insertProgramme(t.db, 'Envies d’Alliances', [
      { name: 'Pertuis', themeId: 'circular-economy', communeCodes: ['84089'] },
      { name: 'Aix-en-Provence', themeId: 'culture-art', communeCodes: ['13001'] },
      { name: 'Venelles et Gardanne', themeId: 'silver-economy', communeCodes: ['13113', '13041'] },
    ]);
    ids.programme = programme.programmeId;
    [ids.tPertuis = '', ids.tAix = '', ids.tVenelles = ''] = programme.territoryIds;
  });
  afterAll(() => t.close());

  it('ranks the published projects of eligible carriers a call suits, best first, with their reasons', async () => {
    const res = await call(null, 'GET', `/api/v1/funding/calls/${ids.circular}/matches`);
    expect(res.status).toBe(200);
    const body = res.body as CallMatches;
    // Same theme and commune and a budget in range; same theme next door; same theme far away with a budget out of
    // range. Not listed: another theme (the festival), a company's project (not eligible), a draft.
    expect(body.projects.map((p) => p.title)).toEqual([
      'Ressourcerie de Pertuis',
      'Repair café de Venelles',
      'Recyclerie niçoise',
    ]);
    const [pertuis, venelles, nice] = body.projects;
    expect(pertuis).toMatchObject({
      score: 1,
      level: 'very',
      reasons: {
        sharedThemes: ['circular-economy'],
        sharedCommunes: [{ code: '84089', name: 'Pertuis' }],
        sameTerritory: false,
        anywhere: false,
        eligibleFamilies: ['association'],
        budgetFits: true,
      },
    });
    expect(venelles).toMatchObject({
      level: 'very',
      reasons: { sharedCommunes: [], sameTerritory: true, budgetFits: null },
    });
    expect(venelles?.reasons.km).toBeGreaterThan(5);
    expect(venelles?.reasons.km).toBeLessThan(20);
    // Theme only (0.55) and a budget out of range (0): suited, not very.
    expect(nice).toMatchObject({ score: 0.55, level: 'suited', reasons: { budgetFits: false } });
  });

  it('finds the programme territories a call suits by theme and communes', async () => {
    const body = (await call(null, 'GET', `/api/v1/funding/calls/${ids.circular}/matches`)).body as CallMatches;
    expect(body.territories).toEqual([
      expect.objectContaining({
        id: ids.tPertuis,
        name: 'Pertuis',
        programme: { id: ids.programme, name: 'Envies d’Alliances' },
        level: 'very',
        reasons: expect.objectContaining({ sharedThemes: ['circular-economy'], budgetFits: null }),
      }),
    ]);
  });

  it('a call that restricts nothing suits every published project and territory, fairly', async () => {
    const body = (await call(null, 'GET', `/api/v1/funding/calls/${ids.general}/matches`)).body as CallMatches;
    expect(body.projects.map((p) => p.title).sort()).toEqual(
      [
        'Festival d’Aix',
        'Recyclerie niçoise',
        'Repair café de Venelles',
        'Ressourcerie de Pertuis',
        'Tri en entreprise',
      ].sort(),
    );
    expect(new Set(body.projects.map((p) => p.level))).toEqual(new Set(['suited']));
    expect(body.projects[0]?.reasons).toMatchObject({ anywhere: true, eligibleFamilies: [] });
    expect(body.territories).toHaveLength(3);
  });

  it('lists the open or announced calls that suit a project, with the same score seen from either side', async () => {
    const res = await call(null, 'GET', `/api/v1/projects/${ids.pertuis}/calls`);
    expect(res.status).toBe(200);
    const items = (res.body as { items: SuitedCall[] }).items;
    expect(items.map((c) => [c.title, c.status, c.level])).toEqual([
      ['Économie circulaire en Pays d’Aix', 'open', 'very'],
      ['Fonds général', 'open', 'suited'],
    ]);
    expect(items[0]).toMatchObject({ score: 1, funder: { name: 'Région Sud' }, closesOn: '2099-01-31' });

    const festival = (await call(null, 'GET', `/api/v1/projects/${ids.festival}/calls`)).body as {
      items: SuitedCall[];
    };
    expect(festival.items.map((c) => [c.title, c.status])).toEqual([
      ['Culture à Aix', 'announced'],
      ['Fonds général', 'open'],
    ]);
    // The company's project: the circular call does not accept companies.
    const byCompany = (await call(null, 'GET', `/api/v1/projects/${ids.byCompany}/calls`)).body as {
      items: SuitedCall[];
    };
    expect(byCompany.items.map((c) => c.title)).toEqual(['Fonds général']);
  });

  it('a draft project’s calls follow the project’s visibility', async () => {
    expect((await call(null, 'GET', `/api/v1/projects/${ids.draft}/calls`)).status).toBe(404);
    const res = await call(animator, 'GET', `/api/v1/projects/${ids.draft}/calls`);
    expect(res.status).toBe(200);
    expect((res.body as { items: SuitedCall[] }).items[0]?.title).toBe('Économie circulaire en Pays d’Aix');
  });

  it('lists the calls to come that suit each territory of a programme, in the territories’ order', async () => {
    const res = await call(null, 'GET', `/api/v1/programmes/${ids.programme}/calls`);
    expect(res.status).toBe(200);
    const body = res.body as ProgrammeCalls;
    expect(body.territories.map((x) => [x.name, x.calls.map((c) => c.title)])).toEqual([
      ['Pertuis', ['Économie circulaire en Pays d’Aix', 'Fonds général']],
      ['Aix-en-Provence', ['Culture à Aix', 'Fonds général']],
      ['Venelles et Gardanne', ['Fonds général']],
    ]);
  });

  it('answers 404 for an unknown call, project or programme', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      `funding/calls/${unknown}/matches`,
      `projects/${unknown}/calls`,
      `programmes/${unknown}/calls`,
    ]) {
      const res = await call(null, 'GET', `/api/v1/${path}`);
      expect(res.status, path).toBe(404);
      expect(res.type).toContain('application/problem+json');
    }
  });
});
