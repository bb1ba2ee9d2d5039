import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { actors } from '../../actors/schema.js';
import { programmes } from '../../programmes/schema.js';
import { fundingApplications } from '../applications/schema.js';
import type { CallDetail, CallInput, CallPage } from './contract.js';
import { listCalls } from './queries.js';
import { fundingCalls } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const isoDay = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000).toISOString().slice(0, 10);

describe('funding calls routes', () => {
  let t: TestApp;
  let animator: SignedIn;
  let observer: SignedIn;
  let member: SignedIn;
  let region: string;
  let ademe: string;
  const call = callerOf(() => t.app);
  const base = '/api/v1/funding/calls';
  const input = (overrides: Partial<CallInput> = {}): CallInput => ({
    funderActorId: region,
    title: 'Dispositif de coopération et de mutualisation économique',
    description: 'Soutenir les coopérations entre entreprises et associations.',
    themes: ['circular-economy'],
    eligibleFamilies: ['association', 'company'],
    opensOn: isoDay(-10),
    closesOn: isoDay(20),
    link: 'https://www.maregionsud.fr/aides',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    const rows = await t.db
      .insert(actors)
      .values([
        { family: 'publicAuthority', name: 'Région Provence-Alpes-Côte d’Azur' },
        { family: 'publicAuthority', name: 'ADEME' },
      ])
      .returning({ id: actors.id });
    [region, ademe] = rows.map((r) => r.id) as [string, string];
    member = await signedInAs(t.db, 'member', region);
  });
  afterAll(() => t.close());

  it('records a call (staff only), naming each bad field and changing nothing', async () => {
    expect((await call(member, 'POST', base, input())).status).toBe(403);
    expect((await call(observer, 'POST', base, input())).status).toBe(403);
    expect((await call(null, 'POST', base, input())).status).toBe(401);
    const shape = await call(animator, 'POST', base, {
      ...input(),
      amountMin: 50_000,
      amountMax: 10_000,
      envelope: -1,
      opensOn: '2018-03-02',
      closesOn: '2017-12-15',
      link: 'ftp://example.org',
      eligibleFamilies: ['alien'],
    });
    expect(shape.status).toBe(400);
    expect(fieldsOf(shape.body)).toEqual(
      expect.arrayContaining([
        ['eligibleFamilies.0', 'invalid'],
        ['envelope', 'tooSmall'],
        ['link', 'invalidUrl'],
      ]),
    );
    const refs = await call(animator, 'POST', base, {
      ...input(),
      funderActorId: randomUUID(),
      themes: ['circular-economy', 'nope'],
      sdgs: [12, 18],
      communeCodes: ['99999'],
    });
    expect(refs.status).toBe(400);
    const refs2 = await call(animator, 'POST', base, {
      ...input(),
      funderActorId: randomUUID(),
      themes: ['circular-economy', 'nope'],
      communeCodes: ['99999'],
    });
    expect(refs2.status).toBe(422);
    expect(fieldsOf(refs2.body)).toEqual([
      ['funderActorId', 'unknownActor'],
      ['themes.1', 'unknownTheme'],
      ['communeCodes.0', 'unknownCommune'],
    ]);
    const order = await call(animator, 'POST', base, {
      ...input(),
      amountMin: 50_000,
      amountMax: 10_000,
      opensOn: '2018-03-02',
      closesOn: '2017-12-15',
    });
    expect(fieldsOf(order.body)).toEqual([
      ['amountMax', 'amountRange'],
      ['closesOn', 'endBeforeStart'],
    ]);
    expect(await t.db.$count(fundingCalls)).toBe(0);
  });

  it('lists calls to anyone: open first by closing date, then announced, then closed; with filters', async () => {
    const created = await call(animator, 'POST', base, input({ closesOn: isoDay(30) }));
    expect(created.status).toBe(201);
    const open = created.body as CallDetail;
    expect(open).toMatchObject({ status: 'open', funder: { id: region }, canEdit: true, applicationCount: 0 });
    const soon = (await call(animator, 'POST', base, input({ title: 'Appel qui ferme bientôt', closesOn: isoDay(5) })))
      .body as CallDetail;
    const announced = (
      await call(animator, 'POST', base, input({ title: 'Territoire d’innovation', opensOn: null, closesOn: null }))
    ).body as CallDetail;
    const closed = (
      await call(
        animator,
        'POST',
        base,
        input({
          funderActorId: ademe,
          title: 'AAP Économie circulaire Région–ADEME',
          opensOn: '2017-09-01',
          closesOn: '2017-11-30',
          communeCodes: ['84089'],
          envelope: 500_000,
          amountMin: 10_000,
          amountMax: 50_000,
        }),
      )
    ).body as CallDetail;
    expect(announced.status).toBe('announced');
    expect(closed).toMatchObject({ status: 'closed', communes: [{ code: '84089', name: 'Pertuis' }] });

    const all = (await call(null, 'GET', base)).body as CallPage;
    expect(all.total).toBe(4);
    expect(all.items.map((c) => c.id)).toEqual([soon.id, open.id, announced.id, closed.id]);
    const titles = async (qs: string) =>
      ((await call(null, 'GET', `${base}?${qs}`)).body as CallPage).items.map((c) => c.title);
    expect(await titles('q=economie%20circulaire')).toEqual([closed.title]);
    expect(await titles(`funder=${ademe}`)).toEqual([closed.title]);
    expect(await titles('status=announced&status=closed')).toEqual([announced.title, closed.title]);
    expect(await titles('theme=culture-art')).toEqual([]);
    // A call without communes applies everywhere.
    expect(await titles('commune=13001')).toHaveLength(3);
    expect(await titles('commune=84089')).toHaveLength(4);
    const paged = (await call(null, 'GET', `${base}?pageSize=2&page=2`)).body as CallPage;
    expect(paged).toMatchObject({ total: 4, page: 2 });
    expect(paged.items).toHaveLength(2);
    expect((await call(null, 'GET', `${base}?status=nope`)).status).toBe(400);
    // « today » decides the status: in 2017 the Région–ADEME call was open.
    const then = await listCalls(
      t.db,
      null,
      { theme: [], status: ['open'], commune: [], page: 1, pageSize: 20 },
      '2017-10-01',
    );
    expect(then.items.map((c) => c.title)).toEqual([closed.title]);
  });

  it('shows one call; the applications answering it only to staff and observers; deletes only unanswered calls', async () => {
    const page = (await call(null, 'GET', base)).body as CallPage;
    const target = page.items[0];
    if (!target) throw new Error('no call');
    const [programme] = await t.db
      .insert(programmes)
      .values({ slug: 'p', name: 'Envies d’Alliances', startsOn: '2016-09-01', endsOn: '2020-12-31' })
      .returning({ id: programmes.id });
    await t.db.insert(fundingApplications).values({
      title: 'Dossier Pertuis',
      callId: target.id,
      funderActorId: target.funder.id,
      programmeId: programme?.id,
      year: 2018,
      amountRequested: 40_000,
    });
    const anonymous = (await call(null, 'GET', `${base}/${target.id}`)).body as CallDetail;
    // Neither the applications nor how many there are: that is the funding readers' business.
    expect(anonymous).toMatchObject({ applicationCount: null, applications: null, canEdit: false, documents: [] });
    expect((await call(member, 'GET', `${base}/${target.id}`)).body).toMatchObject({
      applicationCount: null,
      applications: null,
    });
    const publicList = (await call(null, 'GET', base)).body as CallPage;
    expect(publicList.items.map((c) => c.applicationCount)).toEqual(publicList.items.map(() => null));
    const read = (await call(observer, 'GET', `${base}/${target.id}`)).body as CallDetail;
    expect(read.applications?.map((a) => a.title)).toEqual(['Dossier Pertuis']);
    expect(read.applicationCount).toBe(1);
    const listed = (await call(observer, 'GET', base)).body as CallPage;
    expect(listed.items.find((c) => c.id === target.id)?.applicationCount).toBe(1);
    expect(read.canEdit).toBe(false);

    const refused = await call(animator, 'DELETE', `${base}/${target.id}`);
    expect(refused.status).toBe(409);
    expect(fieldsOf(refused.body)).toEqual([['applications', 'callHasApplications']]);
    const other = page.items[1];
    expect((await call(observer, 'DELETE', `${base}/${other?.id}`)).status).toBe(403);
    expect((await call(animator, 'DELETE', `${base}/${other?.id}`)).status).toBe(204);
    expect((await call(null, 'GET', `${base}/${other?.id}`)).status).toBe(404);
  });

  it('opens a call with only a closing date until that date', async () => {
    const onlyCloses = (
      await call(animator, 'POST', base, input({ title: 'Appel au fil de l’eau', opensOn: null, closesOn: isoDay(15) }))
    ).body as CallDetail;
    expect(onlyCloses.status).toBe('open');
    const onlyOpens = (
      await call(animator, 'POST', base, input({ title: 'Appel permanent', opensOn: isoDay(-3), closesOn: null }))
    ).body as CallDetail;
    expect(onlyOpens.status).toBe('open');
    const later = await listCalls(
      t.db,
      null,
      { theme: [], status: ['closed'], commune: [], page: 1, pageSize: 100 },
      isoDay(16),
    );
    expect(later.items.map((c) => c.title)).toContain(onlyCloses.title);
    const open = ((await call(null, 'GET', `${base}?status=open`)).body as CallPage).items.map((c) => c.title);
    expect(open).toEqual(expect.arrayContaining([onlyCloses.title, onlyOpens.title]));
    for (const id of [onlyCloses.id, onlyOpens.id]) await call(animator, 'DELETE', `${base}/${id}`);
  });

  it('edits a call', async () => {
    const [first] = ((await call(null, 'GET', base)).body as CallPage).items;
    if (!first) throw new Error('no call');
    const edited = await call(animator, 'PUT', `${base}/${first.id}`, input({ title: 'Appel modifié', sdgs: [12] }));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Appel modifié', sdgs: [12] });
    expect((await call(member, 'PUT', `${base}/${first.id}`, input())).status).toBe(403);
    expect((await call(animator, 'PUT', `${base}/${randomUUID()}`, input())).status).toBe(404);
  });
});
