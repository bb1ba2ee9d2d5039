import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { type FigureScope, resolveScope } from '../dashboard/scope.js';
import { partnerships } from '../partnerships/schema.js';
import { emptyEvaluationFigures, evaluationFigures } from './figures.js';
import { answerOf, type EvaluationFixture, evaluationFixture } from './fixtures.js';
import { setEvaluationStatus } from './service.js';

/**
 * The fixture's answers, normalised ((score − 1) / 4 × 100):
 * - Aix 2017: association 5 4 3 5 4 ? → 100 75 50 100 75 —; company 3 4 1 5 2 3 → 50 75 0 100 25 50;
 *   dimensions 75 75 25 100 50 50, overall 62.5;
 * - Aix 2018: the association only, all 4 → 75 everywhere (the company did not answer);
 * - Pertuis 2017: the company only, all 2 → 25 everywhere; Pertuis 2018: opened, nobody answered;
 * - outside the area 2017: all 5 (never counted).
 */
/** The fixture programme's evaluation figures for a scope (readers unless said). */
async function figuresOf(database: Database, f: EvaluationFixture, scope: Partial<FigureScope>) {
  return evaluationFigures(
    database.db,
    await resolveScope(database.db, { programmeId: f.programmeId, audience: 'readers', ...scope }),
  );
}

describe('evaluation figures', () => {
  let database: Database;
  let f: EvaluationFixture;
  const figures = (scope: Partial<FigureScope>) => figuresOf(database, f, scope);

  beforeAll(async () => {
    database = await createTestDatabase();
    f = await evaluationFixture(database.db);
    const { asso, company, pertuisCompany, farA } = f.actors;
    const aix2017 = await f.open(f.partnerships.aix, 2017);
    await f.answer(
      aix2017,
      asso,
      answerOf([5, 4, 3, 5, 4, null], {
        balance: 2,
        objectives: [
          { label: 'Des lieux de résidence', status: 'met' },
          { label: 'Un financement de la production', status: 'partlyMet' },
        ],
      }),
    );
    await f.answer(
      aix2017,
      company,
      answerOf([3, 4, 1, 5, 2, 3], { balance: 4, objectives: [{ label: 'Fédérer les salariés', status: 'notMet' }] }),
    );
    await f.indicators(aix2017, [
      { key: 'beneficiariesReached', baseline: 0, target: 100, measured: 80, evidence: 'Feuilles de présence' },
      { key: 'volunteerHours', target: 50, measured: 60 },
    ]);
    await setEvaluationStatus(database.db, f.staff, aix2017, { closed: true });
    // 2018 carries the indicators over (baseline and target), measures left to enter.
    const aix2018 = await f.open(f.partnerships.aix, 2018);
    await f.answer(aix2018, asso, answerOf([4, 4, 4, 4, 4, 4], { objectives: [{ label: 'Exposer', status: 'met' }] }));
    await f.indicators(aix2018, [{ key: 'beneficiariesReached', target: 150, measured: 120 }]);
    const pertuis2017 = await f.open(f.partnerships.pertuis, 2017);
    await f.answer(
      pertuis2017,
      pertuisCompany,
      answerOf([2, 2, 2, 2, 2, 2], { balance: 5, objectives: [{ label: 'Débouchés', status: 'met' }] }),
    );
    await f.indicators(pertuis2017, [{ key: 'tonnesDiverted', target: 5, measured: 3.5 }]);
    await f.open(f.partnerships.pertuis, 2018);
    const far2017 = await f.open(f.partnerships.far, 2017);
    await f.answer(far2017, farA, answerOf([5, 5, 5, 5, 5, 5], { objectives: [{ label: 'Loin', status: 'met' }] }));
  });
  afterAll(() => database.close());

  it('counts every evaluation of the programme’s area, each answered one weighing the same', async () => {
    expect(await figures({})).toEqual({
      evaluatedPartnerships: 2,
      evaluations: 4,
      responses: 4,
      dimensions: {
        performance: 58.3,
        coherence: 58.3,
        efficiency: 41.7,
        relevance: 66.7,
        societalContribution: 50,
        clarityMeaning: 50,
      },
      overall: 54.2,
      byYear: [
        {
          year: 2017,
          evaluatedPartnerships: 2,
          responses: 3,
          dimensions: {
            performance: 50,
            coherence: 50,
            efficiency: 25,
            relevance: 62.5,
            societalContribution: 37.5,
            clarityMeaning: 37.5,
          },
          overall: 43.8,
        },
        {
          year: 2018,
          evaluatedPartnerships: 1,
          responses: 1,
          dimensions: {
            performance: 75,
            coherence: 75,
            efficiency: 75,
            relevance: 75,
            societalContribution: 75,
            clarityMeaning: 75,
          },
          overall: 75,
        },
      ],
      indicators: [
        {
          key: 'beneficiariesReached',
          labelFr: 'Bénéficiaires touchés',
          labelEn: 'Beneficiaries reached',
          unitFr: 'personnes',
          unitEn: 'people',
          baseline: 0,
          target: 250,
          measured: 200,
          evaluations: 2,
        },
        expect.objectContaining({ key: 'volunteerHours', baseline: null, target: 50, measured: 60, evaluations: 1 }),
        // Pertuis 2018 carried the indicator over from 2017, its measure still to enter: its target does not add up
        // a second time beside the one measure.
        expect.objectContaining({ key: 'tonnesDiverted', baseline: null, target: 5, measured: 3.5, evaluations: 2 }),
      ],
      objectives: { total: 5, met: 3, partlyMet: 1, notMet: 1, metPercent: 60 },
      balance: { responses: 4, average: 3.5, distribution: [0, 1, 1, 1, 1] },
    });
  });

  it('keeps to a year', async () => {
    const y2017 = await figures({ year: 2017 });
    expect(y2017).toMatchObject({
      evaluatedPartnerships: 2,
      evaluations: 2,
      responses: 3,
      overall: 43.8,
      dimensions: { efficiency: 25, relevance: 62.5 },
      objectives: { total: 4, met: 2, partlyMet: 1, notMet: 1, metPercent: 50 },
      balance: { responses: 3, average: 3.67, distribution: [0, 1, 0, 1, 1] },
    });
    expect(y2017.byYear.map((y) => y.year)).toEqual([2017]);
    expect(y2017.indicators.map((i) => [i.key, i.measured])).toEqual([
      ['beneficiariesReached', 80],
      ['volunteerHours', 60],
      ['tonnesDiverted', 3.5],
    ]);
    // A phase holds the years it meets: Amorçage (2016-09 → 2017-12) holds 2017, not 2018.
    expect(await figures({ phaseId: f.seedingPhase })).toEqual(y2017);
    expect(await figures({ year: 2016 })).toMatchObject({ evaluations: 0, overall: null, byYear: [], indicators: [] });
  });

  it('keeps to a territory: Pertuis holds only its partnership, the unanswered year listed without scores', async () => {
    const pertuis = await figures({ territoryId: f.pertuisTerritory });
    expect(pertuis).toMatchObject({
      evaluatedPartnerships: 1,
      evaluations: 2,
      responses: 1,
      overall: 25,
      dimensions: { performance: 25, clarityMeaning: 25 },
      objectives: { total: 1, met: 1, metPercent: 100 },
      balance: { responses: 1, average: 5, distribution: [0, 0, 0, 0, 1] },
    });
    expect(pertuis.byYear).toEqual([
      expect.objectContaining({ year: 2017, evaluatedPartnerships: 1, responses: 1, overall: 25 }),
      expect.objectContaining({ year: 2018, evaluatedPartnerships: 0, responses: 0, overall: null }),
    ]);
    expect(pertuis.indicators.map((i) => i.key)).toEqual(['tonnesDiverted']);
    const aix2017 = await figures({ territoryId: f.aixTerritory, year: 2017 });
    expect(aix2017).toMatchObject({ evaluatedPartnerships: 1, evaluations: 1, responses: 2, overall: 62.5 });
  });

  it('shows the public nothing while fewer than three published partnerships were answered', async () => {
    // Aix is the only published partnership of the area: its figures would be its partners' answers.
    expect(await figures({ audience: 'public' })).toEqual(emptyEvaluationFigures());
  });
});

