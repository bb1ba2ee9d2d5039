import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import type { DomainError } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actorData, personData } from './fixtures.js';
import { actorHistory, actorPeople, actors } from './schema.js';
import { createActor, deleteActor, getActor, listActorHistory, updateActor } from './service.js';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: DomainError) => ({ kind: e.kind, issues: e.issues }),
  );

describe('actors service', () => {
  let database: Database;
  let admin: CurrentUser;
  let animator: CurrentUser;
  let observer: CurrentUser;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = (await signedInAs(db(), 'admin')).user;
    animator = (await signedInAs(db(), 'animator')).user;
    observer = (await signedInAs(db(), 'observer')).user;
  });
  afterAll(() => database.close());

  describe('createActor', () => {
    it('creates an actor with its people and a history row of the non-empty fields', async () => {
      const id = await createActor(
        db(),
        animator,
        actorData({
          name: 'Les Jardins Partagés',
          themes: ['solidarity', 'solidarity', 'food-short-circuits'],
          sdgs: [2],
          contributions: ['association.contribution.networking'],
          benefits: ['association.benefit.innovation'],
          people: [personData({ name: 'Camille Martin' }), personData({ name: 'Louis Bernard', role: 'Trésorier' })],
        }),
      );
      const detail = await getActor(db(), admin, id);
      expect(detail).toMatchObject({
        name: 'Les Jardins Partagés',
        communeCode: '13001',
        communeName: 'Aix-en-Provence',
        themes: ['solidarity', 'food-short-circuits'],
        canEdit: true,
      });
      expect(detail.latitude).not.toBeNull();
      expect(detail.people.map((p) => p.name)).toEqual(['Camille Martin', 'Louis Bernard']);

      const [history] = await db().select().from(actorHistory).where(eq(actorHistory.actorId, id));
      expect(history?.action).toBe('create');
      expect(history?.userId).toBe(animator.id);
      expect(history?.changes).toMatchObject({
        name: [null, 'Les Jardins Partagés'],
        family: [null, 'association'],
        communeCode: [null, '13001'],
        themes: [null, ['solidarity', 'food-short-circuits']],
        people: [null, 2],
      });
      expect(history?.changes).not.toHaveProperty('email');
      expect(JSON.stringify(history?.changes)).not.toContain('Camille');
    });

    it('is for staff only', async () => {
      const member = (await signedInAs(db(), 'member')).user;
      expect(await rejection(createActor(db(), member, actorData()))).toMatchObject({ kind: 'forbidden' });
      expect(await rejection(createActor(db(), observer, actorData()))).toMatchObject({ kind: 'forbidden' });
    });

    it('names every unknown reference by its field, and saves nothing', async () => {
      const before = await db().$count(actors);
      const error = await rejection(
        createActor(
          db(),
          admin,
          actorData({
            name: 'Références inconnues',
            communeCode: '99999',
            themes: ['culture-art', 'no-such-theme'],
            contributions: ['company.contribution.means', 'association.contribution.networking'],
            benefits: ['association.contribution.networking'],
          }),
        ),
      );
      expect(error.kind).toBe('invalid');
      expect(error.issues).toEqual([
        { field: 'communeCode', code: 'unknownCommune' },
        { field: 'themes.1', code: 'unknownTheme' },
        { field: 'contributions.0', code: 'unknownItem' },
        { field: 'benefits.0', code: 'unknownItem' },
      ]);
      expect(await db().$count(actors)).toBe(before);
    });

    it('checks the data again when called directly, with the contract’s codes', async () => {
      const error = await rejection(
        createActor(db(), admin, actorData({ siret: '73282932000075', family: 'media', companySize: 'PME' })),
      );
      expect(error.issues).toEqual(
        expect.arrayContaining([
          { field: 'siret', code: 'invalidSiret' },
          { field: 'companySize', code: 'companyOnly' },
        ]),
      );
    });
  });

  describe('updateActor', () => {
    let id: string;
    let people: { id: string; name: string }[];

    beforeAll(async () => {
      id = await createActor(
        db(),
        admin,
        actorData({
          name: 'Compagnie du Mistral',
          email: 'contact@mistral.example',
          people: [personData({ name: 'Alice Durand' }), personData({ name: 'Bruno Petit', role: 'Trésorier' })],
        }),
      );
      people = (await getActor(db(), admin, id)).people;
    });

    it('lets a member edit its own organisation, and records the differences', async () => {
      const member = (await signedInAs(db(), 'member', id)).user;
      const [alice, bruno] = people;
      await updateActor(
        db(),
        member,
        id,
        actorData({
          name: 'Compagnie du Mistral',
          email: 'bonjour@mistral.example',
          description: 'Théâtre de rue.',
          people: [
            personData({ id: alice?.id, name: 'Alice Durand', role: 'Présidente' }),
            personData({ name: 'Chloé Roux', email: 'chloe@mistral.example' }),
          ],
        }),
      );
      const detail = await getActor(db(), member, id);
      expect(detail.email).toBe('bonjour@mistral.example');
      expect(detail.people.map((p) => p.name)).toEqual(['Alice Durand', 'Chloé Roux']);
      expect(detail.people[0]?.id).toBe(alice?.id);
      expect(await db().$count(actorPeople, eq(actorPeople.id, bruno?.id as string))).toBe(0);

      const [latest] = await listActorHistory(db(), member, id);
      expect(latest).toMatchObject({ action: 'update', userName: 'Test member' });
      expect(latest?.changes).toEqual({
        email: ['contact@mistral.example', 'bonjour@mistral.example'],
        description: ['', 'Théâtre de rue.'],
        people: [2, 2],
      });
      expect(JSON.stringify(latest?.changes)).not.toMatch(/Chloé|chloe@|Bruno/);
      expect(new Date(detail.updatedAt).getTime()).toBeGreaterThan(new Date(detail.createdAt).getTime());
    });

    it('refuses a member of another organisation, and observers', async () => {
      const other = await createActor(db(), admin, actorData({ name: 'Autre association' }));
      const stranger = (await signedInAs(db(), 'member', other)).user;
      const data = actorData({ name: 'Piraté' });
      expect(await rejection(updateActor(db(), stranger, id, data))).toMatchObject({ kind: 'forbidden' });
      expect(await rejection(updateActor(db(), observer, id, data))).toMatchObject({ kind: 'forbidden' });
      expect((await getActor(db(), admin, id)).name).toBe('Compagnie du Mistral');
    });

    it('refuses the id of a person of another actor', async () => {
      const other = await createActor(db(), admin, actorData({ name: 'Voisins', people: [personData()] }));
      const [foreign] = (await getActor(db(), admin, other)).people;
      const error = await rejection(
        updateActor(
          db(),
          admin,
          id,
          actorData({ name: 'Compagnie du Mistral', people: [personData({ id: foreign?.id })] }),
        ),
      );
      expect(error).toEqual({ kind: 'invalid', issues: [{ field: 'people.0.id', code: 'invalid' }] });
      expect((await getActor(db(), admin, other)).people[0]?.name).toBe('Camille Martin');
    });

    it('writes nothing when nothing changed', async () => {
      const current = await getActor(db(), admin, id);
      const before = (await listActorHistory(db(), admin, id)).length;
      await updateActor(
        db(),
        admin,
        id,
        actorData({
          name: current.name,
          email: current.email,
          description: current.description,
          people: current.people.map((p) => ({ ...p, email: p.email, phone: p.phone })),
        }),
      );
      expect((await listActorHistory(db(), admin, id)).length).toBe(before);
      expect((await getActor(db(), admin, id)).updatedAt).toBe(current.updatedAt);
    });

    it('answers not found for an unknown actor', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await rejection(updateActor(db(), admin, unknown, actorData()))).toMatchObject({ kind: 'notFound' });
      expect(await rejection(getActor(db(), admin, unknown))).toMatchObject({ kind: 'notFound' });
    });
  });

  describe('deleteActor', () => {
    it('deletes an actor with its people and history, for staff only', async () => {
      const id = await createActor(db(), admin, actorData({ name: 'Éphémère', people: [personData()] }));
      const member = (await signedInAs(db(), 'member', id)).user;
      expect(await rejection(deleteActor(db(), member, id))).toMatchObject({ kind: 'forbidden' });
      await deleteActor(db(), animator, id);
      expect(await db().$count(actors, eq(actors.id, id))).toBe(0);
      expect(await db().$count(actorPeople, eq(actorPeople.actorId, id))).toBe(0);
      expect(await db().$count(actorHistory, eq(actorHistory.actorId, id))).toBe(0);
      expect(await rejection(deleteActor(db(), admin, id))).toMatchObject({ kind: 'notFound' });
    });
  });

  describe('getActor visibility', () => {
    let id: string;

    beforeAll(async () => {
      id = await createActor(
        db(),
        admin,
        actorData({
          name: 'Maison des Visibilités',
          address: '1 place des Prêcheurs',
          email: 'contact@visibilites.example',
          phone: '04 42 00 00 00',
          website: 'https://visibilites.example',
          siret: '73282932000074',
          fieldVisibility: { website: 'members', siret: 'animators', phone: 'public' },
          people: [
            personData({ name: 'Publique Personne', visibility: 'public' }),
            personData({ name: 'Membre Personne', visibility: 'members' }),
            personData({ name: 'Animatrice Personne', visibility: 'animators' }),
          ],
        }),
      );
    });

    it('shows anonymous visitors public fields only, and no people', async () => {
      const a = await getActor(db(), null, id);
      expect(a).toMatchObject({
        name: 'Maison des Visibilités',
        phone: '04 42 00 00 00',
        address: null,
        email: null,
        website: null,
        siret: null,
        canEdit: false,
        people: [],
      });
      expect(a.hiddenFields.sort()).toEqual(['address', 'email', 'siret', 'website']);
      expect(a.fieldVisibility).toMatchObject({ address: 'members', website: 'members', siret: 'animators' });
    });

    it('shows signed-in members the members fields and people', async () => {
      const member = (await signedInAs(db(), 'member')).user;
      const a = await getActor(db(), member, id);
      expect(a).toMatchObject({ email: 'contact@visibilites.example', website: 'https://visibilites.example' });
      expect(a.siret).toBeNull();
      expect(a.hiddenFields).toEqual(['siret']);
      expect(a.people.map((p) => p.name)).toEqual(['Publique Personne', 'Membre Personne']);
      expect(a.canEdit).toBe(false);
    });

    it('shows observers the fields of members but no personal data', async () => {
      const a = await getActor(db(), observer, id);
      expect(a.email).toBe('contact@visibilites.example');
      expect(a.siret).toBeNull();
      expect(a.people).toEqual([]);
      expect(a.canEdit).toBe(false);
    });

    it('shows staff and the organisation’s own members everything', async () => {
      const own = (await signedInAs(db(), 'member', id)).user;
      for (const viewer of [admin, animator, own]) {
        const a = await getActor(db(), viewer, id);
        expect(a.siret).toBe('73282932000074');
        expect(a.hiddenFields).toEqual([]);
        expect(a.people).toHaveLength(3);
        expect(a.canEdit).toBe(true);
      }
    });
  });

  describe('listActorHistory', () => {
    it('is readable by observers and staff, by a member for its own organisation only', async () => {
      const id = await createActor(
        db(),
        admin,
        actorData({ name: 'Histoires', email: 'secret@histoires.example', fieldVisibility: { email: 'animators' } }),
      );
      const other = await createActor(db(), admin, actorData({ name: 'Ailleurs' }));
      const own = (await signedInAs(db(), 'member', id)).user;
      const stranger = (await signedInAs(db(), 'member', other)).user;
      expect(await rejection(listActorHistory(db(), stranger, id))).toMatchObject({ kind: 'forbidden' });
      expect(await rejection(listActorHistory(db(), null, id))).toMatchObject({ kind: 'unauthenticated' });

      const [mine] = await listActorHistory(db(), own, id);
      expect(mine?.changes.email).toEqual([null, 'secret@histoires.example']);
      expect(mine?.userName).toBe('Test admin');
      // Observers read the history, but not the values of fields kept for animators.
      const [seen] = await listActorHistory(db(), observer, id);
      expect(seen?.changes.email).toEqual([null, null]);
      expect(seen?.changes.name).toEqual([null, 'Histoires']);
    });
  });
});
