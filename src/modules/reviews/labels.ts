// The French words of the review document (the report is written in French, as the seeds' first-year review), the
// same as the web app's catalogues say them. Figures are formatted here once: `12 500 €`, `26 novembre 2017`.
import type { AllianceStatus } from '../alliances/vocabulary.js';
import type { EvaluationDimension } from '../evaluation/vocabulary.js';
import type { EventKind } from '../events/vocabulary.js';
import type { BudgetCategory, FundingSourceKind } from '../funding/vocabulary.js';
import type { PartnershipMode, PartnershipStep } from '../partnerships/vocabulary.js';
import { formatDateFr, formatEurosFr, modeLabelsFr } from '../projects/sheet.js';
import type { ActorFamily } from '../reference/families.js';

export { formatDateFr, formatEurosFr, modeLabelsFr };

export const familyLabelsFr: Record<ActorFamily, string> = {
  association: 'Associations',
  company: 'Entreprises',
  publicAuthority: 'Collectivités et acteurs publics',
  academia: 'Enseignement supérieur et recherche',
  citizen: 'Citoyens',
  media: 'Médias',
};

export const eventKindLabelsFr: Record<EventKind, string> = {
  launchMeeting: 'Réunion de lancement',
  interAssociationWorkshop: 'Atelier inter-associatif',
  speedDating: 'Speed dating',
  openForum: 'Forum',
  steeringCommittee: 'Comité de pilotage',
  interview: 'Entretien',
  training: 'Formation',
};

export const stepLabelsFr: Record<PartnershipStep, string> = {
  preparePartners: 'Préparer chaque partenaire',
  framePartnership: 'Préparer le partenariat',
  contract: 'Contractualiser',
  run: 'Mettre en œuvre',
  evaluate: 'Évaluer',
};

/** The four modes of Le Rameau, from the simplest to the most impactful, as the review explains them. */
export const modeExplanationsFr: Record<PartnershipMode, string> = {
  support:
    'l’entreprise soutient un projet associatif d’intérêt général (mécénat financier, en nature ou de compétences)',
  responsiblePractices: 'l’association apporte ses savoir-faire à l’entreprise pour ses pratiques responsables (RSE)',
  economicCooperation: 'chacun des partenaires contribue à une offre commune, dans une relation économique équilibrée',
  societalInnovation:
    'les partenaires créent ensemble des solutions nouvelles pour répondre à des fragilités ou à des enjeux du territoire',
};

export const allianceStatusLabelsFr: Record<AllianceStatus, string> = {
  forming: 'En constitution',
  active: 'Active',
  closed: 'Close',
};

export const budgetCategoryLabelsFr: Record<BudgetCategory, string> = {
  coordination: 'Fonctionnement / coordination',
  production: 'Production',
  communication: 'Communication',
  evaluation: 'Évaluation',
  training: 'Formation',
  equipment: 'Équipement',
  other: 'Autre',
};

export const sourceKindLabelsFr: Record<FundingSourceKind, string> = {
  application: 'Dossier de financement',
  contribution: 'Apport d’un partenaire',
  ownFunds: 'Fonds propres',
};

export const dimensionLabelsFr: Record<EvaluationDimension, string> = {
  performance: 'Performance',
  coherence: 'Cohérence',
  efficiency: 'Efficience',
  relevance: 'Pertinence',
  societalContribution: 'Contribution sociétale',
  clarityMeaning: 'Clarté et sens',
};

export const actionStatusLabelsFr = {
  planned: 'Prévue',
  inProgress: 'En cours',
  done: 'Réalisée',
  cancelled: 'Annulée',
} as const;

const integers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** `1 230` (fr-FR grouping, narrow no-break space). */
export const formatCountFr = (n: number) => integers.format(n);
/** `62,5` */
export const formatDecimalFr = (n: number) => decimals.format(n);
/** A 0–100 score: `62,5 / 100`, or « — » when nobody answered. */
export const formatScoreFr = (n: number | null) => (n === null ? '—' : `${decimals.format(n)}\u202f/\u202f100`);

const months = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `octobre 2017`, capitalised for a heading: `Octobre 2017`. */
export function monthFr(isoDay: string): string {
  const label = months.format(new Date(`${isoDay.slice(0, 7)}-01T00:00:00Z`));
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The Paris calendar day of an instant, as an ISO date. */
export const parisDayOf = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(iso));

/** `13 décembre 2016 à 15 h 00` is too long for a table: the day only. */
export const dayOfInstantFr = (iso: string) => formatDateFr(parisDayOf(iso));
