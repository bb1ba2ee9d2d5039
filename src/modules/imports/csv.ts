// Streams a register's CSV file as records keyed by header name (lower case), with their line number, in constant
// memory: the file is read in chunks, decoded as UTF-8 or ISO-8859-1 (detected on its first bytes), and split by
// CsvSplitter below. Files of several gigabytes never sit in memory.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export type FileEncoding = 'utf-8' | 'latin1';

const sampleBytes = 1 << 20;

/**
 * UTF-8 when the first MiB decodes as UTF-8 (a character cut at the end of the sample is allowed), else ISO-8859-1
 * (windows-1252, which the registers' older files use). ASCII files are UTF-8.
 */
export async function detectEncoding(path: string): Promise<FileEncoding> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await file.read(buffer, 0, sampleBytes, 0);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
      return 'utf-8';
    } catch {
      return 'latin1';
    }
  } finally {
    await file.close();
  }
}

export interface CsvRecord {
  /** 1-based line where the record starts in the file (the header is line 1), even after multi-line fields. */
  line: number;
  /** The kept columns by header name; a record shorter than the header lacks its last names. */
  values: Record<string, string>;
  /** How many fields the record has: a count different from the header's means shifted or cut columns. */
  fieldCount: number;
  /** Set when the options' `skim` test decided on this record from one column's value: `values` is then empty. */
  skimmed?: true;
}

/** A test on one column's value, deciding that a record is only to be counted (see CsvOptions.skim). */
export interface Skim {
  column: string;
  test(value: string): boolean;
}

export interface CsvOptions {
  delimiter: string;
  encoding: FileEncoding;
  /** Told the bytes read so far, for progress. */
  onBytes?(bytes: number): void;
  /** Stops reading (the file's stream is destroyed, the records' loop throws) as soon as it aborts. */
  signal?: AbortSignal;
  /** Told the header's names (trimmed, lower-cased) before any record; may throw to refuse the file. */
  onHeader?(names: string[]): void;
  /** Which columns to copy into `values` (all by default): the others never leave the parser. */
  keep?(name: string): boolean;
  /**
   * Asked once the header is read (after onHeader): a test on one column's raw value that, when true, makes a record
   * come `skimmed` (its line and field count only), found without copying any of its fields. A reader's fast way past
   * the records it only counts (a national file's other territories): most of the reading's time is spent copying
   * fields. Records whose value is quoted or blank, with a line break inside quotes, with a field count other than the
   * header's, or cut by a chunk's end are read whole and never skimmed.
   */
  skim?(names: string[]): Skim | undefined;
}

const noValues: Record<string, string> = Object.freeze({}) as Record<string, string>;

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

/**
 * A copy of a field that does not keep its chunk alive: V8 makes a slice of a long string a view on it, so a few kept
 * values would hold whole 64 KB chunks. Flattening a concatenation copies the characters (`| 0` forces it).
 */
function own(value: string): string {
  if (value.length < 13) return value; // V8 copies short slices anyway.
  const copy = ` ${value}`;
  (copy as unknown as number) | 0;
  return copy.slice(1);
}

/**
 * The records of a CSV file with a header line; the header's names are trimmed and lower-cased. Empty lines and
 * records whose fields are all blank (`;;;`) are skipped. A quote left open throws with its line.
 */
