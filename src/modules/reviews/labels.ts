// The French words of the review document (the report is written in French, as the seeds' first-year review): read
// from the web app's catalogues through the dashboard's `frenchText`, so that the dashboard, the web pages and the
// report name things alike and nothing is typed twice. Figures are formatted here once: `12 500 €`, `26 novembre 2017`.
import { allianceStatuses } from '../alliances/vocabulary.js';
import { frenchText } from '../dashboard/labels.js';
import { evaluationDimensions } from '../evaluation/vocabulary.js';
import { type EventStatus, eventKinds } from '../events/vocabulary.js';
import { budgetCategories, fundingSourceKinds } from '../funding/vocabulary.js';
import { type PartnershipMode, partnershipModes, partnershipSteps } from '../partnerships/vocabulary.js';
import { parisDay } from '../programmes/common.js';
import { formatDateFr } from '../projects/sheet.js';
import { actorFamilies } from '../reference/families.js';

export { formatDateFr };

/** The catalogue's French word for each value: `labelsOf(eventKinds, 'event.kind.')`. */
function labelsOf<K extends string>(values: readonly K[], prefix: string): Record<K, string> {
  return Object.fromEntries(values.map((v) => [v, frenchText.t(`${prefix}${v}`)])) as Record<K, string>;
}

/** Plural family names, as a table of counts reads them (« Associations »). */
export const familyLabelsFr = labelsOf(actorFamilies, 'review.family.');
export const eventKindLabelsFr = labelsOf(eventKinds, 'event.kind.');
export const stepLabelsFr = labelsOf(partnershipSteps, 'step.');
export const modeLabelsFr = labelsOf(partnershipModes, 'mode.');

/** The four modes of Le Rameau, from the simplest to the most impactful, as the review explains them. */
export const modeExplanationsFr: Record<PartnershipMode, string> = {
  support:
    'l’entreprise soutient un projet associatif d’intérêt général (mécénat financier, en nature ou de compétences)',
  responsiblePractices: 'l’association apporte ses savoir-faire à l’entreprise pour ses pratiques responsables (RSE)',
  economicCooperation: 'chacun des partenaires contribue à une offre commune, dans une relation économique équilibrée',
  societalInnovation:
    'les partenaires créent ensemble des solutions nouvelles pour répondre à des fragilités ou à des enjeux du territoire',
};

export const allianceStatusLabelsFr = labelsOf(allianceStatuses, 'alliance.status.');
export const budgetCategoryLabelsFr = labelsOf(budgetCategories, 'budget.category.');
export const sourceKindLabelsFr = labelsOf(fundingSourceKinds, 'budget.kind.');
export const dimensionLabelsFr = labelsOf(evaluationDimensions, 'evaluation.dimension.');
/** An action's status in the year's story (« réalisée »: the plan's « terminée » reads as a failure there). */
export const actionStatusLabelsFr = labelsOf(['planned', 'inProgress', 'done', 'cancelled'] as const, 'review.action.');
/** A meeting's status, as the events pages say it. */
export const meetingStatusFr = (status: EventStatus) => frenchText.t(`event.status.${status}`);

/** `12 500 €`: the dashboard's euro format. */
export const formatEurosFr = (n: number) => frenchText.formatEuros(n);

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

/** The Paris calendar day of an instant (ISO), as an ISO date. */
export const meetingDay = (iso: string) => parisDay(new Date(iso));

/** `13 décembre 2016 à 15 h 00` is too long for a table: the day only. */
export const dayOfInstantFr = (iso: string) => formatDateFr(meetingDay(iso));
