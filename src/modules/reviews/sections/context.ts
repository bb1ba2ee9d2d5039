// 1. Context: the programme, its phases (those of the year first), their objectives, the pilot territories.
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import { formatDateFr } from '../labels.js';
import { para, paragraphsOf, plural, type SectionDraft, sectionTitles, table } from './common.js';

export function contextSection(d: ReviewData): SectionDraft {
  const { programme, year } = d;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const current = programme.phases.filter((p) => p.startsOn <= to && p.endsOn >= from);
  const blocks: ReviewBlock[] = [];
  if (programme.description) blocks.push(...paragraphsOf(programme.description));
  blocks.push(
    para(
      `Le programme court du ${formatDateFr(programme.startsOn)} au ${formatDateFr(programme.endsOn)}, en ${plural(programme.phases.length, 'phase', 'phases')}. L’année ${year} relève de ${current.length > 1 ? 'des phases' : 'la phase'} ${current.map((p) => `« ${p.name} »`).join(' et ') || '(aucune)'}.`,
    ),
    { kind: 'subheading', text: 'Les phases du programme' },
    table(
      ['Phase', 'Période', `En ${year}`],
      programme.phases.map((p) => [
        p.name,
        `${formatDateFr(p.startsOn)} – ${formatDateFr(p.endsOn)}`,
        current.includes(p) ? 'oui' : '',
      ]),
      [false, false, false],
    ),
  );
  for (const phase of current) {
    if (!phase.objectives) continue;
    blocks.push(
      { kind: 'subheading', text: `Objectifs de la phase « ${phase.name} »` },
      ...paragraphsOf(phase.objectives),
    );
  }
  blocks.push(
    { kind: 'subheading', text: 'Les territoires pilotes et leurs thématiques' },
    table(
      ['Territoire', 'Thématique', 'Communes'],
      programme.territories.map((t) => [t.name, t.themeLabel, t.communes.map((c) => c.name).join(', ')]),
      [false, false, false],
    ),
  );
  return { id: 'context', title: sectionTitles.context, blocks };
}
