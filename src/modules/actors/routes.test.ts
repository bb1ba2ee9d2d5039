import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import type { ActorDetail } from './contract.js';
import { actorData, personData } from './fixtures.js';
import { actors } from './schema.js';

describe('actors routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: SignedIn;
  let actorId: string;

  const body = (overrides: Parameters<typeof actorData>[0] = {}) =>
    actorData({
      name: 'Atelier du Cours',
      description: 'Ateliers de poterie.',
      address: '12 cours Mirabeau',
      email: 'atelier@cours.example',
      phone: '04 42 11 22 33',
      people: [
        personData({ name: 'Jeanne Potier', email: 'jeanne@cours.example', visibility: 'members' }),
        personData({ name: 'Paul Public', visibility: 'public' }),
      ],
      ...overrides,
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t.db, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/actors', headers: admin.headers, payload: body() });
    expect(res.statusCode).toBe(201);
    actorId = (res.json() as ActorDetail).id;
  });
  afterAll(() => t.close());

  const get = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/actors/${actorId}`, headers });

  describe('POST /api/v1/actors', () => {
    it('answers the created actor as the caller sees it', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: admin.headers,
        payload: body({ name: 'Deuxième atelier', siret: '732 829 320 00074' }),
      });
      expect(res.statusCode).toBe(201);
      const created = res.json() as ActorDetail;
      expect(created).toMatchObject({ name: 'Deuxième atelier', siret: '73282932000074', canEdit: true });
      expect(created.people).toHaveLength(2);
    });

    it('refuses an invalid SIRET with a problem naming the field, and saves nothing', async () => {
      const before = await t.db.$count(actors);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: admin.headers,
        payload: body({ name: 'SIRET faux', siret: '73282932000075' }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([
        { field: 'siret', code: 'invalidSiret', message: expect.stringContaining('SIRET invalide') },
      ]);
      expect(await t.db.$count(actors)).toBe(before);
    });

    it('refuses unknown references with 422 naming each field, and saves nothing', async () => {
      const before = await t.db.$count(actors);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: admin.headers,
        payload: body({ name: 'Références', communeCode: '13999', themes: ['culture-art', 'nope'] }),
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['communeCode', 'unknownCommune'],
        ['themes.1', 'unknownTheme'],
      ]);
      expect(await t.db.$count(actors)).toBe(before);
    });

    it('names nested fields of people', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: admin.headers,
        payload: body({ people: [personData({ email: 'pas-un-email' })] }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'people.0.email', code: 'invalidEmail' });
    });

    it('is refused to anonymous visitors (401) and members (403)', async () => {
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/actors', payload: body() });
      expect(anonymous.statusCode).toBe(401);
      const member = await signedInAs(t.db, 'member', actorId);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: member.headers,
        payload: body(),
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('GET /api/v1/actors/:id', () => {
    it('shows anonymous visitors neither people nor fields kept for members', async () => {
      const res = await get();
      expect(res.statusCode).toBe(200);
      const a = res.json() as ActorDetail;
      expect(a).toMatchObject({ name: 'Atelier du Cours', address: null, email: null, phone: null, people: [] });
      expect(a.hiddenFields.sort()).toEqual(['address', 'email', 'phone']);
      expect(res.body).not.toContain('Jeanne');
      expect(res.body).not.toContain('Paul Public');
    });

    it('shows a signed-in member of another organisation the members fields and people', async () => {
      const other = await signedInAs(t.db, 'member');
      const a = (await get(other.headers)).json() as ActorDetail;
      expect(a.email).toBe('atelier@cours.example');
      expect(a.people.map((p) => p.name)).toEqual(['Jeanne Potier', 'Paul Public']);
      expect(a.canEdit).toBe(false);
    });

    it('shows observers no personal data', async () => {
      const observer = await signedInAs(t.db, 'observer');
      const res = await get(observer.headers);
      expect((res.json() as ActorDetail).people).toEqual([]);
      expect(res.body).not.toContain('jeanne@cours.example');
    });

    it('answers 404 for an unknown actor and 400 for a malformed id', async () => {
      const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/actors/00000000-0000-4000-8000-000000000000' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/actors/not-an-id' });
      expect(malformed.statusCode).toBe(400);
    });
  });

  describe('PUT /api/v1/actors/:id', () => {
    it('lets a member of the organisation edit it, and answers the result', async () => {
      const own = await signedInAs(t.db, 'member', actorId);
      const current = (await get(own.headers)).json() as ActorDetail;
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/actors/${actorId}`,
        headers: own.headers,
        payload: body({ description: 'Ateliers de poterie et de céramique.', people: current.people }),
      });
      expect(res.statusCode).toBe(200);
      expect((res.json() as ActorDetail).description).toBe('Ateliers de poterie et de céramique.');
    });

    it('refuses a member of another organisation with 403, changing nothing', async () => {
      const other = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: admin.headers,
        payload: body({ name: 'Organisation voisine' }),
      });
      const stranger = await signedInAs(t.db, 'member', (other.json() as ActorDetail).id);
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/actors/${actorId}`,
        headers: stranger.headers,
        payload: body({ name: 'Détourné' }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(((await get()).json() as ActorDetail).name).toBe('Atelier du Cours');
    });

    it('refuses observers before reading the body', async () => {
      const observer = await signedInAs(t.db, 'observer');
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/actors/${actorId}`,
        headers: observer.headers,
        payload: body(),
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('GET /api/v1/actors/:id/history', () => {
    it('lists the changes newest first, with the author, for the organisation’s own member', async () => {
      const own = await signedInAs(t.db, 'member', actorId);
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/actors/${actorId}/history`, headers: own.headers });
      expect(res.statusCode).toBe(200);
      const { items } = res.json() as { items: { action: string; userName: string; changes: object }[] };
      expect(items.map((i) => i.action)).toEqual(['update', 'create']);
      expect(items[0]?.userName).toBe('Test member');
      expect(items[0]?.changes).toEqual({
        description: ['Ateliers de poterie.', 'Ateliers de poterie et de céramique.'],
      });
      expect(JSON.stringify(items)).not.toContain('Jeanne');
    });

    it('is refused to a member of another organisation (403) and to visitors (401)', async () => {
      const stranger = await signedInAs(t.db, 'member');
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/actors/${actorId}/history`,
        headers: stranger.headers,
      });
      expect(res.statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/actors/${actorId}/history` })).statusCode).toBe(401);
    });
  });

  describe('DELETE /api/v1/actors/:id', () => {
    it('answers 204 without a body for staff, then 404', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: admin.headers,
        payload: body({ name: 'À supprimer' }),
      });
      const id = (created.json() as ActorDetail).id;
      const animator = await signedInAs(t.db, 'animator');
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/actors/${id}`, headers: animator.headers });
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/actors/${id}`, headers: animator.headers });
      expect(again.statusCode).toBe(404);
    });

    it('is refused to members, even of the organisation', async () => {
      const own = await signedInAs(t.db, 'member', actorId);
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/actors/${actorId}`, headers: own.headers });
      expect(res.statusCode).toBe(403);
    });
  });
});
