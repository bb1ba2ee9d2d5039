import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { actors } from '../../actors/schema.js';
import { partnerships } from '../../partnerships/schema.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { projects } from '../../projects/schema.js';
import { budgetLineSources, budgetLines } from '../budget/schema.js';
import { fundingCalls } from '../calls/schema.js';
import type { ApplicationDetail, ApplicationInput, ApplicationList } from './contract.js';
import { fundingApplicationSteps, fundingApplications } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('funding applications routes', () => {
  let t: TestApp;
  let animator: SignedIn;
  let observer: SignedIn;
  let member: SignedIn;
  const ids: Record<string, string> = {};
  const call = callerOf(() => t.app);
  const base = '/api/v1/funding/applications';
  let app: ApplicationDetail;
  const input = (overrides: Partial<ApplicationInput> = {}): ApplicationInput => ({
    title: 'Envies d’Alliances – Pertuis',
    callId: ids.call ?? null,
    programmeId: ids.programme ?? null,
    territoryId: ids.pertuis ?? null,
    year: 2018,
    amountRequested: 40_000,
    coFunding: [{ actorId: ids.pertuisTown ?? null, amount: 10_000, secured: true }],
    ...overrides,
  });
  const move = (who: SignedIn | null, body: object) => call(who, 'POST', `${base}/${app.id}/status`, body);

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    const [ademe, pertuisTown, ag2r] = await t.db
      .insert(actors)
      .values([
        { family: 'publicAuthority', name: 'ADEME' },
        { family: 'publicAuthority', name: 'Ville de Pertuis' },
        { family: 'company', name: 'AG2R La Mondiale' },
      ])
      .returning({ id: actors.id });
    member = await signedInAs(t.db, 'member', pertuisTown?.id ?? null);
    const [programme, other] = await t.db
      .insert(programmes)
      .values([
        { slug: 'ea', name: 'Envies d’Alliances', startsOn: '2016-09-01', endsOn: '2020-12-31' },
        { slug: 'autre', name: 'Autre', startsOn: '2016-09-01', endsOn: '2020-12-31' },
      ])
      .returning({ id: programmes.id });
    const [pertuis, elsewhere] = await t.db
      .insert(programmeTerritories)
      .values([
        { programmeId: programme?.id ?? '', name: 'Pertuis', communeCodes: ['84089'], position: 0 },
        { programmeId: other?.id ?? '', name: 'Ailleurs', communeCodes: ['13001'], position: 0 },
      ])
      .returning({ id: programmeTerritories.id });
    const [project] = await t.db.insert(projects).values({ title: 'Up-cycling' }).returning({ id: projects.id });
    const [partnership] = await t.db
      .insert(partnerships)
      .values({ title: 'Mécénat', mode: 'support' })
      .returning({ id: partnerships.id });
    const [aap] = await t.db
      .insert(fundingCalls)
      .values({ funderActorId: ademe?.id ?? '', title: 'AAP Économie circulaire Région–ADEME' })
      .returning({ id: fundingCalls.id });
    Object.assign(ids, {
      ademe: ademe?.id,
      pertuisTown: pertuisTown?.id,
      ag2r: ag2r?.id,
      programme: programme?.id,
      pertuis: pertuis?.id,
      elsewhere: elsewhere?.id,
      project: project?.id,
      partnership: partnership?.id,
      call: aap?.id,
    });
  });
  afterAll(() => t.close());

  it('starts an application (staff only) with exactly one target that exists, the call’s funder', async () => {
    expect((await call(member, 'POST', base, input())).status).toBe(403);
    expect((await call(observer, 'POST', base, input())).status).toBe(403);
    expect((await call(null, 'POST', base, input())).status).toBe(401);
    const two = await call(animator, 'POST', base, input({ projectId: ids.project ?? null }));
    expect(two.status).toBe(400);
    expect(fieldsOf(two.body)).toEqual([['target', 'oneTarget']]);
    const none = await call(animator, 'POST', base, input({ programmeId: null, territoryId: null }));
    expect(fieldsOf(none.body)).toEqual([['target', 'oneTarget']]);
    const orphanTerritory = await call(
      animator,
      'POST',
      base,
      input({ programmeId: null, projectId: ids.project ?? null }),
    );
    expect(fieldsOf(orphanTerritory.body)).toEqual([['territoryId', 'programmeRequired']]);
    const noFunder = await call(animator, 'POST', base, input({ callId: null, amountRequested: 0 }));
    expect(fieldsOf(noFunder.body)).toEqual([
      ['amountRequested', 'amountNotPositive'],
      ['funderActorId', 'required'],
    ]);
    const refs = await call(
      animator,
      'POST',
      base,
      input({
        territoryId: ids.elsewhere ?? null,
        funderActorId: ids.ag2r ?? null,
        coFunding: [
          { actorId: randomUUID(), amount: 1000, secured: false },
          { amount: 5, label: '' },
        ],
      }),
    );
    expect(refs.status).toBe(400);
    expect(fieldsOf(refs.body)).toEqual([['coFunding.1.label', 'required']]);
    const refs2 = await call(
      animator,
      'POST',
      base,
      input({
        territoryId: ids.elsewhere ?? null,
        funderActorId: ids.ag2r ?? null,
        coFunding: [{ actorId: randomUUID(), amount: 1000, secured: false }],
      }),
    );
    expect(refs2.status).toBe(422);
    expect(fieldsOf(refs2.body)).toEqual([
      ['funderActorId', 'funderNotOfCall'],
      ['coFunding.0.actorId', 'unknownActor'],
      ['territoryId', 'notInProgramme'],
    ]);
    for (const [field, value, code] of [
      ['callId', randomUUID(), 'unknownCall'],
      ['projectId', randomUUID(), 'unknownProject'],
      ['partnershipId', randomUUID(), 'unknownPartnership'],
    ] as const) {
      const target = field === 'callId' ? {} : { programmeId: null, territoryId: null };
      const res = await call(animator, 'POST', base, input({ ...target, [field]: value }));
      expect(fieldsOf(res.body), field).toEqual([[field, code]]);
    }
    expect(await t.db.$count(fundingApplications)).toBe(0);

    const created = await call(animator, 'POST', base, input());
    expect(created.status).toBe(201);
    app = created.body as ApplicationDetail;
    expect(app).toMatchObject({
      status: 'drafting',
      funder: { id: ids.ademe, name: 'ADEME' },
      call: { id: ids.call },
      programme: { name: 'Envies d’Alliances' },
      territory: { name: 'Pertuis' },
      coFunding: [{ name: 'Ville de Pertuis', amount: 10_000, secured: true }],
      moves: ['submitted'],
      canEdit: true,
    });
    expect(app.history).toMatchObject([{ fromStatus: null, toStatus: 'drafting', by: 'Test animator' }]);
    const direct = await call(
      animator,
      'POST',
      base,
      input({
        title: 'Fonds d’innovation AG2R',
        callId: null,
        funderActorId: ids.ag2r ?? null,
        programmeId: null,
        territoryId: null,
        partnershipId: ids.partnership ?? null,
        amountRequested: 25_000,
        coFunding: [],
      }),
    );
    expect(direct.status).toBe(201);
  });

  it('moves along the pipeline, refusing other moves and back steps without a reason', async () => {
    const skip = await move(animator, { to: 'granted', amountGranted: 30_000 });
    expect(skip.status).toBe(409);
    expect(fieldsOf(skip.body)).toEqual([['to', 'statusMoveRefused']]);
    expect((await move(observer, { to: 'submitted' })).status).toBe(403);
    app = (await move(animator, { to: 'submitted', submittedOn: '2017-11-28' })).body as ApplicationDetail;
    expect(app).toMatchObject({
      status: 'submitted',
      submittedOn: '2017-11-28',
      moves: ['granted', 'refused', 'drafting'],
    });
    const back = await move(animator, { to: 'drafting' });
    expect(back.status).toBe(422);
    expect(fieldsOf(back.body)).toEqual([['reason', 'backReasonRequired']]);
    app = (await move(animator, { to: 'drafting', reason: 'Pièce manquante' })).body as ApplicationDetail;
    expect(app).toMatchObject({ status: 'drafting', submittedOn: null });
    app = (await move(animator, { to: 'submitted', submittedOn: '2017-11-28' })).body as ApplicationDetail;
    const noAmount = await move(animator, { to: 'granted', decidedOn: '2018-03-15' });
    expect(fieldsOf(noAmount.body)).toEqual([['amountGranted', 'required']]);
    const early = await move(animator, { to: 'granted', amountGranted: 30_000, decidedOn: '2017-01-01' });
    expect(fieldsOf(early.body)).toEqual([['decidedOn', 'decidedBeforeSubmitted']]);
    const zero = await move(animator, { to: 'granted', amountGranted: 0 });
    expect(fieldsOf(zero.body)).toEqual([['amountGranted', 'amountNotPositive']]);
    app = (await move(animator, { to: 'granted', amountGranted: 30_000, decidedOn: '2018-03-15' }))
      .body as ApplicationDetail;
    expect(app).toMatchObject({ status: 'granted', amountGranted: 30_000, decidedOn: '2018-03-15' });
    const steps = await t.db
      .select()
      .from(fundingApplicationSteps)
      .where(eq(fundingApplicationSteps.applicationId, app.id));
    expect(steps.map((s) => [s.fromStatus, s.toStatus, s.reason])).toEqual([
      [null, 'drafting', ''],
      ['drafting', 'submitted', ''],
      ['submitted', 'drafting', 'Pièce manquante'],
      ['drafting', 'submitted', ''],
      ['submitted', 'granted', ''],
    ]);
    // The steering committee sees the history, not who moved it.
    const read = (await call(observer, 'GET', `${base}/${app.id}`)).body as ApplicationDetail;
    expect(read.history.every((s) => s.by === null)).toBe(true);
    expect(read).toMatchObject({ moves: [], canEdit: false });
    expect(JSON.stringify(read)).not.toContain('@test.local');
  });

  it('records payments up to the amount granted, and reports before « reported »', async () => {
    // The moves offered are the ones the pipeline would take: not « reported » while no report went.
    expect(app.moves).toEqual(['submitted']);
    const pay = (amount: number) =>
      call(animator, 'POST', `${base}/${app.id}/payments`, { receivedOn: '2018-04-20', amount });
    const paid = await pay(15_000);
    expect(paid.status).toBe(201);
    // Nor back to « submitted » once a payment is recorded.
    expect((paid.body as ApplicationDetail).moves).toEqual([]);
    const over = await pay(15_000.01);
    expect(over.status).toBe(422);
    expect(fieldsOf(over.body)).toEqual([['amount', 'paymentsOverGrant']]);
    app = (await pay(5_000)).body as ApplicationDetail;
    expect(app.amountReceived).toBe(20_000);
    const payment = app.payments[1];
    app = (await call(animator, 'DELETE', `${base}/${app.id}/payments/${payment?.id}`)).body as ApplicationDetail;
    expect(app.payments.map((p) => p.amount)).toEqual([15_000]);

    const backWithPayments = await move(animator, { to: 'submitted', reason: 'Erreur' });
    expect(fieldsOf(backWithPayments.body)).toEqual([['payments', 'paymentsRecorded']]);

    const noReport = await move(animator, { to: 'reported' });
    expect(noReport.status).toBe(409);
    expect(fieldsOf(noReport.body)).toEqual([['reports', 'reportsPending']]);
    app = (
      await call(animator, 'POST', `${base}/${app.id}/reports`, { title: 'Rapport intermédiaire', dueOn: '2018-12-31' })
    ).body as ApplicationDetail;
    app = (await call(animator, 'POST', `${base}/${app.id}/reports`, { title: 'Rapport final', dueOn: '2019-03-31' }))
      .body as ApplicationDetail;
    const [interim, final] = app.reports;
    await call(animator, 'PUT', `${base}/${app.id}/reports/${interim?.id}`, {
      title: 'Rapport intermédiaire',
      dueOn: '2018-12-31',
      submittedOn: '2018-12-20',
    });
    expect(fieldsOf((await move(animator, { to: 'reported' })).body)).toEqual([['reports', 'reportsPending']]);
    const badDate = await call(animator, 'PUT', `${base}/${app.id}/reports/${final?.id}`, {
      title: 'Rapport final',
      dueOn: '2019-02-30',
    });
    expect(fieldsOf(badDate.body)).toEqual([['dueOn', 'invalidDate']]);
    app = (
      await call(animator, 'PUT', `${base}/${app.id}/reports/${final?.id}`, {
        title: 'Rapport final',
        dueOn: '2019-03-31',
        submittedOn: '2019-03-20',
      })
    ).body as ApplicationDetail;
    expect(app.moves).toEqual(['reported']);
    app = (await move(animator, { to: 'reported' })).body as ApplicationDetail;
    expect(app).toMatchObject({ status: 'reported', moves: [] });

    // Once reported, it cannot owe a report again: no report unsent, not none at all.
    const reports = `${base}/${app.id}/reports`;
    const owed = { title: 'Rapport final', dueOn: '2019-03-31' };
    const refusedReport = (res: Awaited<ReturnType<typeof call>>) => {
      expect(res.status).toBe(409);
      expect(fieldsOf(res.body)).toEqual([['reports', 'applicationReported']]);
    };
    refusedReport(await call(animator, 'PUT', `${reports}/${final?.id}`, owed));
    refusedReport(await call(animator, 'POST', reports, { title: 'Rapport complémentaire', dueOn: '2019-06-30' }));
    const extra = await call(animator, 'POST', reports, { ...owed, title: 'Annexe', submittedOn: '2019-03-25' });
    expect(extra.status).toBe(201);
    const annex = (extra.body as ApplicationDetail).reports.find((r) => r.title === 'Annexe');
    expect((await call(animator, 'DELETE', `${reports}/${annex?.id}`)).status).toBe(200);
    expect((await call(animator, 'DELETE', `${reports}/${final?.id}`)).status).toBe(200);
    refusedReport(await call(animator, 'DELETE', `${reports}/${interim?.id}`));
    app = (await call(animator, 'GET', `${base}/${app.id}`)).body as ApplicationDetail;
    expect(app.reports.map((r) => [r.title, r.submittedOn])).toEqual([['Rapport intermédiaire', '2018-12-20']]);

    // A drafting application takes no payment.
    const list = (await call(observer, 'GET', base)).body as ApplicationList;
    const drafting = list.items.find((i) => i.status === 'drafting');
    const notGranted = await call(animator, 'POST', `${base}/${drafting?.id}/payments`, {
      receivedOn: '2018-04-20',
      amount: 1,
    });
    expect(notGranted.status).toBe(409);
    expect(fieldsOf(notGranted.body)).toEqual([['status', 'notGranted']]);
  });

  it('lists applications with filters and totals for readers; a member only those it follows (none here)', async () => {
    expect((await call(member, 'GET', base)).body).toEqual({
      items: [],
      totals: { requested: 0, granted: 0, received: 0 },
    });
    expect((await call(null, 'GET', base)).status).toBe(401);
    expect((await call(member, 'GET', `${base}/${app.id}`)).status).toBe(404);
    const all = (await call(observer, 'GET', base)).body as ApplicationList;
    expect(all.items).toHaveLength(2);
    expect(all.totals).toEqual({ requested: 65_000, granted: 30_000, received: 15_000 });
    const some = async (qs: string) =>
      ((await call(observer, 'GET', `${base}?${qs}`)).body as ApplicationList).items.map((i) => i.title);
    expect(await some('status=reported')).toEqual(['Envies d’Alliances – Pertuis']);
    expect(await some(`funder=${ids.ag2r}`)).toEqual(['Fonds d’innovation AG2R']);
    expect(await some(`call=${ids.call}`)).toEqual(['Envies d’Alliances – Pertuis']);
    expect(await some(`programme=${ids.programme}&territory=${ids.pertuis}`)).toEqual(['Envies d’Alliances – Pertuis']);
    expect(await some(`partnership=${ids.partnership}`)).toEqual(['Fonds d’innovation AG2R']);
    expect(await some(`project=${ids.project}`)).toEqual([]);
    expect(await some('year=2019')).toEqual([]);
  });

  it('edits an application, keeping the one-target rule', async () => {
    const edited = await call(
      animator,
      'PUT',
      `${base}/${app.id}`,
      input({ title: 'Pertuis : économie circulaire', notes: 'Relancer en mars' }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Pertuis : économie circulaire',
      status: 'reported',
      notes: 'Relancer en mars',
    });
    const bad = await call(animator, 'PUT', `${base}/${app.id}`, input({ partnershipId: ids.partnership ?? null }));
    expect(fieldsOf(bad.body)).toEqual([['target', 'oneTarget']]);
  });

  it('stores documents of applications, reports and calls: staff upload and delete, readers download', async () => {
    const upload = (who: SignedIn | null, url: string, type = 'application/pdf', body = '%PDF-1.4 dossier') =>
      t.app.inject({
        method: 'POST',
        url: `${url}?fileName=${encodeURIComponent('../Dossier « Pertuis ».pdf')}`,
        headers: { ...(who?.headers ?? {}), 'content-type': type },
        payload: Buffer.from(body),
      });
    expect((await upload(observer, `${base}/${app.id}/documents`)).statusCode).toBe(403);
    const wrongType = await upload(animator, `${base}/${app.id}/documents`, 'application/x-msdownload');
    expect(wrongType.statusCode).toBe(422);
    expect(fieldsOf(wrongType.json())).toEqual([['file', 'fileType']]);
    const empty = await upload(animator, `${base}/${app.id}/documents`, 'application/pdf', '');
    expect(fieldsOf(empty.json())).toEqual([['file', 'fileEmpty']]);
    const sent = await upload(animator, `${base}/${app.id}/documents`);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ owner: 'application', fileName: 'Dossier « Pertuis ».pdf', size: 16 });
    const report = app.reports[0];
    expect((await upload(animator, `${base}/${app.id}/reports/${report?.id}/documents`)).statusCode).toBe(201);
    const otherApp = ((await call(observer, 'GET', base)).body as ApplicationList).items.find((i) => i.id !== app.id);
    expect((await upload(animator, `${base}/${otherApp?.id}/reports/${report?.id}/documents`)).statusCode).toBe(404);
    expect(
      (await upload(animator, `/api/v1/funding/calls/${ids.call}/documents`, 'text/plain', 'Règlement')).statusCode,
    ).toBe(201);

    const detail = (await call(observer, 'GET', `${base}/${app.id}`)).body as ApplicationDetail;
    expect(detail.documents).toHaveLength(1);
    expect(detail.reports[0]?.documents).toHaveLength(1);
    const docUrl = `/api/v1/funding/documents/${detail.documents[0]?.id}`;
    const download = await call(observer, 'GET', docUrl);
    expect(download.status).toBe(200);
    expect(download.text).toBe('%PDF-1.4 dossier');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect((await call(member, 'GET', docUrl)).status).toBe(404);
    expect((await call(null, 'GET', docUrl)).status).toBe(401);
    // The public sees a call's documents' names, not their content.
    const publicCall = await call(null, 'GET', `/api/v1/funding/calls/${ids.call}`);
    const callDoc = publicCall.body.documents[0];
    expect(callDoc).toMatchObject({ owner: 'call', mediaType: 'text/plain' });
    expect((await call(null, 'GET', `/api/v1/funding/documents/${callDoc.id}`)).status).toBe(401);
    expect((await call(member, 'GET', `/api/v1/funding/documents/${callDoc.id}`)).status).toBe(404);
    expect((await call(observer, 'DELETE', docUrl)).status).toBe(403);
    expect((await call(animator, 'DELETE', docUrl)).status).toBe(204);
    expect((await call(animator, 'DELETE', docUrl)).status).toBe(404);
  });

  it('deletes an application (staff only), never one holding money', async () => {
    expect((await call(observer, 'DELETE', `${base}/${app.id}`)).status).toBe(403);
    const granted = await call(animator, 'DELETE', `${base}/${app.id}`);
    expect(granted.status).toBe(409);
    expect(granted.body.title).toContain('accordé');
    expect(fieldsOf(granted.body)).toEqual([['status', 'applicationGranted']]);
    expect((await call(animator, 'GET', `${base}/${app.id}`)).status).toBe(200);

    // A drafting application that funds a line of the programme's budget stays until it no longer does.
    const list = (await call(observer, 'GET', base)).body as ApplicationList;
    const drafting = list.items.find((i) => i.status === 'drafting');
    const [line] = await t.db
      .insert(budgetLines)
      .values({ programmeId: ids.programme ?? '', year: 2018, category: 'coordination', label: 'Animation' })
      .returning({ id: budgetLines.id });
    await t.db
      .insert(budgetLineSources)
      .values({ lineId: line?.id ?? '', kind: 'application', applicationId: drafting?.id, amount: 5_000 });
    const inBudget = await call(animator, 'DELETE', `${base}/${drafting?.id}`);
    expect(inBudget.status).toBe(409);
    expect(fieldsOf(inBudget.body)).toEqual([['budget', 'applicationFundsBudget']]);
    await t.db.delete(budgetLineSources).where(eq(budgetLineSources.applicationId, drafting?.id ?? ''));
    expect((await call(animator, 'DELETE', `${base}/${drafting?.id}`)).status).toBe(204);
    expect((await call(animator, 'GET', `${base}/${drafting?.id}`)).status).toBe(404);
    expect((await call(animator, 'DELETE', `${base}/${drafting?.id}`)).status).toBe(404);
  });
});
