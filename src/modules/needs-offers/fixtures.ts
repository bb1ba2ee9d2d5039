// Valid need or offer data for tests and benchmarks. Override what matters to the case at hand.
import type { NeedOfferInput } from './contract.js';

/** A need of the given actor for premises in Aix-en-Provence (INSEE 13001), without deadline. */
export function needOfferData(actorId: string, overrides: Partial<NeedOfferInput> = {}): NeedOfferInput {
  return {
    kind: 'need',
    actorId,
    title: 'Un local pour nos ateliers',
    description: '',
    resources: ['premises'],
    themes: [],
    communeCodes: ['13001'],
    modes: ['support'],
    deadline: null,
    ...overrides,
  };
}
