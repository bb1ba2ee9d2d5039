// Budget and volunteer valuation: the year's budget by category, funding, sources (readers) and volunteer time.
import { budgetCategories } from '../../funding/vocabulary.js';
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import { budgetCategoryLabelsFr, formatCountFr, formatEurosFr, sourceKindLabelsFr } from '../labels.js';
import { para, plural, type SectionDraft, sectionTitles, table } from './common.js';

export function budgetSection(d: ReviewData): SectionDraft {
  const { budget, volunteers, year } = d;
  const o = budget.overall;
  const blocks: ReviewBlock[] = [
    {
      kind: 'keyFigures',
      items: [
        { label: `Budget ${year}`, value: formatEurosFr(o.forecast) },
        { label: 'Financé', value: formatEurosFr(o.funded) },
        { label: 'Attendu', value: formatEurosFr(o.expected) },
        { label: 'Reste à trouver', value: formatEurosFr(o.remaining) },
      ],
    },
  ];
  const categories = budget.byCategory.filter((c) => c.forecast || c.funded || c.expected);
  if (categories.length === 0) blocks.push(para(`Aucune ligne de budget n’est enregistrée pour ${year}.`));
  else {
    blocks.push(
      { kind: 'subheading', text: 'Par poste' },
      table(
        ['Poste', 'Prévu', 'Réalisé', 'Financé', 'Attendu', 'Reste à trouver'],
        [
          ...budgetCategories
            .map((c) => categories.find((x) => x.category === c))
            .filter((c) => c !== undefined)
            .map((c) => [
              budgetCategoryLabelsFr[c.category],
              formatEurosFr(c.forecast),
              formatEurosFr(c.actual),
              formatEurosFr(c.funded),
              formatEurosFr(c.expected),
              formatEurosFr(c.remaining),
            ]),
          [
            'Total',
            formatEurosFr(o.forecast),
            formatEurosFr(o.actual),
            formatEurosFr(o.funded),
            formatEurosFr(o.expected),
            formatEurosFr(o.remaining),
          ],
        ],
        [false, true, true, true, true, true],
        true,
      ),
    );
  }
  const { requested, secured, paid } = d.funding;
  if (requested !== undefined && paid !== undefined && requested > 0) {
    blocks.push(
      { kind: 'subheading', text: 'Dossiers de financement' },
      para(
        `Demandés : ${formatEurosFr(requested)} ; obtenus : ${formatEurosFr(secured)} ; versés : ${formatEurosFr(paid)}.`.replace(
          / ([:;])/g,
          '\u202f$1',
        ),
      ),
      { kind: 'chart', name: 'funding', title: 'Financements demandés, obtenus et versés' },
    );
  } else if (requested === undefined && secured > 0) {
    // The public reads what is secured only, as on the public dashboard (requests are the funders' business).
    blocks.push(
      { kind: 'subheading', text: 'Dossiers de financement' },
      para(`Financements obtenus : ${formatEurosFr(secured)}.`.replace(' :', '\u202f:')),
    );
  }
  // Sources name funding applications, which only the team and the steering committee read.
  if (budget.bySource.length && d.audience === 'readers') {
    blocks.push(
      { kind: 'subheading', text: 'Par source de financement' },
      table(
        ['Source', 'Nature', 'Financé', 'Attendu'],
        budget.bySource.map((s) => [
          s.funderName ? `${s.label} (${s.funderName})` : s.label,
          sourceKindLabelsFr[s.kind],
          formatEurosFr(s.funded),
          formatEurosFr(s.expected),
        ]),
        [false, false, true, true],
      ),
    );
  }
  blocks.push(
    { kind: 'subheading', text: 'Valorisation du bénévolat' },
    {
      kind: 'keyFigures',
      items: [
        { label: 'Heures de bénévolat', value: formatCountFr(volunteers.hours) },
        { label: 'Valorisation', value: formatEurosFr(volunteers.value) },
      ],
    },
    para(
      `Le temps donné par les bénévoles du programme en ${year} représente ${plural(volunteers.hours, 'heure', 'heures')}, valorisées à ${formatEurosFr(volunteers.value)} au taux horaire de chaque rôle. Ces contributions volontaires en nature figurent à part du budget, comme dans les comptes des associations (comptes 86 et 87).`,
    ),
  );
  return { id: 'budget', title: sectionTitles.budget, blocks };
}
