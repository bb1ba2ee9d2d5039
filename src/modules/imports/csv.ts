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
}

export interface CsvOptions {
  delimiter: string;
  encoding: FileEncoding;
  /** Told the bytes read so far, for progress. */
  onBytes?(bytes: number): void;
  /** Told the header's names (trimmed, lower-cased) before any record; may throw to refuse the file. */
  onHeader?(names: string[]): void;
  /** Which columns to copy into `values` (all by default): the others never leave the parser. */
  keep?(name: string): boolean;
}

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
  let kept: [index: number, name: string][] | null = null;
  const toRecord = ({ line, fields }: SplitRecord): CsvRecord | null => {
    if (kept === null) {
      const names = fields.map((h) => h.trim().toLowerCase());
      options.onHeader?.(names);
      const seen = new Set<string>();
      const columns: [number, string][] = [];
      names.forEach((name, index) => {
        if (name === '' || seen.has(name) || (options.keep && !options.keep(name))) return;
        seen.add(name);
        columns.push([index, name]);
      });
      kept = columns;
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
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
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
  fields: string[];
}

export class CsvSplitter {
  private buffer = '';
  /** The line where the buffer starts. */
  private line = 1;
  private started = false;
  private readonly delimiter: number;

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
      }
    }
    this.buffer = at >= length ? '' : text.slice(at);
    this.line = line;
    return records;
  }
}
