// The review's files (PDF, DOCX, chart SVG) and their names. Rendering takes a second or two and holds the file in
// memory: at most two renders run at once, the others wait their turn, so that many downloads at the same moment do
// not pile up documents in memory.

import { reviewDocx } from './docx.js';
import { reviewPdf } from './pdf.js';
import { type ComposedReview, chartsOfReview } from './service.js';

const maxRenders = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(render: () => Promise<T>): Promise<T> {
  if (running >= maxRenders) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await render();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** `bilan-2017-envies-d-alliances.pdf` */
export function reviewFileName(slug: string, year: number, extension: 'pdf' | 'docx'): string {
  return `bilan-${year}-${slug}.${extension}`;
}

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function renderReviewPdf(review: ComposedReview): Promise<Buffer> {
  return bounded(() => reviewPdf(review.document, chartsOfReview(review)));
}

export function renderReviewDocx(review: ComposedReview): Promise<Buffer> {
  return bounded(() => reviewDocx(review.document, chartsOfReview(review)));
}