export async function* csvRecords(path: string, options: CsvOptions): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder(options.encoding === 'utf-8' ? 'utf-8' : 'latin1');
  const splitter = new CsvSplitter(options.delimiter);
  const kept: [index: number, name: string][] = [];
  let headerLength = 0;
  let header = true;
  // As soon as the header is split, so that the records after it in the same chunk may be skimmed.
  splitter.readHeader((fields) => {
    const names = fields.map((h) => h.trim().toLowerCase());
    options.onHeader?.(names);
    const seen = new Set<string>();
    names.forEach((name, index) => {
      if (name === '' || seen.has(name) || (options.keep && !options.keep(name))) return;
      seen.add(name);
      kept.push([index, name]);
    });
    headerLength = fields.length;
    const skim = options.skim?.(names);
    // Only a kept column: the full read would not see another, and might then decide otherwise than the skim.
    const index = skim ? (kept.find(([, name]) => name === skim.column)?.[0] ?? -1) : -1;
    return skim && index >= 0 ? { index, test: skim.test } : undefined;
  });
  const toRecord = ({ line, fields, skimmed }: SplitRecord): CsvRecord | null => {
    if (skimmed) return { line, values: noValues, fieldCount: headerLength, skimmed: true };
    if (header) {
      header = false;
      return null;
    }
    if (isBlank(fields)) return null;
    const values: Record<string, string> = {};
    for (const [index, name] of kept) {
      const value = fields[index];
      if (value !== undefined) values[name] = own(value);
    }
    return { line, values, fieldCount: fields.length };
  };
  let bytes = 0;
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 16,
    signal: options.signal,
  }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    options.onBytes?.(bytes);
    for (const split of splitter.push(decoder.decode(chunk, { stream: true }))) {
      const record = toRecord(split);
      if (record) yield record;
    }
  }
  for (const split of [...splitter.push(decoder.decode()), ...splitter.end()]) {
    const record = toRecord(split);
    if (record) yield record;
  }
}

// The splitter: CSV text fed in chunks → records with the line where each starts. A character loop, several times
// faster than csv-parse on the registers' files. RFC 4180 quoting (`"a;b"`, `""` for a quote, line breaks inside
// quotes), CRLF, LF or CR line ends, empty lines skipped, a byte order mark dropped; lenient as the registers need: a
// quote inside an unquoted field is a character, text after a closing quote is kept. A record longer than
// `maxRecordChars` (a quote left open, swallowing the rest of the file) throws with its line.

const LF = 10;
const CR = 13;
const QUOTE = 34;

export interface SplitRecord {
  line: number;
  /** The fields; none for a skimmed record. */
  fields: string[];
  /** A record the skim test decided on (its fields were never copied; it has as many as the header). */
  skimmed?: true;
}

/**
 * The skim test on the field at `index`, and the records it can be given: `fields` fields with no line break in their
 * quotes, the tested one unquoted, ending with LF or CRLF. Matched by a regular expression (the engine's compiled
 * code runs about three times faster over a record than a character loop, and copies only the tested value).
 */
interface Skimmer {
  pattern: RegExp;
  test(value: string): boolean;
}

function skimmer(delimiter: number, fields: number, index: number, test: (value: string) => boolean): Skimmer {
  const d = String.fromCharCode(delimiter).replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  // As split() reads them: a field starting with a quote runs to the quote not doubled, then to the delimiter;
  // any other to the delimiter.
  const unquoted = `(?:[^${d}"\\r\\n][^${d}\\r\\n]*)?`;
  const field = `(?:"(?:[^"\\r\\n]|"")*"(?!")[^${d}\\r\\n]*|${unquoted})`;
  const before = index > 0 ? `(?:${field}${d}){${index}}` : '';
  const after = fields - index - 1 > 0 ? `(?:${d}${field}){${fields - index - 1}}` : '';
  return { pattern: new RegExp(`${before}(${unquoted})${after}\\r?\\n`, 'y'), test };
}

type HeaderReader = (fields: string[]) => { index: number; test(value: string): boolean } | undefined;

const noFields: string[] = [];

export class CsvSplitter {
  private buffer = '';
  /** The line where the buffer starts. */
  private line = 1;
  private started = false;
  private readonly delimiter: number;
  private onHeader: HeaderReader | null = null;
  private skimmer: Skimmer | null = null;

