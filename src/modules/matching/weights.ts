// The one place where the recommender's weights and tunables live (ADR 0005 says why these values).

import type { ResourceType } from '../needs-offers/vocabulary.js';
import type { ActorFamily } from '../reference/families.js';
import type { ScoreComponent } from './vocabulary.js';

/** Weight of each component in a partner suggestion's score; they sum to 1, so the score is in [0, 1]. */
export const componentWeights: Record<ScoreComponent, number> = {
  complementarity: 0.45,
  affinity: 0.15,
  territory: 0.15,
  fit: 0.15,
  freshness: 0.1,
};

export const tunables = {
  /** Complementarity: a resource in an open offer counts fully, one implied by a declared contribution this much. */
  impliedResourceCredit: 0.3,
  /** Complementarity: covering this many of the resources sought makes the full taxonomy score. */
  resourcesForFull: 2,
  /** Complementarity: share of the taxonomy (resources) against the free text (French words shared). */
  taxonomyShare: 0.75,
  /** Free text: this many significant words of the need found in the other's offer make the full text score. */
  wordsForFullText: 4,
  /** Free text: words held by more than this share of the actors (and more than commonWordMin) are ignored. */
  commonWordShare: 0.05,
  commonWordMin: 5,
  /** Actor-level suggestions: what the other gives me counts this much, what I give the other the rest. */
  forwardShare: 0.6,
  /** Affinity: shared themes against shared SDGs. */
  themeShare: 0.7,
  /** Territory: same commune 1, same territory this much, otherwise linear decay to 0 at radiusKm. */
  sameTerritory: 0.8,
  radiusKm: 60,
  /** Fit: the modes both accept, against what the subject's family expects of the other's (Le Rameau). */
  modeShare: 0.5,
  /** Freshness: half-life of activity in days, and open needs and offers that make full responsiveness. */
  halfLifeDays: 120,
  openItemsForFull: 3,
  /** Candidate retrieval: nearest communes probed, hits per term and commune, hits per term overall, text hits. */
  nearestCommunes: 25,
  hitsPerTermAndCommune: 8,
  hitsPerTerm: 40,
  textHits: 50,
  /** Candidates kept for the full score after the cheap pre-score of their retrieval hits. */
  scoredCandidates: 300,
  /**
   * The same for the bulk refresh of every actor’s stored top 10: a third of the pool, a third of its cost (the full score of
   * each candidate is most of it: `npm run bench`), and a top 10 comes from the pool's best pre-scores anyway.
   */
  refreshScoredCandidates: 100,
  /** Stored suggestions per actor (refresh), and the default length of a list. */
  storedPerActor: 10,
  defaultTop: 10,
} as const;

/** A stakeholder item's key without its family and direction: 'company.contribution.means' → 'means'. */
export const itemKey = (item: string) => item.slice(item.lastIndexOf('.') + 1);

/** The resources a list of declared items implies, through one of the two maps below. */
export const impliedResources = (map: Record<string, string[]>, items: string[]): string[] =>
  items.flatMap((i) => map[itemKey(i)] ?? []);

/**
 * What each declared contribution of the stakeholder table (assets/reference/stakeholder-items.json) implies the
 * actor can give, in the resource vocabulary of needs and offers. Open offers say it precisely; this fills the gap
 * for actors that have declared none.
 */
export const resourcesOfContribution: Record<string, ResourceType[]> = {
  'political-backing': ['visibility'],
  'territory-knowledge': ['expertise'],
  'engineering-funding': ['money'],
  mobilisation: ['network'],
  showcasing: ['visibility'],
  'domain-expertise': ['expertise'],
  'activist-commitment': ['volunteers'],
  networking: ['network'],
  'territorial-animation': ['network'],
  'human-means': ['volunteers', 'skills'],
  'business-expertise': ['expertise', 'skills'],
  'economic-credibility': ['network'],
  means: ['money', 'equipment', 'premises', 'skills'],
  enthusiasm: ['volunteers'],
  skills: ['skills'],
  'academic-backing': ['expertise'],
  'territorial-watch': ['expertise'],
  capitalisation: ['expertise'],
  'youth-mobilisation': ['skills', 'volunteers'],
  'project-spotting': ['visibility'],
};

/** What each declared benefit implies the actor is looking for, in the same vocabulary. */
export const resourcesOfBenefit: Record<string, ResourceType[]> = {
  'economic-model': ['money'],
  'activity-development': ['network', 'visibility'],
  'complementary-skills': ['skills', 'expertise'],
  innovation: ['expertise'],
  'new-markets': ['network'],
  'local-stories': ['visibility'],
};

/**
 * What one expects of a partner of each family (Le Rameau, « Repères sur les alliances »: from peers, complementary
 * scopes; from public actors, political support and structural means; from private actors, means to experiment and
 * involvement), as the contributions and resources that show it. Academia, citizens and media follow the first-year
 * review's stakeholder table.
 */
export const familyExpectations: Record<ActorFamily, { contributions: string[]; resources: ResourceType[] }> = {
  publicAuthority: {
    contributions: ['political-backing', 'engineering-funding', 'mobilisation'],
    resources: ['premises', 'money'],
  },
  company: {
    contributions: ['means', 'business-expertise'],
    resources: ['money', 'skills', 'equipment', 'expertise', 'premises'],
  },
  association: {
    contributions: ['domain-expertise', 'territorial-animation', 'human-means'],
    resources: ['volunteers'],
  },
  academia: { contributions: ['academic-backing', 'youth-mobilisation', 'capitalisation'], resources: ['expertise'] },
  citizen: { contributions: ['ideas', 'enthusiasm', 'citizen-vision', 'skills'], resources: ['volunteers'] },
  media: { contributions: ['project-spotting', 'showcasing'], resources: ['visibility'] },
};

/**
 * Alliance suggestions: at most `perFamily` newcomers of one family; a bonus for a family not yet among the proposals,
 * and a larger one for a family of the territorial triad (associations, companies, public authorities: « 3 acteurs
 * par territoire », first-year review) missing from the alliance; new coverage of unmet needs against partner score.
 */
export const allianceTunables = {
  perFamily: 2,
  newFamilyBonus: 0.2,
  missingCoreFamilyBonus: 0.2,
  coreFamilies: ['association', 'company', 'publicAuthority'],
  coverageShare: 0.6,
} as const;

/**
 * Calls for projects against flagship projects and programme territories (funding/calendar/matching.ts), scored with
 * the recommender's own components: affinity (the call's themes and SDGs the other shares, match_affinity) and
 * territory (same commune, same territory, distance: match_territory and match_km, with `tunables`' sameTerritory and
 * radiusKm), plus how the project's budget sits in the call's range of one grant. The weights sum to 1. A call naming
 * no theme or no commune restricts nothing: it scores `anyTheme` or `anywhere` there. Carriers of a family the call
 * does not accept are not listed at all (eligibility is the call's rule, not a preference).
 */
export const callMatchWeights = { affinity: 0.55, territory: 0.35, budget: 0.1 } as const;

export const callMatchTunables = {
  /** Affinity of a call that names no theme nor SDG: open to any subject, a fair but not a strong match. */
  anyTheme: 0.5,
  /** Territory of a call that names no commune: it applies anywhere, as good as the same territory. */
  anywhere: 0.8,
  /** Budget: within the range 1, outside 0, unknown (no budget, no range, a territory) this much. */
  unknownBudget: 0.5,
  /** Listed from this score up; « très adapté » from verySuited up. */
  minScore: 0.45,
  verySuited: 0.75,
  /** Longest lists: projects and territories for a call, calls for a project or a territory. */
  top: 10,
} as const;
