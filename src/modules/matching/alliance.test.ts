import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { createAlliance } from '../alliances/service.js';
import type { ActorFamily } from '../reference/families.js';
import { pickNewcomers } from './alliance.js';
import type { AllianceSuggestion } from './contract.js';
import { expectProblem, member, planter, type TestApp } from './testing.js';

describe('pickNewcomers', () => {
  const c = (name: string, family: ActorFamily, score: number, gives: string[] = []) => ({
    name,
    family,
    score,
    gives,
  });

  it('never takes more than two newcomers of one family, however well they score', () => {
    const companies = ['A', 'B', 'C', 'D', 'E'].map((n) => c(n, 'company', 0.9, ['money']));
    const { chosen } = pickNewcomers(
      [...companies, c('Ville', 'publicAuthority', 0.3), c('Asso', 'association', 0.2)],
      ['money'],
      ['association'],
      6,
    );
    expect(chosen.filter((x) => x.family === 'company')).toHaveLength(2);
    expect(chosen.map((x) => x.name)).toEqual(expect.arrayContaining(['Ville', 'Asso']));
    expect(chosen).toHaveLength(4);
  });

  it('prefers covering unmet needs, each counted once, and a missing core family', () => {
    const { chosen, covers } = pickNewcomers(
      [
        c('Mécène', 'company', 0.5, ['money']),
        c('Mécène bis', 'company', 0.6, ['money']),
        c('Mairie', 'publicAuthority', 0.4, ['premises']),
        c('Média', 'media', 0.55, ['visibility']),
      ],
      ['money', 'premises'],
      ['association'],
      3,
    );
    expect(chosen.map((x) => x.name)).toEqual(['Mécène bis', 'Mairie', 'Média']);
    expect(chosen.map((x) => covers.get(x))).toEqual([['money'], ['premises'], []]);
  });
});

describe('alliance suggestions', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  let members: string[];
  let observer: SignedIn;
  let alliance: string;

  beforeAll(async () => {
    t = await createTestApp();
    const animator = await signedInAs(t.db, 'animator');
    const { actor, item } = planter(t.db, animator.user);
    const pertuis = { communeCode: '84089', themes: ['circular-economy'] };
    const recyclerie = await actor({ ...pertuis, name: 'Recyclerie de Pertuis' });
    const epicerie = await actor({ ...pertuis, name: 'Épicerie solidaire de Pertuis' });
    const jardin = await actor({ ...pertuis, name: 'Jardins partagés de Pertuis' });
    members = [recyclerie, epicerie, jardin];
    await item(recyclerie, { title: 'Financer un camion de collecte', resources: ['money'], communeCodes: ['84089'] });
    await item(epicerie, { title: 'Un entrepôt pour les invendus', resources: ['premises'], communeCodes: ['84089'] });
    await item(jardin, { title: 'Des outils', resources: ['equipment'], communeCodes: ['84089'] });
    await item(epicerie, { kind: 'offer', title: 'Prêt d’outils', resources: ['equipment'], communeCodes: ['84089'] });
    for (const name of ['Alpha', 'Bêta', 'Gamma', 'Delta', 'Epsilon']) {
      const company = await actor({ ...pertuis, family: 'company', name: `Entreprise ${name}` });
      await item(company, {
        kind: 'offer',
        title: 'Mécénat pour l’économie circulaire',
        resources: ['money', 'premises'],
        themes: ['circular-economy'],
        communeCodes: ['84089'],
      });
    }
    const town = await actor({
      ...pertuis,
      family: 'publicAuthority',
      name: 'Ville de Pertuis',
      contributions: ['publicAuthority.contribution.political-backing'],
    });
    await item(town, { kind: 'offer', title: 'Locaux municipaux', resources: ['premises'], communeCodes: ['84089'] });
    await actor({ ...pertuis, family: 'academia', name: 'IUT de Pertuis' });
    observer = await signedInAs(t.db, 'observer');
    alliance = await createAlliance(t.db, animator.user, {
      name: 'Alliance Économie circulaire à Pertuis',
      challenge: 'Réduire les déchets et financer la collecte',
      themes: ['circular-economy'],
      communeCodes: ['84089'],
      members: members.map((actorId) => ({ actorId })),
    });
  });
  afterAll(() => t.close());

  const suggest = (who: SignedIn | null, payload: Record<string, unknown>) =>
    call(who, 'POST', '/api/v1/matching/alliance-suggestions', payload);
  const challenge = {
    challenge: 'Économie circulaire à Pertuis : collecte et réemploi',
    themes: ['circular-economy'],
    communeCodes: ['84089'],
  };

  it('covers the members’ unmet needs with a diversity of families, never more than two of one', async () => {
    const res = await suggest(observer, { ...challenge, memberIds: members, size: 6 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = res.body as AllianceSuggestion;
    expect(s.unmetNeeds).toEqual(['money', 'premises']);
    expect(s.stillUnmet).toEqual([]);
    const families = s.items.map((i) => i.actor.family);
    expect(families.filter((f) => f === 'company').length).toBeLessThanOrEqual(2);
    expect(families).toContain('company');
    expect(families).toContain('publicAuthority');
    expect(s.items.some((i) => members.includes(i.actor.id))).toBe(false);
    expect(s.families.association).toBe(3);
    expect(s.items.flatMap((i) => i.covers).sort()).toEqual(['money', 'premises']);
    const coverer = s.items.find((i) => i.covers.length > 0);
    expect(coverer?.contribution).toMatch(/^couvre /);
  });

  it('suggests for an existing alliance from its challenge and members', async () => {
    const res = await call(observer, 'GET', `/api/v1/alliances/${alliance}/suggestions?size=4`);
    expect(res.status).toBe(200);
    const s = res.body as AllianceSuggestion;
    expect(s.items.length).toBeLessThanOrEqual(4);
    expect(s.items.some((i) => members.includes(i.actor.id))).toBe(false);
    expect(s.unmetNeeds).toEqual(['money', 'premises']);
  });

  it('names the bad field: an unknown member, an unknown territory, a short challenge', async () => {
    expectProblem(
      await suggest(observer, { ...challenge, memberIds: [randomUUID()] }),
      422,
      'memberIds',
      'unknownActor',
    );
    expectProblem(
      await suggest(observer, { ...challenge, territoryId: 'nowhere' }),
      422,
      'territoryId',
      'unknownTerritory',
    );
    expectProblem(await suggest(observer, { ...challenge, challenge: 'x' }), 400, 'challenge');
  });

  it('is for signed-in users only, members of the alliance or staff for an alliance’s own list', async () => {
    expect((await suggest(null, challenge)).status).toBe(401);
    const inside = await member(t.db, members[0] as string);
    expect((await suggest(inside, challenge)).status).toBe(200);
    const stranger = await signedInAs(t.db, 'member', null);
    expect((await call(stranger, 'GET', `/api/v1/alliances/${alliance}/suggestions`)).status).toBe(404);
  });
});
