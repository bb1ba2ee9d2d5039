// Shared by server and web: the library of indicators a partnership's evaluation picks from, by mode of partnership.
// Each is a quantity summed across partnerships (the dashboard's totals), so none is a percentage or a ratio.
import { type PartnershipMode, partnershipModes } from '../partnerships/vocabulary.js';

export interface LibraryIndicator {
  key: string;
  labelFr: string;
  labelEn: string;
  /** '' for a plain count of what the label names. */
  unitFr: string;
  unitEn: string;
  modes: readonly PartnershipMode[];
}

const allModes = partnershipModes;

export const indicatorLibrary = [
  {
    key: 'beneficiariesReached',
    labelFr: 'Bénéficiaires touchés',
    labelEn: 'Beneficiaries reached',
    unitFr: 'personnes',
    unitEn: 'people',
    modes: allModes,
  },
  {
    key: 'volunteerHours',
    labelFr: 'Heures de bénévolat',
    labelEn: 'Volunteer hours',
    unitFr: 'heures',
    unitEn: 'hours',
    modes: allModes,
  },
  {
    key: 'skillsHours',
    labelFr: 'Heures de mécénat de compétences',
    labelEn: 'Skills-based volunteering hours',
    unitFr: 'heures',
    unitEn: 'hours',
    modes: ['support', 'responsiblePractices'],
  },
  {
    key: 'fundsRaised',
    labelFr: 'Fonds mobilisés',
    labelEn: 'Funds raised',
    unitFr: '€',
    unitEn: '€',
    modes: ['support', 'economicCooperation', 'societalInnovation'],
  },
  {
    key: 'eventsHeld',
    labelFr: 'Événements organisés',
    labelEn: 'Events held',
    unitFr: 'événements',
    unitEn: 'events',
    modes: allModes,
  },
  {
    key: 'peopleTrained',
    labelFr: 'Personnes formées',
    labelEn: 'People trained',
    unitFr: 'personnes',
    unitEn: 'people',
    modes: ['responsiblePractices', 'economicCooperation', 'societalInnovation'],
  },
  {
    key: 'employeesInvolved',
    labelFr: 'Salariés d’entreprise impliqués',
    labelEn: 'Company employees involved',
    unitFr: 'salariés',
    unitEn: 'employees',
    modes: ['support', 'responsiblePractices'],
  },
  {
    key: 'jobsCreatedOrKept',
    labelFr: 'Emplois créés ou maintenus',
    labelEn: 'Jobs created or kept',
    unitFr: 'ETP',
    unitEn: 'FTE',
    modes: ['responsiblePractices', 'economicCooperation', 'societalInnovation'],
  },
  {
    key: 'integrationPathways',
    labelFr: 'Parcours d’insertion accompagnés',
    labelEn: 'Integration pathways supported',
    unitFr: 'personnes',
    unitEn: 'people',
    modes: ['responsiblePractices', 'economicCooperation'],
  },
  {
    key: 'tonnesDiverted',
    labelFr: 'Déchets détournés de l’enfouissement',
    labelEn: 'Waste diverted from landfill',
    unitFr: 't',
    unitEn: 't',
    modes: ['responsiblePractices', 'economicCooperation', 'societalInnovation'],
  },
  {
    key: 'itemsReused',
    labelFr: 'Objets réemployés ou réparés',
    labelEn: 'Items reused or repaired',
    unitFr: 'objets',
    unitEn: 'items',
    modes: ['economicCooperation', 'societalInnovation'],
  },
  {
    key: 'localProduceMeals',
    labelFr: 'Repas servis avec des produits locaux',
    labelEn: 'Meals served with local produce',
    unitFr: 'repas',
    unitEn: 'meals',
    modes: ['responsiblePractices', 'economicCooperation'],
  },
  {
    key: 'localProducers',
    labelFr: 'Producteurs locaux fournisseurs',
    labelEn: 'Local producers supplying',
    unitFr: 'producteurs',
    unitEn: 'producers',
    modes: ['responsiblePractices', 'economicCooperation'],
  },
  {
    key: 'artworksExhibitions',
    labelFr: 'Œuvres, expositions et concerts produits',
    labelEn: 'Artworks, exhibitions and concerts produced',
    unitFr: 'productions',
    unitEn: 'productions',
    modes: ['support', 'responsiblePractices', 'economicCooperation', 'societalInnovation'],
  },
  {
    key: 'solutionsTested',
    labelFr: 'Solutions expérimentées',
    labelEn: 'Solutions tested',
    unitFr: 'solutions',
    unitEn: 'solutions',
    modes: ['societalInnovation'],
  },
  {
    key: 'testUsers',
    labelFr: 'Usagers associés aux expérimentations',
    labelEn: 'Users involved in the trials',
    unitFr: 'personnes',
    unitEn: 'people',
    modes: ['societalInnovation'],
  },
] as const satisfies readonly LibraryIndicator[];

export type IndicatorKey = (typeof indicatorLibrary)[number]['key'];
export const indicatorKeys = indicatorLibrary.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]];

const byKey = new Map<string, LibraryIndicator>(indicatorLibrary.map((i) => [i.key, i]));

export function libraryIndicator(key: string): LibraryIndicator | undefined {
  return byKey.get(key);
}

/** The library's indicators suited to a mode, in the library's order. */
export function indicatorsForMode(mode: PartnershipMode): LibraryIndicator[] {
  return indicatorLibrary.filter((i) => (i.modes as readonly string[]).includes(mode));
}
