// Valid actor data for tests, demo data and benchmarks. Override what matters to the case at hand.
import type { ActorData } from './contract.js';

export type PersonData = ActorData['people'][number];

export function personData(overrides: Partial<PersonData> = {}): PersonData {
  return { name: 'Camille Martin', role: 'Présidente', email: null, phone: null, visibility: 'members', ...overrides };
}

/** A valid association of Aix-en-Provence (INSEE 13001), without people, themes or identifiers. */
export function actorData(overrides: Partial<ActorData> = {}): ActorData {
  return {
    family: 'association',
    subtype: null,
    companySize: null,
    companyStatus: null,
    name: 'Association des Amis du Test',
    rna: null,
    siren: null,
    siret: null,
    address: null,
    postalCode: null,
    communeCode: '13001',
    website: null,
    email: null,
    phone: null,
    description: '',
    themes: [],
    sdgs: [],
    contributions: [],
    benefits: [],
    contributionsText: '',
    benefitsText: '',
    fieldVisibility: {},
    people: [],
    ...overrides,
  };
}
