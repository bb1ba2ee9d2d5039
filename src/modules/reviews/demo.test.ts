// ACCEPTANCE (issue 8): the demo programme's 2017 review renders as a PDF (and a DOCX) whose text holds every section
// and the figures the data holds — computed again here by the same figure functions, and known values of the demo
// files checked directly.
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actorPeople } from '../actors/schema.js';
import { actorFigures, eventFigures, partnershipFigures, volunteerFigures } from '../dashboard/figures.js';
import { resolveScope } from '../dashboard/scope.js';
import { evaluationFigures } from '../evaluation/figures.js';
import { budgetFigures } from '../funding/budget/figures.js';
import { programmeActions, programmes } from '../programmes/schema.js';
import { sectionTitles } from './compose.js';
import { renderReviewDocx, renderReviewPdf } from './files.js';
import { dimensionLabelsFr, formatCountFr, formatEurosFr, formatScoreFr } from './labels.js';
import { publishedReview, readersReview } from './service.js';

/** Text with every kind of space as a plain one, so that `12 500 €` matches whatever space the renderer wrote. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return plain(text);
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return plain(
    xml
      .replace(/<w:p[ >]/g, ' $&')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** How many times `part` occurs in `text`. */
const occurrences = (text: string, part: string) => text.split(part).length - 1;

const chartTitles = ['Participants par famille et par territoire', 'Rencontres tenues et présences, par type'];

const headings = [
  sectionTitles.introduction,
  `1. ${sectionTitles.context}`,
  `2. ${sectionTitles.done}`,
  `3. ${sectionTitles.territories}`,
  `4. ${sectionTitles.meetings}`,
  `5. ${sectionTitles.partnerships}`,
  `6. ${sectionTitles.dialogue}`,
  `7. ${sectionTitles.budget}`,
  `8. ${sectionTitles.evaluation}`,
  `9. ${sectionTitles.next} 2018`,
  sectionTitles.conclusion,
];

