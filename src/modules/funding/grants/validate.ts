// Validates a CSV file against a Table Schema (the SCDL « subventions » one, see table-schema.ts) and gives, for each
// line, the record to import (every field of the schema as normalised text) or nothing when the line is refused.
//
// What is checked, with Frictionless / Validata's names for the findings:
// - the header: columns are matched by name, in any order (Frictionless's `schema_sync`): a schema field without a
//   column is `missing-label`, a column the schema does not know `extra-label`, a blank one `blank-label`, a name
//   given twice `duplicate-label`;
// - each line: a line whose cells are all blank is `blank-row` (skipped); more cells than the header `extra-cell`,
//   fewer `missing-cell` for each column it lacks;
// - each cell (values trimmed first): an empty required cell `missing-cell`; a value not of its type `type-error`
//   (integer, number with a `.` decimal point, ISO date `YYYY-MM-DD`, boolean); then its constraints `pattern`,
//   `enum`, `minimum`, `maximum`, `max-length`; then the custom checks `french-siret-value` (14 digits with a valid
//   Luhn key, La Poste's exception) and `one-of-required` (reported on the check's first column). One finding per
//   cell, the first of that order.
//
// Every finding is a violation of the schema under the schema's own code; its severity says what the import did:
// an error refuses its line (or, for a header finding, every line), a warning lets the line in — see outcome.ts for
// the three ways (repaired, imported incomplete, a deviation of structure). A line is imported only when none of its
// findings refuses it; then, so that the report never says « repaired » of a line that was not imported, every
// finding of a refused line is an error:
// - warnings: a column the schema does not know (ignored), a blank or repeated unknown column; an absent optional
//   column is not reported at all; an absent or empty required value that the schema lets us state truthfully as
//   unknown (`fillWhenAbsent`: the instructing service and the description of the payment conditions « Non
//   renseigné », the payment conditions « autre ») — SCDL's own valid example lacks two of these columns; an absent
//   payment period (`importedIncomplete`), left empty; an enum value written with other capitals or accents
//   (« Unique », « Echelonné », « Aide en numéraire ») imported as the schema writes it; a period written
//   `2017-01-01_2017-12-31` imported as `2017-01-01/2017-12-31`; a blank line;
// - errors: everything else — an absent required column or an empty required cell that names the grant (the
//   parties, the convention's date, the object, the nature…), a value of the wrong type (`05/12/2016` is not read as
//   a date, nor `100000,1` as a number: which convention the writer used is a guess), a value out of its list even
//   loosely (« no », « unique;échelonné »), a pattern not met, a SIRET with a wrong key, a line with shifted cells, a
//   repeated schema column.
// Numbers are written back in their shortest form (`1.0` → `1`), integers without sign or leading zeros: a record's
// text is the same however the file wrote it, which makes a re-import find it again.
import { isValidSiret } from '../../actors/identifiers.js';
import type { ScdlSeverity } from '../vocabulary.js';
import { type CsvTable, readCsvTable, type TableEncoding, type TableRow, UnreadableCsv } from './csv-table.js';
import { fillWhenAbsent, importedIncomplete } from './outcome.js';
import type { SchemaField, TableSchema } from './table-schema.js';

export const findingCodes = [
  'source-error',
  'blank-label',
  'duplicate-label',
  'extra-label',
  'missing-label',
  'blank-row',
  'extra-cell',
  'missing-cell',
  'type-error',
  'pattern',
  'enum',
  'minimum',
  'maximum',
  'max-length',
  'french-siret-value',
  'one-of-required',
] as const;
export type FindingCode = (typeof findingCodes)[number];

export interface Finding {
  severity: ScdlSeverity;
  /** The file line (1 = header), null for the file as a whole. */
  line: number | null;
  /** The column's name as the file (or, for an absent one, the schema) writes it; null for a whole line or file. */
  column: string | null;
  code: FindingCode;
  /** The value as the file wrote it; null when there is none to show. */
  value: string | null;
}

export interface AcceptedLine {
  line: number;
  /** Every field of the schema, in its order, as normalised text ('' when absent). */
  record: Record<string, string>;
}

export interface Validation {
  delimiter: ',' | ';';
  encoding: TableEncoding;
  /** Lines holding a record (blank ones not counted). */
  rows: number;
  accepted: AcceptedLine[];
  findings: Finding[];
}

