// The annual review as a Word document (DOCX, docx v9), to be reworked by the team: the same document model as the
// PDF, with Word's own Heading 1 / Heading 2 styles (so that Word's table of contents and navigation pane work), real
// tables, and the charts as SVG pictures with a PNG fallback for the Word versions that do not draw SVG.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chartSize, svgToPng } from './charts.js';
import type { ChartName, ReviewBlock, ReviewDocument } from './contract.js';
import { formatDateFr } from './labels.js';

const brand = '165A72';
// Arial: on every Word and LibreOffice (Liberation Sans stands in for it), unlike DejaVu Sans.
const font = 'Arial';
const border = { style: BorderStyle.SINGLE, size: 4, color: 'C9CED6' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, opts: { head?: boolean; total?: boolean; right?: boolean }) {
  return new TableCell({
    borders,
    shading: opts.head
      ? { type: ShadingType.CLEAR, fill: brand, color: 'auto' }
      : opts.total
        ? { type: ShadingType.CLEAR, fill: 'EEF4F6', color: 'auto' }
        : undefined,
    margins: { top: 60, bottom: 60, left: 90, right: 90 },
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({ text, bold: opts.head || opts.total, color: opts.head ? 'FFFFFF' : undefined, size: 18 }),
        ],
      }),
    ],
  });
}

function table(block: Extract<ReviewBlock, { kind: 'table' }>): (Table | Paragraph)[] {
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map((c) => cell(c, { head: true })),
    }),
    ...block.rows.map(
      (r, i) =>
        new TableRow({
          cantSplit: true,
          children: r.map((c, j) =>
            cell(c, { right: block.numeric[j] ?? false, total: block.totalRow && i === block.rows.length - 1 }),
          ),
        }),
    ),
  ];
  return [new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph({ text: '' })];
}

function chart(title: string, svg: string | undefined): Paragraph[] {
  if (!svg) return [];
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: title, bold: true, color: '5A6470', size: 19 })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg),
          transformation: { width: chartSize.width * 1.2, height: chartSize.height * 1.2 },
          fallback: { type: 'png', data: svgToPng(svg) },
          altText: { name: title, title, description: title },
        }),
      ],
    }),
  ];
}

function blockParts(block: ReviewBlock, charts: Map<ChartName, string>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })];
    case 'subheading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2, keepNext: true })];
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'keyFigures':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              cantSplit: true,
              children: block.items.map(
                (k) =>
                  new TableCell({
                    borders,
                    shading: { type: ShadingType.CLEAR, fill: 'EEF4F6', color: 'auto' },
                    margins: { top: 100, bottom: 100, left: 120, right: 120 },
                    children: [
                      new Paragraph({
                        children: [new TextRun({ text: k.value, bold: true, size: 28, color: '0F4254' })],
                      }),
                      new Paragraph({ children: [new TextRun({ text: k.label, size: 17, color: '5A6470' })] }),
                    ],
                  }),
              ),
            }),
          ],
        }),
        new Paragraph({ text: '' }),
      ];
    case 'table':
      return table(block);
    case 'chart':
      return chart(block.title, charts.get(block.name));
  }
}

const blocks = (list: ReviewBlock[], charts: Map<ChartName, string>) => list.flatMap((b) => blockParts(b, charts));

/** The review as DOCX bytes; `charts` holds the SVG of each chart the document names. */
export async function reviewDocx(review: ReviewDocument, charts: Map<ChartName, string>): Promise<Buffer> {
  const cover = [
    new Paragraph({
      spacing: { before: 2400 },
      children: [new TextRun({ text: 'Programme', size: 24, color: '5A6470' })],
    }),
    new Paragraph({ children: [new TextRun({ text: review.programmeName, bold: true, size: 52, color: brand })] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 600 },
      children: [new TextRun({ text: review.title, bold: true, size: 80 })],
    }),
    new Paragraph({ children: [new TextRun({ text: review.subtitle, size: 28, color: '5A6470' })] }),
    new Paragraph({
      spacing: { before: 2400 },
      children: [
        new TextRun({
          text: `Document établi le ${formatDateFr(review.generatedOn)} à partir des données de la plateforme Alliances.`,
          size: 20,
          color: '5A6470',
        }),
      ],
    }),
    ...(review.audience === 'public'
      ? [
          new Paragraph({
            children: [
              new TextRun({
                text: 'Version publique\u202f: les organisations et les rôles sont nommés, jamais les personnes.',
                size: 20,
                color: '5A6470',
              }),
            ],
          }),
        ]
      : []),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ text: 'Sommaire', heading: HeadingLevel.HEADING_1 }),
    new TableOfContents('Sommaire', { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const sections = review.sections.flatMap((s, i) => [
    new Paragraph({
      text: s.number === null ? s.title : `${s.number}. ${s.title}`,
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: i > 0,
      keepNext: true,
    }),
    ...blocks(s.blocks, charts),
  ]);
  const doc = new Document({
    creator: 'Alliances',
    title: `${review.programmeName} — ${review.title}`,
    description: review.subtitle,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font, size: 21 } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font, size: 34, bold: true, color: brand },
          paragraph: { spacing: { before: 240, after: 180 } },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font, size: 24, bold: true, color: '0F4254' },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
      ],
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: `${review.programmeName} — ${review.title}`, size: 16, color: '5A6470' }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                    size: 16,
                    color: '5A6470',
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...cover, ...sections],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
