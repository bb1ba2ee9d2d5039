import { describe, expect, it } from 'vitest';
import { distanceWords, listWords, type ReasonContext, reasonsFor } from './reasons.js';
import type { ScoredCandidate } from './score.js';

const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

/** A candidate with nothing to say; each case sets what matters to it. */
const candidate = (overrides: Partial<ScoredCandidate> = {}): ScoredCandidate => ({
  actorId: '00000000-0000-4000-8000-000000000002',
  score: 0.5,
  complementarity: 0,
  affinity: 0,
  territory: 0,
  fit: 0,
  freshness: 0,
  family: 'company',
  givesOffered: [],
  givesImplied: [],
  seeksDeclared: [],
  seeksImplied: [],
  sharedWords: [],
  sharedThemes: [],
  sharedSdgs: [],
  sharedModes: [],
  km: null,
  sameCommune: false,
  sameTerritory: false,
  familyExpected: false,
  openItems: 0,
  freshAt: daysAgo(400),
  ...overrides,
});

const labels: Record<string, string> = { 'culture-art': 'Culture & art', solidarity: 'Solidarité et lien social' };
const context = (overrides: Partial<ReasonContext> = {}): ReasonContext => ({
  locale: 'fr',
  themeLabel: (id) => labels[id] ?? id,
  communeName: null,
  itemTitle: null,
  now,
  ...overrides,
});
const said = (
  c: ScoredCandidate,
  ctx: Partial<ReasonContext> = {},
  family: ScoredCandidate['family'] = 'association',
) =>
  reasonsFor(c, family, context(ctx))
    .map((r) => r.text)
    .join(' · ');

