import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { addDays, parisDay } from '../../programmes/common.js';
import type { DeadlineView } from './contract.js';
import { listDeadlines } from './deadlines.js';
import { insertActor, insertApplicationWithReports, insertCall, insertProgramme } from './fixtures.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Listed = { items: DeadlineView[]; from: string; to: string; today: string };

describe('funding deadlines', () => {
  let t: TestApp;
  let observer: SignedIn;
  const call = callerOf(() => t.app);
  const today = parisDay(new Date());
  const day = (n: number) => addDays(today, n);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    observer = await signedInAs(t.db, 'observer');
    const region = await insertActor(t.db, { family: 'publicAuthority', name: 'Région Sud' });
    const ag2r = await insertActor(t.db, { family: 'company', name: 'AG2R La Mondiale' });
    const { programmeId, territoryIds } = await insertProgramme(t.db, 'Envies d’Alliances', [
      { name: 'Pertuis', themeId: 'circular-economy', communeCodes: ['84089'] },
      { name: 'Aix-en-Provence', themeId: 'culture-art', communeCodes: ['13001'] },
    ]);
    const [pertuis = '', aix = ''] = territoryIds;
    ids.pertuis = pertuis;
    ids.aix = aix;
    ids.circular = await insertCall(t.db, region, {
      title: 'Économie circulaire',
      communeCodes: ['84089'],
      closesOn: day(3),
    });
    ids.anywhere = await insertCall(t.db, region, { title: 'Partout', closesOn: day(20) });
    ids.pastCall = await insertCall(t.db, region, { title: 'Clos', closesOn: day(-5) });
    ids.announced = await insertCall(t.db, region, { title: 'Annoncé sans date' });
    const pertuisApp = await insertApplicationWithReports(
      t.db,
      { funderActorId: ag2r, programmeId, territoryId: pertuis, title: 'Fonds innovation Pertuis' },
      [
        { title: 'Rapport en retard', dueOn: day(-2) },
        { title: 'Rapport final', dueOn: day(10) },
        { title: 'Rapport envoyé', dueOn: day(1), submittedOn: day(-1) },
        // Years overdue, as the demo's « Rapport final » of Pertuis (31 March 2019): still owed.
        { title: 'Rapport de 2019', dueOn: '2019-03-31' },
        { title: 'Rapport de 2019 envoyé', dueOn: '2019-03-15', submittedOn: '2019-03-10' },
      ],
    );
    ids.pertuisApp = pertuisApp.applicationId;
    await insertApplicationWithReports(
      t.db,
      { funderActorId: ag2r, programmeId, territoryId: aix, title: 'Dossier Aix' },
      [{ title: 'Bilan Aix', dueOn: day(15) }],
    );
  });
  afterAll(() => t.close());

  it('lists what is to come and every report overdue however old, in date order, with the days left', async () => {
    const res = await call(observer, 'GET', '/api/v1/funding/deadlines');
    expect(res.status).toBe(200);
    const body = res.body as Listed;
    expect(body).toMatchObject({ today, from: null, to: day(365) });
    // The closed call is gone (it is not late: it is closed); the reports not sent stay, whatever their age.
    expect(body.items.map((d) => [d.title, d.dueOn, d.overdue])).toEqual([
      ['Rapport de 2019', '2019-03-31', true],
      ['Rapport en retard', day(-2), true],
      ['Économie circulaire', day(3), false],
      ['Rapport final', day(10), false],
      ['Bilan Aix', day(15), false],
      ['Partout', day(20), false],
    ]);
    expect(body.items.map((d) => d.daysLeft).slice(1)).toEqual([-2, 3, 10, 15, 20]);
    expect(body.items[2]).toMatchObject({
      kind: 'callCloses',
      callId: ids.circular,
      funder: { name: 'Région Sud' },
      territory: null,
      link: `/financements/appels/${ids.circular}`,
    });
    expect(body.items[3]).toMatchObject({
      kind: 'reportDue',
      applicationId: ids.pertuisApp,
      applicationTitle: 'Fonds innovation Pertuis',
      funder: { name: 'AG2R La Mondiale' },
      territory: { id: ids.pertuis, name: 'Pertuis' },
      link: `/financements/dossiers/${ids.pertuisApp}`,
    });
  });

  it('filters by dates, kind and territory (calls that apply there, or anywhere)', async () => {
    const list = async (query: string) => {
      const res = await call(observer, 'GET', `/api/v1/funding/deadlines?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body as Listed).items.map((d) => d.title);
    };
    expect(await list(`from=${day(0)}&to=${day(15)}`)).toEqual(['Économie circulaire', 'Rapport final', 'Bilan Aix']);
    expect(await list('kind=callCloses')).toEqual(['Économie circulaire', 'Partout']);
    expect(await list('kind=reportDue')).toEqual([
      'Rapport de 2019',
      'Rapport en retard',
      'Rapport final',
      'Bilan Aix',
    ]);
    expect(await list(`kind=reportDue&territoryId=${ids.aix}`)).toEqual(['Bilan Aix']);
    expect(await list(`territoryId=${ids.pertuis}`)).toEqual([
      'Rapport de 2019',
      'Rapport en retard',
      'Économie circulaire',
      'Rapport final',
      'Partout',
    ]);
    expect(await list(`territoryId=${ids.aix}`)).toEqual(['Bilan Aix', 'Partout']);
    // A last day alone: what is to come until then, and the reports overdue.
    expect(await list(`to=${day(5)}`)).toEqual(['Rapport de 2019', 'Rapport en retard', 'Économie circulaire']);
  });

  it('shows any month with both kinds, the closed calls and the overdue reports of its days', async () => {
    const list = async (from: string, to: string) => {
      const res = await call(observer, 'GET', `/api/v1/funding/deadlines?from=${from}&to=${to}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as Listed;
    };
    const march2019 = await list('2019-03-01', '2019-03-31');
    expect(march2019).toMatchObject({ from: '2019-03-01', to: '2019-03-31' });
    expect(march2019.items.map((d) => [d.title, d.overdue])).toEqual([['Rapport de 2019', true]]);
    const around = await list(day(-10), day(0));
    expect(around.items.map((d) => [d.title, d.daysLeft, d.overdue])).toEqual([
      ['Clos', -5, false],
      ['Rapport en retard', -2, true],
    ]);
  });

  it('counts the days from the day in Paris', async () => {
    // 23:30 in UTC is already the next day in Paris (00:30 or 01:30): « Économie circulaire » is 3 days away, not 4.
    const list = await listDeadlines(t.db, {}, new Date(`${day(-1)}T23:30:00Z`));
    expect(list.today).toBe(today);
    expect(list.items.find((d) => d.title === 'Économie circulaire')?.daysLeft).toBe(3);
    expect(list.items.find((d) => d.title === 'Rapport en retard')).toMatchObject({ daysLeft: -2, overdue: true });
  });

  it('refuses a bad query, naming the field', async () => {
    const reversed = await call(observer, 'GET', `/api/v1/funding/deadlines?from=${day(5)}&to=${day(1)}`);
    expect(reversed.status).toBe(400);
    expect(fieldsOf(reversed.body)).toEqual([['to', 'endBeforeStart']]);
    const long = await call(observer, 'GET', `/api/v1/funding/deadlines?from=2000-01-01&to=${day(0)}`);
    expect(fieldsOf(long.body)).toEqual([['to', 'deadlineSpanTooLong']]);
    const unknown = await call(
      observer,
      'GET',
      '/api/v1/funding/deadlines?territoryId=00000000-0000-4000-8000-000000000000',
    );
    expect(fieldsOf(unknown.body)).toEqual([['territoryId', 'unknownTerritory']]);
    const kind = await call(observer, 'GET', '/api/v1/funding/deadlines?kind=payment');
    expect(kind.status).toBe(400);
    expect(fieldsOf(kind.body).map(([field]) => field)).toEqual(['kind']);
  });

  it('serves the deadlines as an iCalendar feed of all-day entries', async () => {
    const res = await call(observer, 'GET', '/api/v1/funding/deadlines.ics');
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Alliances — échéances des financements');
    const entries = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(entries).toHaveLength(6);
    const circular = entries.find((e) => e.uid === `callCloses-${ids.circular}@alliances`);
    expect(circular?.summary).toBe('Clôture de l’appel à projets «\u00a0Économie circulaire\u00a0» (Région Sud)');
    expect(circular?.startDate.isDate).toBe(true);
    expect(circular?.startDate.toString()).toBe(day(3));
    const report = entries.find((e) => e.summary.includes('Rapport final'));
    expect(report?.description).toContain('Territoire\u202f: Pertuis.');
    expect(String(report?.component.getFirstPropertyValue('url'))).toMatch(
      new RegExp(`^https?://.+/financements/dossiers/${ids.pertuisApp}$`),
    );
  });
});
