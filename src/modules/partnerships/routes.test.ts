import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { actors } from '../actors/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import type { PartnershipDetail, PartnershipInput } from './contract.js';
import { partnershipEvents, partnershipStepRecords, partnerships } from './schema.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('partnerships routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let animator: SignedIn;
  let admin: SignedIn;
  let observer: SignedIn;
  let memberA: SignedIn;
  let memberOther: SignedIn;
  let assoc: string;
  let company: string;
  let town: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    const rows = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Le Petit Duc', communeCode: '13001' },
        { family: 'company', name: 'Entreprise Mécène', communeCode: '13001' },
        { family: 'publicAuthority', name: 'Ville de Pertuis', communeCode: '84089' },
        { family: 'association', name: 'Autre association', communeCode: '13001' },
      ])
      .returning({ id: actors.id });
    [assoc, company, town, other] = rows.map((r) => r.id) as [string, string, string, string];
    animator = await signedInAs(t.db, 'animator');
    admin = await signedInAs(t.db, 'admin');
    observer = await signedInAs(t.db, 'observer');
    memberA = await signedInAs(t.db, 'member', assoc);
    memberOther = await signedInAs(t.db, 'member', other);
  });
  afterAll(() => t.close());

  const body = (overrides: Partial<PartnershipInput> = {}): PartnershipInput => ({
    title: 'Salle de répétition pour Le Petit Duc',
    summary: 'Mise à disposition d’une salle de répétition par une entreprise.',
    mode: 'support',
    partners: [
      { actorId: assoc, role: 'Porteur', expectations: 'Une salle deux soirs par semaine' },
      { actorId: company, role: 'Mécène', expectations: 'Des concerts pour les salariés' },
    ],
    themes: ['culture-art'],
    communeCodes: ['13001'],
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    ...overrides,
  });

  const create = async (who: SignedIn, overrides: Partial<PartnershipInput> = {}) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partnerships',
      headers: who.headers,
      payload: body(overrides),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as PartnershipDetail;
  };
  const move = (who: SignedIn, id: string, payload: { to: string; reason?: string }) =>
    t.app.inject({ method: 'POST', url: `/api/v1/partnerships/${id}/step`, headers: who.headers, payload });
  const upload = (who: SignedIn | null, id: string, kind: string, type = 'application/pdf', content = pdf) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/partnerships/${id}/documents?step=contract&kind=${kind}&fileName=${encodeURIComponent('Convention signée.pdf')}`,
      headers: { ...(who?.headers ?? {}), 'content-type': type },
      payload: content,
    });
  const consent = (who: SignedIn, id: string, actorId: string, value: boolean) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/partnerships/${id}/partners/${actorId}/consent`,
      headers: who.headers,
      payload: { consent: value },
    });
  const fields = (res: { json(): unknown }) =>
    ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

  it('documents every partnership route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/partnerships/{id}/step',
        '/api/v1/partnerships/{id}/documents',
        '/api/v1/partnerships/{id}/partners/{actorId}/consent',
        '/api/v1/showcase/partnerships',
      ]),
    );
  });

  describe('opening', () => {
    it('needs at least two distinct partners, named on the field, and saves nothing', async () => {
      const before = await t.db.$count(partnerships);
      const one = await t.app.inject({
        method: 'POST',
        url: '/api/v1/partnerships',
        headers: animator.headers,
        payload: body({ partners: [{ actorId: assoc }] }),
      });
      expect(one.statusCode).toBe(400);
      expect(one.headers['content-type']).toContain('application/problem+json');
      expect(fields(one)).toEqual([['partners', 'twoPartnersRequired']]);
      const twice = await t.app.inject({
        method: 'POST',
        url: '/api/v1/partnerships',
        headers: animator.headers,
        payload: body({ partners: [{ actorId: assoc }, { actorId: assoc }] }),
      });
      expect(twice.statusCode).toBe(400);
      expect(fields(twice)).toEqual([
        ['partners.1.actorId', 'duplicatePartner'],
        ['partners', 'twoPartnersRequired'],
      ]);
      expect(await t.db.$count(partnerships)).toBe(before);
    });

    it('refuses unknown actors and dates out of order', async () => {
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/partnerships',
        headers: animator.headers,
        payload: body({ partners: [{ actorId: assoc }, { actorId: '00000000-0000-4000-8000-000000000000' }] }),
      });
      expect(unknown.statusCode).toBe(422);
      expect(fields(unknown)).toEqual([['partners.1.actorId', 'unknownActor']]);
      const dates = await t.app.inject({
        method: 'POST',
        url: '/api/v1/partnerships',
        headers: animator.headers,
        payload: body({ startsOn: '2026-06-01', endsOn: '2026-01-01' }),
      });
      expect(dates.statusCode).toBe(400);
      expect(fields(dates)).toEqual([['endsOn', 'datesOrder']]);
    });

    it('creates the five steps with their checklists and a created event', async () => {
      const p = await create(animator);
      expect(p).toMatchObject({ currentStep: 'preparePartners', status: 'active', access: 'edit', canOverride: true });
      expect(p.steps.map((s) => s.step)).toEqual([
        'preparePartners',
        'framePartnership',
        'contract',
        'run',
        'evaluate',
      ]);
      for (const s of p.steps) expect(s.checklist.length).toBeGreaterThan(2);
      expect(p.steps[0]?.startedOn).toBe('2026-01-01');
      expect(await t.db.$count(partnershipStepRecords, eq(partnershipStepRecords.partnershipId, p.id))).toBe(5);
      const events = await t.db.select().from(partnershipEvents).where(eq(partnershipEvents.partnershipId, p.id));
      expect(events.map((e) => e.kind)).toEqual(['created']);
    });

    it('opened from a need: suggests a draft, and the open need goes « in discussion »', async () => {
      const [need] = await t.db
        .insert(needsOffers)
        .values({
          kind: 'need',
          actorId: assoc,
          title: 'Une salle de répétition',
          themes: ['culture-art'],
          communeCodes: ['13001'],
          modes: ['economicCooperation', 'support'],
        })
        .returning({ id: needsOffers.id });
      const needId = need?.id ?? '';
      const draft = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/draft-from-need/${needId}`,
        headers: memberA.headers,
      });
      expect(draft.statusCode).toBe(200);
      expect(draft.json()).toMatchObject({
        title: 'Une salle de répétition',
        mode: 'support',
        themes: ['culture-art'],
        partners: [{ actorId: assoc, name: 'Le Petit Duc' }],
      });
      const p = await create(animator, { needOfferId: needId });
      expect(p.needOffer).toEqual({ id: needId, title: 'Une salle de répétition' });
      const [after] = await t.db.select().from(needsOffers).where(eq(needsOffers.id, needId));
      expect(after?.status).toBe('inDiscussion');
    });

    it('lets a member open a partnership of its own organisation only', async () => {
      const own = await create(memberA);
      expect(own.access).toBe('edit');
      expect(own.canOverride).toBe(false);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/partnerships',
        headers: memberOther.headers,
        payload: body(),
      });
      expect(res.statusCode).toBe(403);
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/partnerships',
        headers: observer.headers,
        payload: body(),
      });
      expect(refused.statusCode).toBe(403);
    });
  });

  describe('steps', () => {
    it('moves to the next and previous step; a member cannot skip ahead nor override', async () => {
      const p = await create(animator);
      const next = await move(memberA, p.id, { to: 'framePartnership' });
      expect(next.statusCode).toBe(200);
      const moved = next.json() as PartnershipDetail;
      expect(moved.currentStep).toBe('framePartnership');
      expect(moved.steps[0]?.completedOn).not.toBeNull();
      expect(moved.steps[1]?.startedOn).not.toBeNull();
      expect((await move(memberA, p.id, { to: 'preparePartners' })).statusCode).toBe(200);
      const skip = await move(memberA, p.id, { to: 'run', reason: 'Nous allons vite' });
      expect(skip.statusCode).toBe(409);
      expect(fields(skip)).toEqual([['to', 'stepOrder']]);
      const [row] = await t.db.select().from(partnerships).where(eq(partnerships.id, p.id));
      expect(row?.currentStep).toBe('preparePartners');
    });

    it('lets an animator override with a reason, kept in the timeline', async () => {
      const p = await create(animator);
      const noReason = await move(animator, p.id, { to: 'contract' });
      expect(noReason.statusCode).toBe(422);
      expect(fields(noReason)).toEqual([['reason', 'reasonRequired']]);
      const blank = await move(animator, p.id, { to: 'contract', reason: '   ' });
      expect(blank.statusCode).toBe(422);
      const forced = await move(animator, p.id, { to: 'contract', reason: 'Cadrage fait hors plateforme' });
      expect(forced.statusCode).toBe(200);
      expect((forced.json() as PartnershipDetail).currentStep).toBe('contract');
      const timeline = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/${p.id}/timeline`,
        headers: animator.headers,
      });
      expect(timeline.json().items[0]).toMatchObject({
        kind: 'stepOverridden',
        data: { from: 'preparePartners', to: 'contract', reason: 'Cadrage fait hors plateforme' },
        userName: 'Test animator',
      });
    });

    it('needs the signed agreement attached to leave the contract step', async () => {
      const p = await create(animator);
      await move(animator, p.id, { to: 'framePartnership' });
      await move(animator, p.id, { to: 'contract' });
      const refused = await move(memberA, p.id, { to: 'run' });
      expect(refused.statusCode).toBe(422);
      expect(fields(refused)).toEqual([['documents', 'agreementRequired']]);
      const otherDoc = await upload(memberA, p.id, 'other');
      expect(otherDoc.statusCode).toBe(201);
      expect((await move(memberA, p.id, { to: 'run' })).statusCode).toBe(422);
      const agreement = await upload(memberA, p.id, 'agreement');
      expect(agreement.statusCode).toBe(201);
      expect(agreement.json()).toMatchObject({
        kind: 'agreement',
        fileName: 'Convention signée.pdf',
        size: pdf.length,
      });
      const ok = await move(memberA, p.id, { to: 'run' });
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as PartnershipDetail).currentStep).toBe('run');
    });

    it('lets an animator leave the contract step without agreement only with a reason', async () => {
      const p = await create(animator);
      await move(animator, p.id, { to: 'contract', reason: 'Reprise d’un partenariat existant' });
      expect((await move(animator, p.id, { to: 'run' })).statusCode).toBe(422);
      const forced = await move(animator, p.id, { to: 'run', reason: 'Convention papier en mairie' });
      expect(forced.statusCode).toBe(200);
      const [event] = await t.db
        .select()
        .from(partnershipEvents)
        .where(eq(partnershipEvents.partnershipId, p.id))
        .orderBy(partnershipEvents.id)
        .then((rows) => rows.slice(-1));
      expect(event).toMatchObject({ kind: 'stepOverridden', data: { from: 'contract', to: 'run' } });
    });

    it('updates a step’s checklist, dates and notes', async () => {
      const p = await create(memberA);
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/partnerships/${p.id}/steps/preparePartners`,
        headers: memberA.headers,
        payload: {
          checklist: [{ label: 'Motivations formulées', done: true }],
          startedOn: '2026-01-02',
          completedOn: '2026-01-01',
          notes: 'x',
        },
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual([['completedOn', 'datesOrder']]);
      const ok = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/partnerships/${p.id}/steps/preparePartners`,
        headers: memberA.headers,
        payload: {
          checklist: [{ label: 'Motivations formulées', done: true }],
          startedOn: '2026-01-02',
          notes: 'Réunion',
        },
      });
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as PartnershipDetail).steps[0]).toMatchObject({
        checklist: [{ label: 'Motivations formulées', done: true }],
        startedOn: '2026-01-02',
        notes: 'Réunion',
      });
    });
  });

  describe('who sees and edits', () => {
    it('a member of another organisation gets 404 on an unpublished partnership and cannot edit it', async () => {
      const p = await create(animator);
      const url = `/api/v1/partnerships/${p.id}`;
      expect((await t.app.inject({ method: 'GET', url, headers: memberOther.headers })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
      const put = await t.app.inject({
        method: 'PUT',
        url,
        headers: memberOther.headers,
        payload: { title: 'Piraté', mode: 'support' },
      });
      expect(put.statusCode).toBe(404);
      expect((await move(memberOther, p.id, { to: 'framePartnership' })).statusCode).toBe(404);
      const timeline = await t.app.inject({ method: 'GET', url: `${url}/timeline`, headers: memberOther.headers });
      expect(timeline.statusCode).toBe(404);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/partnerships', headers: memberOther.headers });
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(p.id);
      const [row] = await t.db.select().from(partnerships).where(eq(partnerships.id, p.id));
      expect(row?.title).toBe(p.title);
    });

    it('observers read everything but names and cannot write nor download', async () => {
      const p = await create(animator);
      const doc = (await upload(animator, p.id, 'agreement')).json() as { id: string };
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/${p.id}`,
        headers: observer.headers,
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ access: 'read', canOverride: false });
      expect(read.json().documents).toHaveLength(1);
      const timeline = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/${p.id}/timeline`,
        headers: observer.headers,
      });
      expect(timeline.statusCode).toBe(200);
      expect(timeline.json().items.every((e: { userName: unknown }) => e.userName === null)).toBe(true);
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/partnerships/${p.id}`,
        headers: observer.headers,
        payload: { title: 'Changé', mode: 'support' },
      });
      expect(put.statusCode).toBe(403);
      const download = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/${p.id}/documents/${doc.id}`,
        headers: observer.headers,
      });
      expect(download.statusCode).toBe(403);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/partnerships', headers: observer.headers });
      expect(list.json().items.map((i: { id: string }) => i.id)).toContain(p.id);
    });

    it('lists with filters and a member sees only its own; the board has the five steps in order', async () => {
      const mine = await create(animator, { title: 'Mécénat de compétences théâtre', mode: 'responsiblePractices' });
      await create(animator, {
        title: 'Compostage partagé',
        mode: 'economicCooperation',
        partners: [{ actorId: town }, { actorId: company }],
        themes: ['circular-economy'],
        communeCodes: ['84089'],
      });
      const list = (query: string, who: SignedIn) =>
        t.app
          .inject({ method: 'GET', url: `/api/v1/partnerships?${query}`, headers: who.headers })
          .then((r) => r.json());
      const found = await list('q=theatre', animator);
      expect(found.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
      expect((await list('mode=economicCooperation&commune=84089', animator)).total).toBe(1);
      expect((await list('theme=circular-economy', animator)).items[0].title).toBe('Compostage partagé');
      const own = await list('pageSize=100', memberA);
      expect(own.items.length).toBeGreaterThan(0);
      expect(
        own.items.every((i: { partners: { actorId: string }[] }) => i.partners.some((x) => x.actorId === assoc)),
      ).toBe(true);
      const board = await t.app.inject({
        method: 'GET',
        url: '/api/v1/partnerships/board?mode=responsiblePractices',
        headers: animator.headers,
      });
      expect(board.json().columns.map((c: { step: string }) => c.step)).toEqual([
        'preparePartners',
        'framePartnership',
        'contract',
        'run',
        'evaluate',
      ]);
      expect(board.json().columns[0].cards[0]).toMatchObject({
        id: mine.id,
        partners: ['Entreprise Mécène', 'Le Petit Duc'],
      });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/partnerships/board' })).statusCode).toBe(401);
    });
  });

  describe('documents', () => {
    it('accepts a PDF for partners, downloads it as an attachment, refuses other types and anonymous callers', async () => {
      const p = await create(memberA);
      const wrong = await upload(memberA, p.id, 'other', 'application/x-msdownload', Buffer.from('MZ'));
      expect(wrong.statusCode).toBe(422);
      expect(fields(wrong)).toEqual([['file', 'fileType']]);
      expect((await upload(null, p.id, 'agreement')).statusCode).toBe(401);
      expect((await upload(memberOther, p.id, 'agreement')).statusCode).toBe(404);
      const doc = (await upload(memberA, p.id, 'agreement')).json() as { id: string };
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/${p.id}/documents/${doc.id}`,
        headers: memberA.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('attachment;');
      expect(res.rawPayload.equals(pdf)).toBe(true);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/partnerships/${p.id}/documents/${doc.id}`,
        headers: memberA.headers,
      });
      expect(del.statusCode).toBe(200);
      expect((del.json() as PartnershipDetail).documents).toEqual([]);
    });
  });

  describe('publication', () => {
    it('needs every partner’s consent; a withdrawal unpublishes', async () => {
      const p = await create(animator, { title: 'Partenariat à publier' });
      const showcase = async () =>
        (await t.app.inject({ method: 'GET', url: '/api/v1/showcase/partnerships' }))
          .json()
          .items.map((i: { id: string }) => i.id);
      const anonymous = () => t.app.inject({ method: 'GET', url: `/api/v1/partnerships/${p.id}` });

      const refused = await consent(memberA, p.id, company, true);
      expect(refused.statusCode).toBe(403);
      expect((await consent(memberA, p.id, assoc, true)).statusCode).toBe(200);
      expect(await showcase()).not.toContain(p.id);
      expect((await anonymous()).statusCode).toBe(404);

      const both = await consent(animator, p.id, company, true);
      expect(both.statusCode).toBe(200);
      expect((both.json() as PartnershipDetail).publishedAt).not.toBeNull();
      expect(await showcase()).toContain(p.id);
      const pub = await anonymous();
      expect(pub.statusCode).toBe(200);
      expect(pub.json()).toMatchObject({ access: 'public', documents: [] });
      expect(pub.json().steps.every((s: { notes: string }) => s.notes === '')).toBe(true);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/partnerships/${p.id}/timeline` })).statusCode).toBe(
        401,
      );
      const other = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/${p.id}`,
        headers: memberOther.headers,
      });
      expect(other.json().access).toBe('public');
      const otherEdit = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/partnerships/${p.id}`,
        headers: memberOther.headers,
        payload: { title: 'Changé', mode: 'support' },
      });
      expect(otherEdit.statusCode).toBe(403);

      const timeline = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partnerships/${p.id}/timeline`,
        headers: animator.headers,
      });
      const kinds = timeline
        .json()
        .items.map((e: { kind: string; data: { byStaff?: boolean } }) => [e.kind, e.data.byStaff]);
      expect(kinds.slice(0, 3)).toEqual([
        ['published', undefined],
        ['consentGiven', true],
        ['consentGiven', false],
      ]);

      expect((await consent(memberA, p.id, assoc, false)).statusCode).toBe(200);
      expect(await showcase()).not.toContain(p.id);
      expect((await anonymous()).statusCode).toBe(404);
    });

    it('a new partner must consent too', async () => {
      const p = await create(admin);
      await consent(admin, p.id, assoc, true);
      await consent(admin, p.id, company, true);
      const added = await t.app.inject({
        method: 'POST',
        url: `/api/v1/partnerships/${p.id}/partners`,
        headers: admin.headers,
        payload: { actorId: town, role: 'Commune' },
      });
      expect(added.statusCode).toBe(200);
      expect((added.json() as PartnershipDetail).publishedAt).toBeNull();
    });
  });

  describe('contributions, benefits, partners, status and renewal', () => {
    it('keeps euro totals per partner and volunteer hours with their valuation', async () => {
      const p = await create(memberA);
      const add = (payload: Record<string, unknown>) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/partnerships/${p.id}/contributions`,
          headers: memberA.headers,
          payload,
        });
      expect(fields(await add({ actorId: company, nature: 'financial', description: 'Don', value: 10.005 }))).toEqual([
        ['value', 'centsOnly'],
      ]);
      expect((await add({ actorId: company, nature: 'financial', description: 'Don', value: -1 })).statusCode).toBe(
        400,
      );
      expect((await add({ actorId: other, nature: 'financial', description: 'Don', value: 5 })).statusCode).toBe(422);
      await add({ actorId: company, nature: 'financial', description: 'Don', value: 1500.1 });
      await add({ actorId: company, nature: 'inKind', description: 'Salle', value: 1200.2 });
      const res = await add({
        actorId: assoc,
        nature: 'volunteerHours',
        description: 'Bénévoles',
        hours: 40,
        value: 560,
      });
      const detail = res.json() as PartnershipDetail;
      const byActor = new Map(detail.partners.map((x) => [x.actorId, x]));
      expect(byActor.get(company)?.totals.contributed).toBe(2700.3);
      expect(byActor.get(assoc)?.totals).toMatchObject({ contributed: 560, hours: 40 });

      const benefit = await t.app.inject({
        method: 'POST',
        url: `/api/v1/partnerships/${p.id}/benefits`,
        headers: memberA.headers,
        payload: { actorId: company, description: 'Visibilité', expectedValue: 800 },
      });
      const benefitId = (benefit.json() as PartnershipDetail).partners.find((x) => x.actorId === company)?.benefits[0]
        ?.id;
      const realised = await t.app.inject({
        method: 'POST',
        url: `/api/v1/partnerships/${p.id}/benefits/${benefitId}/realise`,
        headers: memberA.headers,
        payload: { realisedValue: 950.5, realisedOn: '2026-06-30' },
      });
      expect(realised.statusCode).toBe(200);
      expect((realised.json() as PartnershipDetail).partners.find((x) => x.actorId === company)?.totals).toMatchObject({
        expected: 800,
        realised: 950.5,
      });
    });

    it('never goes below two partners', async () => {
      const p = await create(animator);
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/partnerships/${p.id}/partners/${company}`,
        headers: animator.headers,
      });
      expect(res.statusCode).toBe(409);
      expect(fields(res)).toEqual([['partners', 'twoPartnersRequired']]);
    });

    it('completes and renews with the same partners and mode, an event on both', async () => {
      const p = await create(animator, { mode: 'societalInnovation' });
      const done = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/partnerships/${p.id}/status`,
        headers: animator.headers,
        payload: { status: 'completed' },
      });
      expect((done.json() as PartnershipDetail).status).toBe('completed');
      expect((await move(animator, p.id, { to: 'framePartnership' })).statusCode).toBe(409);
      const renewed = await t.app.inject({
        method: 'POST',
        url: `/api/v1/partnerships/${p.id}/renewals`,
        headers: memberA.headers,
      });
      expect(renewed.statusCode).toBe(201);
      const next = renewed.json() as PartnershipDetail;
      expect(next).toMatchObject({
        mode: 'societalInnovation',
        renewedFrom: { id: p.id },
        currentStep: 'preparePartners',
      });
      expect(next.partners.map((x) => x.actorId).sort()).toEqual([assoc, company].sort());
      const oldEvents = await t.db.select().from(partnershipEvents).where(eq(partnershipEvents.partnershipId, p.id));
      expect(oldEvents.map((e) => e.kind)).toContain('renewed');
    });
  });
});
