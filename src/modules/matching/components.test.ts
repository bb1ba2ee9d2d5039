// The score's components, each an SQL function of migration 0006 called with literal inputs, and the probed terms.
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { probeTerms, type SubjectProfile } from './score.js';
import { familyExpectations, resourcesOfContribution } from './weights.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The value of one SQL expression. */
async function value<T = number>(expression: SQL): Promise<T> {
  const [row] = await rowsOf<{ v: T }>(database.db, sql`SELECT ${expression} AS v`);
  return row?.v as T;
}
const num = async (expression: SQL) => {
  const v = await value<number | string | null>(expression);
  return v === null ? null : Number(v);
};
/** A text[] literal; an empty one needs its type. */
const arr = (values: string[]) => sql.raw(`ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[]`);
const ints = (values: number[]) => sql.raw(`ARRAY[${values.join(',')}]::smallint[]`);
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

describe('match_item_key', () => {
  it('drops the family and direction of a stakeholder item', async () => {
    expect(await value(sql`match_item_key('company.contribution.means')`)).toBe('means');
    expect(await value(sql`match_item_key('means')`)).toBe('means');
  });
});

describe('match_coverage', () => {
  const coverage = (wanted: string[], offered: string[], implied: string[], forFull = 2) =>
    num(sql`match_coverage(${arr(wanted)}, ${arr(offered)}, ${arr(implied)}, 0.5::real, ${forFull})`);

  it('counts a declared offer fully and an implied resource for its credit', async () => {
    expect(await coverage(['premises'], ['premises'], [])).toBe(1);
    expect(await coverage(['premises', 'money'], ['premises'], ['money'])).toBeCloseTo(0.75, 5);
    expect(await coverage(['premises'], [], ['premises'])).toBeCloseTo(0.5, 5);
    expect(await coverage(['premises'], ['money'], ['skills'])).toBe(0);
  });

  it('is full once `for_full` of many sought resources are covered', async () => {
    const wanted = ['money', 'skills', 'premises', 'equipment', 'network'];
    expect(await coverage(wanted, ['money', 'skills'], [])).toBe(1);
    expect(await coverage(wanted, ['money'], [])).toBeCloseTo(0.5, 5);
    expect(await coverage(wanted, ['money'], [], 4)).toBeCloseTo(0.25, 5);
  });

  it('counts a resource sought twice once, and nothing sought as nothing', async () => {
    expect(await coverage(['premises', 'premises'], ['premises'], [])).toBe(1);
    expect(await coverage([], ['premises'], [])).toBe(0);
  });
});

describe('match_implied', () => {
  const implied = (items: string[]) =>
    value<string[]>(sql`match_implied(${arr(items)}, ${json(resourcesOfContribution)})`);

  it('maps namespaced items to the resources they imply, sorted and distinct', async () => {
    expect(await implied(['company.contribution.means'])).toEqual(['equipment', 'money', 'premises', 'skills']);
    expect(
      await implied(['company.contribution.means', 'citizen.contribution.skills', 'company.contribution.networking']),
    ).toEqual(['equipment', 'money', 'network', 'premises', 'skills']);
  });

  it('implies nothing for items without a mapping, or no items', async () => {
    expect(await implied(['citizen.contribution.ideas'])).toEqual([]);
    expect(await implied([])).toEqual([]);
  });
});

describe('match_shared', () => {
  it('keeps what both hold, sorted and distinct', async () => {
    expect(await value(sql`match_shared(${arr(['c', 'a', 'b', 'a'])}, ${arr(['a', 'x', 'c'])})`)).toEqual(['a', 'c']);
    expect(await value(sql`match_shared(${arr(['a'])}, ${arr([])})`)).toEqual([]);
  });
});

