import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf } from '../../../../tests/http.js';
import { actors } from '../../actors/schema.js';
import { partnershipPartners, partnerships } from '../../partnerships/schema.js';
import { programmes } from '../../programmes/schema.js';
import { projectCarriers, projects } from '../../projects/schema.js';
import type { ApplicationDetail, ApplicationInput, ApplicationList } from './contract.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

// A member follows, read-only, the applications for its organisation's projects (as carrier) and partnerships (as
// partner): never another's, never the programme's; another's answers as not found.
describe('funding applications followed by members', () => {
  let t: TestApp;
  let animator: SignedIn;
  let observer: SignedIn;
  let carrier: SignedIn;
  let partner: SignedIn;
  let unattached: SignedIn;
  const call = callerOf(() => t.app);
  const base = '/api/v1/funding/applications';
  const apps: Record<string, ApplicationDetail> = {};

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    const [funder, recyclerie, epicerie, fablab, company] = await t.db
      .insert(actors)
      .values([
        { family: 'publicAuthority', name: 'Région Sud' },
        { family: 'association', name: 'Recyclerie du Luberon' },
        { family: 'association', name: 'Épicerie solidaire' },
        { family: 'association', name: 'Fablab de Gardanne' },
        { family: 'company', name: 'AG2R La Mondiale' },
      ])
      .returning({ id: actors.id });
    const id = (row: { id: string } | undefined) => row?.id ?? '';
    carrier = await signedInAs(t.db, 'member', id(recyclerie));
    partner = await signedInAs(t.db, 'member', id(fablab));
    unattached = await signedInAs(t.db, 'member');
    const [programme] = await t.db
      .insert(programmes)
      .values({ slug: 'ea', name: 'Envies d’Alliances', startsOn: '2016-09-01', endsOn: '2020-12-31' })
      .returning({ id: programmes.id });
    const [upcycling, panier] = await t.db
      .insert(projects)
      .values([{ title: 'Up-cycling' }, { title: 'Paniers solidaires' }])
      .returning({ id: projects.id });
    await t.db.insert(projectCarriers).values([
      { projectId: id(upcycling), actorId: id(recyclerie), role: 'lead' },
      { projectId: id(panier), actorId: id(epicerie), role: 'lead' },
    ]);
    const [mecenat, other] = await t.db
      .insert(partnerships)
      .values([
        { title: 'Mécénat numérique', mode: 'support' },
        { title: 'Circuit court', mode: 'support' },
      ])
      .returning({ id: partnerships.id });
    await t.db.insert(partnershipPartners).values([
      { partnershipId: id(mecenat), actorId: id(fablab) },
      { partnershipId: id(mecenat), actorId: id(company) },
      { partnershipId: id(other), actorId: id(epicerie) },
    ]);
    const create = async (key: string, target: Partial<ApplicationInput>, amountRequested: number) => {
      const res = await call(animator, 'POST', base, {
        title: key,
        callId: null,
        funderActorId: id(funder),
        programmeId: null,
        territoryId: null,
        projectId: null,
        partnershipId: null,
        year: 2018,
        amountRequested,
        coFunding: [{ actorId: null, label: 'Fonds propres', amount: 1_000 }],
        notes: 'Relancer la Région en mars',
        ...target,
      } satisfies ApplicationInput);
      expect(res.status).toBe(201);
      apps[key] = res.body;
    };
    await create('upcycling', { projectId: id(upcycling) }, 10_000);
    await create('panier', { projectId: id(panier) }, 20_000);
    await create('mecenat', { partnershipId: id(mecenat) }, 3_000);
    await create('circuit', { partnershipId: id(other) }, 4_000);
    await create('programme', { programmeId: id(programme) }, 50_000);
  });
  afterAll(() => t.close());

  const listed = async (who: SignedIn) => (await call(who, 'GET', base)).body as ApplicationList;

  it('lists only the applications for its projects or partnerships, the totals counting only those', async () => {
    const ofCarrier = await listed(carrier);
    expect(ofCarrier.items.map((i) => i.title)).toEqual(['upcycling']);
    expect(ofCarrier.totals).toEqual({ requested: 10_000, granted: 0, received: 0 });
    const ofPartner = await listed(partner);
    expect(ofPartner.items.map((i) => i.title)).toEqual(['mecenat']);
    expect(ofPartner.totals.requested).toBe(3_000);
    // Filters narrow what it follows, never widen it.
    const byProject = await call(carrier, 'GET', `${base}?project=${apps.panier?.project?.id}`);
    expect((byProject.body as ApplicationList).items).toEqual([]);
    expect((await listed(unattached)).items).toEqual([]);
    expect((await listed(observer)).items).toHaveLength(5);
    expect((await listed(observer)).totals.requested).toBe(87_000);
  });

  it('opens its own application read-only, without names nor working notes; another’s is not found', async () => {
    const own = await call(carrier, 'GET', `${base}/${apps.upcycling?.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ title: 'upcycling', canEdit: false, moves: [], notes: null });
    expect(own.body.coFunding).toEqual([
      { actorId: null, name: 'Fonds propres', label: 'Fonds propres', amount: 1_000, secured: false },
    ]);
    expect(own.body.history.every((s: { by: string | null }) => s.by === null)).toBe(true);
    expect((await call(observer, 'GET', `${base}/${apps.upcycling?.id}`)).body.notes).toBe(
      'Relancer la Région en mars',
    );
    expect((await call(partner, 'GET', `${base}/${apps.mecenat?.id}`)).status).toBe(200);
    for (const key of ['panier', 'circuit', 'programme', 'mecenat']) {
      expect((await call(carrier, 'GET', `${base}/${apps[key]?.id}`)).status).toBe(404);
    }
    expect((await call(partner, 'GET', `${base}/${apps.upcycling?.id}`)).status).toBe(404);
    expect((await call(null, 'GET', `${base}/${apps.upcycling?.id}`)).status).toBe(401);
  });

  it('downloads its own application’s and reports’ documents, not another’s', async () => {
    const upload = (url: string) =>
      t.app.inject({
        method: 'POST',
        url: `${url}?fileName=dossier.pdf`,
        headers: { ...animator.headers, 'content-type': 'application/pdf' },
        payload: Buffer.from('%PDF-1.4 dossier'),
      });
    const own = (await upload(`${base}/${apps.upcycling?.id}/documents`)).json();
    const another = (await upload(`${base}/${apps.panier?.id}/documents`)).json();
    const report = await call(animator, 'POST', `${base}/${apps.upcycling?.id}/reports`, {
      title: 'Bilan intermédiaire',
      dueOn: '2018-12-31',
    });
    const reportId = (report.body as ApplicationDetail).reports[0]?.id;
    const ofReport = (await upload(`${base}/${apps.upcycling?.id}/reports/${reportId}/documents`)).json();
    const download = (who: SignedIn, docId: string) => call(who, 'GET', `/api/v1/funding/documents/${docId}`);
    const got = await download(carrier, own.id);
    expect(got.status).toBe(200);
    expect(got.text).toBe('%PDF-1.4 dossier');
    expect((await download(carrier, ofReport.id)).status).toBe(200);
    expect((await download(carrier, another.id)).status).toBe(404);
    expect((await download(partner, own.id)).status).toBe(404);
    expect((await download(observer, another.id)).status).toBe(200);
    const detail = (await call(carrier, 'GET', `${base}/${apps.upcycling?.id}`)).body as ApplicationDetail;
    expect(detail.documents.map((d) => d.id)).toEqual([own.id]);
    expect(detail.reports[0]).toMatchObject({ title: 'Bilan intermédiaire', dueOn: '2018-12-31' });
  });

  it('never writes, even on its own application', async () => {
    const url = `${base}/${apps.upcycling?.id}`;
    expect((await call(carrier, 'PUT', url, { title: 'Changé' })).status).toBe(403);
    expect((await call(carrier, 'POST', `${url}/status`, { to: 'submitted' })).status).toBe(403);
    expect((await call(carrier, 'POST', `${url}/payments`, { receivedOn: '2018-05-01', amount: 1 })).status).toBe(403);
    expect((await call(carrier, 'DELETE', url)).status).toBe(403);
    const doc = (await call(carrier, 'GET', url)).body.documents[0];
    expect((await call(carrier, 'DELETE', `/api/v1/funding/documents/${doc.id}`)).status).toBe(403);
  });
});
