// The annual review as a PDF a funder reads: a cover, a table of contents with page numbers, numbered sections, a
// running header and a footer with page numbers, key-figure boxes, bordered tables whose header repeats on each page,
// and the dashboard's charts drawn as vector graphics (svg-to-pdfkit). DejaVu Sans draws any French text (« », narrow
// no-break spaces, œ, €) without replacing characters.
//
// Layout rules: a heading never ends a page (it moves to the next one with the start of what it introduces); a chart
// or a key-figure row is never cut; a table row is never cut and a table continued on the next page repeats its header.
// Pages are buffered so that the table of contents and the « page n / N » footers are written once every page exists.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartSize, dejavuBold, dejavuRegular } from './charts.js';
import type { ChartName, ReviewBlock, ReviewDocument, ReviewSection } from './contract.js';
import { formatDateFr } from './labels.js';

const colours = {
  brand: '#165a72',
  brandDark: '#0f4254',
  ink: '#1d2430',
  muted: '#5a6470',
  line: '#c9ced6',
  soft: '#eef4f6',
  zebra: '#f7f8fa',
};
const page = { width: 595.28, height: 841.89, left: 60, right: 60, top: 72, bottom: 64 };
const contentWidth = page.width - page.left - page.right;
const bottomLimit = page.height - page.bottom;
const body = { size: 10.5, gap: 4 };
const regular = 'DejaVu';
const bold = 'DejaVu-Bold';

type Doc = PDFKit.PDFDocument;

/** Sections' first pages (0-based buffered page index), for the table of contents. */
type Anchors = Map<string, number>;

const sectionLabel = (s: ReviewSection) => (s.number === null ? s.title : `${s.number}. ${s.title}`);

function spaceLeft(doc: Doc): number {
  return bottomLimit - doc.y;
}

function newPage(doc: Doc) {
  doc.addPage();
  doc.x = page.left;
  doc.y = page.top;
}

/** Moves to a new page unless `height` fits below. */
function ensure(doc: Doc, height: number) {
  if (spaceLeft(doc) < height) newPage(doc);
}

function textHeight(doc: Doc, text: string, font: string, size: number, width: number): number {
  return doc.font(font).fontSize(size).heightOfString(text, { width, lineGap: 1.5 });
}

// ---------- blocks ----------

function paragraph(doc: Doc, text: string) {
  const height = textHeight(doc, text, regular, body.size, contentWidth);
  // Short paragraphs stay whole; a long one may flow over the page break (pdfkit continues it below the header).
  if (height < 120) ensure(doc, height);
  doc
    .font(regular)
    .fontSize(body.size)
    .fillColor(colours.ink)
    .text(text, page.left, doc.y, { width: contentWidth, lineGap: 1.5, align: 'left' });
  doc.moveDown(0.5);
}

function list(doc: Doc, items: string[]) {
  const indent = 14;
  for (const item of items) {
    const height = textHeight(doc, item, regular, body.size, contentWidth - indent);
    ensure(doc, height + 2);
    const y = doc.y;
    doc
      .font(regular)
      .fontSize(body.size)
      .fillColor(colours.brand)
      .text('•', page.left + 2, y, { lineBreak: false });
    doc.fillColor(colours.ink).text(item, page.left + indent, y, { width: contentWidth - indent, lineGap: 1.5 });
    doc.y += 2;
  }
  doc.moveDown(0.4);
}

const keyFigureBox = { height: 58, gap: 10 };

function keyFigures(doc: Doc, items: { label: string; value: string }[]) {
  const perRow = Math.min(4, items.length);
  const width = (contentWidth - keyFigureBox.gap * (perRow - 1)) / perRow;
  for (let start = 0; start < items.length; start += perRow) {
    ensure(doc, keyFigureBox.height + 8);
    const y = doc.y;
    items.slice(start, start + perRow).forEach((item, i) => {
      const x = page.left + i * (width + keyFigureBox.gap);
      doc.save().roundedRect(x, y, width, keyFigureBox.height, 4).fill(colours.soft).restore();
      doc.save().rect(x, y, 3, keyFigureBox.height).fill(colours.brand).restore();
      // A long amount shrinks until it fits whole: an ellipsis would cut its « € » or its last digits.
      doc.font(bold);
      let size = 15;
      while (size > 7 && doc.fontSize(size).widthOfString(item.value) > width - 16) size -= 0.5;
      doc
        .fontSize(size)
        .fillColor(colours.brandDark)
        .text(item.value, x + 10, y + 9 + (15 - size) / 2, { width: width - 16, lineBreak: false });
      doc
        .font(regular)
        .fontSize(8.5)
        .fillColor(colours.muted)
        .text(item.label, x + 10, y + 31, { width: width - 16, height: 24, ellipsis: true, lineGap: 0.5 });
    });
    doc.y = y + keyFigureBox.height + 8;
  }
  doc.x = page.left;
  doc.moveDown(0.3);
}

