import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db.js';
import type { Database } from '../../../db/client.js';
import { users } from '../../accounts/schema.js';
import type { CurrentUser } from '../../accounts/service.js';
import type { CallSummary } from '../calls/contract.js';
import { listCalls } from '../calls/queries.js';
import type { ApplicationSummary } from './contract.js';
import { getApplication, listApplications } from './queries.js';

describe('demo calls for projects and funding applications', () => {
  let database: Database;
  let calls: CallSummary[];
  let applications: ApplicationSummary[];
  let admin: CurrentUser;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
    const [row] = await database.db.select().from(users).where(eq(users.email, 'admin@demo.alliances.local'));
    admin = {
      id: row?.id ?? '',
      email: row?.email ?? '',
      displayName: 'Alice Admin',
      role: 'admin',
      actorId: null,
      locale: 'fr',
    };
    calls = (await listCalls(database.db, admin, { theme: [], status: [], commune: [], page: 1, pageSize: 50 })).items;
    applications = (await listApplications(database.db, admin, { status: [] })).items;
  });
  afterAll(() => database.close());

  it('holds the three calls the seeds name, with their funders and dates', async () => {
    const byTitle = new Map(calls.map((c) => [c.title, c]));
    expect(byTitle.get('Dispositif de coopération et de mutualisation économique sur le territoire')).toMatchObject({
      funder: { name: "Région Provence-Alpes-Côte d'Azur" },
      themes: ['circular-economy'],
      eligibleFamilies: ['association', 'company'],
      opensOn: '2017-12-15',
      closesOn: '2018-03-02',
      status: 'closed',
    });
    expect(byTitle.get('AAP Économie circulaire Région–ADEME')).toMatchObject({
      funder: { name: 'ADEME' },
      envelope: 500_000,
      amountMin: 10_000,
      amountMax: 50_000,
      closesOn: '2017-11-30',
      applicationCount: 2,
    });
    // How many applications answer a call is not the public's business.
    const anonymous = (
      await listCalls(database.db, null, { theme: [], status: [], commune: [], page: 1, pageSize: 50 })
    ).items;
    expect(anonymous.map((c) => c.applicationCount)).toEqual(calls.map(() => null));
    expect(byTitle.get("Territoire d'innovation")).toMatchObject({
      status: 'announced',
      opensOn: null,
      closesOn: null,
    });
  });

  it('holds the applications with statuses reached through the pipeline', async () => {
    const summary = new Map(applications.map((a) => [a.title, a]));
    expect(applications).toHaveLength(6);
    expect(summary.get("Envies d'Alliances – Pertuis : économie circulaire et circuits courts")).toMatchObject({
      status: 'granted',
      funder: { name: 'ADEME' },
      territory: { name: 'Pertuis' },
      amountRequested: 40_000,
      amountGranted: 30_000,
      amountReceived: 15_000,
      submittedOn: '2017-11-28',
      decidedOn: '2018-03-15',
    });
    expect(summary.get("Fonds d'innovation AG2R La Mondiale – silver économie à Venelles et Gardanne")).toMatchObject({
      status: 'submitted',
      call: null,
      funder: { name: 'AG2R La Mondiale' },
      territory: { name: 'Venelles et Gardanne' },
    });
    expect(summary.get('Fondation de France – Innovation territoriale')).toMatchObject({
      status: 'drafting',
      territory: null,
    });
    expect(summary.get("La France s'engage – essaimage d'Envies d'Alliances")).toMatchObject({
      status: 'drafting',
      funder: { name: "Fondation La France s'engage" },
    });
    const aix = summary.get("Convention Ville d'Aix-en-Provence – culture & art 2018");
    expect(aix).toMatchObject({ status: 'reported', amountGranted: 20_000, amountReceived: 20_000 });
    const upcycling = applications.find((a) => a.project !== null);
    expect(upcycling).toMatchObject({ status: 'refused', decidedOn: '2018-03-15', amountRequested: 8000 });

    const pertuis = await getApplication(
      database.db,
      admin,
      summary.get("Envies d'Alliances – Pertuis : économie circulaire et circuits courts")?.id ?? '',
    );
    expect(pertuis.history.map((s) => s.toStatus)).toEqual(['drafting', 'submitted', 'granted']);
    expect(pertuis.coFunding).toEqual([
      { actorId: expect.any(String), name: 'Ville de Pertuis', label: '', amount: 10_000, secured: true },
    ]);
    expect(pertuis.reports.map((r) => [r.title, r.dueOn, r.submittedOn])).toEqual([
      ['Rapport intermédiaire', '2018-12-31', '2018-12-20'],
      ['Rapport final', '2019-03-31', null],
    ]);
    const aixDetail = await getApplication(database.db, admin, aix?.id ?? '');
    expect(aixDetail.history.map((s) => s.toStatus)).toEqual(['drafting', 'submitted', 'granted', 'reported']);
    // The history reads as it happened (2017–2019), not the day the demo loaded.
    expect(aixDetail.history.map((s) => s.at.slice(0, 10))).toEqual([
      '2017-11-01',
      '2017-12-01',
      '2018-02-10',
      '2019-01-25',
    ]);
    expect(aixDetail.createdAt.slice(0, 10)).toBe('2017-11-01');
    expect(pertuis.history.map((s) => s.at.slice(0, 10))).toEqual(['2017-10-29', '2017-11-28', '2018-03-15']);
    const drafting = applications.find((a) => a.status === 'drafting');
    const draftingDetail = await getApplication(database.db, admin, drafting?.id ?? '');
    expect(draftingDetail.history.map((s) => s.at.slice(0, 10))).toEqual(['2017-11-06']);
    const refused = await getApplication(database.db, admin, upcycling?.id ?? '');
    expect(refused.history.at(-1)).toMatchObject({
      toStatus: 'refused',
      reason: expect.stringContaining('Hors périmètre'),
    });
  });
});
