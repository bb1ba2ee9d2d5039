// What the review's sections share: their titles, the written texts, and the blocks they are made of.
import type { ReviewBlock, ReviewSection } from '../contract.js';
import { formatCountFr } from '../labels.js';

/** A numbered section before its number: composeReview numbers them in their order. */
export type SectionDraft = Omit<ReviewSection, 'number'>;

export interface ReviewTexts {
  introduction: string;
  conclusion: string;
  openQuestions: string;
}

/** The section titles, as the table of contents, the tests and the web page name them. */
export const sectionTitles = {
  introduction: 'Introduction',
  context: 'Contexte',
  done: 'Ce qui a été fait, étape par étape',
  territories: 'Territoires et groupes pilotes',
  meetings: 'Rencontres',
  partnerships: 'Partenariats et alliances',
  dialogue: 'Dialogue territorial',
  budget: 'Budget et valorisation du bénévolat',
  evaluation: 'Résultats de l’évaluation',
  next: 'Perspectives',
  conclusion: 'Conclusion',
} as const;

/** Paragraphs of a written text: separated by blank lines, lines inside a paragraph joined. */
export function paragraphsOf(text: string): ReviewBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }));
}

/** A written list (« - item » or one per line) as list items; plain paragraphs otherwise. */
export function questionsOf(text: string): ReviewBlock[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1 && lines.every((l) => /^[-•*–]\s+/.test(l))) {
    return [{ kind: 'list', items: lines.map((l) => l.replace(/^[-•*–]\s+/, '')) }];
  }
  return paragraphsOf(text);
}

export const table = (columns: string[], rows: string[][], numeric: boolean[], totalRow = false): ReviewBlock => ({
  kind: 'table',
  columns,
  rows,
  numeric,
  totalRow,
});
export const para = (text: string): ReviewBlock => ({ kind: 'paragraph', text });
export const plural = (n: number, one: string, many: string) => `${formatCountFr(n)} ${n > 1 ? many : one}`;
