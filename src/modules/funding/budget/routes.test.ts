import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { eurosFormat } from '../../../http/list-export.js';
import type { ApplicationBudgetView, BudgetView, LineView, NewLineInput, SourceChoices } from './contract.js';
import { type BudgetFixture, budgetFixture } from './fixtures.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('budget routes', () => {
  let t: TestApp;
  let f: BudgetFixture;
  let animator: SignedIn;
  let observer: SignedIn;
  let member: SignedIn;
  let granted: string;
  let submitted: string;
  let line: LineView;
  const call = callerOf(() => t.app);
  const base = '/api/v1/funding/budget';
  const newLine = (overrides: Partial<NewLineInput> = {}): NewLineInput => ({
    programmeId: f.programmeId,
    year: 2018,
    territoryId: f.pertuis,
    category: 'production',
    label: 'Production / territoire',
    forecast: 32_500,
    sources: [
      { kind: 'application', applicationId: granted, amount: 30_000 },
      { kind: 'ownFunds', label: 'Apport PAA', amount: 1_000 },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    f = await budgetFixture(t.db);
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    member = await signedInAs(t.db, 'member');
    granted = await f.application('granted', 30_000, 30_000);
    submitted = await f.application('submitted', 25_000);
  });
  afterAll(() => t.close());

  it('lets staff add a line with its sources, answered with its figures', async () => {
    const res = await call(animator, 'POST', `${base}/lines`, newLine());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    line = res.body as LineView;
    expect(line).toMatchObject({
      territoryName: 'Pertuis',
      forecast: 32_500,
      funded: 31_000,
      expected: 0,
      remaining: 1_500,
      overFunded: false,
    });
    expect(line.sources.map((s) => [s.kind, s.label, s.applicationStatus, s.funded])).toEqual([
      ['application', 'Dossier 1 (granted)', 'granted', 30_000],
      ['ownFunds', 'Apport PAA', null, 1_000],
    ]);
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const before = (await call(observer, 'GET', `${base}?programmeId=${f.programmeId}`)).body as BudgetView;
    const otherProgrammeApp = await f.application('granted', 1, 1);
    const res = await call(animator, 'POST', `${base}/lines`, {
      ...newLine(),
      territoryId: crypto.randomUUID(),
      forecast: -1,
      category: 'nope',
      sources: [
        { kind: 'application', amount: 10 },
        { kind: 'ownFunds', label: '', amount: 0 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining([
        ['category', 'invalid'],
        ['forecast', 'tooSmall'],
        ['sources.0.applicationId', 'required'],
        ['sources.1.amount', 'amountNotPositive'],
        ['sources.1.label', 'required'],
      ]),
    );
    const twice = await call(animator, 'POST', `${base}/lines`, {
      ...newLine(),
      sources: [
        { kind: 'application', applicationId: submitted, amount: 5 },
        { kind: 'application', applicationId: submitted, amount: 5 },
      ],
    });
    expect(fieldsOf(twice.body)).toEqual([['sources.1.applicationId', 'duplicateSource']]);
    // Checked against the database: the territory and the applications must be the programme's.
    const refs = await call(animator, 'POST', `${base}/lines`, {
      ...newLine({ programmeId: f.otherProgrammeId }),
      sources: [
        { kind: 'application', applicationId: otherProgrammeApp, amount: 1 },
        { kind: 'application', applicationId: crypto.randomUUID(), amount: 1 },
        { kind: 'contribution', contributionId: crypto.randomUUID(), amount: 1 },
      ],
    });
    expect(refs.status).toBe(422);
    expect(fieldsOf(refs.body)).toEqual([
      ['territoryId', 'notInProgramme'],
      ['sources.0.applicationId', 'notInProgramme'],
      ['sources.1.applicationId', 'unknownApplication'],
      ['sources.2.contributionId', 'unknownContribution'],
    ]);
    const unknown = await call(animator, 'POST', `${base}/lines`, newLine({ programmeId: crypto.randomUUID() }));
    expect(fieldsOf(unknown.body)).toEqual([['programmeId', 'unknownProgramme']]);
    const after = (await call(observer, 'GET', `${base}?programmeId=${f.programmeId}`)).body as BudgetView;
    expect(after.lines).toHaveLength(before.lines.length);
  });

  it('replaces a line and its sources; a rejected change keeps the old ones', async () => {
    const res = await call(animator, 'PUT', `${base}/lines/${line.id}`, {
      year: 2018,
      territoryId: f.pertuis,
      category: 'production',
      label: 'Production Pertuis',
      forecast: 40_000,
      committed: 10_000,
      sources: [
        { kind: 'application', applicationId: granted, amount: 30_000 },
        { kind: 'application', applicationId: submitted, amount: 25_000 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ label: 'Production Pertuis', funded: 30_000, expected: 25_000, remaining: 0 });
    expect((res.body as LineView).overFunded).toBe(true);
    const bad = await call(animator, 'PUT', `${base}/lines/${line.id}`, {
      year: 2018,
      category: 'production',
      label: 'Production Pertuis',
      sources: [{ kind: 'contribution', contributionId: crypto.randomUUID(), amount: 1 }],
    });
    expect(bad.status).toBe(422);
    const view = (await call(observer, 'GET', `${base}?programmeId=${f.programmeId}&from=2018&to=2018`))
      .body as BudgetView;
    expect(view.lines[0]?.sources).toHaveLength(2);
    expect(view.totals.bySource.map((s) => [s.label, s.funded, s.expected])).toEqual([
      ['Dossier 1 (granted)', 30_000, 0],
      ['Dossier 2 (submitted)', 0, 25_000],
    ]);
  });

  it('shows an application’s lines, and the sources a line may use', async () => {
    const mine = (await call(observer, 'GET', `${base}/applications/${submitted}`)).body as ApplicationBudgetView;
    expect(mine.lines).toEqual([
      expect.objectContaining({ lineId: line.id, territoryName: 'Pertuis', amount: 25_000, expected: 25_000 }),
    ]);
    const unknown = await call(observer, 'GET', `${base}/applications/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    const contribution = await f.contribution(2_000);
    await f.contribution(500, 'volunteerHours');
    await f.contribution(800, 'inKind');
    const choices = (await call(observer, 'GET', `${base}/sources?programmeId=${f.programmeId}`)).body as SourceChoices;
    expect(choices.applications.map((a) => a.id)).toEqual(expect.arrayContaining([granted, submitted]));
    expect(choices.contributions).toEqual([
      expect.objectContaining({ id: contribution, actorName: 'Partenaire Test', ownerTitle: 'Partenariat test' }),
    ]);
  });

  it('refuses a contribution that is not money (hours, in kind, skills) as a source of a line', async () => {
    const hours = await f.contribution(1_200, 'volunteerHours');
    const skills = await f.contribution(700, 'skills');
    const res = await call(
      animator,
      'POST',
      `${base}/lines`,
      newLine({
        sources: [
          { kind: 'contribution', contributionId: hours, amount: 1_200 },
          { kind: 'contribution', contributionId: skills, amount: 700 },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual([
      ['sources.0.contributionId', 'contributionNotFinancial'],
      ['sources.1.contributionId', 'contributionNotFinancial'],
    ]);
  });

  it('lets observers read, and refuses writes to them, reads to members and anonymous callers', async () => {
    const url = `${base}?programmeId=${f.programmeId}`;
    expect((await call(observer, 'GET', url)).status).toBe(200);
    expect((await call(member, 'GET', url)).status).toBe(403);
    expect((await call(null, 'GET', url)).status).toBe(401);
    expect((await call(member, 'GET', `${base}.xlsx?programmeId=${f.programmeId}`)).status).toBe(403);
    expect((await call(observer, 'POST', `${base}/lines`, newLine())).status).toBe(403);
    expect((await call(observer, 'DELETE', `${base}/lines/${line.id}`)).status).toBe(403);
    expect((await call(observer, 'GET', `${base}?programmeId=${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('manages volunteer rates and hours through the API', async () => {
    const rate = await call(animator, 'POST', `${base}/volunteer-rates`, {
      programmeId: f.programmeId,
      year: 2018,
      role: '',
      hourlyRate: 20,
    });
    expect(rate.status, JSON.stringify(rate.body)).toBe(201);
    const again = await call(animator, 'POST', `${base}/volunteer-rates`, {
      programmeId: f.programmeId,
      year: 2018,
      hourlyRate: 25,
    });
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual([['role', 'rateTaken']]);
    const hours = await call(animator, 'POST', `${base}/volunteer-hours`, {
      programmeId: f.programmeId,
      territoryId: f.aix,
      actorId: f.partnerId,
      role: 'bénévole d’animation',
      workedOn: '2018-04-12',
      hours: 7.5,
    });
    expect(hours.status, JSON.stringify(hours.body)).toBe(201);
    expect(hours.body).toMatchObject({ actorName: 'Partenaire Test', hourlyRate: 20, value: 150 });
    const id = (hours.body as { id: string }).id;
    const changed = await call(animator, 'PUT', `${base}/volunteer-hours/${id}`, {
      role: 'bénévole d’animation',
      workedOn: '2018-04-12',
      hours: 10,
      actorId: crypto.randomUUID(),
    });
    expect(fieldsOf(changed.body)).toEqual([['actorId', 'unknownActor']]);
    const view = await call(observer, 'GET', `${base}/volunteers?programmeId=${f.programmeId}&from=2018&to=2018`);
    expect(view.body).toMatchObject({ valuation: { overall: { hours: 7.5, value: 150, unvaluedHours: 0 } } });
    expect((await call(animator, 'DELETE', `${base}/volunteer-hours/${id}`)).status).toBe(204);
    expect((await call(animator, 'DELETE', `${base}/volunteer-hours/${id}`)).status).toBe(404);
  });

  it('exports the budget as a workbook: a sheet per view, French headers, euro format, frozen header', async () => {
    await call(animator, 'POST', `${base}/volunteer-hours`, {
      programmeId: f.programmeId,
      role: 'administrateur·rice',
      workedOn: '2018-09-01',
      hours: 2,
    });
    const res = await call(observer, 'GET', `${base}.xlsx?programmeId=${f.programmeId}&from=2018&to=2018`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="budget-programme-budget-2018.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Lignes',
      'Sources',
      'Par année',
      'Par territoire',
      'Par catégorie',
      'Par source',
      'Bénévolat',
    ]);
    const lines = workbook.getWorksheet('Lignes');
    expect(lines?.getRow(1).values).toEqual([
      undefined,
      'Année',
      'Territoire',
      'Catégorie',
      'Libellé',
      'Prévu',
      'Engagé',
      'Réalisé',
      'Financé',
      'Attendu',
      'Reste à financer',
    ]);
    expect(lines?.getRow(2).values).toEqual([
      undefined,
      2018,
      'Pertuis',
      'Production',
      'Production Pertuis',
      40_000,
      10_000,
      0,
      30_000,
      25_000,
      0,
    ]);
    expect(lines?.getCell('H2').numFmt).toBe(eurosFormat);
    expect(lines?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const sources = workbook.getWorksheet('Sources');
    expect(sources?.getRow(3).values).toEqual(
      expect.arrayContaining(['Dossier 2 (submitted)', 'Fondation Test', 'Déposé', 25_000]),
    );
    expect(sources?.getRow(4).values).toEqual([undefined, 'Total', '', '', '', '', '', '', 55_000, 30_000, 25_000]);
    expect(sources?.getRow(4).font).toMatchObject({ bold: true });
    const lastLine = lines?.getRow(lines.rowCount).values as unknown[];
    expect([lastLine[1], lastLine[5], lastLine[8]]).toEqual(['Total', 40_000, 30_000]);
    const categories = workbook.getWorksheet('Par catégorie');
    expect(categories?.getRow(2).values).toEqual([undefined, 'Production', 40_000, 10_000, 0, 30_000, 25_000, 0]);
    expect(categories?.getRow(3).getCell(1).value).toBe('Total');
    const years = workbook.getWorksheet('Par année');
    expect(years?.getRow(2).values).toEqual([undefined, 2018, 40_000, 10_000, 0, 30_000, 25_000, 0]);
    const volunteers = workbook.getWorksheet('Bénévolat');
    expect(volunteers?.getRow(2).values).toEqual([
      undefined,
      'Contributions volontaires en nature',
      'Total',
      2,
      2,
      40,
      0,
    ]);
    expect(volunteers?.getColumn(5).numFmt).toBe(eurosFormat);
    const accounts = [...Array(volunteers?.rowCount ?? 0).keys()]
      .map((i) => volunteers?.getRow(i + 1).values as unknown[])
      .filter((row) => String(row[1]).startsWith('8'))
      .map((row) => [row[1], row[2], row[5]]);
    expect(accounts).toEqual([
      ['864 — Personnel bénévole (emplois)', 2018, 40],
      ['875 — Bénévolat (contributions)', 2018, 40],
      ['864 — Personnel bénévole (emplois)', 'Total', 40],
      ['875 — Bénévolat (contributions)', 'Total', 40],
    ]);
  });

  it('names own funds by what they are and a partner’s contributions by their description in « Par source »', async () => {
    const contribution = await f.contribution(1_000);
    const created = await call(
      animator,
      'POST',
      `${base}/lines`,
      newLine({
        year: 2017,
        sources: [
          { kind: 'ownFunds', label: 'Apport PAA, y compris stagiaire', amount: 500 },
          { kind: 'contribution', contributionId: contribution, amount: 1_000 },
        ],
      }),
    );
    const res = await call(observer, 'GET', `${base}.xlsx?programmeId=${f.programmeId}&from=2017&to=2017`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const bySource = workbook.getWorksheet('Par source');
    const rows = [2, 3, 4].map((i) => (bySource?.getRow(i).values as unknown[] | undefined)?.slice(1, 4));
    expect(rows).toEqual([
      ['Contribution d’un partenaire', expect.stringMatching(/^Apport \d+$/), 'Partenaire Test'],
      ['Fonds propres', 'Apport PAA, y compris stagiaire', ''],
      ['Total', '', ''],
    ]);
    await call(animator, 'DELETE', `${base}/lines/${(created.body as LineView).id}`);
  });

  it('deletes a line with its sources', async () => {
    expect((await call(animator, 'DELETE', `${base}/lines/${line.id}`)).status).toBe(204);
    const view = (await call(observer, 'GET', `${base}?programmeId=${f.programmeId}`)).body as BudgetView;
    expect(view.lines).toEqual([]);
    expect(view.totals.bySource).toEqual([]);
    expect((await call(animator, 'DELETE', `${base}/lines/${line.id}`)).status).toBe(404);
  });
});
