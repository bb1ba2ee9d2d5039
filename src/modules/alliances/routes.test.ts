import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { actors } from '../actors/schema.js';
import { benefits, contributions, partnershipPartners, partnerships } from '../partnerships/schema.js';
import type { AllianceBalance, AllianceDetail, EcosystemGraph } from './contract.js';
import { allianceMembers, alliances } from './schema.js';

type Family = 'association' | 'company' | 'publicAuthority' | 'academia';

describe('alliances routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: SignedIn;
  let observer: SignedIn;
  /** A member of the association « Duc » (a direct member of the alliance). */
  let ducMember: SignedIn;
  /** A member of « Étranger », in no alliance. */
  let outsider: SignedIn;
  const ids: Record<string, string> = {};
  let allianceId: string;

  const actor = async (name: string, family: Family, communeCode = '13001') => {
    const [row] = await t.db.insert(actors).values({ name, family, communeCode }).returning({ id: actors.id });
    ids[name] = row?.id ?? '';
    return ids[name];
  };

  const partnership = async (title: string, partners: string[], published: boolean, mode = 'support' as const) => {
    const [row] = await t.db
      .insert(partnerships)
      .values({ title, mode, publishedAt: published ? new Date() : null, themes: ['culture-art'] })
      .returning({ id: partnerships.id });
    const id = row?.id ?? '';
    await t.db
      .insert(partnershipPartners)
      .values(partners.map((name) => ({ partnershipId: id, actorId: ids[name] ?? '' })));
    return id;
  };

  const call = callerOf(() => t.app);

  const body = (members: string[], overrides: Record<string, unknown> = {}) => ({
    name: 'Alliance Culture test',
    challenge: 'Reconnaître les petites associations culturelles',
    objective: 'Un lieu de répétition partagé',
    themes: ['culture-art'],
    communeCodes: ['13001'],
    members: members.map((name) => ({ actorId: ids[name], role: `Rôle de ${name}` })),
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t.db, 'admin');
    observer = await signedInAs(t.db, 'observer');
    await actor('Duc', 'association');
    await actor('Compagnie', 'association');
    await actor('Ville', 'publicAuthority');
    await actor('Entreprise', 'company', '84089');
    await actor('École', 'academia');
    await actor('Étranger', 'association');
    ducMember = await signedInAs(t.db, 'member', ids.Duc);
    outsider = await signedInAs(t.db, 'member', ids.Étranger);
    const res = await call(admin, 'POST', '/api/v1/alliances', body(['Duc', 'Compagnie', 'Ville']));
    expect(res.status).toBe(201);
    allianceId = (res.body as AllianceDetail).id;
  });
  afterAll(() => t.close());

  describe('POST /api/v1/alliances', () => {
    it('answers the created alliance with its members, by family', async () => {
      const res = await call(admin, 'GET', `/api/v1/alliances/${allianceId}`);
      const a = res.body as AllianceDetail;
      expect(a).toMatchObject({ name: 'Alliance Culture test', status: 'forming', publishedAt: null, warnings: [] });
      expect(a.communes).toEqual([{ code: '13001', name: 'Aix-en-Provence' }]);
      expect(a.members.map((m) => [m.name, m.family, m.direct, m.role])).toEqual([
        ['Compagnie', 'association', true, 'Rôle de Compagnie'],
        ['Duc', 'association', true, 'Rôle de Duc'],
        ['Ville', 'publicAuthority', true, 'Rôle de Ville'],
      ]);
    });

    it('refuses fewer than three distinct actors with a problem naming the field, and saves nothing', async () => {
      const before = await t.db.$count(alliances);
      const res = await call(admin, 'POST', '/api/v1/alliances', body(['Duc', 'Compagnie', 'Duc']));
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors).toEqual([
        { field: 'members', code: 'allianceTooFewMembers', message: expect.stringContaining('trois acteurs') },
      ]);
      expect(await t.db.$count(alliances)).toBe(before);
    });

    it('refuses unknown actors, themes and communes naming each field (422)', async () => {
      const before = await t.db.$count(alliances);
      const res = await call(
        admin,
        'POST',
        '/api/v1/alliances',
        body(['Duc', 'Compagnie'], {
          themes: ['nope'],
          communeCodes: ['13999'],
          members: [
            { actorId: ids.Duc },
            { actorId: ids.Compagnie },
            { actorId: '00000000-0000-4000-8000-000000000000' },
          ],
        }),
      );
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['themes.0', 'unknownTheme'],
        ['communeCodes.0', 'unknownCommune'],
        ['members.2.actorId', 'unknownActor'],
      ]);
      expect(await t.db.$count(alliances)).toBe(before);
    });

    it('flags, without refusing, an alliance whose members all belong to one family', async () => {
      await actor('Troisième asso', 'association');
      const res = await call(
        admin,
        'POST',
        '/api/v1/alliances',
        body(['Duc', 'Compagnie', 'Troisième asso'], { name: 'Entre pairs' }),
      );
      expect(res.status).toBe(201);
      expect((res.body as AllianceDetail).warnings).toEqual(['singleFamily']);
    });

    it('is refused to anonymous visitors (401), members and observers (403)', async () => {
      const payload = body(['Duc', 'Compagnie', 'Ville']);
      expect((await call(null, 'POST', '/api/v1/alliances', payload)).status).toBe(401);
      expect((await call(ducMember, 'POST', '/api/v1/alliances', payload)).status).toBe(403);
      expect((await call(observer, 'POST', '/api/v1/alliances', payload)).status).toBe(403);
    });
  });

  describe('visibility and publication', () => {
    it('hides an unpublished alliance from the public and from members of other organisations', async () => {
      expect((await call(null, 'GET', `/api/v1/alliances/${allianceId}`)).status).toBe(404);
      expect((await call(outsider, 'GET', `/api/v1/alliances/${allianceId}`)).status).toBe(404);
      const list = (await call(null, 'GET', '/api/v1/alliances')).body;
      expect(list.items.map((a: { id: string }) => a.id)).not.toContain(allianceId);
    });

    it('shows it to observers and to members of its actors', async () => {
      const seen = await call(ducMember, 'GET', `/api/v1/alliances/${allianceId}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ canEdit: false, canSeeBalance: true, ownActorId: ids.Duc });
      expect((await call(observer, 'GET', `/api/v1/alliances/${allianceId}`)).body.canEdit).toBe(false);
      const mine = (await call(ducMember, 'GET', '/api/v1/alliances')).body;
      expect(mine.items.map((a: { id: string }) => a.id)).toContain(allianceId);
      const actorList = (await call(ducMember, 'GET', `/api/v1/actors/${ids.Duc}/alliances`)).body;
      expect(actorList.items.map((a: { id: string }) => a.id)).toContain(allianceId);
    });

    it('lets a member consent for its own organisation only, and publishes once every direct member consented', async () => {
      const consent = (who: SignedIn, name: string, value: boolean) =>
        call(who, 'PUT', `/api/v1/alliances/${allianceId}/members/${ids[name]}/consent`, { consent: value });
      expect((await consent(ducMember, 'Compagnie', true)).status).toBe(403);
      expect((await consent(outsider, 'Étranger', true)).status).toBe(404);
      expect((await consent(ducMember, 'Duc', true)).body.publishedAt).toBeNull();
      expect((await consent(admin, 'Compagnie', true)).body.publishedAt).toBeNull();
      const published = (await consent(admin, 'Ville', true)).body as AllianceDetail;
      expect(published.publishedAt).not.toBeNull();

      const anonymous = await call(null, 'GET', `/api/v1/alliances/${allianceId}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({ canEdit: false, canSeeBalance: false, contributions: [], benefits: [] });
      const list = (await call(null, 'GET', '/api/v1/alliances')).body;
      expect(list.items.map((a: { id: string }) => a.id)).toContain(allianceId);

      expect((await consent(ducMember, 'Duc', false)).body.publishedAt).toBeNull();
      expect((await call(null, 'GET', `/api/v1/alliances/${allianceId}`)).status).toBe(404);
      await consent(ducMember, 'Duc', true);
    });
  });

  describe('members', () => {
    it('never lets an alliance fall below three actors', async () => {
      const res = await call(admin, 'DELETE', `/api/v1/alliances/${allianceId}/members/${ids.Ville}`);
      expect(res.status).toBe(409);
      expect(res.body.errors[0]).toMatchObject({ field: 'members', code: 'allianceTooFewMembers' });
      expect(await t.db.$count(allianceMembers)).toBeGreaterThanOrEqual(3);
      const a = (await call(admin, 'GET', `/api/v1/alliances/${allianceId}`)).body as AllianceDetail;
      expect(a.members.map((m) => m.name)).toContain('Ville');
    });

    it('adds, updates and removes a direct member (staff); a new member unpublishes until it consents', async () => {
      const added = await call(admin, 'POST', `/api/v1/alliances/${allianceId}/members`, {
        actorId: ids.École,
        role: 'Appui académique',
      });
      expect(added.status).toBe(201);
      expect((added.body as AllianceDetail).publishedAt).toBeNull();
      const again = await call(admin, 'POST', `/api/v1/alliances/${allianceId}/members`, { actorId: ids.École });
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ field: 'actorId', code: 'allianceMemberExists' });
      const updated = await call(admin, 'PUT', `/api/v1/alliances/${allianceId}/members/${ids.École}`, {
        role: 'Étudiants en médiation',
      });
      expect(updated.body.members.find((m: { name: string }) => m.name === 'École').role).toBe(
        'Étudiants en médiation',
      );
      expect(
        (await call(ducMember, 'PUT', `/api/v1/alliances/${allianceId}/members/${ids.École}`, { role: 'x' })).status,
      ).toBe(403);
      expect((await call(admin, 'DELETE', `/api/v1/alliances/${allianceId}/members/${ids.École}`)).status).toBe(204);
      // Back to three members who all consented: published again.
      expect((await call(null, 'GET', `/api/v1/alliances/${allianceId}`)).status).toBe(200);
    });
  });

  describe('partnerships, contributions and the balance view', () => {
    let publishedPartnership: string;
    let privatePartnership: string;

    beforeAll(async () => {
      publishedPartnership = await partnership('Salle de répétition', ['Duc', 'Entreprise'], true);
      privatePartnership = await partnership('Mécénat discret', ['Compagnie', 'École'], false, 'support');
    });

    it('links partnerships (staff): their partners become members, through that partnership', async () => {
      expect(
        (
          await call(ducMember, 'POST', `/api/v1/alliances/${allianceId}/partnerships`, {
            partnershipId: publishedPartnership,
          })
        ).status,
      ).toBe(403);
      for (const partnershipId of [publishedPartnership, privatePartnership]) {
        const res = await call(admin, 'POST', `/api/v1/alliances/${allianceId}/partnerships`, { partnershipId });
        expect(res.status).toBe(200);
      }
      const a = (await call(admin, 'GET', `/api/v1/alliances/${allianceId}`)).body as AllianceDetail;
      expect(a.partnerships.map((p) => p.title)).toEqual(['Mécénat discret', 'Salle de répétition']);
      const entreprise = a.members.find((m) => m.name === 'Entreprise');
      expect(entreprise).toMatchObject({
        direct: false,
        via: [{ id: publishedPartnership, title: 'Salle de répétition' }],
      });
      expect(a.members.find((m) => m.name === 'Duc')).toMatchObject({
        direct: true,
        via: [{ title: 'Salle de répétition' }],
      });
    });

    it('shows the public only the published partnerships and their partners', async () => {
      const a = (await call(null, 'GET', `/api/v1/alliances/${allianceId}`)).body as AllianceDetail;
      expect(a.partnerships.map((p) => p.title)).toEqual(['Salle de répétition']);
      expect(a.members.map((m) => m.name)).not.toContain('École');
      expect(a.members.map((m) => m.name)).toContain('Entreprise');
    });

    it('lets a member declare contributions and benefits for its own organisation only', async () => {
      const url = `/api/v1/alliances/${allianceId}/contributions`;
      const own = await call(ducMember, 'POST', url, {
        actorId: ids.Duc,
        nature: 'volunteerHours',
        description: 'Bénévoles pour l’accueil',
        value: 1000,
        hours: 80,
      });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ actorName: 'Duc', value: 1000, hours: 80 });
      const before = await t.db.$count(contributions);
      expect(
        (
          await call(ducMember, 'POST', url, {
            actorId: ids.Ville,
            nature: 'financial',
            description: 'Subvention',
            value: 5,
          })
        ).status,
      ).toBe(403);
      const noHours = await call(ducMember, 'POST', url, {
        actorId: ids.Duc,
        nature: 'volunteerHours',
        description: 'Sans heures',
      });
      expect(noHours.status).toBe(400);
      expect(noHours.body.errors[0]).toMatchObject({ field: 'hours', code: 'required' });
      const stranger = await call(admin, 'POST', url, {
        actorId: ids.Étranger,
        nature: 'financial',
        description: 'Pas membre',
        value: 10,
      });
      expect(stranger.status).toBe(422);
      expect(stranger.body.errors[0]).toMatchObject({ field: 'actorId', code: 'allianceNotMember' });
      expect(
        (
          await call(outsider, 'POST', url, {
            actorId: ids.Étranger,
            nature: 'financial',
            description: 'x1',
            value: 1,
          })
        ).status,
      ).toBe(403);
      expect(await t.db.$count(contributions)).toBe(before);
    });

    it('computes what each member gives and gets, its shares, and warns of imbalance', async () => {
      const add = (path: string, payload: Record<string, unknown>) =>
        call(admin, 'POST', `/api/v1/alliances/${allianceId}/${path}`, payload);
      // The town carries the load: 8 000 € of 10 000 € given (direct 1 000 € from Duc, 1 000 € in a partnership).
      expect(
        (
          await add('contributions', {
            actorId: ids.Ville,
            nature: 'financial',
            description: 'Subvention',
            value: 8000,
          })
        ).status,
      ).toBe(201);
      await t.db.insert(contributions).values({
        partnershipId: publishedPartnership,
        actorId: ids.Entreprise ?? '',
        nature: 'inKind',
        description: 'Salle prêtée',
        value: 1000,
      });
      await t.db.insert(benefits).values({
        partnershipId: publishedPartnership,
        actorId: ids.Duc ?? '',
        description: 'Répétitions',
        expectedValue: 3000,
        realisedValue: 1000,
      });
      const benefit = await add('benefits', { actorId: ids.Compagnie, description: 'Visibilité', expectedValue: 1000 });
      expect(benefit.status).toBe(201);
      const realised = await call(admin, 'PUT', `/api/v1/alliances/${allianceId}/benefits/${benefit.body.id}`, {
        actorId: ids.Compagnie,
        description: 'Visibilité',
        expectedValue: 1000,
        realisedValue: 500,
        realisedOn: '2018-06-30',
      });
      expect(realised.body).toMatchObject({ realisedValue: 500, realisedOn: '2018-06-30' });

      const res = await call(ducMember, 'GET', `/api/v1/alliances/${allianceId}/balance`);
      expect(res.status).toBe(200);
      const balance = res.body as AllianceBalance;
      expect(balance.totals).toEqual({ given: 10000, hours: 80, expected: 4000, realised: 1500 });
      expect(balance.imbalanced).toBe(true);
      const byName = Object.fromEntries(balance.members.map((m) => [m.name, m]));
      expect(byName.Ville).toMatchObject({ given: 8000, givenShare: 0.8, warnings: ['carriesLoad', 'getsNothing'] });
      expect(byName.Duc).toMatchObject({
        given: 1000,
        hours: 80,
        expected: 3000,
        realised: 1000,
        givenShare: 0.1,
        expectedShare: 0.75,
        warnings: ['capturesBenefit'],
      });
      expect(byName.Compagnie).toMatchObject({ given: 0, realisedShare: 1 / 3, warnings: ['givesNothing'] });
      // Partners of the alliance's partnerships are members of the balance too, published or not.
      expect(byName.École).toMatchObject({ warnings: ['givesNothing', 'getsNothing'] });
      expect(balance.members[0]?.name).toBe('Ville');
    });

    it('shows the balance to staff, observers and members only', async () => {
      const url = `/api/v1/alliances/${allianceId}/balance`;
      expect((await call(null, 'GET', url)).status).toBe(401);
      expect((await call(outsider, 'GET', url)).status).toBe(403);
      expect((await call(observer, 'GET', url)).status).toBe(200);
      expect((await call(admin, 'GET', url)).status).toBe(200);
    });

    it('unlinks a partnership (staff) unless the alliance would fall below three actors', async () => {
      const res = await call(admin, 'DELETE', `/api/v1/alliances/${allianceId}/partnerships/${privatePartnership}`);
      expect(res.status).toBe(204);
      const [row] = await t.db
        .select({ allianceId: partnerships.allianceId })
        .from(partnerships)
        .where((await import('drizzle-orm')).eq(partnerships.id, privatePartnership));
      expect(row?.allianceId).toBeNull();
    });
  });

  describe('GET /api/v1/ecosystem', () => {
    it('builds the public graph from published partnerships and alliances only', async () => {
      const graph = (await call(null, 'GET', '/api/v1/ecosystem')).body as EcosystemGraph;
      const names = graph.nodes.map((n) => n.name);
      expect(names).toContain('Alliance Culture test');
      expect(names).toContain('Entreprise');
      expect(names).not.toContain('Entre pairs');
      expect(graph.links).toContainEqual(
        expect.objectContaining({ kind: 'partnership', title: 'Salle de répétition', mode: 'support' }),
      );
      expect(graph.links.filter((l) => l.kind === 'alliance' && l.target === allianceId)).toHaveLength(4);
      const entreprise = graph.nodes.find((n) => n.name === 'Entreprise');
      expect(entreprise).toMatchObject({
        kind: 'actor',
        family: 'company',
        communeCode: '84089',
        communeName: 'Pertuis',
      });
    });

    it('shows a member the published graph plus its own organisation’s partnerships and alliances', async () => {
      const own = await partnership('Partenariat privé du Duc', ['Duc', 'Ville'], false, 'support');
      const mine = (await call(ducMember, 'GET', '/api/v1/ecosystem')).body as EcosystemGraph;
      expect(mine.links.map((l) => l.title)).toContain('Partenariat privé du Duc');
      expect(mine.nodes.map((n) => n.name)).toContain('Entre pairs');
      const other = (await call(outsider, 'GET', '/api/v1/ecosystem')).body as EcosystemGraph;
      expect(other.links.map((l) => l.title)).not.toContain('Partenariat privé du Duc');
      expect(other.nodes.map((n) => n.name)).not.toContain('Entre pairs');
      await t.db.delete(partnerships).where((await import('drizzle-orm')).eq(partnerships.id, own));
    });

    it('shows staff and observers everything, and filters by mode, theme and territory', async () => {
      const all = (await call(observer, 'GET', '/api/v1/ecosystem')).body as EcosystemGraph;
      expect(all.nodes.map((n) => n.name)).toContain('Entre pairs');
      const economic = (await call(admin, 'GET', '/api/v1/ecosystem?mode=economicCooperation')).body as EcosystemGraph;
      expect(economic).toEqual({ nodes: [], links: [] });
      const culture = (await call(admin, 'GET', '/api/v1/ecosystem?theme=culture-art&mode=support'))
        .body as EcosystemGraph;
      expect(culture.links.some((l) => l.title === 'Salle de répétition')).toBe(true);
      const pertuis = (await call(admin, 'GET', '/api/v1/ecosystem?commune=84089')).body as EcosystemGraph;
      expect(pertuis.links.map((l) => l.title)).toEqual(['Salle de répétition']);
      const territory = (await call(admin, 'GET', '/api/v1/ecosystem?territory=pays-d-aix')).body as EcosystemGraph;
      expect(territory.nodes.length).toBeGreaterThan(0);
    });
  });
});