/** Where a line may break: ordinary spaces only (`12 500 €` holds no-break spaces and stays whole). */
const breakable = /[ \t\n]+/;

/** Column widths: each column's share of the text it holds, within bounds, filling the content width. */
function columnWidths(doc: Doc, columns: string[], rows: string[][]): number[] {
  const pad = 12;
  // A column is never narrower than its longest word (header in bold), so that no word is cut.
  const minimum = columns.map((c, i) => {
    const words = [
      ...[c, ...rows.map((r) => r[i] ?? '')].flatMap((cell) =>
        cell.split(breakable).map((w) => doc.font(bold).fontSize(9).widthOfString(w)),
      ),
    ];
    return Math.max(...words, 0) + pad;
  });
  doc.font(bold).fontSize(9);
  const natural = columns.map((c, i) => {
    const cells = [c, ...rows.map((r) => r[i] ?? '')];
    const longest = Math.max(...cells.map((t) => doc.widthOfString(t)));
    return Math.min(Math.max(longest + pad, minimum[i] ?? 0), 240);
  });
  const spare = contentWidth - minimum.reduce((a, b) => a + b, 0);
  if (spare <= 0) return minimum.map((w) => (w / minimum.reduce((a, b) => a + b, 0)) * contentWidth);
  // What is left beyond the minimums is shared in proportion to what each column would like beyond its minimum.
  const wishes = natural.map((w, i) => Math.max(w - (minimum[i] ?? 0), 0));
  const wished = wishes.reduce((a, b) => a + b, 0);
  return minimum.map((m, i) => m + (wished > 0 ? ((wishes[i] ?? 0) / wished) * spare : spare / columns.length));
}

function tableRow(
  doc: Doc,
  cells: string[],
  widths: number[],
  numeric: boolean[],
  style: 'head' | 'body' | 'total',
  zebra: boolean,
) {
  const pad = 5;
  const font = style === 'body' ? regular : bold;
  const size = 9;
  const height = rowHeight(doc, cells, widths, style);
  const y = doc.y;
  const fill = style === 'head' ? colours.brand : style === 'total' ? colours.soft : zebra ? colours.zebra : null;
  if (fill) doc.save().rect(page.left, y, contentWidth, height).fill(fill).restore();
  let x = page.left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    doc
      .font(font)
      .fontSize(size)
      .fillColor(style === 'head' ? '#ffffff' : colours.ink)
      .text(cell, x + pad, y + pad, {
        width: w - 2 * pad,
        align: numeric[i] && style !== 'head' ? 'right' : 'left',
        lineGap: 1.5,
        // A cell longer than a page is cut (with an ellipsis) rather than run over the footer.
        height: height - 2 * pad,
        ellipsis: true,
      });
    x += w;
  });
  // Borders: the row's box and its column separators.
  doc.save().lineWidth(0.5).strokeColor(colours.line).rect(page.left, y, contentWidth, height).stroke();
  x = page.left;
  for (const w of widths.slice(0, -1)) {
    x += w;
    doc
      .moveTo(x, y)
      .lineTo(x, y + height)
      .stroke();
  }
  doc.restore();
  doc.y = y + height;
  return height;
}

/** At most what a page holds below a repeated table header: a taller row is clipped, never spilled. */
const maxRowHeight = page.height - page.top - page.bottom - 60;

function rowHeight(doc: Doc, cells: string[], widths: number[], style: 'head' | 'body' | 'total') {
  const font = style === 'body' ? regular : bold;
  const natural = Math.max(...cells.map((c, i) => textHeight(doc, c, font, 9, (widths[i] ?? 0) - 10))) + 10;
  return Math.min(natural, maxRowHeight);
}

/**
 * The room a table needs on the page where it starts: a short table (a third of a page at most) stays whole on one
 * page; a longer one may break, but its header never stands alone at the bottom of a page: it goes with its first row.
 */
function tableStartHeight(doc: Doc, block: Extract<ReviewBlock, { kind: 'table' }>): number {
  const widths = columnWidths(doc, block.columns, block.rows);
  const headHeight = rowHeight(doc, block.columns, widths, 'head');
  const first = block.rows[0];
  const whole = headHeight + block.rows.reduce((sum, row) => sum + rowHeight(doc, row, widths, 'body'), 0);
  const third = (page.height - page.top - page.bottom) / 3;
  return whole <= third ? whole : headHeight + (first ? rowHeight(doc, first, widths, 'body') : 0);
}

