import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { actors } from '../actors/schema.js';
import { partnershipEvents, partnershipPartners, partnerships } from '../partnerships/schema.js';
import type { ContactInput, ContactPage, ContactView } from './contract.js';
import { contactLogs, contactNextSteps } from './schema.js';
import { todayInParis } from './service.js';

/** `YYYY-MM-DD` n days after today (Paris). */
function inDays(n: number): string {
  const d = new Date(`${todayInParis()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('contact log routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  // Le Petit Duc (association) and Pellenc (company) are partners of `duo`; Proxidom and the town of Venelles of `other`.
  let petitDuc: string;
  let pellenc: string;
  let proxidom: string;
  let venelles: string;
  let duo: string;
  let other: string;
  let admin: SignedIn;
  let animator: SignedIn;
  let observer: SignedIn;
  /** Members of Le Petit Duc, Pellenc, Proxidom. */
  let memberDuc: SignedIn;
  let memberPellenc: SignedIn;
  let memberProxidom: SignedIn;

  const insertActor = async (name: string, family: 'association' | 'company' | 'publicAuthority') => {
    const [row] = await t.db.insert(actors).values({ family, name }).returning({ id: actors.id });
    if (!row) throw new Error('actor');
    return row.id;
  };
  const insertPartnership = async (title: string, partnerIds: string[]) => {
    const [row] = await t.db.insert(partnerships).values({ title, mode: 'support' }).returning({ id: partnerships.id });
    if (!row) throw new Error('partnership');
    await t.db.insert(partnershipPartners).values(partnerIds.map((actorId) => ({ partnershipId: row.id, actorId })));
    return row.id;
  };

  const contact = (overrides: Partial<ContactInput> = {}): ContactInput => ({
    actorId: pellenc,
    kind: 'meeting',
    occurredAt: '2026-11-20T10:30:00+01:00',
    subject: 'Salle de répétition pour Le Petit Duc',
    people: 'Claire Fabre (RSE), Hugo Martin',
    notes: 'Budget serré cette année, piste de mécénat de compétences.',
    partnershipId: null,
    nextSteps: [],
    ...overrides,
  });

  const post = (who: SignedIn, body: ContactInput) =>
    t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: who.headers, payload: body });
  const created = async (who: SignedIn, body: ContactInput) => {
    const res = await post(who, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as ContactView;
  };
  const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const pageOf = async (url: string, who: SignedIn) => {
    const res = await get(url, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ContactPage;
  };

  /** A contact with Pellenc about the duo partnership (logged by the animator), and one with Pellenc alone. */
  let onDuo: ContactView;
  let pellencAlone: ContactView;
  /** A contact with Proxidom about the other partnership. */
  let onOther: ContactView;

  beforeAll(async () => {
    t = await createTestApp();
    petitDuc = await insertActor('Le Petit Duc', 'association');
    pellenc = await insertActor('Pellenc', 'company');
    proxidom = await insertActor('Proxidom', 'company');
    venelles = await insertActor('Ville de Venelles', 'publicAuthority');
    duo = await insertPartnership('Une salle pour Le Petit Duc', [petitDuc, pellenc]);
    other = await insertPartnership('Silver économie à Venelles', [proxidom, venelles]);
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    memberDuc = await signedInAs(t.db, 'member', petitDuc);
    memberPellenc = await signedInAs(t.db, 'member', pellenc);
    memberProxidom = await signedInAs(t.db, 'member', proxidom);

    onDuo = await created(
      animator,
      contact({
        partnershipId: duo,
        nextSteps: [
          { description: 'Envoyer la convention type', ownerId: memberDuc.user.id, dueOn: inDays(5) },
          { description: 'Visiter la salle', ownerId: animator.user.id, dueOn: inDays(-2) },
        ],
      }),
    );
    pellencAlone = await created(
      animator,
      contact({ kind: 'call', occurredAt: '2026-11-22T09:00:00+01:00', subject: 'Appel RSE', partnershipId: null }),
    );
    onOther = await created(
      animator,
      contact({
        actorId: proxidom,
        partnershipId: other,
        subject: 'Ateliers numériques seniors',
        notes: 'Confidentiel : restructuration en cours.',
        nextSteps: [{ description: 'Rappeler Proxidom', ownerId: memberProxidom.user.id, dueOn: inDays(1) }],
      }),
    );
  });
  afterAll(() => t.close());

  describe('POST /api/v1/contacts', () => {
    it('answers the logged contact with its next steps and owners’ names', () => {
      expect(onDuo).toMatchObject({
        actorId: pellenc,
        actorName: 'Pellenc',
        partnershipId: duo,
        partnershipTitle: 'Une salle pour Le Petit Duc',
        kind: 'meeting',
        subject: 'Salle de répétition pour Le Petit Duc',
        people: 'Claire Fabre (RSE), Hugo Martin',
        authorId: animator.user.id,
        canEdit: true,
      });
      expect(new Date(onDuo.occurredAt).toISOString()).toBe('2026-11-20T09:30:00.000Z');
      expect(onDuo.nextSteps.map((s) => [s.description, s.ownerName, s.dueOn])).toEqual([
        ['Visiter la salle', 'Test animator', inDays(-2)],
        ['Envoyer la convention type', 'Test member', inDays(5)],
      ]);
    });

    it('adds a contactLogged event to the partnership’s timeline, in the same transaction', async () => {
      const events = await t.db.select().from(partnershipEvents).where(eq(partnershipEvents.partnershipId, duo));
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'contactLogged',
          userId: animator.user.id,
          data: { contactId: onDuo.id, contactKind: 'meeting', subject: 'Salle de répétition pour Le Petit Duc' },
        }),
      ]);
    });

    it('lets a member log a contact with its own organisation', async () => {
      const c = await created(memberDuc, contact({ actorId: petitDuc, subject: 'Point interne', kind: 'interview' }));
      expect(c).toMatchObject({ actorId: petitDuc, authorId: memberDuc.user.id, canEdit: true });
    });

    it('lets a member log a contact with a partner of one of its partnerships, on that partnership', async () => {
      const c = await created(memberDuc, contact({ partnershipId: duo, subject: 'Échange avec Pellenc' }));
      expect(c.partnershipId).toBe(duo);
    });

    it('refuses a member logging a contact with another organisation, and saves nothing', async () => {
      const before = await t.db.$count(contactLogs);
      expect((await post(memberDuc, contact({ partnershipId: null }))).statusCode).toBe(403);
      expect((await post(memberDuc, contact({ actorId: proxidom, partnershipId: other }))).statusCode).toBe(403);
      expect(await t.db.$count(contactLogs)).toBe(before);
    });

    it('refuses observers and the public', async () => {
      expect((await post(observer, contact())).statusCode).toBe(403);
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', payload: contact() });
      expect(anonymous.statusCode).toBe(401);
    });

    it('refuses a partnership the actor is not a partner of, naming the field, and saves nothing', async () => {
      const before = await t.db.$count(contactLogs);
      const events = await t.db.$count(partnershipEvents);
      const res = await post(animator, contact({ partnershipId: other }));
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([
        { field: 'partnershipId', code: 'partnershipNotOfActor', message: expect.stringContaining('partenaires') },
      ]);
      expect(await t.db.$count(contactLogs)).toBe(before);
      expect(await t.db.$count(partnershipEvents)).toBe(events);
    });

    it('refuses an owner who is neither staff nor a member of the organisations concerned', async () => {
      const before = await t.db.$count(contactNextSteps);
      const res = await post(
        animator,
        contact({
          partnershipId: duo,
          nextSteps: [
            { description: 'OK', ownerId: memberPellenc.user.id },
            { description: 'Pas lui', ownerId: memberProxidom.user.id },
            { description: 'Ni un observateur', ownerId: observer.user.id },
          ],
        }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['nextSteps.1.ownerId', 'ownerNotAllowed'],
        ['nextSteps.2.ownerId', 'ownerNotAllowed'],
      ]);
      expect(await t.db.$count(contactNextSteps)).toBe(before);
    });

    it('refuses an invalid due date and a missing subject, naming the fields', async () => {
      const res = await post(
        animator,
        contact({ subject: '  ', nextSteps: [{ description: 'Relancer', ownerId: null, dueOn: '2026-02-30' }] }),
      );
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]);
      expect(errors).toContainEqual(['subject', 'required']);
      expect(errors).toContainEqual(['nextSteps.0.dueOn', 'invalidDueDate']);
    });

    it('refuses an unknown actor', async () => {
      const res = await post(animator, contact({ actorId: '00000000-0000-4000-8000-000000000000' }));
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'actorId', code: 'unknownActor' })]);
    });
  });

  describe('who reads what', () => {
    it('staff read every contact with people, notes and next steps', async () => {
      for (const who of [admin, animator]) {
        const page = await pageOf(`/api/v1/actors/${pellenc}/contacts`, who);
        const found = page.items.find((c) => c.id === onDuo.id);
        expect(found).toMatchObject({ people: onDuo.people, notes: onDuo.notes });
        expect(found?.nextSteps[0]?.description).toBe('Visiter la salle');
        expect(page.canLog).toBe(true);
      }
    });

    it('lists newest first, paginated', async () => {
      const page = await pageOf(`/api/v1/actors/${pellenc}/contacts?pageSize=1`, animator);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]?.id).toBe(pellencAlone.id);
      expect(page.total).toBeGreaterThanOrEqual(2);
      const second = await pageOf(`/api/v1/actors/${pellenc}/contacts?pageSize=1&page=2`, animator);
      expect(second.items[0]?.id).not.toBe(pellencAlone.id);
    });

    it('the members of an actor read the contacts with their own organisation, with notes', async () => {
      const page = await pageOf(`/api/v1/actors/${pellenc}/contacts`, memberPellenc);
      const ids = page.items.map((c) => c.id);
      expect(ids).toEqual(expect.arrayContaining([onDuo.id, pellencAlone.id]));
      expect(page.items.find((c) => c.id === pellencAlone.id)?.notes).toBe(pellencAlone.notes);
      expect(page.canLog).toBe(true);
    });

    it('the members of a partner read the contacts of that partnership, not the partner’s other contacts', async () => {
      const partnership = await pageOf(`/api/v1/partnerships/${duo}/contacts`, memberDuc);
      expect(partnership.items.map((c) => c.id)).toContain(onDuo.id);
      expect(partnership.items.find((c) => c.id === onDuo.id)).toMatchObject({
        notes: onDuo.notes,
        people: onDuo.people,
      });
      expect(partnership.canLog).toBe(true);
      const pellencPage = await pageOf(`/api/v1/actors/${pellenc}/contacts`, memberDuc);
      const ids = pellencPage.items.map((c) => c.id);
      expect(ids).toContain(onDuo.id);
      expect(ids).not.toContain(pellencAlone.id);
      expect(pellencPage.canLog).toBe(false);
    });

    it('a member of one partner cannot see another partnership’s contacts, notes included', async () => {
      expect((await get(`/api/v1/partnerships/${other}/contacts`, memberDuc)).statusCode).toBe(404);
      const proxidomPage = await pageOf(`/api/v1/actors/${proxidom}/contacts`, memberDuc);
      expect(proxidomPage).toMatchObject({ items: [], total: 0, canLog: false });
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/contacts/${onOther.id}`,
        headers: memberDuc.headers,
        payload: contact({ actorId: proxidom, partnershipId: other }),
      });
      expect(res.statusCode).toBe(404);
      // Once published, the partnership is public: still none of its contacts.
      await t.db.update(partnerships).set({ publishedAt: new Date() }).where(eq(partnerships.id, other));
      try {
        const published = await pageOf(`/api/v1/partnerships/${other}/contacts`, memberDuc);
        expect(published).toMatchObject({ items: [], total: 0, canLog: false });
      } finally {
        await t.db.update(partnerships).set({ publishedAt: null }).where(eq(partnerships.id, other));
      }
    });

    it('observers see that contacts happened, never people, notes nor next steps’ content', async () => {
      for (const url of [`/api/v1/actors/${pellenc}/contacts`, `/api/v1/partnerships/${duo}/contacts`]) {
        const page = await pageOf(url, observer);
        const found = page.items.find((c) => c.id === onDuo.id);
        expect(found).toMatchObject({
          kind: 'meeting',
          subject: onDuo.subject,
          actorName: 'Pellenc',
          partnershipTitle: 'Une salle pour Le Petit Duc',
          people: null,
          notes: null,
          authorName: null,
          canEdit: false,
        });
        expect(found?.nextSteps).toHaveLength(2);
        for (const step of found?.nextSteps ?? []) {
          expect(step).toMatchObject({ description: null, ownerId: null, ownerName: null });
        }
        expect(JSON.stringify(page)).not.toContain('Claire Fabre');
        expect(JSON.stringify(page)).not.toContain('Budget serré');
        expect(page.canLog).toBe(false);
      }
    });

    it('the public reads nothing', async () => {
      expect((await get(`/api/v1/actors/${pellenc}/contacts`)).statusCode).toBe(401);
      expect((await get(`/api/v1/partnerships/${duo}/contacts`)).statusCode).toBe(401);
      expect((await get('/api/v1/me/follow-ups')).statusCode).toBe(401);
    });

    it('answers 404 for an unknown actor or partnership', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await get(`/api/v1/actors/${unknown}/contacts`, animator)).statusCode).toBe(404);
      expect((await get(`/api/v1/partnerships/${unknown}/contacts`, animator)).statusCode).toBe(404);
    });
  });

  describe('PUT and DELETE /api/v1/contacts/:id', () => {
    it('replaces the contact and its next steps (kept, changed, added, removed) in one go', async () => {
      const c = await created(
        animator,
        contact({
          nextSteps: [
            { description: 'Garder', ownerId: animator.user.id, dueOn: inDays(3) },
            { description: 'Supprimer', ownerId: null },
          ],
        }),
      );
      const keep = c.nextSteps.find((s) => s.description === 'Garder');
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/contacts/${c.id}`,
        headers: animator.headers,
        payload: contact({
          subject: 'Objet modifié',
          partnershipId: duo,
          nextSteps: [
            { id: keep?.id, description: 'Gardée et modifiée', ownerId: memberPellenc.user.id, dueOn: inDays(4) },
            { description: 'Nouvelle', ownerId: null, dueOn: null },
          ],
        }),
      });
      expect(res.statusCode, res.body).toBe(200);
      const updated = res.json() as ContactView;
      expect(updated.subject).toBe('Objet modifié');
      expect(updated.nextSteps.map((s) => [s.description, s.ownerId, s.dueOn])).toEqual([
        ['Gardée et modifiée', memberPellenc.user.id, inDays(4)],
        ['Nouvelle', null, null],
      ]);
      expect(updated.nextSteps[0]?.id).toBe(keep?.id);
      const rows = await t.db.select().from(contactNextSteps).where(eq(contactNextSteps.contactId, c.id));
      expect(rows).toHaveLength(2);
      // Newly placed on the partnership: its timeline says so.
      const events = await t.db.select().from(partnershipEvents).where(eq(partnershipEvents.partnershipId, duo));
      expect(events.some((e) => (e.data as { contactId?: string }).contactId === c.id)).toBe(true);
    });

    it('only the author and staff change or delete a contact; others get 403, or 404 when they may not read it', async () => {
      const byMember = await created(memberDuc, contact({ partnershipId: duo, subject: 'Par un membre' }));
      const put = (who: SignedIn, id: string, body: ContactInput) =>
        t.app.inject({ method: 'PUT', url: `/api/v1/contacts/${id}`, headers: who.headers, payload: body });
      const del = (who: SignedIn, id: string) =>
        t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${id}`, headers: who.headers });

      // Pellenc's member reads it (its own organisation) but did not write it.
      expect((await put(memberPellenc, byMember.id, contact({ partnershipId: duo }))).statusCode).toBe(403);
      expect((await del(memberPellenc, byMember.id)).statusCode).toBe(403);
      expect((await del(memberProxidom, byMember.id)).statusCode).toBe(404);
      expect((await del(observer, byMember.id)).statusCode).toBe(403);
      const [still] = await t.db.select().from(contactLogs).where(eq(contactLogs.id, byMember.id));
      expect(still?.subject).toBe('Par un membre');

      const edited = await put(memberDuc, byMember.id, contact({ partnershipId: duo, subject: 'Corrigé' }));
      expect(edited.statusCode).toBe(200);
      expect((edited.json() as ContactView).subject).toBe('Corrigé');
      // The author may not move it where a member may not log.
      expect((await put(memberDuc, byMember.id, contact({ partnershipId: null }))).statusCode).toBe(403);

      expect((await del(animator, byMember.id)).statusCode).toBe(204);
      expect(await t.db.$count(contactLogs, eq(contactLogs.id, byMember.id))).toBe(0);
      expect(await t.db.$count(contactNextSteps, eq(contactNextSteps.contactId, byMember.id))).toBe(0);
    });
  });

  describe('PATCH /api/v1/next-steps/:id', () => {
    const patch = (who: SignedIn, id: string, body: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/next-steps/${id}`, headers: who.headers, payload: body });

    it('lets the owner close and reopen it, and the author change its due date and owner', async () => {
      const step = onDuo.nextSteps.find((s) => s.description === 'Envoyer la convention type');
      if (!step) throw new Error('step');
      const done = await patch(memberDuc, step.id, { done: true });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().doneAt).not.toBeNull();
      const reopened = await patch(memberDuc, step.id, { done: false });
      expect(reopened.json().doneAt).toBeNull();
      const moved = await patch(animator, step.id, { dueOn: inDays(6), ownerId: memberPellenc.user.id });
      expect(moved.json()).toMatchObject({ dueOn: inDays(6), ownerId: memberPellenc.user.id });
      const back = await patch(admin, step.id, { ownerId: memberDuc.user.id, dueOn: inDays(5) });
      expect(back.statusCode).toBe(200);
    });

    it('refuses others: 403 for a reader, 404 for who may not read the contact', async () => {
      const step = onDuo.nextSteps.find((s) => s.description === 'Visiter la salle');
      if (!step) throw new Error('step');
      expect((await patch(memberPellenc, step.id, { done: true })).statusCode).toBe(403);
      expect((await patch(memberProxidom, step.id, { done: true })).statusCode).toBe(404);
      expect((await patch(observer, step.id, { done: true })).statusCode).toBe(403);
      const [row] = await t.db.select().from(contactNextSteps).where(eq(contactNextSteps.id, step.id));
      expect(row?.doneAt).toBeNull();
    });

    it('refuses an owner not allowed, an invalid due date and an empty change, naming the field', async () => {
      const step = onDuo.nextSteps.find((s) => s.description === 'Visiter la salle');
      if (!step) throw new Error('step');
      const owner = await patch(animator, step.id, { ownerId: memberProxidom.user.id });
      expect(owner.statusCode).toBe(422);
      expect(owner.json().errors).toEqual([expect.objectContaining({ field: 'ownerId', code: 'ownerNotAllowed' })]);
      const due = await patch(animator, step.id, { dueOn: '2026-13-01' });
      expect(due.statusCode).toBe(400);
      expect(due.json().errors).toEqual([expect.objectContaining({ field: 'dueOn', code: 'invalidDueDate' })]);
      expect((await patch(animator, step.id, {})).statusCode).toBe(400);
      const [row] = await t.db.select().from(contactNextSteps).where(eq(contactNextSteps.id, step.id));
      expect(row).toMatchObject({ ownerId: animator.user.id, dueOn: inDays(-2) });
    });
  });

  describe('GET /api/v1/me/follow-ups', () => {
    it('lists my open next steps, overdue first then by due date, undated last, with subject, actor and partnership', async () => {
      const me = await signedInAs(t.db, 'animator');
      await created(
        me,
        contact({
          actorId: petitDuc,
          partnershipId: duo,
          subject: 'Suivi',
          nextSteps: [
            { description: 'Dans dix jours', ownerId: me.user.id, dueOn: inDays(10) },
            { description: 'Sans échéance', ownerId: me.user.id, dueOn: null },
            { description: 'En retard', ownerId: me.user.id, dueOn: inDays(-3) },
            { description: 'Demain', ownerId: me.user.id, dueOn: inDays(1) },
            { description: 'Déjà faite', ownerId: me.user.id, dueOn: inDays(-10), done: true },
            { description: 'Confiée', ownerId: memberDuc.user.id, dueOn: inDays(2) },
          ],
        }),
      );
      const res = await get('/api/v1/me/follow-ups', me);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.today).toBe(todayInParis());
      expect(body.items.map((f: { description: string; overdue: boolean }) => [f.description, f.overdue])).toEqual([
        ['En retard', true],
        ['Demain', false],
        ['Dans dix jours', false],
        ['Sans échéance', false],
      ]);
      expect(body.total).toBe(4);
      expect(body.items[0]).toMatchObject({
        mine: true,
        contact: { subject: 'Suivi', kind: 'meeting' },
        actor: { id: petitDuc, name: 'Le Petit Duc' },
        partnership: { id: duo, title: 'Une salle pour Le Petit Duc' },
      });

      const withAssigned = await get('/api/v1/me/follow-ups?assignedByMe=true', me);
      const assigned = withAssigned.json().items.find((f: { description: string }) => f.description === 'Confiée');
      expect(assigned).toMatchObject({ mine: false, ownerId: memberDuc.user.id });
      expect(withAssigned.json().total).toBe(5);
    });

    it('gives a member its own next steps, and refuses it the assigned-by-me option', async () => {
      const res = await get('/api/v1/me/follow-ups', memberProxidom);
      expect(res.json().items.map((f: { description: string }) => f.description)).toEqual(['Rappeler Proxidom']);
      expect((await get('/api/v1/me/follow-ups?assignedByMe=true', memberProxidom)).statusCode).toBe(403);
    });
  });

  describe('form choices', () => {
    it('lists the possible owners (staff and the members concerned), display names only', async () => {
      const res = await get(`/api/v1/contacts/owners?actorId=${pellenc}&partnershipId=${duo}`, memberDuc);
      expect(res.statusCode).toBe(200);
      const ids = res.json().items.map((o: { id: string }) => o.id);
      expect(ids).toEqual(
        expect.arrayContaining([admin.user.id, animator.user.id, memberDuc.user.id, memberPellenc.user.id]),
      );
      expect(ids).not.toContain(memberProxidom.user.id);
      expect(ids).not.toContain(observer.user.id);
      expect(res.body).not.toContain('@test.local');
      expect(res.json().items.find((o: { id: string }) => o.id === memberPellenc.user.id)).toMatchObject({
        staff: false,
        actorName: 'Pellenc',
      });
    });

    it('refuses the owners of organisations a member does not work with', async () => {
      expect((await get(`/api/v1/contacts/owners?actorId=${pellenc}`, memberProxidom)).statusCode).toBe(403);
      expect((await get(`/api/v1/contacts/owners?partnershipId=${duo}`, memberProxidom)).statusCode).toBe(404);
      expect((await get(`/api/v1/contacts/owners?actorId=${pellenc}`, observer)).statusCode).toBe(403);
    });

    it('lists the partnerships a contact with an actor may be about, with their partners', async () => {
      const staffView = await get(`/api/v1/contacts/partnerships?actorId=${pellenc}`, animator);
      expect(staffView.json().items).toEqual([
        {
          id: duo,
          title: 'Une salle pour Le Petit Duc',
          partners: [
            { id: petitDuc, name: 'Le Petit Duc' },
            { id: pellenc, name: 'Pellenc' },
          ],
        },
      ]);
      const memberView = await get(`/api/v1/contacts/partnerships?actorId=${proxidom}`, memberDuc);
      expect(memberView.json().items).toEqual([]);
      const one = await get(`/api/v1/contacts/partnerships?partnershipId=${duo}`, memberPellenc);
      expect(one.json().items.map((p: { id: string }) => p.id)).toEqual([duo]);
      expect((await get(`/api/v1/contacts/partnerships?partnershipId=${other}`, memberPellenc)).statusCode).toBe(404);
    });
  });
});
