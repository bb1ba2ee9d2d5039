// A list's rows as a file to download, CSV or XLSX, the same way for every list (directory, partnerships, events,
// funding applications, an event's participants) and for the other exports (budget, open data, SCDL reports), which
// take their formula neutralisation and Paris dates from here.
//
// CSV for Excel in French: `;` separator, UTF-8 with a BOM (else Excel reads it as Windows-1252), CRLF, dates
// `dd/mm/yyyy` or `dd/mm/yyyy hh:mm` in Europe/Paris, decimal commas; text cells a spreadsheet would take for a formula
// (`=`, `+`, `-`, `@`…) prefixed with `'`. XLSX: bold frozen header row, column widths, real dates (shown in Paris
// time) and numbers, amounts in a euro format. Both are streamed as they are written (csv-stringify, exceljs'
// streaming workbook writer), never built whole in memory; the cap is checked first with a cheap count, so a refused
// export costs one small query. Files are never logged; their names carry the list's name and the day, never a
// person's.
import { PassThrough, pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { type SQLWrapper, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Handle } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { invalid } from '../errors.js';
import { xlsxContentType } from './contract.js';
import { contentDisposition } from './download.js';
import {
  type ListExportFormat,
  type ListExportRoutes,
  listExportCaps,
  listExportFormats,
} from './list-export-contract.js';
import { type App, type RouteInput, registerRoute } from './route.js';

const exportTimeZone = 'Europe/Paris';

const parisParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: exportTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(d: Date) {
  const p = Object.fromEntries(parisParts.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `15/03/2025 18:05`: the instant in Paris time, French format. */
export function formatDateFr(d: Date): string {
  const w = wallClock(d);
  return `${two(w.day)}/${two(w.month)}/${w.year} ${two(w.hour)}:${two(w.minute)}`;
}

/**
 * A Date whose UTC fields are Paris' wall clock at `d`: spreadsheet dates have no time zone, and exceljs writes the
 * UTC fields, so the cell shows the Paris time.
 */
export function parisWallClockAsUtc(d: Date): Date {
  const w = wallClock(d);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** A text a spreadsheet would evaluate as a formula gets a leading `'` (CSV injection). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The French label of a vocabulary value (`family.company` → « Entreprise ») from the web app's catalogue, so that a
 * file says what the screen says; the key itself when it has none (a test checks that none is missing).
 */
export const labelsIn =
  (catalogue: Record<string, string>) =>
  (key: string): string =>
    catalogue[key] ?? key;

/**
 * What a cell holds: text (neutralised), a whole or decimal number, an amount in euros, a day (`YYYY-MM-DD` or a Date
 * at midnight UTC) or an instant (shown in Paris time).
 */
export type CellKind = 'text' | 'number' | 'euros' | 'day' | 'instant';
export type CellValue = string | number | Date | null;

export interface ExportColumn<Row> {
  header: string;
  kind?: CellKind;
  /** In characters, for the XLSX sheet. */
  width?: number;
  value(row: Row): CellValue;
}

export interface ListExport<Row> {
  /** The file name's start (`annuaire`), followed by the day: `annuaire-2026-11-26.csv`. */
  fileName: string;
  /** The XLSX sheet's name (31 characters at most). */
  sheet: string;
  columns: ExportColumn<Row>[];
  /** Read once, as the file is written. */
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** False for a file named without the day (`participants-<event>.csv`). */
  dated?: boolean;
}

/** Amounts in a sheet: `12 500,00 €` in a French Excel. */
export const eurosFormat = '#,##0.00 "€"';

/** The last column of every list file: the row's id, to find a row again from one export to the next. */
export const idColumn = <Row extends { id: string }>(): ExportColumn<Row> => ({
  header: 'Identifiant',
  width: 38,
  value: (r) => r.id,
});

const numberFormats: Partial<Record<CellKind, string>> = {
  euros: eurosFormat,
  day: 'dd/mm/yyyy',
  instant: 'dd/mm/yyyy hh:mm',
};

/** `2026-11-26` (or a Date) as a Date at midnight UTC, which a sheet shows as that day. */
const dayOf = (value: string | Date): Date =>
  value instanceof Date ? value : new Date(Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)));

const decimalComma = (n: number, digits?: number) =>
  (digits === undefined ? String(n) : n.toFixed(digits)).replace('.', ',');

/** One cell as CSV text. */
function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null || value === '') return '';
  switch (kind) {
    case 'number':
      return decimalComma(Number(value));
    case 'euros':
      return decimalComma(Number(value), 2);
    case 'day': {
      const d = dayOf(value as string | Date);
      return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    }
    case 'instant':
      return formatDateFr(value as Date);
    default:
      return neutraliseFormula(String(value));
  }
}