describe('evaluation figures of published, abandoned and partner-located partnerships', () => {
  let database: Database;
  let f: EvaluationFixture;
  const figures = (scope: Partial<FigureScope>) => figuresOf(database, f, scope);

  beforeAll(async () => {
    database = await createTestDatabase();
    f = await evaluationFixture(database.db);
    const { asso, company, farA } = f.actors;
    // Three published partnerships answered in 2017, one of them again in 2018.
    const aix2017 = await f.open(f.partnerships.aix, 2017);
    await f.answer(aix2017, asso, answerOf([5, 5, 5, 5, 5, 5]));
    await f.answer(await f.open(f.partnerships.aix, 2018), asso, answerOf([5, 5, 5, 5, 5, 5]));
    const second = await f.partnership('Deuxième aixois', ['13001'], [asso, farA], true);
    await f.answer(await f.open(second, 2017), asso, answerOf([3, 3, 3, 3, 3, 3]));
    // No commune of its own: in Aix through its partner the company.
    const located = await f.partnership('Sans commune', [], [company, farA], true);
    await f.answer(await f.open(located, 2017), company, answerOf([1, 1, 1, 1, 1, 1]));
    // Abandoned after its evaluation: no longer counted.
    const abandoned = await f.partnership('Abandonné', ['13001'], [asso, company], true);
    await f.answer(await f.open(abandoned, 2017), asso, answerOf([1, 1, 1, 1, 1, 1]));
    await database.db.update(partnerships).set({ status: 'abandoned' }).where(eq(partnerships.id, abandoned));
  });
  afterAll(() => database.close());

  it('counts a partnership through its partners’ commune, never an abandoned one', async () => {
    expect(await figures({ territoryId: f.aixTerritory, year: 2017 })).toMatchObject({
      evaluatedPartnerships: 3,
      evaluations: 3,
      // 100, 50 and 0: the abandoned partnership’s 0 would lower it.
      overall: 50,
    });
  });

  it('shows the public the figures of three published partnerships, not a year answered by one', async () => {
    const pub = await figures({ audience: 'public' });
    expect(pub).toMatchObject({ evaluatedPartnerships: 3, evaluations: 4, responses: 4 });
    // 2017: 100, 50, 0; 2018: 100.
    expect(pub.overall).toBe(62.5);
    expect(pub.byYear.map((y) => y.year)).toEqual([2017]);
    expect(await figures({ audience: 'public', year: 2018 })).toEqual(emptyEvaluationFigures());
  });
});