  constructor(
    delimiter: string,
    private readonly maxRecordChars = 1 << 20,
  ) {
    if (delimiter.length !== 1) throw new Error('The delimiter must be one character');
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The records completed by this chunk; an unfinished one waits for the next chunk. */
  push(text: string): SplitRecord[] {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buffer = this.buffer === '' ? text : this.buffer + text;
    return this.split(false);
  }

  /** The last record, when the file does not end with a line break; throws on a quote left open. */
  end(): SplitRecord[] {
    return this.split(true);
  }

  /**
   * Told the first record (the header) as soon as it is split; records after it with as many fields, whose field at
   * the returned index passes the test, then come skimmed.
   */
  readHeader(onHeader: HeaderReader): void {
    this.onHeader = onHeader;
  }

  /**
   * The end of the record starting at `at` when the skim test accepts it, found without copying its fields; -1 when
   * it cannot tell (the record does not have the expected form or reaches the end of the buffer, its tested value is
   * blank, or the test refuses it): the record is then split as any other, which gives the same lines in every case.
   */
  private skim(text: string, at: number, skimmer: Skimmer): number {
    skimmer.pattern.lastIndex = at;
    const match = skimmer.pattern.exec(text);
    // A blank value may be a blank record's, which is no record at all.
    const value = match?.[1];
    if (!match || value === undefined || value.trim() === '' || !skimmer.test(value)) return -1;
    return at + match[0].length;
  }

  private split(final: boolean): SplitRecord[] {
    const records: SplitRecord[] = [];
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    let at = 0;
    let line = this.line;
    for (;;) {
      // Empty lines between records.
      while (at < length) {
        const c = text.charCodeAt(at);
        if (c === LF) {
          at++;
          line++;
        } else if (c === CR) {
          if (at + 1 === length && !final) break;
          at += text.charCodeAt(at + 1) === LF ? 2 : 1;
          line++;
        } else break;
      }
      if (at >= length) break;
      if (this.skimmer) {
        const end = this.skim(text, at, this.skimmer);
        if (end !== -1) {
          records.push({ line, fields: noFields, skimmed: true });
          line++;
          at = end;
          continue;
        }
      }
      const recordStart = at;
      const fields: string[] = [];
      let breaks = 0;
      let complete = false;
      let incomplete = false;
      for (;;) {
        let value: string;
        let i = at;
        if (text.charCodeAt(i) === QUOTE) {
          // Quoted field: up to the quote not doubled.
          let parts = '';
          let from = i + 1;
          let closed = -1;
          for (let k = from; k < length; k++) {
            const c = text.charCodeAt(k);
            if (c === LF) breaks++;
            else if (c === QUOTE) {
              if (k + 1 === length && !final) break;
              if (text.charCodeAt(k + 1) === QUOTE) {
                parts += text.slice(from, k + 1);
                from = k + 2;
                k++;
              } else {
                closed = k;
                break;
              }
            }
          }
          if (closed === -1) {
            if (final) throw new Error(`Quote not closed: the record starting at line ${line} runs to the end of file`);
            incomplete = true;
            break;
          }
          value = parts + text.slice(from, closed);
          i = closed + 1;
          // Text after the closing quote, up to the field's end, is kept.
          const tail = i;
          while (i < length) {
            const c = text.charCodeAt(i);
            if (c === delimiter || c === LF || c === CR) break;
            i++;
          }
          if (i > tail) value += text.slice(tail, i);
        } else {
          while (i < length) {
            const c = text.charCodeAt(i);
            if (c === delimiter || c === LF || c === CR) break;
            i++;
          }
          value = text.slice(at, i);
        }
        if (i >= length && !final) {
          incomplete = true;
          break;
        }
        fields.push(value);
        const c = i < length ? text.charCodeAt(i) : -1;
        if (c === delimiter) {
          at = i + 1;
          if (at >= length) {
            if (!final) {
              incomplete = true;
              break;
            }
            fields.push('');
            complete = true;
            break;
          }
          continue;
        }
        if (c === CR) {
          if (i + 1 === length && !final) {
            incomplete = true;
            break;
          }
          at = text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        } else at = i + 1;
        complete = true;
        break;
      }
      if (incomplete) {
        at = recordStart;
        if (length - recordStart > this.maxRecordChars) {
          throw new Error(`Record too long (a quote left open?) starting at line ${line}`);
        }
        break;
      }
      if (complete) {
        records.push({ line, fields });
        line += breaks + 1;
        if (this.onHeader) {
          const skim = this.onHeader(fields);
          this.onHeader = null;
          if (skim) this.skimmer = skimmer(delimiter, fields.length, skim.index, skim.test);
        }
      }
    }
    this.buffer = at >= length ? '' : text.slice(at);
    this.line = line;
    return records;
  }
}
