// The RNA reader streams: a generated 200 000-row file (about 100 MB, several hundred MB as JavaScript strings if
// loaded whole) is read with a heap growth far below 100 MB.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportScope } from '../types.js';
import { readRna } from './read.js';
import { generatedRows, writeRnaFile } from './testing.js';

const total = 200_000;
const mb = 1024 * 1024;

// A full collection on demand (Vitest's workers run without --expose-gc), to measure what stays alive.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rna-memory-'));
  file = path.join(dir, 'rna_waldec.csv');
  await writeRnaFile(file, generatedRows('waldec', total), { layout: 'waldec' });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('reads 200 000 rows with a heap growth well under 100 MB', { timeout: 120_000 }, async () => {
  expect((await stat(file)).size).toBeGreaterThan(80 * mb);
  const scope: ImportScope = { communeCodes: new Set(['13001', '13041', '84089']), departement: null };
  collect();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let livePeak = baseline;
  const counts = { organisation: 0, skipped: 0, rejected: 0 };
  for await (const item of readRna(file, scope)) {
    counts[item.kind]++;
    const seen = counts.organisation + counts.skipped + counts.rejected;
    if (seen % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (seen % 50_000 === 0) {
      collect();
      livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
    }
  }
  // Every fourth generated row is in Salon-de-Provence, outside the Pays d'Aix.
  expect(counts).toEqual({ organisation: 150_000, skipped: 50_000, rejected: 0 });
  expect((peak - baseline) / mb).toBeLessThan(100);
  expect((livePeak - baseline) / mb).toBeLessThan(20);
});