function table(doc: Doc, block: Extract<ReviewBlock, { kind: 'table' }>) {
  const widths = columnWidths(doc, block.columns, block.rows);
  ensure(doc, tableStartHeight(doc, block));
  tableRow(doc, block.columns, widths, block.numeric, 'head', false);
  block.rows.forEach((row, i) => {
    const style = block.totalRow && i === block.rows.length - 1 ? 'total' : 'body';
    if (spaceLeft(doc) < rowHeight(doc, row, widths, style)) {
      newPage(doc);
      tableRow(doc, block.columns, widths, block.numeric, 'head', false);
    }
    tableRow(doc, row, widths, block.numeric, style, i % 2 === 1);
  });
  doc.x = page.left;
  doc.moveDown(0.8);
}

function chart(doc: Doc, title: string, svg: string | undefined) {
  if (!svg) return;
  const titleHeight = 18;
  ensure(doc, chartSize.height + titleHeight + 12);
  doc.font(bold).fontSize(9.5).fillColor(colours.muted).text(title, page.left, doc.y, { width: contentWidth });
  const x = page.left + (contentWidth - chartSize.width) / 2;
  const y = doc.y + 4;
  SVGtoPDF(doc, svg, x, y, {
    width: chartSize.width,
    height: chartSize.height,
    assumePt: true,
    fontCallback: (_family, isBold) => (isBold ? bold : regular),
  });
  doc.x = page.left;
  doc.y = y + chartSize.height + 12;
}

function subheading(doc: Doc, text: string) {
  doc.moveDown(0.3);
  doc.font(bold).fontSize(11.5).fillColor(colours.brandDark).text(text, page.left, doc.y, { width: contentWidth });
  doc.moveDown(0.3);
}

/** The height a block needs at least on the page where its heading stands (so that the heading is not orphaned). */
function leadHeight(doc: Doc, block: ReviewBlock | undefined, charts: Map<ChartName, string>): number {
  if (!block) return 0;
  switch (block.kind) {
    case 'paragraph':
      return Math.min(textHeight(doc, block.text, regular, body.size, contentWidth), 60);
    case 'list':
      return textHeight(doc, block.items[0] ?? '', regular, body.size, contentWidth - 14);
    case 'keyFigures':
      return keyFigureBox.height + 8;
    case 'table':
      // The table keeps its heading: whole when short, else its header and first row (as `table` places it).
      return tableStartHeight(doc, block);
    case 'chart':
      return charts.has(block.name) ? chartSize.height + 30 : 0;
    case 'subheading':
      return 40;
  }
}

function drawBlocks(doc: Doc, blocks: ReviewBlock[], charts: Map<ChartName, string>) {
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'paragraph') paragraph(doc, block.text);
    else if (block.kind === 'list') list(doc, block.items);
    else if (block.kind === 'keyFigures') keyFigures(doc, block.items);
    else if (block.kind === 'table') table(doc, block);
    else if (block.kind === 'chart') chart(doc, block.title, charts.get(block.name));
    else {
      // A subheading goes to the next page with the start of what it introduces.
      const height = textHeight(doc, block.text, bold, 11.5, contentWidth) + 14;
      ensure(doc, height + leadHeight(doc, blocks[i + 1], charts));
      subheading(doc, block.text);
    }
  }
}

// ---------- pages ----------

function cover(doc: Doc, review: ReviewDocument) {
  doc.save().rect(0, 0, page.width, 300).fill(colours.brand).restore();
  doc.save().rect(0, 300, page.width, 6).fill('#a84c18').restore();
  doc
    .font(regular)
    .fontSize(12)
    .fillColor('#d8e7ec')
    .text('Programme', page.left, 120, { width: contentWidth, characterSpacing: 1 });
  doc.font(bold).fontSize(28).fillColor('#ffffff').text(review.programmeName, page.left, 140, { width: contentWidth });
  doc.font(bold).fontSize(46).fillColor('#1d2430').text(review.title, page.left, 360, { width: contentWidth });
  doc
    .font(regular)
    .fontSize(14)
    .fillColor(colours.muted)
    .text(review.subtitle, page.left, doc.y + 6, { width: contentWidth });
  const notes = [
    `Document établi le ${formatDateFr(review.generatedOn)} à partir des données de la plateforme Alliances.`,
    review.audience === 'public'
      ? 'Version publique : les organisations et les rôles sont nommés, jamais les personnes.'
      : 'Version de travail pour l’équipe et le comité de pilotage.',
  ];
  doc
    .font(regular)
    .fontSize(10)
    .fillColor(colours.muted)
    .text(notes.join('\n'), page.left, page.height - 140, { width: contentWidth, lineGap: 3 });
}

