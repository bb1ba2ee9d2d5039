import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { actorData } from '../actors/fixtures.js';
import { createActor } from '../actors/service.js';
import type { ProjectData, ProjectDetail, ProjectPage } from './contract.js';
import { projectData } from './fixtures.js';
import { projectCarriers, projects } from './schema.js';

describe('projects routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: SignedIn;
  /** Associations: A carries the published project; B leads the draft, C co-carries it. D is a company. */
  let a: string;
  let b: string;
  let c: string;
  let company: string;
  let published: ProjectDetail;
  let draft: ProjectDetail;

  const post = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/projects', headers, payload: payload as object });
  const put = (headers: Record<string, string>, id: string, payload: unknown) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/projects/${id}`, headers, payload: payload as object });
  const get = (id: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/projects/${id}`, headers });
  const list = async (query = '', headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/projects${query}`, headers });
    expect(res.statusCode).toBe(200);
    return res.json() as ProjectPage;
  };
  const titles = (page: ProjectPage) => page.items.map((i) => i.title).sort();
  const errorsOf = (res: { json(): unknown }) =>
    ((res.json() as { errors: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t.db, 'admin');
    a = await createActor(t.db, admin.user, actorData({ name: 'Jazz à Aix' }));
    b = await createActor(t.db, admin.user, actorData({ name: 'Photographies du Sud' }));
    c = await createActor(t.db, admin.user, actorData({ name: 'Théâtre du Cours' }));
    company = await createActor(t.db, admin.user, actorData({ name: 'Provence Industrie', family: 'company' }));
    const res = await post(admin.headers, projectData(a));
    expect(res.statusCode).toBe(201);
    published = res.json() as ProjectDetail;
    const res2 = await post(
      admin.headers,
      projectData(b, {
        title: 'Résidence collective en préparation',
        summary: 'Une résidence photographique et théâtrale.',
        status: 'draft',
        carriers: [
          { actorId: b, role: 'lead' },
          { actorId: c, role: 'coCarrier' },
        ],
        modes: ['economicCooperation'],
        themes: ['culture-art', 'education-culture'],
        communeCodes: ['13041'],
      }),
    );
    expect(res2.statusCode).toBe(201);
    draft = res2.json() as ProjectDetail;
  });
  afterAll(() => t.close());

  describe('POST /api/v1/projects', () => {
    it('answers the project with its carriers, budget and communes named', () => {
      expect(published).toMatchObject({
        title: 'Festival des Arts Éphémères',
        slug: 'festival-des-arts-ephemeres',
        carriers: [{ actorId: a, name: 'Jazz à Aix', family: 'association', role: 'lead' }],
        budgetLines: [
          { label: 'Cachets des artistes', amount: 12000 },
          { label: 'Matériel et régie', amount: 3500.5 },
        ],
        budgetTotal: 15500.5,
        communes: [{ code: '13001', name: 'Aix-en-Provence' }],
        sdgs: [4, 11],
        status: 'seekingPartners',
        startsOn: '2018-03-01',
        endsOn: '2018-09-30',
        canEdit: true,
        canDelete: true,
      });
      expect(draft.carriers.map((x) => [x.name, x.role])).toEqual([
        ['Photographies du Sud', 'lead'],
        ['Théâtre du Cours', 'coCarrier'],
      ]);
    });

    it('computes the total from the lines when it is left empty', async () => {
      const res = await post(
        admin.headers,
        projectData(a, { title: 'Total calculé', summary: 'Un budget sans total.', budgetTotal: null }),
      );
      expect(res.statusCode).toBe(201);
      expect((res.json() as ProjectDetail).budgetTotal).toBe(15500.5);
    });

    it('refuses a company among the carriers with 422 naming the carrier, and saves nothing', async () => {
      const before = await t.db.$count(projects);
      const res = await post(
        admin.headers,
        projectData(a, {
          carriers: [
            { actorId: a, role: 'lead' },
            { actorId: company, role: 'coCarrier' },
          ],
        }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(errorsOf(res)).toEqual([['carriers.1.actorId', 'carrierNotAssociation']]);
      expect(await t.db.$count(projects)).toBe(before);
    });

    it('names each invalid field', async () => {
      const cases: [Partial<ProjectData> & Record<string, unknown>, [string, string][]][] = [
        [{ title: 'ab' }, [['title', 'tooShort']]],
        [{ title: 'x'.repeat(201) }, [['title', 'tooLong']]],
        [{ carriers: [] }, [['carriers', 'carrierRequired']]],
        [
          {
            carriers: [
              { actorId: a, role: 'lead' },
              { actorId: a, role: 'coCarrier' },
            ],
          },
          [['carriers.1.actorId', 'duplicateCarrier']],
        ],
        [
          {
            carriers: [
              { actorId: a, role: 'lead' },
              { actorId: b, role: 'lead' },
            ],
          },
          [['carriers', 'oneLeadCarrier']],
        ],
        [{ carriers: [{ actorId: a, role: 'coCarrier' }] }, [['carriers', 'oneLeadCarrier']]],
        [{ budgetTotal: 15000 }, [['budgetTotal', 'budgetTotalMismatch']]],
        [
          { budgetLines: [{ label: 'Négatif', amount: -5 }], budgetTotal: null },
          [['budgetLines.0.amount', 'amountNotPositive']],
        ],
        [
          { budgetLines: [{ label: 'Millimes', amount: 10.005 }], budgetTotal: null },
          [['budgetLines.0.amount', 'amountCents']],
        ],
        [{ startsOn: '2018-09-30', endsOn: '2018-03-01' }, [['endsOn', 'endBeforeStart']]],
        [{ startsOn: '2018-02-31' }, [['startsOn', 'invalidDate']]],
      ];
      for (const [overrides, expected] of cases) {
        const res = await post(admin.headers, projectData(a, overrides as Partial<ProjectData>));
        expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(errorsOf(res), JSON.stringify(overrides)).toEqual(expected);
      }
    });

    it('refuses unknown themes, SDGs, communes and carriers with 422 naming each element', async () => {
      const before = await t.db.$count(projects);
      const res = await post(
        admin.headers,
        projectData(a, {
          carriers: [
            { actorId: a, role: 'lead' },
            { actorId: '00000000-0000-4000-8000-000000000000', role: 'coCarrier' },
          ],
          themes: ['culture-art', 'nope'],
          communeCodes: ['13999'],
        }),
      );
      expect(res.statusCode).toBe(422);
      expect(errorsOf(res)).toEqual([
        ['carriers.1.actorId', 'unknownActor'],
        ['themes.1', 'unknownTheme'],
        ['communeCodes.0', 'unknownCommune'],
      ]);
      expect(await t.db.$count(projects)).toBe(before);
    });

    it('lets a member create a project its organisation carries, never one it does not', async () => {
      const member = await signedInAs(t.db, 'member', a);
      const before = await t.db.$count(projects);
      const refused = await post(member.headers, projectData(b, { title: 'Pas le nôtre' }));
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(await t.db.$count(projects)).toBe(before);

      const res = await post(
        member.headers,
        projectData(b, {
          title: 'Projet commun',
          status: 'draft',
          carriers: [
            { actorId: b, role: 'lead' },
            { actorId: a, role: 'coCarrier' },
          ],
        }),
      );
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ canEdit: true, canDelete: false });
    });

    it('is refused to anonymous visitors (401) and observers (403)', async () => {
      expect((await post({}, projectData(a))).statusCode).toBe(401);
      const observer = await signedInAs(t.db, 'observer');
      expect((await post(observer.headers, projectData(a))).statusCode).toBe(403);
    });
  });

  describe('visibility of drafts', () => {
    it('hides drafts from anonymous visitors, in the list and by id', async () => {
      expect(titles(await list())).not.toContain('Résidence collective en préparation');
      expect(titles(await list())).toContain('Festival des Arts Éphémères');
      const res = await get(draft.id);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/projects/${draft.id}/sheet.pdf` })).statusCode).toBe(
        404,
      );
    });

    it('shows a draft to the members of its carriers, not to other members', async () => {
      const coCarrier = await signedInAs(t.db, 'member', c);
      expect(titles(await list('', coCarrier.headers))).toContain('Résidence collective en préparation');
      const own = await get(draft.id, coCarrier.headers);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ canEdit: true, canDelete: false });

      const other = await signedInAs(t.db, 'member', a);
      expect(titles(await list('', other.headers))).not.toContain('Résidence collective en préparation');
      expect((await get(draft.id, other.headers)).statusCode).toBe(404);
    });

    it('shows drafts to staff and observers, observers without write rights', async () => {
      const observer = await signedInAs(t.db, 'observer');
      const animator = await signedInAs(t.db, 'animator');
      for (const viewer of [observer, animator]) {
        expect(titles(await list('', viewer.headers))).toContain('Résidence collective en préparation');
      }
      expect((await get(draft.id, observer.headers)).json()).toMatchObject({ canEdit: false, canDelete: false });
      const pdf = await t.app.inject({
        method: 'GET',
        url: `/api/v1/projects/${draft.id}/sheet.pdf`,
        headers: observer.headers,
      });
      expect(pdf.statusCode).toBe(200);
    });
  });

  describe('GET /api/v1/projects', () => {
    it('searches French words without accents and filters by status, theme, mode, commune and carrier', async () => {
      const all = await signedInAs(t.db, 'animator');
      expect(titles(await list('?q=ephemeres'))).toEqual(['Festival des Arts Éphémères']);
      expect(titles(await list('?q=theatrale', all.headers))).toEqual(['Résidence collective en préparation']);
      expect(titles(await list('?status=draft', all.headers))).toContain('Résidence collective en préparation');
      expect(titles(await list('?status=draft', all.headers))).not.toContain('Festival des Arts Éphémères');
      expect(titles(await list('?mode=economicCooperation', all.headers))).toEqual([
        'Résidence collective en préparation',
      ]);
      expect(titles(await list('?theme=education-culture&commune=13041', all.headers))).toEqual([
        'Résidence collective en préparation',
      ]);
      expect(titles(await list(`?actor=${c}`, all.headers))).toEqual(['Résidence collective en préparation']);
      expect((await list('?status=unknown', all.headers)).total).toBe(0);
    });

    it('paginates with the total', async () => {
      const page = await list('?pageSize=1&page=2');
      expect(page.items).toHaveLength(1);
      expect(page.total).toBeGreaterThanOrEqual(2);
      expect(page).toMatchObject({ page: 2, pageSize: 1 });
      const first = await list('?pageSize=1');
      expect(first.items[0]?.id).not.toBe(page.items[0]?.id);
      expect(first.items[0]?.carriers[0]?.name).toBeTruthy();
    });
  });

  describe('PUT and DELETE', () => {
    it('lets a member of a co-carrier edit, but not delete, the project', async () => {
      const coCarrier = await signedInAs(t.db, 'member', c);
      const res = await put(
        coCarrier.headers,
        draft.id,
        projectData(b, {
          title: 'Résidence collective en préparation',
          summary: 'Résumé revu par le co-porteur.',
          status: 'draft',
          carriers: [
            { actorId: b, role: 'lead' },
            { actorId: c, role: 'coCarrier' },
          ],
          communeCodes: ['13041'],
        }),
      );
      expect(res.statusCode).toBe(200);
      expect((res.json() as ProjectDetail).summary).toBe('Résumé revu par le co-porteur.');
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${draft.id}`,
        headers: coCarrier.headers,
      });
      expect(del.statusCode).toBe(403);
      expect(await t.db.$count(projects)).toBeGreaterThan(0);
    });

    it('refuses a member that would drop its own organisation from the carriers, changing nothing', async () => {
      const coCarrier = await signedInAs(t.db, 'member', c);
      const res = await put(coCarrier.headers, draft.id, projectData(b, { status: 'draft', title: 'Sans nous' }));
      expect(res.statusCode).toBe(403);
      const after = (await get(draft.id, coCarrier.headers)).json() as ProjectDetail;
      expect(after.title).toBe('Résidence collective en préparation');
      expect(after.carriers).toHaveLength(2);
    });

    it('refuses a member of another organisation and observers, changing nothing', async () => {
      const stranger = await signedInAs(t.db, 'member', b);
      const res = await put(stranger.headers, published.id, projectData(b, { title: 'Détourné' }));
      expect(res.statusCode).toBe(403);
      const observer = await signedInAs(t.db, 'observer');
      expect((await put(observer.headers, published.id, projectData(a, { title: 'Détourné' }))).statusCode).toBe(403);
      expect(((await get(published.id)).json() as ProjectDetail).title).toBe('Festival des Arts Éphémères');
    });

    it('validates updates like creations, changing nothing', async () => {
      const res = await put(admin.headers, published.id, projectData(company, { title: 'Repris' }));
      expect(res.statusCode).toBe(422);
      expect(errorsOf(res)).toEqual([['carriers.0.actorId', 'carrierNotAssociation']]);
      const after = (await get(published.id)).json() as ProjectDetail;
      expect(after.title).toBe('Festival des Arts Éphémères');
      expect(after.carriers.map((x) => x.actorId)).toEqual([a]);
    });

    it('lets a member of the lead carrier delete the project with its carriers', async () => {
      const created = (await post(admin.headers, projectData(b, { title: 'À supprimer' }))).json() as ProjectDetail;
      const lead = await signedInAs(t.db, 'member', b);
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${created.id}`,
        headers: lead.headers,
      });
      expect(res.statusCode).toBe(204);
      expect((await get(created.id)).statusCode).toBe(404);
      const carriers = await t.db.select().from(projectCarriers);
      expect(carriers.some((x) => x.projectId === created.id)).toBe(false);
    });
  });

  describe('GET /api/v1/projects/:id/sheet.pdf', () => {
    it('answers a one-page PDF attachment whose text holds the project', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/projects/${published.id}/sheet.pdf` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="projet-festival-des-arts-ephemeres.pdf"');
      const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
      const { totalPages, text } = await extractText(doc, { mergePages: true });
      const flat = text.replace(/\s+/g, ' ');
      expect(totalPages).toBe(1);
      expect(flat).toContain('Festival des Arts Éphémères');
      expect(flat).toContain('Porté par Jazz à Aix');
      expect(flat).toContain('3 500,50 €');
      expect(flat).toContain('15 500,50 €');
      expect(flat).toContain('Culture & art');
      expect(flat).toContain('Aix-en-Provence');
    });

    it('answers 404 for an unknown project', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/projects/00000000-0000-4000-8000-000000000000/sheet.pdf',
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });
});
