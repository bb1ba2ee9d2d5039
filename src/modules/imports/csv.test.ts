// The CSV streamer shared by the register readers: encodings, line numbers of multi-line records, field counts,
// columns kept, header check before any record.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CsvOptions, type CsvRecord, CsvSplitter, csvRecords, detectEncoding, type SplitRecord } from './csv.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function fileOf(content: string | Buffer) {
  const file = path.join(dir, `f${n++}.csv`);
  await writeFile(file, content);
  return file;
}

async function recordsOf(file: string, options: Partial<CsvOptions> = {}) {
  const records: CsvRecord[] = [];
  for await (const r of csvRecords(file, { delimiter: ';', encoding: await detectEncoding(file), ...options })) {
    records.push(r);
  }
  return records;
}

describe('detectEncoding', () => {
  it('tells UTF-8 (and ASCII) from ISO-8859-1', async () => {
    expect(await detectEncoding(await fileOf('a;b\nété;x\n'))).toBe('utf-8');
    expect(await detectEncoding(await fileOf('a;b\nplain;x\n'))).toBe('utf-8');
    expect(await detectEncoding(await fileOf(Buffer.from('a;b\nété;x\n', 'latin1')))).toBe('latin1');
  });

  it('accepts a UTF-8 character cut at the end of the first MiB', async () => {
    const head = 'x'.repeat((1 << 20) - 1);
    expect(await detectEncoding(await fileOf(`${head}é and more`))).toBe('utf-8');
  });
});

describe('csvRecords', () => {
  it('gives each record the line where it starts, across quoted line breaks, empty lines and CRLF', async () => {
    const file = await fileOf('A ;B;C\r\n1;2;3\r\n\r\n4;"x\r\ny\r\nz";6\r\n7;"a""b;c";9\r\n\r\n\r\n10;11;12');
    const records = await recordsOf(file);
    expect(records.map((r) => [r.line, r.values])).toEqual([
      [2, { a: '1', b: '2', c: '3' }],
      [4, { a: '4', b: 'x\r\ny\r\nz', c: '6' }],
      [7, { a: '7', b: 'a"b;c', c: '9' }],
      [10, { a: '10', b: '11', c: '12' }],
    ]);
  });

  it('counts the fields of short and long records, and skips blank records', async () => {
    const records = await recordsOf(await fileOf('a;b;c\n1;2\n;;\n1;2;3;4\n'));
    expect(records.map((r) => [r.line, r.fieldCount, r.values])).toEqual([
      [2, 2, { a: '1', b: '2' }],
      [4, 4, { a: '1', b: '2', c: '3' }],
    ]);
  });

  it('strips a byte order mark and decodes windows-1252', async () => {
    const bom = await recordsOf(await fileOf('\uFEFFid;nom\n1;Été\n'));
    expect(bom[0]?.values).toEqual({ id: '1', nom: 'Été' });
    const latin = await recordsOf(await fileOf(Buffer.from([...Buffer.from('id;nom\n1;'), 0x9c, 0x80, 0xe9, 0x0a])));
    expect(latin[0]?.values).toEqual({ id: '1', nom: 'œ€é' });
  });

  it('copies only the kept columns, and lets the header refuse the file before any record', async () => {
    const file = await fileOf('id;secret;nom\n1;hidden;x\n');
    const records = await recordsOf(file, { keep: (name) => name !== 'secret' });
    expect(records[0]?.values).toEqual({ id: '1', nom: 'x' });
    expect(records[0]?.fieldCount).toBe(3);
    const seen: string[][] = [];
    const refused = recordsOf(file, {
      onHeader: (names) => {
        seen.push(names);
        throw new Error('not for us');
      },
    });
    await expect(refused).rejects.toThrow('not for us');
    expect(seen).toEqual([['id', 'secret', 'nom']]);
  });

  it('skims only on a kept column, which the whole read of a record sees too', async () => {
    const file = await fileOf('id;secret;nom\n1;x;a\n2;y;b\n');
    const skim: CsvOptions['skim'] = () => ({ column: 'secret', test: (value) => value === 'x' });
    expect((await recordsOf(file, { skim })).map((r) => r.skimmed ?? false)).toEqual([true, false]);
    const unkept = await recordsOf(file, { skim, keep: (name) => name !== 'secret' });
    expect(unkept.map((r) => r.values)).toEqual([
      { id: '1', nom: 'a' },
      { id: '2', nom: 'b' },
    ]);
  });

  it('stops with the line at a quote left open instead of piling up the rest of the file', async () => {
    const file = await fileOf(`id;objet\n1;"open\n${'2;x\n'.repeat(300_000)}`);
    await expect(recordsOf(file)).rejects.toThrow(/line/);
  });
});