describe('listWords', () => {
  it('joins with commas and a last « et » / « and »', () => {
    expect(listWords([], 'fr')).toBe('');
    expect(listWords(['des locaux'], 'fr')).toBe('des locaux');
    expect(listWords(['des locaux', 'du matériel'], 'fr')).toBe('des locaux et du matériel');
    expect(listWords(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
    expect(listWords(['a', 'b', 'c'], 'en')).toBe('a, b and c');
  });
});

describe('distanceWords', () => {
  it('rounds to the kilometre, below one « moins d’1 km »', () => {
    expect(distanceWords(0.4, 'fr')).toBe('à moins d’1 km');
    expect(distanceWords(4.4, 'fr')).toBe('à 4 km');
    expect(distanceWords(22.6, 'fr')).toBe('à 23 km');
    expect(distanceWords(0.4, 'en')).toBe('less than 1 km away');
    expect(distanceWords(4.4, 'en')).toBe('4 km away');
  });
});

describe('reasonsFor', () => {
  it('says the issue’s example, strongest first', () => {
    const c = candidate({
      complementarity: 0.9,
      givesOffered: ['premises'],
      affinity: 1,
      sharedThemes: ['culture-art'],
      territory: 0.93,
      km: 4.2,
    });
    expect(said(c, { itemTitle: 'Salle de répétition' })).toBe(
      'propose des locaux dont vous avez besoin (« Salle de répétition ») · vous travaillez tous deux sur Culture & art · à 4 km',
    );
    expect(reasonsFor(c, 'association', context()).map((r) => r.kind)).toEqual([
      'complementarity',
      'affinity',
      'territory',
    ]);
  });

  it('orders by strength: a near territory before a weak affinity', () => {
    const c = candidate({ affinity: 0.2, sharedThemes: ['culture-art'], territory: 0.93, km: 4.2 });
    expect(said(c)).toBe('à 4 km · vous travaillez tous deux sur Culture & art');
  });

  it('says nothing for components with nothing to say', () => {
    expect(reasonsFor(candidate(), 'association', context())).toEqual([]);
    // A score without details is no reason: far away, a single shared word, no open item recently.
    const quiet = candidate({ territory: 0, km: 120, sharedWords: ['sall'], openItems: 2, freshAt: daysAgo(90) });
    expect(reasonsFor(quiet, 'association', context())).toEqual([]);
  });

  it('says what it offers, seeks, or can bring, in singular and plural', () => {
    expect(said(candidate({ givesOffered: ['premises', 'equipment'] }))).toBe(
      'propose des locaux et du matériel dont vous avez besoin',
    );
    expect(said(candidate({ givesOffered: ['money', 'premises', 'equipment'] }))).toBe(
      'propose un financement, des locaux et du matériel dont vous avez besoin',
    );
    expect(said(candidate({ seeksDeclared: ['volunteers'] }), { itemTitle: 'Bénévoles pour le festival' })).toBe(
      'cherche des bénévoles que vous proposez (« Bénévoles pour le festival »)',
    );
    expect(said(candidate({ givesImplied: ['money'] }), { itemTitle: 'ignoré' })).toBe(
      'peut apporter un financement dont vous avez besoin',
    );
    expect(said(candidate({ seeksImplied: ['visibility'] }))).toBe(
      'recherche de la visibilité, que vous pouvez apporter',
    );
  });

  it('prefers a declared offer to an implied one', () => {
    expect(said(candidate({ givesOffered: ['premises'], givesImplied: ['money'] }))).toBe(
      'propose des locaux dont vous avez besoin',
    );
  });

  it('names the item for shared words, in the subject’s direction', () => {
    const c = candidate({ sharedWords: ['sall', 'repetit'], complementarity: 0.2 });
    expect(said(c, { itemTitle: 'Salle à louer' })).toBe('ses activités rejoignent votre besoin (« Salle à louer »)');
    expect(said(c, { itemTitle: 'Cherche une salle', seeks: false })).toBe(
      'ses besoins rejoignent votre offre (« Cherche une salle »)',
    );
  });

  it('says shared themes, else shared SDGs', () => {
    expect(said(candidate({ sharedThemes: ['culture-art', 'solidarity'], sharedSdgs: [4] }))).toBe(
      'vous travaillez tous deux sur Culture & art et Solidarité et lien social',
    );
    expect(said(candidate({ sharedSdgs: [4, 10] }))).toBe('mêmes objectifs de développement durable (ODD 4 et 10)');
  });

  it('says the same commune, a distance, or the same territory', () => {
    expect(said(candidate({ sameCommune: true, km: 0, territory: 1 }), { communeName: 'Aix-en-Provence' })).toBe(
      'dans la même commune (Aix-en-Provence)',
    );
    expect(said(candidate({ km: 0.3, territory: 0.99 }))).toBe('à moins d’1 km');
    expect(said(candidate({ sameTerritory: true, territory: 0.8 }))).toBe('dans le même territoire');
    // Far apart in one large territory: the territory is the reason, not a distance beyond the radius.
    expect(said(candidate({ sameTerritory: true, km: 75, territory: 0.8 }))).toBe('dans le même territoire');
    expect(said(candidate({ km: 75, territory: 0 }))).toBe('');
  });

  it('says what the subject’s family expects of the other’s, or the modes both accept', () => {
    expect(said(candidate({ familyExpected: true, family: 'company' }))).toBe(
      'une entreprise : moyens d’expérimenter et implication',
    );
    expect(said(candidate({ familyExpected: true, family: 'association' }))).toBe(
      'un pair au périmètre d’action complémentaire',
    );
    expect(said(candidate({ sharedModes: ['support'] }))).toBe('accepte comme vous le mode « Soutien »');
    expect(said(candidate({ sharedModes: ['support', 'economicCooperation'] }))).toBe(
      'accepte comme vous les modes « Soutien » et « Coopération économique »',
    );
  });

  it('says recent activity with its open items, singular and plural', () => {
    expect(said(candidate({ openItems: 1, freshAt: daysAgo(10), freshness: 0.7 }))).toBe(
      'actif récemment (1 besoin ou offre ouvert)',
    );
    expect(said(candidate({ openItems: 3, freshAt: daysAgo(10), freshness: 0.9 }))).toBe(
      'actif récemment (3 besoins ou offres ouverts)',
    );
  });

  it('speaks English', () => {
    const c = candidate({
      complementarity: 0.9,
      givesOffered: ['premises'],
      affinity: 1,
      sharedThemes: ['culture-art'],
      territory: 0.93,
      km: 4.2,
      sharedModes: ['support'],
      fit: 0.5,
      openItems: 2,
      freshAt: daysAgo(3),
      freshness: 0.8,
    });
    expect(said(c, { locale: 'en', itemTitle: 'Rehearsal room' })).toBe(
      'offers premises you need (“Rehearsal room”) · you both work on Culture & art · 4 km away · accepts like you the mode “Support” · recently active (2 open needs or offers)',
    );
  });
});
