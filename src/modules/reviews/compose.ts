// The annual review's document, in the order of the seeds' first-year review: introduction (written), 1. context,
// 2. what was done step by step, 3. territories and pilot groups, 4. meetings, 5. partnerships and alliances,
// 6. territorial dialogue, 7. budget and volunteer valuation, 8. evaluation results, 9. next year's actions and open
// questions, conclusion (written). Built from ReviewData (data.ts) only: the three renderings (web, PDF, DOCX) draw
// this same model. An empty written text leaves its part out; every numbered section is always there, saying so when
// nothing happened. Each section is its own file (sections/); they are numbered here, in their order.
import type { ReviewDocument, ReviewSection } from './contract.js';
import type { ReviewData } from './data.js';
import { budgetSection } from './sections/budget.js';
import { paragraphsOf, type ReviewTexts, sectionTitles } from './sections/common.js';
import { contextSection } from './sections/context.js';
import { dialogueSection } from './sections/dialogue.js';
import { doneSection } from './sections/done.js';
import { evaluationSection } from './sections/evaluation.js';
import { meetingsSection } from './sections/meetings.js';
import { nextSection } from './sections/next.js';
import { partnershipsSection } from './sections/partnerships.js';
import { territoriesSection } from './sections/territories.js';

export { paragraphsOf, type ReviewTexts, sectionTitles };

/** The review's document for the data and the written texts (empty texts left out). */
export function composeReview(d: ReviewData, texts: ReviewTexts, generatedOn: string): ReviewDocument {
  const { programme, year } = d;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const phases = programme.phases.filter((p) => p.startsOn <= to && p.endsOn >= from).map((p) => p.name);
  const sections: ReviewSection[] = [];
  const intro = paragraphsOf(texts.introduction);
  if (intro.length)
    sections.push({ id: 'introduction', number: null, title: sectionTitles.introduction, blocks: intro });
  const numbered = [
    contextSection(d),
    doneSection(d),
    territoriesSection(d),
    meetingsSection(d),
    partnershipsSection(d),
    dialogueSection(d),
    budgetSection(d),
    evaluationSection(d),
    nextSection(d, texts),
  ];
  sections.push(...numbered.map((s, i) => ({ ...s, number: i + 1 })));
  const conclusion = paragraphsOf(texts.conclusion);
  if (conclusion.length) {
    sections.push({ id: 'conclusion', number: null, title: sectionTitles.conclusion, blocks: conclusion });
  }
  return {
    programmeName: programme.name,
    year,
    title: `Bilan ${year}`,
    subtitle: phases.length
      ? `Bilan de l’année ${year} — ${phases.length > 1 ? 'phases' : 'phase'} ${phases.join(' et ')}`
      : `Bilan de l’année ${year}`,
    generatedOn,
    audience: d.audience,
    sections,
  };
}
