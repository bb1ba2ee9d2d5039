// Evaluation results: the partners' scores (public only above the threshold) and the programme's objectives.
import { publicEvaluationMinimum } from '../../evaluation/figures.js';
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import { dimensionLabelsFr, formatCountFr, formatDecimalFr, formatScoreFr } from '../labels.js';
import { para, plural, type SectionDraft, sectionTitles, table } from './common.js';

export function evaluationSection(d: ReviewData): SectionDraft {
  const { evaluation: e, programme, year } = d;
  // The public gets no evaluation figure below evaluationFigures' threshold (empty figures): it reads why, not zeros.
  const withheld = d.audience === 'public' && e.responses === 0;
  const blocks: ReviewBlock[] = withheld
    ? [
        para(
          `Aucun résultat d’évaluation n’est publié pour ${year} : les scores ne sont rendus publics qu’à partir de ${publicEvaluationMinimum} partenariats évalués, pour qu’aucune note ne puisse être reconnue.`.replace(
            ' :',
            '\u202f:',
          ),
        ),
      ]
    : [
        {
          kind: 'keyFigures',
          items: [
            { label: 'Partenariats évalués', value: formatCountFr(e.evaluatedPartnerships) },
            { label: 'Questionnaires remplis', value: formatCountFr(e.responses) },
            { label: 'Score global', value: formatScoreFr(e.overall) },
          ],
        },
      ];
  if (withheld) {
    // Said above.
  } else if (e.responses === 0) {
    blocks.push(
      para(
        `Aucun partenariat n’a encore été évalué pour ${year} : l’évaluation de l’utilité sociétale (démarche du RAMEAU) porte sur les partenariats engagés.`.replace(
          ' :',
          '\u202f:',
        ),
      ),
    );
  } else {
    blocks.push(
      para(
        'Chaque partenaire note de 1 à 5 la performance, la cohérence, l’efficience, la pertinence, la contribution sociétale, la clarté et le sens du partenariat ; les notes sont ramenées sur 100 (1 = 0, 3 = 50, 5 = 100).'.replace(
          ' ;',
          '\u202f;',
        ),
      ),
      { kind: 'chart', name: 'evaluation', title: 'Scores moyens par dimension (sur 100)' },
      table(
        ['Dimension', 'Score moyen'],
        Object.entries(e.dimensions).map(([k, v]) => [
          dimensionLabelsFr[k as keyof typeof dimensionLabelsFr],
          formatScoreFr(v),
        ]),
        [false, true],
      ),
    );
    if (e.objectives.total > 0) {
      blocks.push(
        para(
          `Objectifs propres des partenaires : ${plural(e.objectives.met, 'atteint', 'atteints')}, ${plural(e.objectives.partlyMet, 'partiellement atteint', 'partiellement atteints')}, ${plural(e.objectives.notMet, 'non atteint', 'non atteints')} sur ${formatCountFr(e.objectives.total)}.`.replace(
            ' :',
            '\u202f:',
          ),
        ),
      );
    }
    if (e.indicators.length) {
      const n = (v: number | null, unit: string) =>
        v === null ? '—' : `${formatDecimalFr(v)}${unit ? ` ${unit}` : ''}`;
      blocks.push(
        { kind: 'subheading', text: 'Indicateurs des partenariats' },
        table(
          ['Indicateur', 'Situation initiale', 'Cible', 'Mesuré'],
          e.indicators.map((i) => [i.labelFr, n(i.baseline, i.unitFr), n(i.target, i.unitFr), n(i.measured, i.unitFr)]),
          [false, true, true, true],
        ),
      );
    }
  }
  // The programme's own objectives of the year's phases, with their indicators as they stand today (programmeCounts
  // counts over the whole programme): labelled so, that no one reads them as the year's figures above.
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const phaseIds = new Set(programme.phases.filter((p) => p.startsOn <= to && p.endsOn >= from).map((p) => p.id));
  const objectives = programme.objectives.filter((o) => o.phaseId === null || phaseIds.has(o.phaseId));
  // An objective's title heads its first indicator only: the following rows are its other indicators.
  const rows = objectives.flatMap((o) =>
    o.indicators.map((i, n) => [
      n === 0 ? o.title : '',
      i.label,
      i.target === null ? '—' : `${formatDecimalFr(i.target)} ${i.unit}`.trim(),
      i.value === null ? '—' : `${formatDecimalFr(i.value)} ${i.unit}`.trim(),
    ]),
  );
  if (rows.length) {
    blocks.push(
      { kind: 'subheading', text: 'Objectifs du programme et indicateurs' },
      para(`Valeurs à ce jour, depuis le début du programme (elles ne se limitent pas à l’année ${year}).`),
      table(['Objectif', 'Indicateur', 'Cible', 'Valeur à ce jour'], rows, [false, false, true, true]),
    );
  }
  return { id: 'evaluation', title: sectionTitles.evaluation, blocks };
}
