import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { signedInAs } from '../../../tests/auth.js';
import type { CurrentUser } from '../accounts/service.js';
import { type DirectoryPage, directoryQuery } from './contract.js';
import { actorData } from './fixtures.js';
import { defaultTuning, excerpt } from './search.js';
import { actorsMap, createActor, deleteActor, searchActors, updateActor } from './service.js';

describe('directory search', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: CurrentUser;
  const ids: Record<string, string> = {};

  const search = (query: Record<string, unknown>) => searchActors(t.db, null, directoryQuery.parse(query));
  const names = (page: DirectoryPage) => page.items.map((i) => i.name);
  const facet = (page: DirectoryPage, name: keyof DirectoryPage['facets']) =>
    Object.fromEntries(page.facets[name].map((f) => [f.value, f.count]));

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedInAs(t.db, 'admin')).user;
    const add = async (key: string, data: Parameters<typeof actorData>[0]) => {
      ids[key] = await createActor(t.db, admin, actorData(data));
    };
    await add('petitDuc', {
      name: 'Le Petit Duc',
      description: 'Salle de théâtre et de chanson française au cœur du centre ancien, ouverte aux compagnies locales.',
      themes: ['culture-art'],
      sdgs: [4, 11],
    });
    await add('jeuDePaume', {
      name: 'Théâtre du Jeu de Paume',
      description: 'Une salle à l’italienne du XVIIIe siècle.',
      themes: ['culture-art', 'tourism-attractiveness'],
      sdgs: [11],
    });
    await add('fontaine', {
      name: 'Fontaine Obscure',
      description: 'Photographie et arts visuels : ateliers, expositions.',
      themes: ['culture-art', 'education-culture'],
    });
    await add('charlie', {
      name: 'Charlie Free',
      communeCode: '13113',
      description: 'Club de jazz et musiques improvisées.',
      themes: ['culture-art'],
      sdgs: [4],
    });
    await add('recyclerie', {
      family: 'company',
      name: 'Recyclerie du Pays d’Aix',
      communeCode: '84089',
      description: 'Réemploi des objets et des matériaux, ateliers de réparation.',
      themes: ['circular-economy'],
      sdgs: [12],
      contributions: ['company.contribution.means'],
      benefits: ['company.benefit.csr-anchoring'],
    });
    await add('mairie', {
      family: 'publicAuthority',
      subtype: 'commune',
      name: 'Mairie de Gardanne',
      communeCode: '13041',
      description: 'Ville pilote de la silver économie.',
      themes: ['silver-economy'],
    });
    await add('universite', {
      family: 'academia',
      subtype: 'university',
      name: 'Laboratoire des territoires',
      communeCode: '84007',
      description: 'Recherche sur les alliances territoriales.',
      themes: ['education-culture'],
    });
    await add('citoyen', {
      family: 'citizen',
      name: 'Collectif sans adresse',
      communeCode: null,
      description: 'Des habitants engagés.',
    });
  });
  afterAll(() => t.close());

  it('finds a word of the description whatever its accents: theatre finds "théâtre"', async () => {
    const page = await search({ q: 'theatre' });
    expect(names(page)).toContain('Le Petit Duc');
  });

  it('ranks name matches before description matches', async () => {
    const page = await search({ q: 'theatre' });
    expect(names(page)).toEqual(['Théâtre du Jeu de Paume', 'Le Petit Duc']);
    expect(page.total).toBe(2);
  });

  it('ignores case and accents of the query', async () => {
    expect(names(await search({ q: 'THÉÂTRE' }))).toEqual(['Théâtre du Jeu de Paume', 'Le Petit Duc']);
  });

  it('matches French word forms: fontaine obscur finds "Fontaine Obscure"', async () => {
    expect(names(await search({ q: 'fontaine obscur' }))).toEqual(['Fontaine Obscure']);
  });

  it('tolerates typos in names: charly fre finds "Charlie Free"', async () => {
    expect(names(await search({ q: 'charly fre' }))).toEqual(['Charlie Free']);
  });

  it('finds nothing for an unrelated word, and treats query syntax as text', async () => {
    expect((await search({ q: 'zzzyxw' })).total).toBe(0);
    expect((await search({ q: "' or 1=1 --" })).total).toBe(0);
    expect((await search({ q: '"salle" -italienne' })).items.map((i) => i.name)).toEqual(['Le Petit Duc']);
  });

  it('filters by family, values of one filter being alternatives', async () => {
    expect(names(await search({ family: 'company' }))).toEqual(['Recyclerie du Pays d’Aix']);
    expect(names(await search({ family: ['company', 'publicAuthority'] }))).toEqual([
      'Mairie de Gardanne',
      'Recyclerie du Pays d’Aix',
    ]);
    expect((await search({ family: 'unknown' })).total).toBe(0);
  });

  it('combines filters with AND', async () => {
    expect(names(await search({ theme: 'culture-art', commune: '13113' }))).toEqual(['Charlie Free']);
    expect(names(await search({ theme: ['culture-art', 'circular-economy'], commune: ['84089', '13113'] }))).toEqual([
      'Charlie Free',
      'Recyclerie du Pays d’Aix',
    ]);
    expect(names(await search({ q: 'salle', theme: 'tourism-attractiveness' }))).toEqual(['Théâtre du Jeu de Paume']);
  });

  it('filters by SDG numbers, contributions and benefits', async () => {
    expect(names(await search({ sdg: '4' }))).toEqual(['Charlie Free', 'Le Petit Duc']);
    expect(names(await search({ sdg: ['12', '99'] }))).toEqual(['Recyclerie du Pays d’Aix']);
    expect(names(await search({ contribution: 'company.contribution.means' }))).toEqual(['Recyclerie du Pays d’Aix']);
    expect(names(await search({ benefit: 'company.benefit.csr-anchoring' }))).toEqual(['Recyclerie du Pays d’Aix']);
    expect((await search({ benefit: 'company.benefit.new-markets' })).total).toBe(0);
  });

  it('filters by territory: actors whose commune belongs to it', async () => {
    const page = await search({ territory: 'pays-d-aix', pageSize: 100 });
    expect(page.total).toBe(6);
    expect(names(page)).not.toContain('Laboratoire des territoires');
    expect(names(page)).not.toContain('Collectif sans adresse');
    expect((await search({ territory: 'nowhere' })).total).toBe(0);
  });

  it('sorts by name without a query, ignoring accents', async () => {
    const page = await search({ pageSize: 100 });
    expect(page.total).toBe(8);
    expect(names(page)).toEqual([
      'Charlie Free',
      'Collectif sans adresse',
      'Fontaine Obscure',
      'Laboratoire des territoires',
      'Le Petit Duc',
      'Mairie de Gardanne',
      'Recyclerie du Pays d’Aix',
      'Théâtre du Jeu de Paume',
    ]);
  });

  it('sorts by name or by last update on request', async () => {
    expect(names(await search({ q: 'theatre', sort: 'name' }))).toEqual(['Le Petit Duc', 'Théâtre du Jeu de Paume']);
    await updateActor(
      t.db,
      admin,
      ids.fontaine as string,
      actorData({
        name: 'Fontaine Obscure',
        description: 'Photographie, arts visuels et cinéma : ateliers, expositions.',
        themes: ['culture-art', 'education-culture'],
      }),
    );
    expect(names(await search({ sort: 'recent' }))[0]).toBe('Fontaine Obscure');
  });

  it('paginates with a stable total', async () => {
    const first = await search({ pageSize: 3, page: 1 });
    const third = await search({ pageSize: 3, page: 3 });
    expect(first.total).toBe(8);
    expect(third.total).toBe(8);
    expect(names(first)).toEqual(['Charlie Free', 'Collectif sans adresse', 'Fontaine Obscure']);
    expect(names(third)).toEqual(['Recyclerie du Pays d’Aix', 'Théâtre du Jeu de Paume']);
    expect(third.page).toBe(3);
    expect(third.pageSize).toBe(3);
  });

  it('summarises each actor with its commune and an excerpt', async () => {
    const [duc] = (await search({ q: 'petit duc' })).items;
    expect(duc).toMatchObject({
      id: ids.petitDuc,
      family: 'association',
      communeCode: '13001',
      communeName: 'Aix-en-Provence',
      themes: ['culture-art'],
      sdgs: [4, 11],
    });
    expect(duc?.excerpt).toMatch(/^Salle de théâtre/);
  });

  it('counts facet values over the whole directory without criteria, most frequent first', async () => {
    const page = await search({});
    expect(facet(page, 'family')).toEqual({ association: 4, company: 1, publicAuthority: 1, academia: 1, citizen: 1 });
    expect(page.facets.family[0]).toEqual({ value: 'association', count: 4 });
    expect(facet(page, 'theme')).toEqual({
      'culture-art': 4,
      'education-culture': 2,
      'tourism-attractiveness': 1,
      'circular-economy': 1,
      'silver-economy': 1,
    });
    expect(facet(page, 'sdg')).toEqual({ '4': 2, '11': 2, '12': 1 });
    expect(facet(page, 'commune')).toEqual({ '13001': 3, '13113': 1, '84089': 1, '13041': 1, '84007': 1 });
    expect(facet(page, 'contribution')).toEqual({ 'company.contribution.means': 1 });
    expect(facet(page, 'benefit')).toEqual({ 'company.benefit.csr-anchoring': 1 });
  });

  it('names the commune facet values, so that filters never show a bare INSEE code', async () => {
    const page = await search({});
    const labels = Object.fromEntries(page.facets.commune.map((c) => [c.value, c.label]));
    expect(labels['13113']).toBe('Venelles');
    expect(labels['84089']).toBe('Pertuis');
  });

  it('counts each facet with all the other filters applied', async () => {
    const page = await search({ theme: 'culture-art', family: 'association' });
    expect(page.total).toBe(4);
    // theme: counted over associations only (theme filter left out)
    expect(facet(page, 'theme')).toEqual({ 'culture-art': 4, 'education-culture': 1, 'tourism-attractiveness': 1 });
    // family: counted over culture-art actors (family filter left out)
    expect(facet(page, 'family')).toEqual({ association: 4 });
    // the others: counted over the results
    expect(facet(page, 'commune')).toEqual({ '13001': 3, '13113': 1 });
    expect(facet(page, 'sdg')).toEqual({ '4': 2, '11': 2 });

    const single = await search({ family: 'company' });
    expect(facet(single, 'family')).toEqual({
      association: 4,
      company: 1,
      publicAuthority: 1,
      academia: 1,
      citizen: 1,
    });
    expect(facet(single, 'theme')).toEqual({ 'circular-economy': 1 });

    const withText = await search({ q: 'theatre', sdg: '4' });
    expect(withText.total).toBe(1);
    expect(facet(withText, 'sdg')).toEqual({ '11': 2, '4': 1 });
  });

  it('keeps whole-directory counts right after updates and deletions', async () => {
    const extra = await createActor(t.db, admin, actorData({ name: 'Éphémère', themes: ['solidarity'] }));
    expect(facet(await search({}), 'theme').solidarity).toBe(1);
    expect((await search({})).total).toBe(9);
    await updateActor(
      t.db,
      admin,
      extra,
      actorData({ name: 'Éphémère', family: 'media', themes: ['intergenerational'] }),
    );
    let page = await search({});
    expect(facet(page, 'theme').solidarity).toBeUndefined();
    expect(facet(page, 'theme').intergenerational).toBe(1);
    expect(facet(page, 'family').media).toBe(1);
    await deleteActor(t.db, admin, extra);
    page = await search({});
    expect(page.total).toBe(8);
    expect(facet(page, 'family').media).toBeUndefined();
    expect(facet(page, 'theme').intergenerational).toBeUndefined();
  });

  it('groups matching actors by commune on the map, with the unplaced ones counted apart', async () => {
    const map = await actorsMap(t.db, null, directoryQuery.parse({}));
    expect(map.unplaced).toBe(1);
    const aix = map.points.find((p) => p.communeCode === '13001');
    expect(aix).toMatchObject({ communeName: 'Aix-en-Provence', count: 3 });
    expect(aix?.latitude).toBeCloseTo(43.5, 0);
    expect(aix?.longitude).toBeCloseTo(5.4, 0);
    expect(aix?.actors.map((a) => a.name)).toEqual(['Fontaine Obscure', 'Le Petit Duc', 'Théâtre du Jeu de Paume']);
    expect(map.points.reduce((n, p) => n + p.count, 0)).toBe(7);
    expect(map.points[0]?.communeCode).toBe('13001');

    const filtered = await actorsMap(t.db, null, directoryQuery.parse({ q: 'theatre' }));
    expect(filtered.unplaced).toBe(0);
    expect(filtered.points).toHaveLength(1);
    expect(filtered.points[0]).toMatchObject({ communeCode: '13001', count: 2 });
    expect(filtered.points[0]?.actors.map((a) => a.family)).toEqual(['association', 'association']);

    const citizens = await actorsMap(t.db, null, directoryQuery.parse({ family: 'citizen' }));
    expect(citizens).toEqual({ points: [], unplaced: 1 });
  });

  it('answers the directory and the map over HTTP, to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/actors?q=theatre&sdg=4&sdg=11&pageSize=5' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as DirectoryPage;
    expect(body.items.map((i) => i.name)).toEqual(['Théâtre du Jeu de Paume', 'Le Petit Duc']);
    const map = await t.app.inject({ method: 'GET', url: '/api/v1/actors/map?theme=culture-art' });
    expect(map.statusCode).toBe(200);
    expect(map.json().points.length).toBe(2);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/actors?pageSize=1000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('pageSize');
  });
  describe('on a large directory (bounded work, forced here with tiny limits)', () => {
    // Block sampling is left out (a share above 1) but in its own test: on a one-block table it reads all or nothing.
    const tuning = { ...defaultTuning, exactUpTo: 0, sample: 3, namePool: 2, blockSampleShare: 2 };
    const bounded = (query: Record<string, unknown>, extra: Partial<typeof tuning> = {}) =>
      searchActors(t.db, null, directoryQuery.parse(query), { ...tuning, ...extra });

    it('gives the same answers while the matches fit in the sample', async () => {
      const page = await bounded({ q: 'theatre' });
      expect(names(page)).toEqual(['Théâtre du Jeu de Paume', 'Le Petit Duc']);
      expect(page.total).toBe(2);
      expect(page.exact).toBe(true);
      const withFilter = await bounded({ q: 'theatre', sdg: '4' });
      expect(withFilter.total).toBe(1);
      expect(facet(withFilter, 'sdg')).toEqual({ '11': 2, '4': 1 });
      expect(names(await bounded({ q: 'charly fre' }))).toEqual(['Charlie Free']);
    });

    it('estimates counts beyond the sample, and still pages every match in order', async () => {
      const page = await bounded({ theme: 'culture-art' });
      expect(page.total).toBeGreaterThanOrEqual(4);
      expect(page.exact).toBe(false);
      expect(names(page)).toEqual(['Charlie Free', 'Fontaine Obscure', 'Le Petit Duc', 'Théâtre du Jeu de Paume']);
      expect(page.facets.family[0]?.value).toBe('association');
      expect(page.facets.theme.find((f) => f.value === 'culture-art')?.count).toBeGreaterThanOrEqual(4);
    });

    it('pages by relevance from the sample, then from a larger pool', async () => {
      expect(names(await bounded({ q: 'theatre', pageSize: 1, page: 2 }))).toEqual(['Le Petit Duc']);
      expect(names(await bounded({ q: 'theatre', pageSize: 2, page: 2 }))).toEqual([]);
      expect(names(await bounded({ q: 'salle', pageSize: 1, page: 4 }))).toEqual([]);
    });

    it('filters very common words instead of looking them up in the index, with the same results', async () => {
      const page = await bounded({ q: 'theatre', family: 'association' }, { denseText: 0 });
      expect(names(page)).toEqual(['Théâtre du Jeu de Paume', 'Le Petit Duc']);
      expect(page.total).toBe(2);
    });

    it('filters very common array values and territories the same way', async () => {
      const page = await bounded({ theme: 'culture-art', sdg: '4', territory: 'pays-d-aix' }, { denseText: 0 });
      expect(names(page)).toEqual(['Charlie Free', 'Le Petit Duc']);
      expect(page.total).toBe(2);
      expect(facet(page, 'sdg')).toEqual({ '4': 2, '11': 2 });
      expect((await bounded({ territory: 'nowhere' })).total).toBe(0);
    });

    it('estimates from a sample of blocks when matches are a large share of the directory', async () => {
      // TABLESAMPLE SYSTEM on a one-block table reads it or not: the figures are the planner's either way.
      const page = await bounded({ family: 'association' }, { sample: 1, blockSampleShare: 0 });
      expect(page.total).toBeGreaterThan(0);
      expect(names(page)).toEqual(['Charlie Free', 'Fontaine Obscure', 'Le Petit Duc', 'Théâtre du Jeu de Paume']);
    });

    it('reads whole-directory counts from the stored counts', async () => {
      const page = await bounded({});
      expect(page.total).toBe(8);
      expect(facet(page, 'family').association).toBe(4);
    });
  });
});

describe('excerpt', () => {
  it('keeps short descriptions whole', () => {
    expect(excerpt('Une salle  de\nthéâtre.')).toBe('Une salle de théâtre.');
  });

  it('cuts long descriptions at a word boundary with an ellipsis', () => {
    const text = `${'mot '.repeat(60)}fin`;
    const cut = excerpt(text);
    expect(cut.endsWith('mot…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(201);
    expect(excerpt(`${'a'.repeat(300)}`)).toBe(`${'a'.repeat(200)}…`);
  });
});
