// Next year: the actions planned (the public reads how many) and the open questions.
import type { ReviewBlock } from '../contract.js';
import type { ReviewData } from '../data.js';
import { formatDateFr } from '../labels.js';
import { para, plural, questionsOf, type ReviewTexts, type SectionDraft, sectionTitles, table } from './common.js';

export function nextSection(d: ReviewData, texts: ReviewTexts): SectionDraft {
  const next = d.year + 1;
  const territory = (id: string | null) =>
    d.programme.territories.find((t) => t.id === id)?.name ?? 'Tout le programme';
  const blocks: ReviewBlock[] = [{ kind: 'subheading', text: `Les actions prévues en ${next}` }];
  if (d.nextActions.length === 0) blocks.push(para(`Aucune action n’est encore inscrite au plan pour ${next}.`));
  else if (d.audience === 'public') {
    // The public reads how much is planned, not the plan itself (titles name funding applications, owners are people).
    blocks.push(
      para(`${plural(d.nextActions.length, 'action est inscrite', 'actions sont inscrites')} au plan pour ${next}.`),
    );
  } else {
    blocks.push(
      table(
        ['Action', 'Territoire', 'Échéance', 'Porteur'],
        d.nextActions.map((a) => [
          a.title,
          territory(a.territoryId),
          a.dueOn ? formatDateFr(a.dueOn) : '—',
          [a.ownerName, a.ownerRole].filter(Boolean).join(' — ') || '—',
        ]),
        [false, false, false, false],
      ),
    );
  }
  const questions = questionsOf(texts.openQuestions);
  if (questions.length) blocks.push({ kind: 'subheading', text: 'Questions ouvertes' }, ...questions);
  return { id: 'next', title: `${sectionTitles.next} ${next}`, blocks };
}