describe('CsvSplitter', () => {
  const text = '\uFEFFa;b;c\r\n"x ""q"" ;y";"multi\r\nline";z\n\n\rplain"quote;"kept"after;\r"";;last';
  const expected: SplitRecord[] = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['x "q" ;y', 'multi\r\nline', 'z'] },
    { line: 6, fields: ['plain"quote', 'keptafter', ''] },
    { line: 7, fields: ['', '', 'last'] },
  ];
  const splitIn = (chunks: string[]) => {
    const splitter = new CsvSplitter(';');
    return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
  };

  it('splits quotes, doubled quotes, line breaks in quotes, LF, CRLF and CR line ends, empty lines', () => {
    expect(splitIn([text])).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    expect(splitIn([...text])).toEqual(expected);
    for (let cut = 1; cut < text.length; cut++)
      expect(splitIn([text.slice(0, cut), text.slice(cut)])).toEqual(expected);
  });

  it("skims the records the header's test accepts, with the same lines whatever the chunk boundaries", () => {
    // Skimmed when b is x, but not when b is quoted, nor the blank record, the multi-line one, the one with a field
    // too many.
    const skimText = 'a;b;c\n1;x;"q;"""\n"2";x;y\r\n3;"x";z\n;;\n\n4;x;"multi\nline"\n5;y;z\n6;x;z;w\n7;x;\n';
    const whole = new CsvSplitter(';');
    const expected = [...whole.push(skimText), ...whole.end()];
    const skimmedLines = [2, 3, 11];
    const splitSkimming = (chunks: string[]) => {
      const splitter = new CsvSplitter(';');
      splitter.readHeader((header) => ({ index: header.indexOf('b'), test: (value) => value === 'x' }));
      return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
    };
    const once = splitSkimming([skimText]);
    expect(once).toEqual(
      expected.map((r) => (skimmedLines.includes(r.line) ? { line: r.line, fields: [], skimmed: true } : r)),
    );
    for (let cut = 1; cut < skimText.length; cut++) {
      const records = splitSkimming([skimText.slice(0, cut), skimText.slice(cut)]);
      // A record cut by the chunk's end is split whole: the same record all the same.
      expect(records.map((r) => (r.skimmed ? expected.find((e) => e.line === r.line) : r))).toEqual(expected);
      expect(records.filter((r) => r.skimmed).every((r) => skimmedLines.includes(r.line))).toBe(true);
    }
  });

  describe('skimming gives the records of a whole read', () => {
    // Skimmed when c (the 3rd of 4 columns) is exactly x: a skimmed record must be one the whole read splits into 4
    // fields with x as the 3rd, at the same line, and the other records must come as the whole read gives them.
    const header = 'a;b;c;d\n';
    const skimming = () => {
      const splitter = new CsvSplitter(';');
      splitter.readHeader((names) => ({ index: names.indexOf('c'), test: (value) => value === 'x' }));
      return splitter;
    };
    const splitWith = (splitter: CsvSplitter, chunks: string[]) => [
      ...chunks.flatMap((c) => splitter.push(c)),
      ...splitter.end(),
    ];
    /** Checks the skimmed read of `text` cut at `cuts` against the whole read; returns the skimmed lines. */
    const expectSame = (text: string, cuts: number[]) => {
      const whole = splitWith(new CsvSplitter(';'), [text]);
      const bounds = [0, ...[...cuts].sort((x, y) => x - y), text.length];
      const records = splitWith(
        skimming(),
        bounds.slice(1).map((end, i) => text.slice(bounds[i], end)),
      );
      const byLine = new Map(whole.map((r) => [r.line, r]));
      for (const r of records.filter((r) => r.skimmed)) {
        const full = byLine.get(r.line);
        // The text and cuts in the comparison, so that a failure shows the case.
        expect({ text, cuts, line: r.line, fields: full?.fields.length, c: full?.fields[2] }).toEqual({
          text,
          cuts,
          line: r.line,
          fields: 4,
          c: 'x',
        });
      }
      expect(records.map((r) => (r.skimmed ? byLine.get(r.line) : r))).toEqual(whole);
      return records.filter((r) => r.skimmed).map((r) => r.line);
    };

    it('on quotes after a doubled quote, a record one field short, a record ended by a lone CR', () => {
      // Read whole, `"a"";b"` is one field (a";b): the record has 3 fields, and must not be skimmed as 4.
      const text = `${header}"a"";b";x;z\n1;2;x\n1;2;x;3\r1;2;x;3\n"";"""";x;"d"\n`;
      expect(expectSame(text, [])).toEqual([5, 6]);
      for (let cut = 1; cut < text.length; cut++) expectSame(text, [cut]);
    });

    it('on random records cut into random chunks (seeded, reproducible)', () => {
      // mulberry32: a small seeded generator, so that a failure comes again with the same records.
      let seed = 20261126;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      // Plain, padded and quoted values, doubled quotes, separators and line breaks inside quotes, stray quotes.
      const fields = [
        'x',
        ' x ',
        'y',
        '',
        '"x"',
        '"a"";b"',
        '""',
        '""""',
        '"q;"""',
        '"multi\nline"',
        '"cr\rin"',
        '"crlf\r\nin"',
        'a"b',
        '"a"b',
        '"x"x',
      ] as const;
      const ends = ['\n', '\n', '\r\n', '\r'] as const;
      for (let file = 0; file < 500; file++) {
        let text = header;
        const count = 1 + Math.floor(random() * 6);
        for (let r = 0; r < count; r++) {
          const kind = random();
          if (kind < 0.1) text += pick(ends);
          else if (kind < 0.15) text += `;;;${pick(ends)}`;
          else {
            // Mostly 4 fields, some too few or too many.
            const n = kind < 0.25 ? 3 : kind < 0.3 ? 5 : 4;
            text += Array.from({ length: n }, (_, i) => (i === 2 && random() < 0.5 ? 'x' : pick(fields))).join(';');
            if (r < count - 1 || random() < 0.8) text += pick(ends);
          }
        }
        const cuts = Array.from(
          { length: Math.floor(random() * 4) },
          () => 1 + Math.floor(random() * (text.length - 1)),
        );
        expectSame(text, cuts);
      }
    });
  });

  it('throws on a quote left open, at the end of the file or beyond the record size limit', () => {
    expect(() => splitIn(['a;b\n1;"open\n2;3\n'])).toThrow('line 2');
    const splitter = new CsvSplitter(';', 100);
    expect(() => splitter.push(`a;b\n1;"${'x'.repeat(200)}`)).toThrow('line 2');
  });
});