/** Writings a reader cannot mistake, repaired before the pattern is tested again: a period's `_` for its `/`. */
const patternRepairs: ((value: string) => string)[] = [
  (value) => value.replace(/^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/, '$1/$2'),
];

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const integerPattern = /^[+-]?\d+$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const trueValues = new Set(['true', 'True', 'TRUE', '1']);
const falseValues = new Set(['false', 'False', 'FALSE', '0']);

/** A value read as its field's type, in its normalised text; null when it is not of that type. */
function typed(field: SchemaField, value: string): { text: string; number?: number } | null {
  switch (field.type) {
    case 'string':
      return { text: value };
    case 'integer':
      return integerPattern.test(value) ? { text: BigInt(value).toString(), number: Number(value) } : null;
    case 'number': {
      if (!numberPattern.test(value)) return null;
      const n = Number(value);
      return Number.isFinite(n) ? { text: String(n), number: n } : null;
    }
    case 'date': {
      const m = datePattern.exec(value);
      if (!m) return null;
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const d = new Date(Date.UTC(year, month - 1, day));
      return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { text: value } : null;
    }
    case 'boolean':
      if (trueValues.has(value)) return { text: 'true' };
      return falseValues.has(value) ? { text: 'false' } : null;
  }
}

/** Lower case, no accents, single spaces: how an enum value is recognised when written loosely. */
const loose = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const patterns = new Map<string, RegExp>();
/** A Table Schema pattern matches the whole value. */
function compiled(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(`^(?:${source})$`);
    patterns.set(source, pattern);
  }
  return pattern;
}

type CellCheck = { text: string } | { code: FindingCode; severity: ScdlSeverity; text?: string };

/**
 * A non-empty value against its field's type and constraints: its normalised text, or the first finding (with, for a
 * warning, the text imported instead).
 */
export function checkValue(field: SchemaField, value: string): CellCheck {
  const read = typed(field, value);
  if (!read) return { code: 'type-error', severity: 'error' };
  const c = field.constraints ?? {};
  if (c.pattern !== undefined) {
    const pattern = compiled(c.pattern);
    if (!pattern.test(read.text)) {
      const repaired = patternRepairs.map((repair) => repair(read.text)).find((v) => pattern.test(v));
      return repaired === undefined
        ? { code: 'pattern', severity: 'error' }
        : { code: 'pattern', severity: 'warning', text: repaired };
    }
  }
  if (c.enum && !c.enum.includes(read.text)) {
    const matches = c.enum.filter((v) => loose(v) === loose(read.text));
    return matches.length === 1
      ? { code: 'enum', severity: 'warning', text: matches[0] }
      : { code: 'enum', severity: 'error' };
  }
  if (read.number !== undefined && c.minimum !== undefined && read.number < c.minimum) {
    return { code: 'minimum', severity: 'error' };
  }
  if (read.number !== undefined && c.maximum !== undefined && read.number > c.maximum) {
    return { code: 'maximum', severity: 'error' };
  }
  if (c.maxLength !== undefined && [...read.text].length > c.maxLength)
    return { code: 'max-length', severity: 'error' };
  return { text: read.text };
}

/** The values kept in a finding are cut, so that one absurd cell does not bloat the report. */
const shown = (value: string) => (value.length > 200 ? `${value.slice(0, 199)}…` : value);

interface Columns {
  /** Schema field → index of its column in the file. */
  indexOf: Map<string, number>;
  /** A header error: no line can be imported. */
  fatal: boolean;
  findings: Finding[];
}

function matchHeader(schema: TableSchema, header: string[]): Columns {
  const names = new Set(schema.fields.map((f) => f.name));
  const indexOf = new Map<string, number>();
  const findings: Finding[] = [];
  const headerFinding = (severity: ScdlSeverity, code: FindingCode, column: string | null, value: string | null) =>
    findings.push({ severity, line: 1, column, code, value });
  let fatal = false;
  header.forEach((raw, index) => {
    const name = raw.trim();
    const known = names.has(name);
    if (name === '') headerFinding('warning', 'blank-label', null, `${index + 1}`);
    else if (indexOf.has(name) || (!known && header.slice(0, index).some((h) => h.trim() === name))) {
      fatal ||= known;
      headerFinding(known ? 'error' : 'warning', 'duplicate-label', name, null);
    } else if (!known) headerFinding('warning', 'extra-label', name, null);
    else indexOf.set(name, index);
  });
  for (const field of schema.fields) {
    if (indexOf.has(field.name) || !field.constraints?.required) continue;
    const fillable = Object.hasOwn(fillWhenAbsent, field.name) || importedIncomplete.has(field.name);
    fatal ||= !fillable;
    headerFinding(fillable ? 'warning' : 'error', 'missing-label', field.name, null);
  }
  return { indexOf, fatal, findings };
}

