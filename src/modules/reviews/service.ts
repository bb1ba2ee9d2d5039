// The annual review's use cases: read it (texts + document), write its texts, publish or unpublish it, and find a
// published one by programme slug for the public. The figures are never stored: each read composes the document
// from the data of the moment (compose.ts), so the review always agrees with the dashboard.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { invalid, notFound, parseInput } from '../../errors.js';
import { isStaff, requireStaff, type Viewer } from '../actors/visibility.js';
import type { Audience } from '../dashboard/scope.js';
import { requireProgramme } from '../programmes/common.js';
import { programmes } from '../programmes/schema.js';
import { chartsOf } from './charts.js';
import { composeReview, type ReviewTexts } from './compose.js';
import type { ChartName, ReviewDocument, ReviewView } from './contract.js';
import { reviewTextsFields } from './contract.js';
import { type ReviewData, reviewData, yearsOf } from './data.js';
import { annualReviews } from './schema.js';

type ReviewRow = typeof annualReviews.$inferSelect;

const emptyTexts: ReviewTexts = { introduction: '', conclusion: '', openQuestions: '' };

async function reviewRow(db: Handle, programmeId: string, year: number): Promise<ReviewRow | null> {
  const [row] = await db
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.programmeId, programmeId), eq(annualReviews.year, year)));
  return row ?? null;
}

/** The programme (404 when unknown) and the year, which must be one the programme spans (400 naming `year`). */
async function requireProgrammeYear(db: Handle, programmeId: string, year: number) {
  const programme = await requireProgramme(db, programmeId);
  if (!yearsOf(programme).includes(year)) throw invalid([{ field: 'year', code: 'reviewYearOutside' }]);
  return programme;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A review's document and the data it was built from (to draw its charts), for an audience. */
export interface ComposedReview {
  document: ReviewDocument;
  data: ReviewData;
}

export async function composedReview(
  db: Handle,
  viewer: Viewer,
  programmeId: string,
  year: number,
  audience: Audience,
  texts: ReviewTexts,
): Promise<ComposedReview> {
  const data = await reviewData(db, viewer, programmeId, year, audience);
  return { document: composeReview(data, texts, today()), data };
}

/** The charts the document shows, as SVG. */
export function chartsOfReview(review: ComposedReview): Map<ChartName, string> {
  const names = review.document.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.name] : [])));
  return chartsOf([...new Set(names)], review.data);
}

/** The review for readers: texts (empty when not written yet), publication, and the readers' document. */
export async function getReview(db: Handle, viewer: Viewer, programmeId: string, year: number): Promise<ReviewView> {
  const programme = await requireProgrammeYear(db, programmeId, year);
  const row = await reviewRow(db, programmeId, year);
  const texts = row ?? emptyTexts;
  const { document } = await composedReview(db, viewer, programmeId, year, 'readers', texts);
  return {
    programmeId,
    programmeSlug: programme.slug,
    programmeName: programme.name,
    year,
    years: yearsOf(programme),
    introduction: texts.introduction,
    conclusion: texts.conclusion,
    openQuestions: texts.openQuestions,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    canEdit: isStaff(viewer),
    document,
  };
}

/** The readers' review with its data, to render as a file. */
export async function readersReview(db: Handle, viewer: Viewer, programmeId: string, year: number) {
  const programme = await requireProgrammeYear(db, programmeId, year);
  const texts = (await reviewRow(db, programmeId, year)) ?? emptyTexts;
  return { programme, review: await composedReview(db, viewer, programmeId, year, 'readers', texts) };
}

/** Writes the three texts (staff); the review's row is created on first write. */
export async function updateReviewTexts(db: Db, by: Viewer, programmeId: string, year: number, input: unknown) {
  requireStaff(by);
  const texts = parseInput(reviewTextsFields, input);
  await requireProgrammeYear(db, programmeId, year);
  const now = new Date();
  await db
    .insert(annualReviews)
    .values({ programmeId, year, ...texts, updatedBy: by.id, updatedAt: now })
    .onConflictDoUpdate({
      target: [annualReviews.programmeId, annualReviews.year],
      set: { ...texts, updatedBy: by.id, updatedAt: now },
    });
}

/** Publishes (anyone may then read the public version) or unpublishes the review (staff). */
export async function setReviewPublication(db: Db, by: Viewer, programmeId: string, year: number, published: boolean) {
  requireStaff(by);
  await requireProgrammeYear(db, programmeId, year);
  const now = new Date();
  const publishedAt = published ? sql`coalesce(${annualReviews.publishedAt}, now())` : null;
  await db
    .insert(annualReviews)
    .values({ programmeId, year, publishedAt: published ? now : null, updatedBy: by.id, updatedAt: now })
    .onConflictDoUpdate({
      target: [annualReviews.programmeId, annualReviews.year],
      set: { publishedAt, updatedBy: by.id, updatedAt: now },
    });
}

/** A published review's public version, by programme slug; 404 when the programme is unknown or it is not published. */
export async function publishedReview(db: Handle, slug: string, year: number) {
  const [row] = await db
    .select({ review: annualReviews, slug: programmes.slug })
    .from(annualReviews)
    .innerJoin(programmes, eq(programmes.id, annualReviews.programmeId))
    .where(and(eq(programmes.slug, slug), eq(annualReviews.year, year), sql`${annualReviews.publishedAt} is not null`));
  if (!row?.review.publishedAt) throw notFound('Bilan');
  const review = await composedReview(db, null, row.review.programmeId, year, 'public', row.review);
  return { slug: row.slug, publishedAt: row.review.publishedAt.toISOString(), review };
}
