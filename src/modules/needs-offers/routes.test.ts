import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { actorData } from '../actors/fixtures.js';
import { actors } from '../actors/schema.js';
import { createActor } from '../actors/service.js';
import { type NeedOfferDetail, type NeedOfferPage, todayInParis } from './contract.js';
import { needOfferData } from './fixtures.js';
import { needsOffers } from './schema.js';
import { createNeedOffer } from './service.js';

describe('needs and offers', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: SignedIn;
  let animator: SignedIn;
  let member: SignedIn;
  let observer: SignedIn;
  let duc: string;
  let company: string;
  let pertuis: string;

  const future = (days: number) => todayInParis(new Date(Date.now() + days * 86_400_000));

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    duc = await createActor(t.db, admin.user, actorData({ name: 'Le Petit Duc', themes: ['culture-art'] }));
    company = await createActor(t.db, admin.user, actorData({ name: 'Énergie Locale', family: 'company' }));
    pertuis = await createActor(t.db, admin.user, actorData({ name: 'Recyclerie', communeCode: '84089' }));
    member = await signedInAs(t.db, 'member', duc);
    // Created one after the other, so that "recent" has a known order.
    await createNeedOffer(
      t.db,
      admin.user,
      needOfferData(duc, {
        title: 'Salle de répétition pour la saison',
        description: 'Nous cherchons une salle pour répéter deux soirs par semaine.',
        themes: ['culture-art'],
        deadline: future(60),
      }),
    );
    await createNeedOffer(
      t.db,
      admin.user,
      needOfferData(company, {
        kind: 'offer',
        title: 'Mécénat de compétences en comptabilité',
        resources: ['skills', 'expertise'],
        modes: ['support', 'responsiblePractices'],
        deadline: future(10),
      }),
    );
    await createNeedOffer(
      t.db,
      admin.user,
      needOfferData(pertuis, {
        title: 'Bénévoles pour la collecte',
        resources: ['volunteers'],
        communeCodes: ['84089'],
        modes: ['economicCooperation'],
        themes: ['circular-economy'],
      }),
    );
    await createNeedOffer(
      t.db,
      admin.user,
      needOfferData(company, { kind: 'offer', title: 'Salle de réunion prêtée le soir', resources: ['premises'] }),
    );
  });
  afterAll(() => t.close());

  const list = async (query: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/needs-offers?${query}`, headers });
    expect(res.statusCode).toBe(200);
    return res.json() as NeedOfferPage;
  };
  const titles = (page: NeedOfferPage) => page.items.map((i) => i.title);
  const post = (payload: unknown, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/needs-offers', headers, payload: payload as object });

  describe('search', () => {
    it('finds « salle de répétition » when typed without accents nor small words, ranked first', async () => {
      const page = await list('q=salle%20repetition');
      expect(titles(page)).toEqual(['Salle de répétition pour la saison']);
      const both = await list('q=salle&sort=relevance');
      expect(titles(both)).toHaveLength(2);
      expect(both.total).toBe(2);
    });

    it('combines filters (AND across filters, OR within one) and counts each value with the other filters', async () => {
      const offers = await list('kind=offer&resource=premises&resource=volunteers');
      expect(titles(offers)).toEqual(['Salle de réunion prêtée le soir']);
      const needs = await list('kind=need&resource=premises&resource=volunteers');
      expect(titles(needs).sort()).toEqual(['Bénévoles pour la collecte', 'Salle de répétition pour la saison']);
      // kind counts ignore the kind filter but apply the resource one
      expect(needs.facets.kind).toEqual(
        expect.arrayContaining([
          { value: 'need', count: 2 },
          { value: 'offer', count: 1 },
        ]),
      );
      const byMode = await list('mode=responsiblePractices&theme=culture-art');
      expect(byMode.total).toBe(0);
      const inPertuis = await list('commune=84089');
      expect(titles(inPertuis)).toEqual(['Bénévoles pour la collecte']);
      expect(inPertuis.facets.commune).toEqual(
        expect.arrayContaining([{ value: '13001', count: 3, label: 'Aix-en-Provence' }]),
      );
      const ofActor = await list(`actor=${company}`);
      expect(titles(ofActor).sort()).toEqual([
        'Mécénat de compétences en comptabilité',
        'Salle de réunion prêtée le soir',
      ]);
    });

    it('ignores a query made of small words only', async () => {
      expect((await list('q=de%20la')).total).toBe((await list('')).total);
    });

    it('filters by territory through its communes', async () => {
      const paris = await createNeedOffer(
        t.db,
        admin.user,
        needOfferData(company, { title: 'Un bureau à Paris', communeCodes: ['75056'] }),
      );
      const page = await list('territory=pays-d-aix');
      expect(titles(page)).not.toContain('Un bureau à Paris');
      expect(page.total).toBe(4);
      expect(titles(await list('q=bureau'))).toEqual(['Un bureau à Paris']);
      await t.db.delete(needsOffers).where(eqId(paris));
    });

    it('sorts by deadline (none last) and by most recent', async () => {
      const byDeadline = await list('sort=deadline');
      expect(titles(byDeadline).slice(0, 2)).toEqual([
        'Mécénat de compétences en comptabilité',
        'Salle de répétition pour la saison',
      ]);
      const recent = await list('sort=recent&pageSize=2');
      expect(recent.total).toBe(4);
      expect(titles(recent)).toEqual(['Salle de réunion prêtée le soir', 'Bénévoles pour la collecte']);
      const second = await list('sort=recent&pageSize=2&page=2');
      expect(titles(second)).toEqual(['Mécénat de compétences en comptabilité', 'Salle de répétition pour la saison']);
    });

    it('answers the detail publicly with the actor', async () => {
      const [first] = (await list('q=comptabilite')).items;
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/needs-offers/${first?.id}` });
      expect(res.statusCode).toBe(200);
      const detail = res.json() as NeedOfferDetail;
      expect(detail.actor).toEqual({
        id: company,
        name: 'Énergie Locale',
        family: 'company',
        communeCode: '13001',
        communeName: 'Aix-en-Provence',
      });
      expect(detail.communes).toEqual([{ code: '13001', name: 'Aix-en-Provence' }]);
      expect(detail.canEdit).toBe(false);
    });
  });

  describe('writing', () => {
    it('lets a member publish for its own organisation, and answers what it may do', async () => {
      const res = await post(needOfferData(duc, { title: 'Costumes à prêter', kind: 'offer' }), member.headers);
      expect(res.statusCode).toBe(201);
      const created = res.json() as NeedOfferDetail;
      expect(created).toMatchObject({ title: 'Costumes à prêter', status: 'open', canEdit: true });
      expect(created.actor.name).toBe('Le Petit Duc');
    });

    it('refuses a member posting for another actor with 403, and writes nothing', async () => {
      const before = await t.db.$count(needsOffers);
      const res = await post(needOfferData(company, { title: 'Pas pour moi' }), member.headers);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await t.db.$count(needsOffers)).toBe(before);
    });

    it('refuses observers and anonymous visitors, and writes nothing', async () => {
      const before = await t.db.$count(needsOffers);
      expect((await post(needOfferData(duc), observer.headers)).statusCode).toBe(403);
      expect((await post(needOfferData(duc), {})).statusCode).toBe(401);
      const [one] = (await list('')).items;
      const status = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/needs-offers/${one?.id}/status`,
        headers: observer.headers,
        payload: { status: 'closed' },
      });
      expect(status.statusCode).toBe(403);
      expect(await t.db.$count(needsOffers)).toBe(before);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/needs-offers/${one?.id}` })).json().status).toBe(
        'open',
      );
    });

    it('refuses invalid fields with 400 problem+json naming each field, and writes nothing', async () => {
      const before = await t.db.$count(needsOffers);
      const res = await post(
        needOfferData(duc, {
          title: 'ab',
          resources: [],
          modes: ['barter' as never],
          deadline: '2020-01-01',
        }),
        animator.headers,
      );
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors = (res.json().errors as { field: string; code: string }[]).map((e) => [e.field, e.code]);
      expect(errors).toEqual(
        expect.arrayContaining([
          ['title', 'tooShort'],
          ['resources', 'resourceRequired'],
          ['modes.0', 'invalid'],
          ['deadline', 'deadlineInPast'],
        ]),
      );
      const badDate = await post(needOfferData(duc, { deadline: '2030-02-31' }), animator.headers);
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().errors).toEqual([
        { field: 'deadline', code: 'invalidDeadline', message: expect.any(String) },
      ]);
      expect(await t.db.$count(needsOffers)).toBe(before);
    });

    it('refuses unknown themes and communes with 422 naming each field', async () => {
      const before = await t.db.$count(needsOffers);
      const res = await post(
        needOfferData(duc, { themes: ['culture-art', 'nope'], communeCodes: ['13999'] }),
        animator.headers,
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['themes.1', 'unknownTheme'],
        ['communeCodes.0', 'unknownCommune'],
      ]);
      expect(await t.db.$count(needsOffers)).toBe(before);
    });

    it('lets staff publish for any actor, edit, change the status, and delete', async () => {
      const res = await post(needOfferData(pertuis, { title: 'Un camion pour la tournée' }), animator.headers);
      expect(res.statusCode).toBe(201);
      const id = (res.json() as NeedOfferDetail).id;
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/needs-offers/${id}`,
        headers: animator.headers,
        payload: needOfferData(pertuis, { title: 'Un camion frigorifique', resources: ['equipment'] }),
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ title: 'Un camion frigorifique', resources: ['equipment'] });

      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/needs-offers/${id}/status`,
        headers: animator.headers,
        payload: { status: 'fulfilled' },
      });
      expect(patch.statusCode).toBe(200);
      expect(patch.json().status).toBe('fulfilled');
      // Fulfilled ones leave the default list, and come back when every status is asked for.
      expect(titles(await list('q=camion'))).toEqual([]);
      expect(titles(await list('q=camion&allStatuses=true'))).toEqual(['Un camion frigorifique']);
      expect(titles(await list('q=camion&status=fulfilled'))).toEqual(['Un camion frigorifique']);

      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/needs-offers/${id}`, headers: admin.headers });
      expect(del.statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/needs-offers/${id}` })).statusCode).toBe(404);
    });

    it('keeps a member to its own organisation when editing, changing status or deleting', async () => {
      const [other] = (await list(`actor=${company}`)).items;
      const url = `/api/v1/needs-offers/${other?.id}`;
      const put = await t.app.inject({
        method: 'PUT',
        url,
        headers: member.headers,
        payload: needOfferData(company, { title: 'Détourné' }),
      });
      expect(put.statusCode).toBe(403);
      const status = await t.app.inject({
        method: 'PATCH',
        url: `${url}/status`,
        headers: member.headers,
        payload: { status: 'closed' },
      });
      expect(status.statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url, headers: member.headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url })).json()).toMatchObject({
        title: other?.title,
        status: 'open',
      });

      // Its own need: it may edit it, but not hand it over to another actor.
      const own = await post(needOfferData(duc, { title: 'Affiches à imprimer' }), member.headers);
      const ownId = (own.json() as NeedOfferDetail).id;
      const handOver = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/needs-offers/${ownId}`,
        headers: member.headers,
        payload: needOfferData(company, { title: 'Affiches à imprimer' }),
      });
      expect(handOver.statusCode).toBe(403);
      const [row] = await t.db.select({ actorId: needsOffers.actorId }).from(needsOffers).where(eqId(ownId));
      expect(row?.actorId).toBe(duc);
      const close = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/needs-offers/${ownId}/status`,
        headers: member.headers,
        payload: { status: 'inDiscussion' },
      });
      expect(close.json().status).toBe('inDiscussion');
    });

    it('cascades with its actor', async () => {
      const gone = await createActor(t.db, admin.user, actorData({ name: 'Éphémère' }));
      await createNeedOffer(t.db, admin.user, needOfferData(gone, { title: 'Bientôt disparu' }));
      await t.db.delete(actors).where(eqActor(gone));
      expect(titles(await list('q=disparu'))).toEqual([]);
    });
  });

  describe('latest feed', () => {
    const latest = async (limit: number) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/needs-offers/latest?limit=${limit}` });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: NeedOfferPage['items'] }).items;
    };

    it('lists the latest open ones, newest first, and drops those no longer open', async () => {
      const res = await post(needOfferData(duc, { title: 'Tout dernier besoin' }), animator.headers);
      const id = (res.json() as NeedOfferDetail).id;
      const items = await latest(3);
      expect(items).toHaveLength(3);
      expect(items[0]?.title).toBe('Tout dernier besoin');
      expect(items.every((i) => i.status === 'open')).toBe(true);
      const dates = items.map((i) => i.createdAt);
      expect([...dates].sort().reverse()).toEqual(dates);

      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/needs-offers/${id}/status`,
        headers: animator.headers,
        payload: { status: 'closed' },
      });
      const after = await latest(20);
      expect(after.map((i) => i.id)).not.toContain(id);
      expect(after.map((i) => i.title)).not.toContain('Affiches à imprimer'); // in discussion
    });
  });
});

const eqId = (id: string) => eq(needsOffers.id, id);
const eqActor = (id: string) => eq(actors.id, id);