function sectionHeading(doc: Doc, section: ReviewSection, charts: Map<ChartName, string>, anchors: Anchors) {
  const label = sectionLabel(section);
  const height = textHeight(doc, label, bold, 17, contentWidth) + 22;
  // A section starts on a new page when less than a third of the page is left, and never without its first block.
  const [first, second] = section.blocks;
  // Key figures and the chart that follows them read together: they start on the same page.
  const lead =
    leadHeight(doc, first, charts) +
    (first?.kind === 'keyFigures' && second?.kind === 'chart' ? leadHeight(doc, second, charts) : 0);
  if (spaceLeft(doc) < Math.max(height + lead, 240)) newPage(doc);
  else doc.moveDown(0.8);
  anchors.set(section.id, doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
  doc.outline.addItem(label);
  const y = doc.y;
  doc.font(bold).fontSize(17).fillColor(colours.brand).text(label, page.left, y, { width: contentWidth });
  doc
    .save()
    .lineWidth(1.2)
    .strokeColor(colours.brand)
    .moveTo(page.left, doc.y + 3)
    .lineTo(page.left + contentWidth, doc.y + 3)
    .stroke()
    .restore();
  doc.y += 12;
}

function tableOfContents(doc: Doc, review: ReviewDocument, anchors: Anchors) {
  doc.switchToPage(1);
  doc.font(bold).fontSize(20).fillColor(colours.brand).text('Sommaire', page.left, page.top, { width: contentWidth });
  let y = page.top + 44;
  for (const section of review.sections) {
    const label = sectionLabel(section);
    const number = String((anchors.get(section.id) ?? 0) + 1);
    doc
      .font(section.number === null ? regular : bold)
      .fontSize(12)
      .fillColor(colours.ink);
    const numberWidth = doc.widthOfString(number);
    const labelWidth = doc.widthOfString(label);
    doc.text(label, page.left, y, { lineBreak: false });
    doc.text(number, page.left + contentWidth - numberWidth, y, { lineBreak: false });
    // Dotted leader between the title and its page.
    doc
      .save()
      .lineWidth(0.8)
      .dash(1, { space: 3 })
      .strokeColor(colours.line)
      .moveTo(page.left + labelWidth + 8, y + 11)
      .lineTo(page.left + contentWidth - numberWidth - 8, y + 11)
      .stroke()
      .undash()
      .restore();
    y += 26;
  }
}

function headersAndFooters(doc: Doc, review: ReviewDocument) {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = 1; i < total; i++) {
    doc.switchToPage(range.start + i);
    // Writing in the margins must not move pdfkit to a new page.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc
      .font(regular)
      .fontSize(8.5)
      .fillColor(colours.muted)
      .text(`${review.programmeName} — ${review.title}`, page.left, 34, {
        width: contentWidth,
        height: 12,
        lineBreak: false,
        ellipsis: true,
      });
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(colours.line)
      .moveTo(page.left, 50)
      .lineTo(page.width - page.right, 50)
      .stroke()
      .restore();
    const footerY = page.height - 40;
    doc.text(`Établi le ${formatDateFr(review.generatedOn)}`, page.left, footerY, { lineBreak: false });
    const label = `Page ${i + 1} / ${total}`;
    doc.text(label, page.width - page.right - doc.widthOfString(label), footerY, { lineBreak: false });
    doc.page.margins = margins;
  }
}

/** The review as PDF bytes; `charts` holds the SVG of each chart the document names. */
export async function reviewPdf(review: ReviewDocument, charts: Map<ChartName, string>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
    bufferPages: true,
    info: {
      Title: `${review.programmeName} — ${review.title}`,
      Subject: review.subtitle,
      Author: 'Alliances',
      Creator: 'Alliances',
    },
    lang: 'fr-FR',
    displayTitle: true,
  });
  doc.registerFont(regular, dejavuRegular);
  doc.registerFont(bold, dejavuBold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  cover(doc, review);
  newPage(doc); // the table of contents, written at the end
  newPage(doc);
  const anchors: Anchors = new Map();
  review.sections.forEach((section) => {
    sectionHeading(doc, section, charts, anchors);
    drawBlocks(doc, section.blocks, charts);
  });
  tableOfContents(doc, review, anchors);
  headersAndFooters(doc, review);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
