// The review's files (PDF, DOCX) and their names. Rendering takes a second or two and holds the file in memory: at
// most two renders run at once and a few more wait their turn; beyond that the server answers 503 at once, so that
// many downloads at the same moment neither pile up documents in memory nor wait without end.

import { unavailable } from '../../errors.js';
import { reviewDocx } from './docx.js';
import { reviewPdf } from './pdf.js';
import { type ComposedReview, chartsOfReview } from './service.js';

export const maxRenders = 2;
export const maxWaitingRenders = 8;
let running = 0;
const waiting: (() => void)[] = [];

/**
 * Runs `render` within the limit. A finished render hands its slot straight to the next waiter (`running` stays
 * the same), so that a new request arriving in between can never take it too and exceed the limit.
 */
export async function bounded<T>(render: () => Promise<T>): Promise<T> {
  if (running >= maxRenders) {
    if (waiting.length >= maxWaitingRenders) {
      throw unavailable('Trop de bilans en cours de génération\u202f: réessayez dans un instant.');
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running++;
  try {
    return await render();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Renders running now (for tests). */
export const rendersRunning = () => running;

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
