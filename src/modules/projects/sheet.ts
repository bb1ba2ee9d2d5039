// The one-page sheet of a flagship project, drawn as a PDF with pdfkit, to present the project to companies.
//
// Text is drawn with pdfkit's standard Helvetica, whose WinAnsi encoding holds French typography (é à ç œ « » ’ € …)
// but not the narrow no-break space U+202F that Intl.NumberFormat('fr-FR') puts between thousands: pdfSafe() turns
// it, and other characters the font cannot draw, into ones it can. No font file, no network.
//
// One A4 page, always: texts longer than their share of the page end with an ellipsis (pdfkit's `height` +
// `ellipsis`); long budgets keep their first lines and group the rest. Only what the project page shows publicly is
// drawn: organisations, never people.
import { inArray } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { Db } from '../../db/client.js';
import type { PartnershipMode } from '../partnerships/vocabulary.js';
import { sdgs, themes } from '../reference/schema.js';
import type { ProjectDetail } from './contract.js';
import { getProject } from './service.js';
import type { Viewer } from './visibility.js';
import type { ProjectStatus } from './vocabulary.js';

export const modeLabelsFr: Record<PartnershipMode, string> = {
  support: 'Soutien (mécénat, subvention, don)',
  responsiblePractices: 'Pratiques responsables',
  economicCooperation: 'Coopération économique',
  societalInnovation: 'Innovation sociétale',
};

export const statusLabelsFr: Record<ProjectStatus, string> = {
  draft: 'Brouillon',
  seekingPartners: 'Recherche de partenaires',
  inProgress: 'En cours',
  completed: 'Réalisé',
  abandoned: 'Abandonné',
};

export interface SheetLabels {
  themes: Map<string, string>;
  sdgs: Map<number, string>;
  /** When the sheet was made, for its footer. */
  at: Date;
}

// WinAnsi (Windows-1252) beyond Latin-1: what Helvetica can draw in 0x80–0x9F.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const replacements: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (fr-FR thousands, before « ; : ! ? »)
  '\u2009': ' ',
  '\u2007': '\u00a0',
  '\u2011': '-',
  '\u2010': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u00ad': '',
};

/** Text that Helvetica (WinAnsi) draws as written: spaces pdfkit cannot encode replaced, unknown characters dropped. */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const replaced = replacements[ch];
    if (replaced !== undefined) out += replaced;
    else if (ch === '\n' || (ch >= ' ' && ch <= '~') || (ch >= '\u00a0' && ch <= '\u00ff') || winAnsiExtras.has(ch))
      out += ch;
    else if (/\s/.test(ch)) out += ' ';
    else out += '?';
  }
  return out;
}

