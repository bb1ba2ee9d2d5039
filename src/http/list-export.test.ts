import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  type ExportColumn,
  listCsv,
  listExportFileName,
  listXlsx,
  sendListExport,
  tooManyRows,
} from './list-export.js';
import { problemErrorHandler } from './problem.js';

const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray());

/**
 * Rows that wait, after the first `before`, until the file has sent its first bytes: a writer building the whole
 * file in memory before sending anything never gets there (the test times out).
 */
async function* rowsSentAsTheyCome(file: () => Readable, before: number, after: number): AsyncGenerator<Row> {
  const row = (i: number): Row => ({
    // Varied text, so that compression does not swallow it all.
    name: `${i.toString(36)} ${Math.sin(i).toString(36)} ${'x'.repeat(i % 50)}`,
    amount: i,
    hours: i / 4,
    on: '2017-03-09',
    at: new Date(Date.UTC(2017, 0, 1) + i * 60_000),
  });
  for (let i = 0; i < before; i++) yield row(i);
  await new Promise<void>((resolve) => file().once('data', () => resolve()));
  for (let i = before; i < before + after; i++) yield row(i);
}

interface Row {
  name: string;
  amount: number | null;
  hours: number;
  on: string | null;
  at: Date;
}

const columns: ExportColumn<Row>[] = [
  { header: 'Nom', value: (r) => r.name },
  { header: 'Montant', kind: 'euros', value: (r) => r.amount },
  { header: 'Heures', kind: 'number', value: (r) => r.hours },
  { header: 'Le', kind: 'day', value: (r) => r.on },
  { header: 'À', kind: 'instant', value: (r) => r.at },
];

const rows: Row[] = [
  {
    name: '=HYPERLINK("http://x","clic")',
    amount: 12_500.5,
    hours: -2.5,
    on: '2017-03-09',
    at: new Date('2017-07-01T22:30:00Z'),
  },
  { name: 'Théâtre; « des » "Ateliers"', amount: null, hours: 0, on: null, at: new Date('2017-01-15T09:05:00Z') },
  { name: '+33 solidaire', amount: 0, hours: 3, on: '2016-12-31', at: new Date('2016-12-31T23:00:00Z') },
  { name: '@cmd', amount: -10, hours: 1, on: '2017-01-01', at: new Date('2017-01-01T00:00:00Z') },
];

describe('list export files', () => {
  it('writes CSV for Excel in French: BOM, `;`, CRLF, Paris dates, decimal commas, formulas neutralised', async () => {
    const text = (await bytesOf(listCsv(columns, rows))).toString('utf8');
    expect(text.startsWith('\ufeffNom;Montant;Heures;Le;À\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const records = parse(text, { delimiter: ';', bom: true }) as string[][];
    expect(records).toEqual([
      ['Nom', 'Montant', 'Heures', 'Le', 'À'],
      [`'=HYPERLINK("http://x","clic")`, '12500,50', '-2,5', '09/03/2017', '02/07/2017 00:30'],
      ['Théâtre; « des » "Ateliers"', '', '0', '', '15/01/2017 10:05'],
      ["'+33 solidaire", '0,00', '3', '31/12/2016', '01/01/2017 00:00'],
      ["'@cmd", '-10,00', '1', '01/01/2017', '01/01/2017 01:00'],
    ]);
  });

  it('writes an XLSX sheet with a bold frozen header, widths, real numbers, euros and dates', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(listXlsx(columns, rows, 'Essai'))) as never);
    const sheet = book.getWorksheet('Essai');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nom', 'Montant', 'Heures', 'Le', 'À']);
    expect(sheet.getColumn(1).width).toBe(18);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(`'=HYPERLINK("http://x","clic")`);
    expect(first.getCell(2).value).toBe(12_500.5);
    expect(first.getCell(2).numFmt).toBe('#,##0.00 "€"');
    expect(first.getCell(3).value).toBe(-2.5);
    expect((first.getCell(4).value as Date).toISOString()).toBe('2017-03-09T00:00:00.000Z');
    expect(first.getCell(4).numFmt).toBe('dd/mm/yyyy');
    // Paris wall clock, as the cell shows it.
    expect((first.getCell(5).value as Date).toISOString()).toBe('2017-07-02T00:30:00.000Z');
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.rowCount).toBe(5);
  });

  it('names files with the list and the day in Paris', () => {
    expect(listExportFileName('annuaire', 'csv', new Date('2026-11-26T23:30:00Z'))).toBe('annuaire-2026-11-27.csv');
    expect(listExportFileName('evenements', 'xlsx', new Date('2026-06-01T10:00:00Z'))).toBe(
      'evenements-2026-06-01.xlsx',
    );
  });

  it.each([
    ['csv', (rows: AsyncIterable<Row>) => listCsv(columns, rows)],
    ['xlsx', (rows: AsyncIterable<Row>) => listXlsx(columns, rows, 'Essai')],
  ] as const)('streams the %s file: bytes go out before every row is read', async (_format, write) => {
    let file: Readable | undefined;
    const rows = rowsSentAsTheyCome(() => file as Readable, 3000, 10);
    file = write(rows);
    const bytes = await bytesOf(file);
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('refuses more rows than the cap with a 422 problem asking to narrow the filters (lower for XLSX)', async () => {
    const app = Fastify();
    app.setErrorHandler(problemErrorHandler);
    app.get('/export.csv', async () => {
      throw tooManyRows('csv', 3);
    });
    app.get('/export.xlsx', async () => {
      throw tooManyRows('xlsx');
    });
    app.get('/small.csv', async (_request, reply) =>
      sendListExport(reply, 'csv', { fileName: 'essai', sheet: 'Essai', columns, rows }),
    );
    const refused = await app.inject({ method: 'GET', url: '/export.csv' });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([
      {
        field: 'filters',
        code: 'tooManyRowsToExport',
        message: 'Plus de 3 lignes à exporter\u202f: précisez les filtres de la liste.',
      },
    ]);
    const xlsx = await app.inject({ method: 'GET', url: '/export.xlsx' });
    expect(xlsx.statusCode).toBe(422);
    expect(xlsx.json().errors[0].message).toBe(
      'Plus de 10\u202f000 lignes pour un fichier Excel (XLSX)\u202f: précisez les filtres de la liste, ou téléchargez le CSV (jusqu’à 50\u202f000 lignes).',
    );
    const ok = await app.inject({ method: 'GET', url: '/small.csv' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(ok.headers['content-disposition']).toMatch(/^attachment; filename="essai-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(ok.headers['cache-control']).toBe('private, no-store');
    expect(parse(ok.rawPayload.toString('utf8'), { delimiter: ';', bom: true })).toHaveLength(rows.length + 1);
    await app.close();
  });
});
