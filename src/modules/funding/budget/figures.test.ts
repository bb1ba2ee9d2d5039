import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db.js';
import type { Database } from '../../../db/client.js';
import { fundingApplications } from '../applications/schema.js';
import type { NewLineInput } from './contract.js';
import { budgetFigures } from './figures.js';
import { type BudgetFixture, budgetFixture } from './fixtures.js';
import { createLine } from './lines.js';
import { budgetView } from './view.js';

describe('budget figures (computed by the database)', () => {
  let database: Database;
  let f: BudgetFixture;
  const line = (overrides: Partial<NewLineInput>) =>
    createLine(database.db, f.staff, {
      programmeId: f.programmeId,
      year: 2018,
      category: 'production',
      label: 'Production',
      ...overrides,
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    f = await budgetFixture(database.db);
  });
  afterAll(() => database.close());

  it('counts granted applications as funded, submitted ones as expected, refused and drafts as neither', async () => {
    const granted = await f.application('granted', 30_000, 30_000);
    const submitted = await f.application('submitted', 25_000);
    const refused = await f.application('refused', 10_000);
    const drafting = await f.application('drafting', 8_000);
    const id = await line({
      territoryId: f.pertuis,
      forecast: 100_000,
      committed: 40_000,
      actual: 12_000,
      sources: [
        { kind: 'application', applicationId: granted, amount: 30_000 },
        { kind: 'application', applicationId: submitted, amount: 25_000 },
        { kind: 'application', applicationId: refused, amount: 10_000 },
        { kind: 'application', applicationId: drafting, amount: 8_000 },
        { kind: 'ownFunds', label: 'Apport PAA', amount: 5_000 },
      ],
    });
    const figures = await budgetFigures(database.db, f.programmeId, { from: 2018, to: 2018 });
    expect(figures.lines.get(id)).toEqual({
      forecast: 100_000,
      committed: 40_000,
      actual: 12_000,
      funded: 35_000,
      expected: 25_000,
      remaining: 40_000,
      overFunded: false,
    });
    // A decision changes the figures: the submitted one is granted for less than asked.
    await database.db
      .update(fundingApplications)
      .set({ status: 'granted', amountGranted: 20_000 })
      .where(eq(fundingApplications.id, submitted));
    const after = await budgetFigures(database.db, f.programmeId, { from: 2018, to: 2018 });
    expect(after.lines.get(id)).toMatchObject({ funded: 55_000, expected: 0, remaining: 45_000 });
  });

  it('scales an application down in proportion when its allocations exceed its grant', async () => {
    const app = await f.application('granted', 40_000, 30_000);
    const a = await line({
      year: 2019,
      territoryId: f.aix,
      forecast: 20_000,
      sources: [{ kind: 'application', applicationId: app, amount: 20_000 }],
    });
    const b = await line({
      year: 2020,
      territoryId: f.aix,
      forecast: 20_000,
      sources: [{ kind: 'application', applicationId: app, amount: 20_000 }],
    });
    // 40 000 € allocated for a 30 000 € grant: each allocation counts for 3/4, even when one year is shown alone.
    const y2019 = await budgetFigures(database.db, f.programmeId, { from: 2019, to: 2019 });
    expect(y2019.lines.get(a)).toMatchObject({ funded: 15_000, remaining: 5_000 });
    expect(y2019.lines.has(b)).toBe(false);
    const both = await budgetFigures(database.db, f.programmeId, { from: 2019, to: 2020 });
    expect(both.overall).toMatchObject({ forecast: 40_000, funded: 30_000, remaining: 10_000 });
    const source = both.bySource.find((s) => s.key === app);
    expect(source).toMatchObject({
      kind: 'application',
      allocated: 40_000,
      funded: 30_000,
      funderName: 'Fondation Test',
    });
  });

  it('counts contributions up to their value, in full when they have none', async () => {
    const valued = await f.contribution(6_000);
    const unvalued = await f.contribution(null);
    const a = await line({
      year: 2021,
      forecast: 10_000,
      category: 'communication',
      sources: [
        { kind: 'contribution', contributionId: valued, amount: 8_000 },
        { kind: 'contribution', contributionId: unvalued, amount: 1_000 },
      ],
    });
    const figures = await budgetFigures(database.db, f.programmeId, { from: 2021, to: 2021 });
    expect(figures.lines.get(a)).toMatchObject({ funded: 7_000, expected: 0, remaining: 3_000 });
    expect(figures.bySource).toEqual([
      // The partner's contributions by their descriptions, the partner as the funder (not named twice).
      expect.objectContaining({
        kind: 'contribution',
        key: f.partnerId,
        label: expect.stringMatching(/^Apport \d+( ; Apport \d+)*$/),
        funderName: 'Partenaire Test',
        funded: 7_000,
      }),
    ]);
  });

  it('totals per year, territory (transversal apart), category and source; remaining summed line by line', async () => {
    const over = await line({
      year: 2022,
      category: 'coordination',
      label: 'Coordination',
      forecast: 1_000,
      sources: [{ kind: 'ownFunds', label: 'Apport PAA', amount: 3_000 }],
    });
    await line({ year: 2022, territoryId: f.aix, forecast: 5_000, label: 'Aix' });
    const figures = await budgetFigures(database.db, f.programmeId, { from: 2022, to: 2022 });
    // The over-funded line does not hide the other's gap.
    expect(figures.overall).toMatchObject({ forecast: 6_000, funded: 3_000, remaining: 5_000 });
    expect(figures.byYear).toEqual([expect.objectContaining({ year: 2022, forecast: 6_000 })]);
    expect(figures.byTerritory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ territoryId: null, forecast: 1_000, funded: 3_000, remaining: 0 }),
        expect.objectContaining({ territoryId: f.aix, forecast: 5_000, remaining: 5_000 }),
      ]),
    );
    // In the order of the vocabulary.
    expect(figures.byCategory).toEqual([
      expect.objectContaining({ category: 'coordination', forecast: 1_000 }),
      expect.objectContaining({ category: 'production', forecast: 5_000 }),
    ]);
    expect(figures.bySource).toEqual([expect.objectContaining({ kind: 'ownFunds', key: 'ownFunds', funded: 3_000 })]);
    const view = await budgetView(database.db, { programmeId: f.programmeId, from: 2022, to: 2022 });
    expect(view.lines.map((l) => l.label)).toEqual(['Coordination', 'Aix']);
    expect(view.lines.find((l) => l.id === over)?.overFunded).toBe(true);

    const all = await budgetFigures(database.db, f.programmeId);
    expect(all.byYear.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(all.overall.forecast).toBe(100_000 + 40_000 + 10_000 + 6_000);
  });

  it('answers zeros for a programme without lines', async () => {
    const figures = await budgetFigures(database.db, f.otherProgrammeId);
    expect(figures.overall).toEqual({ forecast: 0, committed: 0, actual: 0, funded: 0, expected: 0, remaining: 0 });
    expect(figures.lines.size).toBe(0);
  });

  it('shares the cents of an application over its sources so that the parts add up to what it brings', async () => {
    const grant = await f.application('granted', 100, 100);
    const ids = [];
    for (const label of ['Part A', 'Part B', 'Part C']) {
      ids.push(await line({ label, year: 2019, sources: [{ kind: 'application', applicationId: grant, amount: 50 }] }));
    }
    const figures = await budgetFigures(database.db, f.programmeId, { from: 2019, to: 2019 });
    const parts = ids.map((id) => figures.lines.get(id)?.funded ?? 0);
    expect([...parts].sort()).toEqual([33.33, 33.33, 33.34]);
    expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(10_000);
    const bySource = figures.bySource.find((s) => s.key === grant);
    expect(bySource).toMatchObject({ allocated: 150, funded: 100 });
  });

  it('says a line is over-funded from exact sums (0,10 + 0,20 is not above 0,30)', async () => {
    const exact = await line({
      label: 'Juste financée',
      year: 2020,
      forecast: 0.3,
      sources: [
        { kind: 'ownFunds', label: 'Apport A', amount: 0.1 },
        { kind: 'ownFunds', label: 'Apport B', amount: 0.2 },
      ],
    });
    const above = await line({
      label: 'Trop financée',
      year: 2020,
      forecast: 0.3,
      sources: [{ kind: 'ownFunds', label: 'Apport', amount: 0.31 }],
    });
    const view = await budgetView(database.db, { programmeId: f.programmeId, from: 2020, to: 2020 });
    expect(view.lines.find((l) => l.id === exact)?.overFunded).toBe(false);
    expect(view.lines.find((l) => l.id === above)?.overFunded).toBe(true);
  });
});
