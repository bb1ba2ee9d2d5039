import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../app.js';
import { notFound } from '../../errors.js';
import { contentDisposition } from '../../http/download.js';
import { type App, registerRoute } from '../../http/route.js';
import { chartOption, chartSvg } from './charts.js';
import type { ChartName } from './contract.js';
import { reviewRoutes as r } from './contract.js';
import { bounded, docxContentType, renderReviewDocx, renderReviewPdf, reviewFileName } from './files.js';
import type { ComposedReview } from './service.js';
import {
  getReview,
  publishedReview,
  publishedReviewForChart,
  publishedYears,
  readersReview,
  readersReviewForChart,
  setReviewPublication,
  updateReviewTexts,
} from './service.js';

/** Headers of a file answered; `cache` private for readers' versions, public (short) for published ones. */
function sendFile(reply: FastifyReply, type: string, fileName: string | null, isPublic: boolean) {
  reply.header('content-type', type).header('cache-control', isPublic ? 'public, max-age=300' : 'private, no-store');
  if (fileName) reply.header('content-disposition', contentDisposition(fileName));
}

/** A chart the document shows, as SVG bytes (within the render limit); 404 for a chart the document leaves out. */
function chartBytes(review: ComposedReview, name: ChartName): Promise<Uint8Array> {
  const shown = review.document.sections.some((s) => s.blocks.some((b) => b.kind === 'chart' && b.name === name));
  if (!shown) throw notFound('Graphique');
  return bounded(async () => Buffer.from(chartSvg(chartOption(name, review.data))));
}

export function registerReviewRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.get, ({ params, auth }) => getReview(db, auth.user, params.id, params.year));

  registerRoute(app, r.updateTexts, async ({ params, body, auth }) => {
    await updateReviewTexts(db, auth.user, params.id, params.year, body);
    return getReview(db, auth.user, params.id, params.year);
  });

  registerRoute(app, r.publish, async ({ params, body, auth }) => {
    await setReviewPublication(db, auth.user, params.id, params.year, body.published);
    return getReview(db, auth.user, params.id, params.year);
  });

  registerRoute(app, r.pdf, async ({ params, auth, reply }) => {
    const { programme, review } = await readersReview(db, auth.user, params.id, params.year);
    const pdf = await renderReviewPdf(review);
    sendFile(reply, 'application/pdf', reviewFileName(programme.slug, params.year, 'pdf'), false);
    return pdf;
  });

  registerRoute(app, r.docx, async ({ params, auth, reply }) => {
    const { programme, review } = await readersReview(db, auth.user, params.id, params.year);
    const docx = await renderReviewDocx(review);
    sendFile(reply, docxContentType, reviewFileName(programme.slug, params.year, 'docx'), false);
    return docx;
  });

  registerRoute(app, r.chart, async ({ params, auth, reply }) => {
    const review = await readersReviewForChart(db, auth.user, params.id, params.year);
    const svg = await chartBytes(review, params.name);
    sendFile(reply, 'image/svg+xml', null, false);
    return svg;
  });

  registerRoute(app, r.publishedYears, async ({ params }) => ({ years: await publishedYears(db, params.slug) }));

  registerRoute(app, r.publicGet, async ({ params }) => {
    const { slug, publishedAt, review } = await publishedReview(db, params.slug, params.year);
    return { ...review.document, programmeSlug: slug, publishedAt };
  });

  registerRoute(app, r.publicPdf, async ({ params, reply }) => {
    const { slug, review } = await publishedReview(db, params.slug, params.year);
    const pdf = await renderReviewPdf(review);
    sendFile(reply, 'application/pdf', reviewFileName(slug, params.year, 'pdf'), true);
    return pdf;
  });

  registerRoute(app, r.publicDocx, async ({ params, reply }) => {
    const { slug, review } = await publishedReview(db, params.slug, params.year);
    const docx = await renderReviewDocx(review);
    sendFile(reply, docxContentType, reviewFileName(slug, params.year, 'docx'), true);
    return docx;
  });

  registerRoute(app, r.publicChart, async ({ params, reply }) => {
    const review = await publishedReviewForChart(db, params.slug, params.year);
    const svg = await chartBytes(review, params.name);
    sendFile(reply, 'image/svg+xml', null, true);
    return svg;
  });
}