/** One line's findings and, unless one refuses it (or the header refuses every line), its record. */
function checkRow(schema: TableSchema, columns: Columns, header: string[], row: TableRow) {
  const findings: Finding[] = [];
  const add = (severity: ScdlSeverity, code: FindingCode, column: string | null, value: string | null) =>
    findings.push({ severity, line: row.line, column, code, value });
  if (row.cells.length > header.length) {
    add('error', 'extra-cell', null, shown(row.cells.slice(header.length).join(' | ')));
  }
  for (let i = row.cells.length; i < header.length; i++) add('error', 'missing-cell', header[i]?.trim() || null, null);

  const record: Record<string, string> = {};
  const cellFound = new Set<string>();
  for (const field of schema.fields) {
    const index = columns.indexOf.get(field.name);
    const value = index === undefined ? '' : (row.cells[index] ?? '').trim();
    const fill = fillWhenAbsent[field.name];
    record[field.name] = value;
    if (value === '') {
      if (!field.constraints?.required) continue;
      if (fill !== undefined) record[field.name] = fill;
      // An absent column was reported once, on the header; a cell missing from a short line just above.
      if (index === undefined || index >= row.cells.length) continue;
      const tolerated = fill !== undefined || importedIncomplete.has(field.name);
      add(tolerated ? 'warning' : 'error', 'missing-cell', field.name, null);
      cellFound.add(field.name);
      continue;
    }
    const checked = checkValue(field, value);
    if ('code' in checked) {
      add(checked.severity, checked.code, field.name, shown(value));
      cellFound.add(field.name);
    }
    if (checked.text !== undefined) record[field.name] = checked.text;
  }
  for (const check of schema.custom_checks ?? []) {
    if (check.name === 'french-siret-value') {
      const { column } = check.params;
      const value = record[column] ?? '';
      if (value !== '' && !cellFound.has(column) && !isValidSiret(value))
        add('error', 'french-siret-value', column, value);
    } else {
      const { column1, column2 } = check.params;
      // A value present but faulty fills the slot: its own finding says what is wrong with it.
      if (!record[column1] && !record[column2]) add('error', 'one-of-required', column1, null);
    }
  }
  if (!columns.fatal && !findings.some((f) => f.severity === 'error')) return { findings, record };
  return { findings: findings.map((f) => ({ ...f, severity: 'error' as const })), record: null };
}

/** Validates a table: header, then each line; every line is checked even when the header refuses them all. */
function validateTable(schema: TableSchema, table: CsvTable): Validation {
  const columns = matchHeader(schema, table.header);
  const findings = [...columns.findings];
  const accepted: AcceptedLine[] = [];
  let rows = 0;
  for (const row of table.rows) {
    if (row.cells.every((cell) => cell.trim() === '')) {
      findings.push({ severity: 'warning', line: row.line, column: null, code: 'blank-row', value: null });
      continue;
    }
    rows++;
    const checked = checkRow(schema, columns, table.header, row);
    findings.push(...checked.findings);
    if (checked.record) accepted.push({ line: row.line, record: checked.record });
  }
  return { delimiter: table.delimiter, encoding: table.encoding, rows, accepted, findings };
}

/** Reads and validates a file's bytes; a file that is not CSV at all is one `source-error`. */
export function validateFile(schema: TableSchema, bytes: Uint8Array): Validation {
  try {
    return validateTable(schema, readCsvTable(bytes));
  } catch (error) {
    if (!(error instanceof UnreadableCsv)) throw error;
    return {
      delimiter: error.delimiter,
      encoding: error.encoding,
      rows: 0,
      accepted: [],
      findings: [{ severity: 'error', line: error.line, column: null, code: 'source-error', value: null }],
    };
  }
}
