// Territorial dialogue (issue 9): the year's contributions to the programme's challenges — totals, by family (chart
// and table), per challenge with its answers and what the accepted proposals became — from the dialogue's
// participation figures (dialogue/figures.ts), the dashboard's own. Counts only: no person, whatever the audience.
import { contributionsOf } from '../../dialogue/figures.js';
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import { familyLabelsFr, formatCountFr } from '../labels.js';
import { para, plural, type SectionDraft, sectionTitles, table } from './common.js';

/** How many communes the paragraph names, the most active first. */
const namedCommunes = 5;

export function dialogueSection(d: ReviewData): SectionDraft {
  const { dialogue, year } = d;
  const t = dialogue.totals;
  const section = (blocks: ReviewBlock[]): SectionDraft => ({ id: 'dialogue', title: sectionTitles.dialogue, blocks });
  if (dialogue.byChallenge.length === 0) {
    return section([para(`Aucun défi territorial n’était ouvert aux contributions en ${year}.`)]);
  }
  const sum = (key: 'answered' | 'accepted' | 'converted') => dialogue.byChallenge.reduce((n, c) => n + c[key], 0);
  const blocks: ReviewBlock[] = [
    {
      kind: 'keyFigures',
      items: [
        // Four boxes fill a row; comments and pledges are in the table by family below.
        { label: 'Contributions', value: formatCountFr(t.contributions) },
        { label: 'Propositions', value: formatCountFr(t.proposals) },
        { label: 'Soutiens', value: formatCountFr(t.supports) },
        { label: 'Personnes ayant contribué', value: formatCountFr(t.participants) },
      ],
    },
    para(
      `En ${year}, ${plural(dialogue.byChallenge.length, 'défi territorial était ouvert', 'défis territoriaux étaient ouverts')} aux propositions des acteurs et des citoyens ; ${plural(t.contributions, 'contribution y a été apportée', 'contributions y ont été apportées')}. ${plural(sum('answered'), 'proposition a reçu une réponse', 'propositions ont reçu une réponse')}, dont ${formatCountFr(sum('accepted'))} retenue${sum('accepted') > 1 ? 's' : ''} ; ${plural(sum('converted'), 'est devenue', 'sont devenues')} un projet phare ou une alliance. Les contenus masqués par la modération ne sont pas comptés.`.replace(
        / ;/g,
        '\u202f;',
      ),
    ),
  ];
  if (t.contributions > 0) {
    blocks.push(
      { kind: 'chart', name: 'dialogueByFamily', title: 'Contributions au dialogue territorial par famille' },
      table(
        ['Famille', 'Propositions', 'Commentaires', 'Soutiens', 'Apports', 'Total'],
        [
          ...dialogue.byFamily.map((f) => [
            familyLabelsFr[f.family],
            ...[f.proposals, f.comments, f.supports, f.pledges, contributionsOf(f)].map(formatCountFr),
          ]),
          ['Total', ...[t.proposals, t.comments, t.supports, t.pledges, t.contributions].map(formatCountFr)],
        ],
        [false, true, true, true, true, true],
        true,
      ),
    );
    const communes = dialogue.byCommune.filter((c) => c.code !== null).slice(0, namedCommunes);
    if (communes.length) {
      blocks.push(
        para(
          `Les contributions viennent surtout de ${communes.map((c) => `${c.name} (${formatCountFr(contributionsOf(c))})`).join(', ')}.`,
        ),
      );
    }
  }
  blocks.push(
    { kind: 'subheading', text: `Les défis territoriaux de ${year}` },
    table(
      // The territory beside the title: six columns leave the title room enough on a page.
      ['Défi (territoire)', 'Propositions', 'Soutiens', 'Réponses', 'Retenues', 'Projet ou alliance'],
      dialogue.byChallenge.map((c) => [
        `${c.title} (${c.territoryName ?? 'tout le programme'})`,
        ...[c.proposals, c.supports, c.answered, c.accepted, c.converted].map(formatCountFr),
      ]),
      [false, true, true, true, true, true],
    ),
  );
  return section(blocks);
}
