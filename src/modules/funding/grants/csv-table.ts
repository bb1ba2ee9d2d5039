// An uploaded SCDL file as a table: decoded (UTF-8 with or without a byte order mark, else windows-1252, the encoding
// of spreadsheets saved on French Windows), its separator detected on the header line (`,` as SCDL says, or `;` as
// French spreadsheets write), parsed with csv-parse. Files are small (10 MB at most): read whole, in memory.
import { parse } from 'csv-parse/sync';

export type TableEncoding = 'utf-8' | 'windows-1252';

export interface TableRow {
  /** The file line where the record starts, the header being line 1 (as a spreadsheet numbers rows). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: ',' | ';';
  encoding: TableEncoding;
  header: string[];
  rows: TableRow[];
}

/** UTF-8 when the bytes decode as UTF-8 (the byte order mark dropped), else windows-1252. */
function decodeText(bytes: Uint8Array): { text: string; encoding: TableEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator the header line uses most: `;` or `,`. */
function detectDelimiter(text: string): ',' | ';' {
  const headerLine = text.slice(0, text.search(/\r|\n|$/));
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** A file that cannot be read as CSV at all (a quote left open): the table has no rows to check. */
export class UnreadableCsv extends Error {
  constructor(
    readonly line: number | null,
    readonly delimiter: ',' | ';',
    readonly encoding: TableEncoding,
  ) {
    super('Unreadable CSV');
  }
}

/** The table of a CSV file; empty lines are skipped (their numbers kept), records keep their own cell counts. */
export function readCsvTable(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
    });
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw new UnreadableCsv(typeof lines === 'number' ? lines : null, delimiter, encoding);
  }
  // Lines are counted here: csv-parse's count takes a CRLF inside quotes for two lines. A record takes one line, plus
  // the line breaks inside its quoted cells; an empty line is a record of one empty cell, skipped.
  const rows: TableRow[] = [];
  let line = 1;
  for (const cells of records) {
    const breaks = cells.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line, cells });
    line += 1 + breaks;
  }
  const [first, ...data] = rows;
  return { delimiter, encoding, header: first?.cells ?? [], rows: data };
}
