// Shared by server and web: the annual review of a programme for one year (issue 8 point 4). Its document is a plain
// model (sections of paragraphs, key figures, tables, charts) built from the data by compose.ts and drawn three ways:
// the web page, the PDF (pdf.ts) and the DOCX (docx.ts). Readers (staff and the steering committee) read it; staff
// write its texts and publish it; anyone reads the published review's public version (no person's name).
import { z } from 'zod';
import { readers, staff } from '../../auth/roles.js';
import { binaryFile, dateTime, defineRoute } from '../../http/contract.js';

export const reviewYear = z.coerce.number().int().min(2000).max(2100);
export const reviewParams = z.object({ id: z.uuid(), year: reviewYear });
export const publicReviewParams = z.object({ slug: z.string().min(1).max(200), year: reviewYear });
/** The charts a review holds, by name (their SVG routes). */
export const chartNames = [
  'participants',
  'eventsByKind',
  'partnershipsByStep',
  'dialogueByFamily',
  'funding',
  'evaluation',
] as const;
export type ChartName = (typeof chartNames)[number];
export const chartParams = reviewParams.extend({ name: z.enum(chartNames) });
export const publicChartParams = publicReviewParams.extend({ name: z.enum(chartNames) });

/** Longest editable texts: a few pages at most. */
export const maxIntroductionLength = 8000;
export const maxOpenQuestionsLength = 4000;

export const reviewTextsFields = z.object({
  introduction: z.string().trim().max(maxIntroductionLength),
  conclusion: z.string().trim().max(maxIntroductionLength),
  openQuestions: z.string().trim().max(maxOpenQuestionsLength),
});
export type ReviewTextsInput = z.input<typeof reviewTextsFields>;
export const publicationBody = z.object({ published: z.boolean() });

// ---------- the document model ----------

export const keyFigure = z.object({ label: z.string(), value: z.string() });
export type KeyFigure = z.infer<typeof keyFigure>;

export const reviewBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  /** A titled part inside a section (« Phase Amorçage », « Octobre 2017 »…). */
  z.object({ kind: z.literal('subheading'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('keyFigures'), items: z.array(keyFigure) }),
  z.object({
    kind: z.literal('table'),
    columns: z.array(z.string()),
    /** Cells as written (figures already formatted in French). */
    rows: z.array(z.array(z.string())),
    /** Columns of figures, aligned right. */
    numeric: z.array(z.boolean()),
    /** The last row is a total (drawn in bold). */
    totalRow: z.boolean(),
  }),
  z.object({ kind: z.literal('chart'), name: z.enum(chartNames), title: z.string() }),
]);
export type ReviewBlock = z.infer<typeof reviewBlock>;

export const reviewSection = z.object({
  /**
   * Stable anchor: introduction, context, done, territories, meetings, partnerships, dialogue, budget, evaluation,
   * next, conclusion.
   */
  id: z.string(),
  /** 1..9 for the numbered sections; null for the introduction and conclusion. */
  number: z.number().int().nullable(),
  title: z.string(),
  blocks: z.array(reviewBlock),
});
export type ReviewSection = z.infer<typeof reviewSection>;

export const reviewDocument = z.object({
  programmeName: z.string(),
  year: z.number().int(),
  /** « Bilan 2017 ». */
  title: z.string(),
  /** « Bilan de l'année 2017 — phase Amorçage ». */
  subtitle: z.string(),
  /** Day of generation (ISO date). */
  generatedOn: z.string(),
  audience: z.enum(['readers', 'public']),
  sections: z.array(reviewSection),
});
export type ReviewDocument = z.infer<typeof reviewDocument>;

export const reviewView = z.object({
  programmeId: z.uuid(),
  programmeSlug: z.string(),
  programmeName: z.string(),
  year: z.number().int(),
  /** The years the programme spans, for the year select. */
  years: z.array(z.number().int()),
  introduction: z.string(),
  conclusion: z.string(),
  openQuestions: z.string(),
  publishedAt: dateTime.nullable(),
  updatedAt: dateTime.nullable(),
  canEdit: z.boolean(),
  document: reviewDocument,
});
export type ReviewView = z.infer<typeof reviewView>;

const tags = ['reviews'];
const base = '/api/v1/programmes/:id/reviews/:year';
const publicBase = '/api/v1/public/reviews/:slug/:year';

export const reviewRoutes = {
  get: defineRoute({
    method: 'GET',
    path: base,
    summary: 'A programme’s annual review for a year: its texts, publication and document (readers)',
    tags,
    access: readers,
    params: reviewParams,
    response: reviewView,
  }),
  updateTexts: defineRoute({
    method: 'PUT',
    path: base,
    summary: 'Write the review’s introduction, conclusion and open questions (staff)',
    tags,
    access: staff,
    params: reviewParams,
    body: reviewTextsFields,
    response: reviewView,
  }),
  publish: defineRoute({
    method: 'PUT',
    path: `${base}/publication`,
    summary: 'Publish or unpublish the review: its public version becomes readable by anyone (staff)',
    tags,
    access: staff,
    params: reviewParams,
    body: publicationBody,
    response: reviewView,
  }),
  pdf: defineRoute({
    method: 'GET',
    path: `${base}/review.pdf`,
    summary: 'The review as a PDF (application/pdf, attachment; readers)',
    tags,
    access: readers,
    params: reviewParams,
    response: binaryFile,
  }),
  docx: defineRoute({
    method: 'GET',
    path: `${base}/review.docx`,
    summary: 'The review as a Word document (DOCX, attachment; readers)',
    tags,
    access: readers,
    params: reviewParams,
    response: binaryFile,
  }),
  chart: defineRoute({
    method: 'GET',
    path: `${base}/charts/:name.svg`,
    summary: 'One chart of the review as SVG (readers)',
    tags,
    access: readers,
    params: chartParams,
    response: binaryFile,
  }),
  publishedYears: defineRoute({
    method: 'GET',
    path: '/api/v1/public/reviews/:slug',
    summary: 'The years whose review of the programme is published (empty when none, or the programme is unknown)',
    tags,
    access: 'public',
    params: z.object({ slug: publicReviewParams.shape.slug }),
    response: z.object({ years: z.array(z.number().int()) }),
  }),
  publicGet: defineRoute({
    method: 'GET',
    path: publicBase,
    summary: 'The public version of a published annual review (404 when not published)',
    tags,
    access: 'public',
    params: publicReviewParams,
    response: reviewDocument.extend({ programmeSlug: z.string(), publishedAt: dateTime }),
  }),
  publicPdf: defineRoute({
    method: 'GET',
    path: `${publicBase}/review.pdf`,
    summary: 'The public version of a published annual review as a PDF',
    tags,
    access: 'public',
    params: publicReviewParams,
    response: binaryFile,
  }),
  publicDocx: defineRoute({
    method: 'GET',
    path: `${publicBase}/review.docx`,
    summary: 'The public version of a published annual review as a Word document (DOCX)',
    tags,
    access: 'public',
    params: publicReviewParams,
    response: binaryFile,
  }),
  publicChart: defineRoute({
    method: 'GET',
    path: `${publicBase}/charts/:name.svg`,
    summary: 'One chart of a published annual review as SVG',
    tags,
    access: 'public',
    params: publicChartParams,
    response: binaryFile,
  }),
};
export type PublicReview = z.infer<typeof reviewRoutes.publicGet.response>;