describe('the demo 2017 annual review', () => {
  let database: Database;
  let programmeId: string;
  let slug: string;
  let expected: string[];
  /** « value label » pairs as the key figures and tables print them, from the figure functions. */
  let pairs: string[];
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
    const [row] = await database.db
      .select({ id: programmes.id, slug: programmes.slug })
      .from(programmes)
      .where(eq(programmes.name, "Envies d'Alliances"));
    programmeId = row?.id ?? '';
    slug = row?.slug ?? '';
    // The figures as the dashboard's and the budget's functions compute them.
    const scope = await resolveScope(database.db, { programmeId, year: 2017, audience: 'readers' });
    const [budget, events, volunteers, actors, partnerships, evaluation] = await Promise.all([
      budgetFigures(database.db, programmeId, { from: 2017, to: 2017 }),
      eventFigures(database.db, scope),
      volunteerFigures(database.db, scope),
      actorFigures(database.db, { ...scope, from: null }),
      partnershipFigures(database.db, scope),
      evaluationFigures(database.db, scope),
    ]);
    expected = [
      formatEurosFr(budget.overall.forecast),
      formatEurosFr(budget.overall.funded),
      formatEurosFr(volunteers.value),
      formatCountFr(volunteers.hours),
      formatCountFr(events.attendance),
    ].map(plain);
    const [dimension, score] = Object.entries(evaluation.dimensions)[0] ?? ['performance', null];
    pairs = [
      `${formatCountFr(events.held)} Rencontres tenues`,
      `${formatCountFr(events.attendance)} Présences enregistrées`,
      `réunissent ${formatCountFr(actors.participantsTotal)} organisations`,
      `${formatCountFr(partnerships.total)} Partenariats engagés en 2017`,
      `${formatScoreFr(evaluation.overall)} Score global`,
      `${dimensionLabelsFr[dimension as keyof typeof dimensionLabelsFr]} ${formatScoreFr(score ?? null)}`,
      `${formatEurosFr(budget.overall.forecast)} Budget 2017`,
      `${formatEurosFr(volunteers.value)} Valorisation`,
    ].map(plain);
  }, 120_000);
  afterAll(() => database.close());

  it('renders as a PDF holding every section and the figures of the data', async () => {
    const { review } = await readersReview(database.db, null, programmeId, 2017);
    const started = Date.now();
    const bytes = await renderReviewPdf(review);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const heading of ['Sommaire', 'Bilan 2017', "Envies d'Alliances"]) expect(text, heading).toContain(heading);
    // Every section is in the table of contents and in the body: twice at least, in that order after the contents.
    for (const heading of headings) expect(occurrences(text, plain(heading)), heading).toBeGreaterThanOrEqual(2);
    const body = text.slice(text.indexOf(plain(headings[headings.length - 1] ?? '')) + 1);
    let at = 0;
    for (const heading of headings.slice(1)) {
      const found = body.indexOf(plain(heading), at);
      expect(found, `${heading} in the body, in order`).toBeGreaterThan(-1);
      at = found;
    }
    for (const figure of expected) expect(text).toContain(figure);
    for (const pair of pairs) expect(text, pair).toContain(pair);
    for (const title of chartTitles) expect(text, title).toContain(title);
    // Known values of the demo files (assets/demo/budget.json, events.json, programme.json).
    expect(text).toContain('Budget 2017');
    expect(text).toContain('Par source de financement');
    expect(text).toContain('12 500 €');
    expect(text).toContain('27 600 €');
    expect(text).toContain('Atelier inter-associatif Culture & Art n° 6');
    expect(text).toContain('16 février 2017');
    expect(text).toContain('Alliance Culture & Art à Aix-en-Provence');
    for (const territory of ['Aix-en-Provence', 'Venelles et Gardanne', 'Pertuis']) expect(text).toContain(territory);
    expect(text).toContain('Amorçage');
    // The written texts: introduction, open questions, conclusion.
    expect(text).toContain('année d');
    expect(text).toContain('Questions ouvertes');
    expect(text).toContain('société coopérative d');
    // Next year's actions (programme actions due in 2018).
    expect(text).toContain('Pertuis : partenariats de coopération économique');
  }, 60_000);

  it('renders as a DOCX with Word headings, the same sections and figures', async () => {
    const { review } = await readersReview(database.db, null, programmeId, 2017);
    const bytes = await renderReviewDocx(review);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('w:val="Heading1"');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.svg'))).toBe(true);
    const text = await docxText(bytes);
    for (const heading of headings) expect(text, heading).toContain(plain(heading));
    for (const figure of [...expected, '12 500 €', '27 600 €']) expect(text).toContain(figure);
    for (const title of chartTitles) expect(text, title).toContain(title);
    for (const label of ['Rencontres tenues', 'Présences enregistrées', 'Score global', 'Valorisation']) {
      expect(text, label).toContain(label);
    }
    for (const pair of pairs.filter((p) => p.startsWith('réunissent'))) expect(text).toContain(pair);
  }, 60_000);

  it('is published, and its public version names no person', async () => {
    const { review } = await publishedReview(database.db, slug, 2017);
    const text = await pdfText(await renderReviewPdf(review));
    expect(text).toContain('Version publique');
    // The budget's sources name funding applications, which the public does not read; its totals stay.
    expect(text).not.toContain('Par source de financement');
    expect(text).toContain('12 500 €');
    const json = plain(JSON.stringify(review.document));
    // The action plan is the team's working document (titles name funding applications, owners are people or
    // roles): the public version counts the actions, never names them.
    const actions = await database.db
      .select({ title: programmeActions.title, ownerRole: programmeActions.ownerRole })
      .from(programmeActions)
      .where(eq(programmeActions.programmeId, programmeId));
    expect(actions.length).toBeGreaterThan(3);
    for (const a of actions) {
      expect(text, a.title).not.toContain(plain(a.title));
      expect(json, a.title).not.toContain(plain(a.title));
      if (a.ownerRole) expect(json, a.ownerRole).not.toContain(plain(a.ownerRole));
    }
    expect(text).toMatch(/\d+ actions? (sont inscrites|est inscrite) au plan pour 2018/);
    const people = [
      ...(await database.db.select({ name: users.displayName }).from(users)),
      ...(await database.db.select({ name: actorPeople.name }).from(actorPeople)),
    ].map((p) => p.name);
    // And the persons the seeds' review names, whom the demo texts replace by their roles.
    people.push('Odile Solomon', 'Patricia Aubanel', 'Bernard Magnan', 'Giacometti', 'Hugues Sibille');
    expect(people.length).toBeGreaterThan(5);
    for (const name of people) {
      expect(text, name).not.toContain(name);
      expect(json, name).not.toContain(name);
    }
  }, 60_000);
});
