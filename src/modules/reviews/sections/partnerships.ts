// Partnerships and alliances: by mode and step, the partnerships engaged and the alliances formed in the year.
import { partnershipModes, partnershipSteps } from '../../partnerships/vocabulary.js';
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import {
  allianceStatusLabelsFr,
  formatCountFr,
  formatDateFr,
  formatDecimalFr,
  modeExplanationsFr,
  modeLabelsFr,
  stepLabelsFr,
} from '../labels.js';
import { para, type SectionDraft, sectionTitles, table } from './common.js';

export function partnershipsSection(d: ReviewData): SectionDraft {
  const { partnerships, alliances, year } = d;
  const byMode = (mode: string) =>
    partnerships.byModeAndStep.filter((r) => r.mode === mode).reduce((s, r) => s + r.count, 0);
  const byStep = (step: string) =>
    partnerships.byModeAndStep.filter((r) => r.step === step).reduce((s, r) => s + r.count, 0);
  const blocks: ReviewBlock[] = [
    {
      kind: 'keyFigures',
      items: [
        { label: `Partenariats engagés en ${year}`, value: formatCountFr(partnerships.total) },
        { label: `Alliances formées en ${year}`, value: formatCountFr(alliances.total) },
        {
          label: 'Membres par alliance (moyenne)',
          value: alliances.averageMembers === null ? '—' : formatDecimalFr(alliances.averageMembers),
        },
      ],
    },
  ];
  // The modes explained after the figures: the chart follows its key figures, and the page does not break early.
  const modes: ReviewBlock[] = [
    para(
      'Les partenariats entre entreprises et associations suivent les quatre modes du RAMEAU, du plus simple au plus porteur d’impact :',
    ),
    {
      kind: 'list',
      items: partnershipModes.map((m) => `${modeLabelsFr[m]} : ${modeExplanationsFr[m]}.`.replace(' :', '\u202f:')),
    },
  ];
  if (partnerships.total > 0) {
    blocks.push(
      { kind: 'chart', name: 'partnershipsByStep', title: 'Partenariats par mode et par étape' },
      table(
        ['Mode', ...partnershipSteps.map((s) => stepLabelsFr[s]), 'Total'],
        [
          ...partnershipModes.map((m) => [
            modeLabelsFr[m],
            ...partnershipSteps.map((s) =>
              formatCountFr(partnerships.byModeAndStep.find((r) => r.mode === m && r.step === s)?.count ?? 0),
            ),
            formatCountFr(byMode(m)),
          ]),
          ['Total', ...partnershipSteps.map((s) => formatCountFr(byStep(s))), formatCountFr(partnerships.total)],
        ],
        [false, ...partnershipSteps.map(() => true), true],
        true,
      ),
    );
  }
  blocks.push(...modes, { kind: 'subheading', text: `Les partenariats engagés en ${year}` });
  if (d.partnershipList.length === 0) {
    blocks.push(
      para(
        d.audience === 'public'
          ? `Aucun partenariat publié n’a débuté en ${year}.`
          : `Aucun partenariat n’a débuté en ${year}.`,
      ),
    );
  } else {
    blocks.push(
      table(
        ['Partenariat', 'Partenaires', 'Mode', 'Étape'],
        d.partnershipList.map((p) => [p.title, p.partners.join(', '), modeLabelsFr[p.mode], stepLabelsFr[p.step]]),
        [false, false, false, false],
      ),
    );
  }
  blocks.push({ kind: 'subheading', text: `Les alliances formées en ${year}` });
  if (alliances.alliances.length === 0) blocks.push(para(`Aucune alliance n’a été formée en ${year}.`));
  else {
    blocks.push(
      table(
        ['Alliance', 'Depuis le', 'Statut', 'Membres', 'Partenariats'],
        alliances.alliances.map((a) => [
          a.name,
          a.startsOn ? formatDateFr(a.startsOn) : '—',
          allianceStatusLabelsFr[a.status],
          formatCountFr(a.members),
          formatCountFr(a.partnerships),
        ]),
        [false, false, false, true, true],
      ),
    );
  }
  return { id: 'partnerships', title: sectionTitles.partnerships, blocks };
}