describe('match_words', () => {
  const words = (wanted: string[], have: string[], forFull = 4) =>
    num(sql`match_words(${arr(wanted)}, ${arr(have)}, ${forFull})`);

  it('is the share of the sought words found, full at `words_for_full`', async () => {
    expect(await words(['sall', 'repetit', 'musicien'], ['sall', 'repetit', 'loc'])).toBeCloseTo(2 / 3, 5);
    expect(await words(['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'b', 'c', 'd', 'e'])).toBe(1);
    expect(await words(['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'b'])).toBeCloseTo(0.5, 5);
  });

  it('is 0 without words in common or without words sought', async () => {
    expect(await words(['sall'], ['financ'])).toBe(0);
    expect(await words([], ['sall'])).toBe(0);
  });
});

describe('match_affinity', () => {
  const affinity = (themes: string[], other: string[], sdgs: number[], otherSdgs: number[]) =>
    num(sql`match_affinity(${arr(themes)}, ${arr(other)}, ${ints(sdgs)}, ${ints(otherSdgs)}, 0.7::real)`);

  it('without SDGs, is the share of the subject’s themes the other shares', async () => {
    expect(await affinity(['culture-art', 'solidarity'], ['culture-art'], [], [4])).toBeCloseTo(0.5, 5);
    expect(await affinity(['culture-art'], ['culture-art', 'solidarity'], [], [])).toBe(1);
    expect(await affinity(['culture-art'], ['solidarity'], [], [])).toBe(0);
  });

  it('with SDGs, mixes shared themes and shared SDGs by the theme share', async () => {
    expect(await affinity(['culture-art'], ['culture-art'], [4, 10], [4])).toBeCloseTo(0.7 + 0.3 * 0.5, 5);
    expect(await affinity(['culture-art'], ['solidarity'], [4], [4])).toBeCloseTo(0.3, 5);
    expect(await affinity(['culture-art', 'solidarity'], ['solidarity'], [4, 11], [])).toBeCloseTo(0.35, 5);
  });

  it('without themes, is the share of the subject’s SDGs the other shares; with neither, nothing', async () => {
    expect(await affinity([], ['culture-art'], [4, 11], [11])).toBeCloseTo(0.5, 5);
    expect(await affinity([], ['culture-art'], [], [11])).toBe(0);
  });
});

describe('match_km', () => {
  it('measures about 20 km from Aix-en-Provence (13001) to Pertuis (84089)', async () => {
    const km = await num(sql`(SELECT match_km(a.latitude, a.longitude, b.latitude, b.longitude)
      FROM communes a, communes b WHERE a.code = '13001' AND b.code = '84089')`);
    expect(km).toBeGreaterThan(18);
    expect(km).toBeLessThan(22);
    const back = await num(sql`(SELECT match_km(b.latitude, b.longitude, a.latitude, a.longitude)
      FROM communes a, communes b WHERE a.code = '13001' AND b.code = '84089')`);
    expect(back).toBeCloseTo(km ?? 0, 6);
  });

  it('is 0 for one point, and unknown when a point is', async () => {
    expect(await num(sql`match_km(43.5, 5.4, 43.5, 5.4)`)).toBe(0);
    expect(await num(sql`match_km(NULL, NULL, 43.5, 5.4)`)).toBeNull();
  });
});

describe('match_territory', () => {
  const territory = (commune: boolean, sameTerritory: boolean, km: number | null) =>
    num(sql`match_territory(${commune}, ${sameTerritory}, ${km}::double precision, 0.8::real, 60::real)`);

  it('gives 1 to the same commune, the territory score to the same territory, else decays with distance', async () => {
    expect(await territory(true, false, null)).toBe(1);
    expect(await territory(false, true, null)).toBeCloseTo(0.8, 5);
    expect(await territory(false, false, 30)).toBeCloseTo(0.5, 5);
    expect(await territory(false, false, 90)).toBe(0);
    expect(await territory(false, false, null)).toBe(0);
  });

  it('keeps the better of the same territory and a short distance', async () => {
    expect(await territory(false, true, 6)).toBeCloseTo(0.9, 5);
    expect(await territory(false, true, 40)).toBeCloseTo(0.8, 5);
  });
});

describe('match_modes', () => {
  const modes = (a: string[], b: string[]) => num(sql`match_modes(${arr(a)}, ${arr(b)})`);

  it('is 1 for a mode in common, 0 for none, 0.5 when one side names none', async () => {
    expect(await modes(['support'], ['economicCooperation', 'support'])).toBe(1);
    expect(await modes(['support'], ['economicCooperation'])).toBe(0);
    expect(await modes([], ['support'])).toBe(0.5);
    expect(await modes(['support'], [])).toBe(0.5);
  });
});

describe('match_family_fit', () => {
  const familyFit = (
    family: string,
    other: string,
    gives: string[],
    otherGives: string[],
    otherContributions: string[],
  ) =>
    num(sql`match_family_fit(${family}::actor_family, ${other}::actor_family, ${arr(gives)}, ${arr(otherGives)},
      ${arr(otherContributions)}, ${json(familyExpectations)})`);

  it('expects a complementary scope from a peer', async () => {
    expect(await familyFit('association', 'association', ['volunteers'], ['premises', 'volunteers'], [])).toBe(1);
    expect(await familyFit('association', 'association', ['volunteers', 'network'], ['volunteers'], [])).toBeCloseTo(
      0.3,
      5,
    );
    expect(await familyFit('association', 'association', ['volunteers'], [], [])).toBeCloseTo(0.3, 5);
  });

  it('expects political support or structural means from a public actor', async () => {
    const pa = 'publicAuthority';
    expect(await familyFit('association', pa, [], [], ['publicAuthority.contribution.political-backing'])).toBe(1);
    expect(await familyFit('association', pa, [], ['premises'], [])).toBe(1);
    expect(
      await familyFit('association', pa, [], ['visibility'], ['publicAuthority.contribution.showcasing']),
    ).toBeCloseTo(0.2, 5);
  });

  it('expects means to experiment and involvement from a company', async () => {
    expect(await familyFit('association', 'company', [], [], ['company.contribution.means'])).toBe(1);
    expect(await familyFit('association', 'company', [], ['money'], [])).toBe(1);
    expect(await familyFit('association', 'company', [], ['network'], ['company.contribution.networking'])).toBeCloseTo(
      0.2,
      5,
    );
  });
});

describe('match_freshness', () => {
  const at = '2026-06-01T00:00:00Z';
  const freshness = (daysAgo: number, openItems: number) =>
    num(sql`match_freshness(${at}::timestamptz - make_interval(days => ${daysAgo}), ${openItems}, ${at}::timestamptz,
      120::real, 3)`);

  it('halves the activity part every half-life', async () => {
    expect(await freshness(0, 0)).toBeCloseTo(0.6, 5);
    expect(await freshness(120, 0)).toBeCloseTo(0.3, 5);
    expect(await freshness(240, 0)).toBeCloseTo(0.15, 5);
  });

  it('adds open needs and offers up to `open_items_for_full`, and never rewards a date to come', async () => {
    expect(await freshness(0, 3)).toBeCloseTo(1, 5);
    expect(await freshness(0, 6)).toBeCloseTo(1, 5);
    expect(await freshness(120, 1)).toBeCloseTo(0.3 + 0.4 / 3, 5);
    expect(await freshness(-30, 0)).toBeCloseTo(0.6, 5);
  });
});

describe('probeTerms', () => {
  const subject = (overrides: Partial<SubjectProfile>): SubjectProfile => ({
    actorId: '00000000-0000-4000-8000-000000000001',
    family: 'association',
    wanted: [],
    wantText: '',
    offered: [],
    offerText: '',
    gives: [],
    themes: [],
    sdgs: [],
    modes: [],
    communeCodes: [],
    forwardShare: 1,
    ...overrides,
  });
  const asMap = (s: SubjectProfile) => Object.fromEntries(probeTerms(s).map((p) => [p.term, p.weight]));

  it('for a need, probes the offers of what is sought (3) and the contributions implying it (1), and themes', () => {
    const terms = asMap(subject({ wanted: ['premises'], offered: ['money'], themes: ['culture-art'] }));
    expect(terms).toEqual({ 'offer:premises': 3, 'contrib:means': 1, 'theme:culture-art': 1 });
  });

  it('for an offer, probes the needs of what is offered and the benefits implying it', () => {
    const terms = asMap(subject({ wanted: ['premises'], offered: ['money'], forwardShare: 0 }));
    expect(terms).toEqual({ 'need:money': 3, 'benefit:economic-model': 1 });
  });

  it('for an actor, probes both directions, each term once at its highest weight', () => {
    const terms = asMap(subject({ wanted: ['skills'], offered: ['skills'], forwardShare: 0.6 }));
    expect(terms['offer:skills']).toBe(3);
    expect(terms['need:skills']).toBe(3);
    expect(terms['contrib:skills']).toBe(1);
    expect(terms['contrib:human-means']).toBe(1);
    expect(terms['benefit:complementary-skills']).toBe(1);
    expect(
      probeTerms(subject({ wanted: ['skills'], forwardShare: 0.6 })).filter((p) => p.term === 'offer:skills'),
    ).toHaveLength(1);
  });

  it('probes nothing for an empty subject', () => {
    expect(probeTerms(subject({}))).toEqual([]);
  });
});