/** `12 500 €`, `1 234,50 €`: French format, cents only when there are some. */
export function formatEurosFr(amount: number): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  return new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** `1er mars 2018`, `15 octobre 2018`. */
export const formatDateFr = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`))
    .replace(/^1 /, '1er ');

export function periodFr(startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn) return `du ${formatDateFr(startsOn)} au ${formatDateFr(endsOn)}`;
  if (startsOn) return `à partir du ${formatDateFr(startsOn)}`;
  if (endsOn) return `jusqu’au ${formatDateFr(endsOn)}`;
  return 'à définir';
}

const colours = { brand: '#165a72', ink: '#1d2430', muted: '#545e6b', line: '#d9d6cc', soft: '#e6f0f3' };
const page = { width: 595.28, height: 841.89, margin: 40 };
const footerHeight = 34;

interface Block {
  heading: string;
  body: string;
}

/**
 * Heights given to blocks sharing `available` points: each gets what it needs when all fit; otherwise the short ones
 * keep theirs and the long ones share the rest equally (water-filling), to be cut with an ellipsis.
 */
export function shareHeights(needed: number[], available: number): number[] {
  const given = needed.map(() => 0);
  let remaining = Math.max(0, available);
  const order = needed.map((h, i) => [h, i] as const).sort((a, b) => a[0] - b[0]);
  order.forEach(([h, i], k) => {
    const share = remaining / (order.length - k);
    given[i] = Math.min(h, share);
    remaining -= given[i] ?? 0;
  });
  return given;
}

/** Draws the sheet; resolves with the PDF's bytes. */
export function renderProjectSheet(project: ProjectDetail, labels: SheetLabels): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.margin, bottom: 0, left: page.margin, right: page.margin },
    autoFirstPage: true,
    info: {
      Title: pdfSafe(project.title),
      Subject: 'Fiche projet phare — Envies d’Alliances',
      Creator: 'Alliances (Pays d’Aix Associations)',
    },
    lang: 'fr-FR',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // No text may ever open a second page: every block below is bounded.
  doc.on('pageAdded', () => {
    throw new Error('the project sheet must fit one page');
  });

  const left = page.margin;
  const width = page.width - 2 * page.margin;
  const bottom = page.height - page.margin - footerHeight;

  // Band: programme and status.
  doc.rect(0, 0, page.width, 28).fill(colours.brand);
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .fillColor('#ffffff')
    .text(pdfSafe('ENVIES D’ALLIANCES · PROJET PHARE'), left, 10, { width: width / 2, lineBreak: false });
  doc.font('Helvetica').text(pdfSafe(statusLabelsFr[project.status]), left + width / 2, 10, {
    width: width / 2,
    align: 'right',
    lineBreak: false,
  });

  // Title and carriers.
  let y = 44;
  doc.font('Helvetica-Bold').fontSize(20).fillColor(colours.ink);
  const title = pdfSafe(project.title);
  const titleHeight = Math.min(doc.heightOfString(title, { width }), 50);
  doc.text(title, left, y, { width, height: titleHeight + 1, ellipsis: '…' });
  y += titleHeight + 6;

  const collective = project.carriers.length > 1;
  const carrierNames = project.carriers
    .map((c) => (c.role === 'lead' && collective ? `${c.name} (chef de file)` : c.name))
    .join(', ');
  const carrierLine = pdfSafe(`${collective ? 'Projet collectif porté par' : 'Porté par'} ${carrierNames}`);
  doc.font('Helvetica').fontSize(11).fillColor(colours.brand);
  const carriersHeight = Math.min(doc.heightOfString(carrierLine, { width }), 42);
  doc.text(carrierLine, left, y, { width, height: carriersHeight + 1, ellipsis: '…' });
  y += carriersHeight + 8;

  // Facts: territory and dates.
  const territory = project.communes.map((c) => c.name).join(', ') || 'à préciser';
  const facts: [string, string][] = [
    ['Territoire', territory],
    ['Calendrier', periodFr(project.startsOn, project.endsOn)],
  ];
  doc.rect(left, y, width, 34).fill(colours.soft);
  facts.forEach(([label, value], i) => {
    const x = left + 10 + (i * (width - 20)) / 2;
    const w = (width - 20) / 2 - 8;
    doc
      .font('Helvetica-Bold')
      .fontSize(8)
      .fillColor(colours.muted)
      .text(pdfSafe(label.toUpperCase()), x, y + 6, { width: w, lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor(colours.ink)
      .text(pdfSafe(value), x, y + 17, { width: w, height: 12, ellipsis: '…', lineBreak: false });
  });
  y += 34 + 14;

  // Two columns: the project in words on the left, what it asks and its frame on the right.
  const gap = 20;
  const rightWidth = 200;
  const leftWidth = width - rightWidth - gap;
  const rightX = left + leftWidth + gap;
  const top = y;

  const textBlocks: Block[] = [
    { heading: 'Le projet', body: project.summary },
    { heading: 'Objectifs', body: project.goals },
    { heading: 'Bénéficiaires', body: project.beneficiaries },
    { heading: 'Besoins', body: project.needs },
  ].filter((b) => b.body.trim() !== '');
  drawBlocks(doc, textBlocks, left, top, leftWidth, bottom);

  let ry = drawBudget(doc, project, rightX, top, rightWidth);
  const sideBlocks: Block[] = [
    { heading: 'Partenariats recherchés', body: project.modes.map((m) => `• ${modeLabelsFr[m]}`).join('\n') },
    { heading: 'Thèmes', body: project.themes.map((t) => `• ${labels.themes.get(t) ?? t}`).join('\n') },
    {
      heading: 'Objectifs de développement durable',
      body: project.sdgs.map((n) => `${n}. ${labels.sdgs.get(n) ?? ''}`).join('\n'),
    },
  ].filter((b) => b.body !== '');
  ry += 4;
  drawBlocks(doc, sideBlocks, rightX, ry, rightWidth, bottom);

  // Footer: the programme.
  const fy = page.height - page.margin - footerHeight + 8;
  doc
    .moveTo(left, fy)
    .lineTo(left + width, fy)
    .lineWidth(0.5)
    .strokeColor(colours.line)
    .stroke();
  doc
    .font('Helvetica-Bold')
    .fontSize(8)
    .fillColor(colours.brand)
    .text(pdfSafe('Envies d’Alliances · un programme de Pays d’Aix Associations'), left, fy + 6, {
      width,
      lineBreak: false,
    });
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(colours.muted)
    .text(
      pdfSafe(
        `Alliances entre associations, entreprises, collectivités et citoyens · Maison de la Vie Associative, Aix-en-Provence · fiche du ${formatDateFr(labels.at.toISOString().slice(0, 10))}`,
      ),
      left,
      fy + 17,
      { width, height: 10, ellipsis: '…', lineBreak: false },
    );

  doc.end();
  return done;
}

const headingHeight = 15;
const blockGap = 9;
const bodyStyle = { font: 'Helvetica', size: 10, lineGap: 2 };

/** Headed text blocks in a column from y to bottom; each cut with an ellipsis when they do not all fit. */
function drawBlocks(doc: PDFKit.PDFDocument, blocks: Block[], x: number, y: number, width: number, bottom: number) {
  if (blocks.length === 0) return;
  doc.font(bodyStyle.font).fontSize(bodyStyle.size);
  const bodies = blocks.map((b) => pdfSafe(b.body.trim()));
  const needed = bodies.map((body) => doc.heightOfString(body, { width, lineGap: bodyStyle.lineGap }));
  const lineHeight = doc.currentLineHeight(true) + bodyStyle.lineGap;
  const available = bottom - y - blocks.length * (headingHeight + blockGap);
  // Whole lines only, so that the ellipsis ends a visible line.
  const heights = shareHeights(needed, available).map((h, i) =>
    h >= (needed[i] ?? 0) ? h + 1 : Math.max(lineHeight, Math.floor(h / lineHeight) * lineHeight),
  );
  blocks.forEach((block, i) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .fillColor(colours.brand)
      .text(pdfSafe(block.heading), x, y, { width, lineBreak: false });
    y += headingHeight;
    const height = heights[i] ?? lineHeight;
    doc
      .font(bodyStyle.font)
      .fontSize(bodyStyle.size)
      .fillColor(colours.ink)
      .text(bodies[i] ?? '', x, y, { width, height: height + 0.5, ellipsis: '…', lineGap: bodyStyle.lineGap });
    y += Math.min(height, needed[i] ?? height) + blockGap;
  });
}

const maxBudgetRows = 10;

/** The budget as a table (label, amount) with its total; long budgets keep their first lines. Returns the next y. */
function drawBudget(doc: PDFKit.PDFDocument, project: ProjectDetail, x: number, y: number, width: number): number {
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(colours.brand).text('Budget', x, y, { width, lineBreak: false });
  y += headingHeight;
  let lines = project.budgetLines;
  if (lines.length > maxBudgetRows) {
    const rest = lines.slice(maxBudgetRows - 1).reduce((s, l) => s + Math.round(l.amount * 100), 0) / 100;
    lines = [
      ...lines.slice(0, maxBudgetRows - 1),
      { label: `Autres postes (${lines.length - maxBudgetRows + 1})`, amount: rest },
    ];
  }
  const amountWidth = 64;
  const labelWidth = width - amountWidth - 6;
  doc.font('Helvetica').fontSize(9).fillColor(colours.ink);
  const lineHeight = doc.currentLineHeight(true);
  for (const line of lines) {
    const label = pdfSafe(line.label);
    // Up to two lines per label, cut with an ellipsis beyond.
    const labelHeight = Math.min(doc.heightOfString(label, { width: labelWidth }), 2 * lineHeight);
    doc.text(label, x, y + 3, { width: labelWidth, height: labelHeight + 0.5, ellipsis: '…' });
    doc.text(pdfSafe(formatEurosFr(line.amount)), x + width - amountWidth, y + 3, {
      width: amountWidth,
      align: 'right',
      lineBreak: false,
    });
    y += labelHeight + 6;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.4)
      .strokeColor(colours.line)
      .stroke();
  }
  doc.font('Helvetica-Bold').fontSize(9.5);
  if (project.budgetTotal !== null) {
    doc.text('Total', x, y + 3, { width: width - amountWidth, lineBreak: false });
    doc.text(pdfSafe(formatEurosFr(project.budgetTotal)), x + width - amountWidth, y + 3, {
      width: amountWidth,
      align: 'right',
      lineBreak: false,
    });
  } else {
    doc
      .font('Helvetica')
      .fillColor(colours.muted)
      .text('À préciser', x, y + 3, { width, lineBreak: false });
  }
  return y + 16 + blockGap;
}

/** The sheet of a project the viewer may see (drafts follow getProject's rule), with its file name. */
export async function projectSheetPdf(
  db: Db,
  viewer: Viewer,
  id: string,
  at = new Date(),
): Promise<{ filename: string; pdf: Buffer }> {
  const project = await getProject(db, viewer, id);
  const [themeRows, sdgRows] = await Promise.all([
    project.themes.length
      ? db.select({ id: themes.id, label: themes.labelFr }).from(themes).where(inArray(themes.id, project.themes))
      : [],
    project.sdgs.length
      ? db.select({ n: sdgs.number, label: sdgs.labelFr }).from(sdgs).where(inArray(sdgs.number, project.sdgs))
      : [],
  ]);
  const pdf = await renderProjectSheet(project, {
    themes: new Map(themeRows.map((r) => [r.id, r.label])),
    sdgs: new Map(sdgRows.map((r) => [r.n, r.label])),
    at,
  });
  return { filename: `projet-${project.slug}.pdf`, pdf };
}
