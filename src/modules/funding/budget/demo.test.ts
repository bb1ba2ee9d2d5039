import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProgrammeDatabase } from '../../../../tests/demo.js';
import type { Database } from '../../../db/client.js';
import { budgetView } from './view.js';
import { volunteerValuation } from './volunteers.js';

describe('demo budget', () => {
  let database: Database;
  let programmeId: string;
  beforeAll(async () => {
    ({ database, programmeId } = await demoProgrammeDatabase());
  });
  afterAll(() => database.close());

  it('holds the 2017 figures of the seeds: PAA contribution 12 500 €, volunteer valuation 27 600 €', async () => {
    const y2017 = await budgetView(database.db, { programmeId, from: 2017, to: 2017 });
    expect(y2017.totals.overall).toMatchObject({ forecast: 12_500, committed: 12_500, actual: 12_500, funded: 12_500 });
    expect(y2017.totals.bySource).toEqual([expect.objectContaining({ kind: 'ownFunds', funded: 12_500 })]);
    const volunteers = await volunteerValuation(database.db, programmeId, { from: 2017, to: 2017 });
    expect(volunteers.overall).toEqual({ hours: 1230, valuedHours: 1230, value: 27_600, unvaluedHours: 0 });
    expect(volunteers.byTerritory.length).toBeGreaterThan(3);
  });

  it('holds the 2018–2020 forecast: 50 000 € transversal and 97 500 € per territory', async () => {
    const forecast = await budgetView(database.db, { programmeId, from: 2018, to: 2020 });
    expect(forecast.totals.overall.forecast).toBe(50_000 + 3 * 97_500);
    expect(forecast.totals.byTerritory.map((t) => [t.territoryName, t.forecast])).toEqual([
      [null, 50_000],
      ['Aix-en-Provence', 97_500],
      ['Venelles et Gardanne', 97_500],
      ['Pertuis', 97_500],
    ]);
    // 2018: Pertuis and Aix granted (30 000 € and 20 000 €), AG2R submitted (25 000 €), Fondation de France drafting.
    expect(forecast.totals.byYear[0]).toMatchObject({ year: 2018, funded: 50_000, expected: 25_000 });
    expect(forecast.totals.byYear.map((y) => [y.year, y.forecast])).toEqual([
      [2018, 16_000 + 3 * 32_500],
      [2019, 17_000 + 3 * 32_500],
      [2020, 17_000 + 3 * 32_500],
    ]);
  });
});