/** One cell as an XLSX value: numbers and dates as such, texts neutralised too (the sheet may be saved as CSV). */
function xlsxCell(kind: CellKind, value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  switch (kind) {
    case 'number':
    case 'euros':
      return Number(value);
    case 'day':
      return dayOf(value as string | Date);
    case 'instant':
      return parisWallClockAsUtc(value as Date);
    default:
      return neutraliseFormula(String(value));
  }
}

/** The CSV stream (with the BOM): the header row, then one row per list row, written as they come. */
export function listCsv<Row>(columns: ExportColumn<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): Readable {
  async function* records() {
    yield columns.map((c) => c.header);
    for await (const row of rows) yield columns.map((c) => csvCell(c.kind ?? 'text', c.value(row)));
  }
  const csv = stringify({ delimiter: ';', record_delimiter: '\r\n', bom: true });
  // A failed read destroys the CSV stream too, which breaks off the download rather than end it early.
  pipeline(Readable.from(records()), csv, () => undefined);
  return csv;
}

/**
 * The XLSX stream: one sheet, bold frozen header, widths, typed cells. Each row is committed (written to the zip) as
 * soon as it is added, so the workbook never sits whole in memory; strings are inline (no shared strings table).
 */
export function listXlsx<Row>(
  columns: ExportColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  sheetName: string,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Alliances';
  const write = async () => {
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => {
      const numFmt = numberFormats[c.kind ?? 'text'];
      return { width: c.width ?? 18, style: numFmt ? { numFmt } : {} };
    });
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    // The header keeps the text format.
    header.eachCell((cell) => {
      cell.numFmt = '@';
    });
    header.commit();
    for await (const row of rows) sheet.addRow(columns.map((c) => xlsxCell(c.kind ?? 'text', c.value(row)))).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: Error) => out.destroy(error));
  return out;
}

/** The 422 problem of a list with more rows than a file of this format may hold, asking to narrow the filters. */
export function tooManyRows(format: ListExportFormat, cap = listExportCaps[format]) {
  const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
  const max = number(cap);
  return format === 'xlsx'
    ? invalid(
        [{ field: 'filters', code: 'tooManyRowsForXlsx', params: { max, csvMax: number(listExportCaps.csv) } }],
        `Plus de ${max} lignes pour un fichier XLSX`,
      )
    : invalid([{ field: 'filters', code: 'tooManyRowsToExport', params: { max } }], `Plus de ${max} lignes à exporter`);
}

/**
 * Refuses (422) when `matching` — the list's rows as `select 1 … where <the list's condition>`, without order — gives
 * more than `cap` rows. Counts at most cap + 1 rows, before any full row is read.
 */
export async function refuseOverCap(
  db: Handle,
  format: ListExportFormat,
  matching: SQLWrapper,
  cap = listExportCaps[format],
): Promise<void> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${matching} limit ${cap + 1}) as capped`,
  );
  if (Number(row?.n ?? 0) > cap) throw tooManyRows(format, cap);
}

export const listExportContentTypes: Record<ListExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: xlsxContentType,
};

/** `annuaire-2026-11-26.csv`: the list's name and the day in Paris. */
export function listExportFileName(name: string, format: ListExportFormat, at = new Date()): string {
  const w = wallClock(at);
  return `${name}-${w.year}-${two(w.month)}-${two(w.day)}.${format}`;
}

/** Sets the download's headers and sends the file as it is written. */
export function sendListExport<Row>(reply: FastifyReply, format: ListExportFormat, file: ListExport<Row>) {
  const body = format === 'csv' ? listCsv(file.columns, file.rows) : listXlsx(file.columns, file.rows, file.sheet);
  const name = file.dated === false ? `${file.fileName}.${format}` : listExportFileName(file.fileName, format);
  // A stream is sent as it comes, past the response schema's serializer.
  return reply
    .header('content-type', listExportContentTypes[format])
    .header('content-disposition', contentDisposition(name))
    .header('cache-control', 'private, no-store')
    .send(body);
}

/**
 * Registers a list's `export.csv` and `export.xlsx` routes, both answering the file `build` makes for the request and
 * the format (whose cap `build` checks first).
 */
export function registerListExport<R extends ListExportRoutes, Row>(
  app: App,
  routes: R,
  build: (input: RouteInput<R['csv']>, format: ListExportFormat) => Promise<ListExport<Row>>,
) {
  for (const format of listExportFormats) {
    registerRoute(app, routes[format], async (input) =>
      sendListExport(input.reply, format, await build(input as never, format)),
    );
  }
}
