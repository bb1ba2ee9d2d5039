// The annual review's use cases: read it (texts + document), write its texts, publish or unpublish it, and find a
// published one by programme slug for the public. The figures are never stored: each read composes the document
// from the data of the moment (compose.ts), so the review always agrees with the dashboard.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../db/client.js';
import { invalid, notFound, parseInput } from '../../errors.js';
import { isStaff, requireStaff, type Viewer } from '../actors/visibility.js';
import type { Audience } from '../dashboard/scope.js';
import { parisDay, requireProgramme } from '../programmes/common.js';
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

/** The day the review is drawn up, in France (the cover's date): 00:30 in Paris is already tomorrow. */
const today = () => parisDay(new Date());

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

// The web page shows the document then asks for each of its charts: the charts reuse the review composed by the
// page's request (same figures as the preview) instead of recomposing the whole review each. Kept 30 seconds, and
// dropped when the texts or the publication change.
const recentMs = 30_000;
const recent = new Map<string, { at: number; review: Promise<ComposedReview> }>();
const recentKey = (programmeId: string, year: number, audience: Audience, viewer: Viewer) =>
  `${programmeId}/${year}/${audience}/${audience === 'readers' ? (viewer?.role ?? '') : ''}`;

function remember(key: string, review: Promise<ComposedReview>): Promise<ComposedReview> {
  const now = Date.now();
  for (const [k, v] of recent) if (now - v.at > recentMs) recent.delete(k);
  recent.set(key, { at: now, review });
  review.catch(() => recent.delete(key));
  return review;
}

function forget(programmeId: string, year: number) {
  for (const k of recent.keys()) if (k.startsWith(`${programmeId}/${year}/`)) recent.delete(k);
}

/** The review composed for a chart: the one composed in the last 30 seconds for the same readers, else a new one. */
export async function recentReview(
  db: Handle,
  viewer: Viewer,
  programmeId: string,
  year: number,
  audience: Audience,
  texts: () => Promise<ReviewTexts>,
): Promise<ComposedReview> {
  const key = recentKey(programmeId, year, audience, viewer);
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at <= recentMs) return hit.review;
  return remember(
    key,
    texts().then((t) => composedReview(db, viewer, programmeId, year, audience, t)),
  );
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
  const composed = composedReview(db, viewer, programmeId, year, 'readers', texts);
  const { document } = await remember(recentKey(programmeId, year, 'readers', viewer), composed);
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
  forget(programmeId, year);
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
  forget(programmeId, year);
}

/** A published review's public version, by programme slug; 404 when the programme is unknown or it is not published. */
export async function publishedReview(db: Handle, slug: string, year: number) {
  const [row] = await db
    .select({ review: annualReviews, slug: programmes.slug })
    .from(annualReviews)
    .innerJoin(programmes, eq(programmes.id, annualReviews.programmeId))
    .where(and(eq(programmes.slug, slug), eq(annualReviews.year, year), sql`${annualReviews.publishedAt} is not null`));
  if (!row?.review.publishedAt) throw notFound('Bilan');
  const { programmeId } = row.review;
  const review = await remember(
    recentKey(programmeId, year, 'public', null),
    composedReview(db, null, programmeId, year, 'public', row.review),
  );
  return { slug: row.slug, publishedAt: row.review.publishedAt.toISOString(), review };
}

/** A published review for its charts: the one composed in the last 30 seconds, else a new one; 404 if unpublished. */
export async function publishedReviewForChart(db: Handle, slug: string, year: number) {
  const [row] = await db
    .select({ id: programmes.id, publishedAt: annualReviews.publishedAt })
    .from(annualReviews)
    .innerJoin(programmes, eq(programmes.id, annualReviews.programmeId))
    .where(and(eq(programmes.slug, slug), eq(annualReviews.year, year), sql`${annualReviews.publishedAt} is not null`));
  if (!row) throw notFound('Bilan');
  return recentReview(db, null, row.id, year, 'public', async () => (await reviewRow(db, row.id, year)) ?? emptyTexts);
}

/** A readers' review for its charts: the one composed in the last 30 seconds for the same role, else a new one. */
export async function readersReviewForChart(db: Handle, viewer: Viewer, programmeId: string, year: number) {
  await requireProgrammeYear(db, programmeId, year);
  return recentReview(
    db,
    viewer,
    programmeId,
    year,
    'readers',
    async () => (await reviewRow(db, programmeId, year)) ?? emptyTexts,
  );
}

/** The years whose review of the programme (by slug) is published, oldest first: the public programme page links them. */
export async function publishedYears(db: Handle, slug: string): Promise<number[]> {
  const rows = await db
    .select({ year: annualReviews.year })
    .from(annualReviews)
    .innerJoin(programmes, eq(programmes.id, annualReviews.programmeId))
    .where(and(eq(programmes.slug, slug), sql`${annualReviews.publishedAt} is not null`))
    .orderBy(annualReviews.year);
  return rows.map((r) => r.year);
}
