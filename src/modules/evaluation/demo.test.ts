import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProgrammeDatabase } from '../../../tests/demo.js';
import type { Database } from '../../db/client.js';
import { demoAccounts } from '../../demo/load.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { resolveScope } from '../dashboard/scope.js';
import { evaluationFigures } from './figures.js';
import { comparisonOf, evaluationViewOf } from './view.js';

describe('demo evaluations', () => {
  let database: Database;
  let programmeId: string;
  beforeAll(async () => {
    ({ database, programmeId } = await demoProgrammeDatabase());
  });
  afterAll(() => database.close());

  it('holds the 2017 results of the four « Culture & Art » partnerships of Aix-en-Provence', async () => {
    const scope = await resolveScope(database.db, { programmeId, audience: 'readers', year: 2017 });
    const figures = await evaluationFigures(database.db, scope);
    expect(figures).toMatchObject({
      evaluatedPartnerships: 4,
      evaluations: 4,
      responses: 8,
      overall: 65.6,
      dimensions: {
        performance: 65.6,
        coherence: 69.8,
        efficiency: 49,
        relevance: 82.3,
        societalContribution: 67.7,
        clarityMeaning: 59.4,
      },
    });
    expect(figures.objectives.total).toBe(12);
    expect(figures.indicators.find((i) => i.key === 'tonnesDiverted')).toMatchObject({ measured: 2.4, target: 2 });
    const all = await evaluationFigures(
      database.db,
      await resolveScope(database.db, { programmeId, audience: 'readers' }),
    );
    expect(all.byYear.map((y) => [y.year, y.evaluatedPartnerships, y.overall])).toEqual([
      [2017, 4, 65.6],
      [2018, 4, 79.7],
    ]);
  });

  it('leaves 2018 open for Charlie Free’s member to answer, the radio having answered', async () => {
    const compared = await comparisonOf(database.db, { year: 2018 });
    const captation = compared.rows.find((r) => r.partnership.title.startsWith('Captation vidéo'));
    expect(captation).toMatchObject({ closedAt: null, responses: 1, partners: 2 });
    const email = demoAccounts.find((a) => a.email.startsWith('charlie-free@'))?.email ?? '';
    const [row] = await database.db.select().from(users).where(eq(users.email, email));
    if (!row) throw new Error('demo member missing');
    const member: CurrentUser = { ...row, actorId: row.actorId, locale: 'fr' };
    const view = await evaluationViewOf(database.db, member, captation?.evaluationId ?? '');
    expect(view.partners.map((p) => [p.name, p.response !== null, p.canAnswer])).toEqual([
      ['Charlie Free', false, true],
      ["Radio associative du Pays d'Aix", true, false],
    ]);
    // Answered within its year, not on the day the demo was loaded.
    expect(view.partners[1]?.response?.answeredAt.slice(0, 4)).toBe('2018');
    // Its 2017 objectives are suggested again.
    expect(view.partners[0]?.suggestedObjectives).toEqual([
      'Des captations de qualité pour faire connaître les musiciens',
    ]);
    expect(view.indicators.map((i) => [i.key, i.target, i.measured])).toEqual([
      ['eventsHeld', 10, null],
      ['artworksExhibitions', 10, null],
    ]);
  });
});
