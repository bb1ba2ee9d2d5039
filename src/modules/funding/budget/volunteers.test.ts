import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db.js';
import type { Database } from '../../../db/client.js';
import { DomainError } from '../../../errors.js';
import { type BudgetFixture, budgetFixture } from './fixtures.js';
import { createHours, createRate, updateRate, volunteersView, volunteerValuation } from './volunteers.js';

describe('volunteer valuation', () => {
  let database: Database;
  let f: BudgetFixture;
  const log = (role: string, workedOn: string, hours: number, territoryId: string | null = null) =>
    createHours(database.db, f.staff, { programmeId: f.programmeId, role, workedOn, hours, territoryId });

  beforeAll(async () => {
    database = await createTestDatabase();
    f = await budgetFixture(database.db);
    const rate = (year: number, role: string, hourlyRate: number) =>
      createRate(database.db, f.staff, { programmeId: f.programmeId, year, role, hourlyRate });
    await rate(2017, 'administrateur·rice', 25);
    await rate(2017, '', 20);
    await rate(2018, 'administrateur·rice', 30);
    await log('administrateur·rice', '2017-03-01', 10, f.aix);
    await log('bénévole d’animation', '2017-06-01', 5, f.pertuis);
    await log('administrateur·rice', '2018-02-01', 4);
    // 2018 has no default rate: these hours are reported, not valued at zero.
    await log('bénévole d’animation', '2018-05-01', 3, f.aix);
  });
  afterAll(() => database.close());

  it('values hours at the role’s rate, else the year’s default, and reports hours without any rate', async () => {
    const v = await volunteerValuation(database.db, f.programmeId);
    expect(v.overall).toEqual({ hours: 22, valuedHours: 19, value: 10 * 25 + 5 * 20 + 4 * 30, unvaluedHours: 3 });
    expect(v.byYear).toEqual([
      { year: 2017, hours: 15, valuedHours: 15, value: 350, unvaluedHours: 0 },
      { year: 2018, hours: 7, valuedHours: 4, value: 120, unvaluedHours: 3 },
    ]);
    expect(v.byRole).toEqual([
      { role: 'administrateur·rice', hours: 14, valuedHours: 14, value: 370, unvaluedHours: 0 },
      { role: 'bénévole d’animation', hours: 8, valuedHours: 5, value: 100, unvaluedHours: 3 },
    ]);
    expect(v.byTerritory).toEqual(
      expect.arrayContaining([
        { territoryId: f.aix, hours: 13, valuedHours: 10, value: 250, unvaluedHours: 3 },
        { territoryId: f.pertuis, hours: 5, valuedHours: 5, value: 100, unvaluedHours: 0 },
        { territoryId: null, hours: 4, valuedHours: 4, value: 120, unvaluedHours: 0 },
      ]),
    );
  });

  it('shows each log with the rate applied, over a span of years', async () => {
    const view = await volunteersView(database.db, f.programmeId, { from: 2018, to: 2018 });
    expect(view.rates.map((r) => [r.year, r.role, r.hourlyRate])).toEqual([[2018, 'administrateur·rice', 30]]);
    expect(view.logs.map((l) => [l.workedOn, l.hourlyRate, l.value, l.territoryName])).toEqual([
      ['2018-05-01', null, null, 'Aix-en-Provence'],
      ['2018-02-01', 30, 120, null],
    ]);
    expect(view.valuation.overall.unvaluedHours).toBe(3);
  });

  it('refuses a second rate for the same year and role, and hours in another programme’s territory', async () => {
    const err = await createRate(database.db, f.staff, {
      programmeId: f.programmeId,
      year: 2017,
      role: '',
      hourlyRate: 22,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).issues).toEqual([{ field: 'role', code: 'rateTaken' }]);
    const view = await volunteersView(database.db, f.programmeId, { from: 2017, to: 2017 });
    const own = view.rates.find((r) => r.role === 'administrateur·rice');
    await expect(
      updateRate(database.db, f.staff, own?.id ?? '', { year: 2017, role: '', hourlyRate: 21 }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      createHours(database.db, f.staff, {
        programmeId: f.otherProgrammeId,
        role: 'bénévole',
        workedOn: '2017-01-01',
        hours: 2,
        territoryId: f.aix,
        actorId: f.partnerId,
      }),
    ).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'territoryId', code: 'notInProgramme' }] });
    await expect(
      createHours(database.db, f.staff, {
        programmeId: f.programmeId,
        role: 'x',
        workedOn: '2017-02-30',
        hours: 0,
      }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      issues: [
        { field: 'role', code: 'tooShort' },
        { field: 'workedOn', code: 'invalidDate' },
        { field: 'hours', code: 'amountNotPositive' },
      ],
    });
  });

  it('matches roles whatever the case, spaces and apostrophe, and keeps one rate per year and role so compared', async () => {
    await createRate(database.db, f.staff, {
      programmeId: f.programmeId,
      year: 2019,
      role: 'bénévole d’animation',
      hourlyRate: 15,
    });
    await expect(
      createRate(database.db, f.staff, {
        programmeId: f.programmeId,
        year: 2019,
        role: "  Bénévole D'animation ",
        hourlyRate: 16,
      }),
    ).rejects.toMatchObject({ kind: 'conflict', issues: [{ field: 'role', code: 'rateTaken' }] });
    await log("Bénévole d'animation", '2019-04-01', 2);
    const v = await volunteerValuation(database.db, f.programmeId, { from: 2019, to: 2019 });
    expect(v.overall).toEqual({ hours: 2, valuedHours: 2, value: 30, unvaluedHours: 0 });
    expect(v.byRole).toHaveLength(1);
  });

  it('answers 409 rather than an error when two identical rates are written at once', async () => {
    const write = () =>
      createRate(database.db, f.staff, { programmeId: f.programmeId, year: 2020, role: 'trésorier', hourlyRate: 20 });
    const results = await Promise.allSettled([write(), write(), write()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ kind: 'conflict', issues: [{ code: 'rateTaken' }] });
    }
  });

  it('refuses hours dated outside the programme', async () => {
    for (const workedOn of ['2016-12-31', '2021-01-01']) {
      await expect(log('bénévole', workedOn, 1)).rejects.toMatchObject({
        kind: 'invalid',
        issues: [{ field: 'workedOn', code: 'outsideProgramme' }],
      });
    }
  });
});
