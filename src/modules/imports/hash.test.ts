import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity } from './hash.js';

describe('fileIdentity', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alliances-hash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

  it('gives a file’s SHA-256 and size, read in chunks; two files hashed together in their order', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'a');
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    writeFileSync(a, big);
    writeFileSync(b, 'siren\n123\n');
    const seen: number[] = [];
    expect(await fileIdentity([a], (n) => seen.push(n))).toEqual({ hash: sha(big), size: big.length });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(big.length);
    const both = await fileIdentity([a, b]);
    expect(both).toEqual({ hash: sha(`${sha(big)}${sha('siren\n123\n')}`), size: big.length + 10 });
    expect((await fileIdentity([b, a])).hash).not.toBe(both.hash);
  });
});
