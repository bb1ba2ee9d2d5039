import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { ReviewDocument } from './contract.js';
import { reviewPdf } from './pdf.js';

const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('the review PDF under stress', () => {
  it('shrinks a long key figure rather than cutting its €, and clips a table row longer than a page', async () => {
    const huge = 'mot '.repeat(4000);
    const document: ReviewDocument = {
      programmeName: `Programme au nom très long ${'vraiment '.repeat(30)}`,
      year: 2017,
      title: 'Bilan 2017',
      subtitle: 'Bilan de l’année 2017',
      generatedOn: '2017-12-31',
      audience: 'readers',
      sections: [
        {
          id: 'budget',
          number: 6,
          title: 'Budget et valorisation du bénévolat',
          blocks: [
            {
              kind: 'keyFigures',
              items: [
                { label: 'Budget 2017', value: '123 456 789 012 €' },
                { label: 'Financé', value: '98 765 432 109 €' },
                { label: 'Attendu', value: '1 €' },
                { label: 'Reste à trouver', value: '0 €' },
              ],
            },
            {
              kind: 'table',
              columns: ['Poste', 'Note'],
              rows: [['Long', huge]],
              numeric: [false, false],
              totalRow: false,
            },
            { kind: 'paragraph', text: 'Après le tableau.' },
          ],
        },
      ],
    };
    const bytes = await reviewPdf(document, new Map());
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    // Cover, contents, one page for the figures and the row cut to a page, the paragraph after it.
    expect(pdf.numPages).toBeLessThanOrEqual(5);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(plain(text)).toContain('123 456 789 012 €');
    expect(plain(text)).toContain('98 765 432 109 €');
    expect(plain(text)).toContain('Après le tableau.');
  }, 60_000);
});
