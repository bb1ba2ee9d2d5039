// The readers stream: reading 300 000 establishments (and as many units), 1 % of them in scope, must not grow the heap
// by anything near the files' size (each about 100 MB here, so about 200 MB as JavaScript strings if loaded whole).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SireneFiles } from './read.js';
import { readSirene } from './read.js';
import { establishmentRow, fakeSiren, fakeSiret, unitRow, writeSireneFiles } from './testing.js';

const total = 300_000;
const inScopeEvery = 100;
const mb = 1024 * 1024;

// A full collection on demand (Vitest's workers run without --expose-gc), to tell what the reader keeps alive from
// the garbage it leaves for later.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

let dir: string;
let files: SireneFiles;

function* sirens() {
  for (let n = 0; n < total; n++) yield fakeSiren(n + 1);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sirene-memory-'));
  files = await writeSireneFiles(dir, {
    units: (function* () {
      for (const siren of sirens()) yield unitRow(siren);
    })(),
    establishments: (function* () {
      let n = 0;
      for (const siren of sirens())
        yield establishmentRow(fakeSiret(siren), n++ % inScopeEvery === 0 ? '13001' : '84007');
    })(),
  });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('reads 300 000 establishments, 1 % in scope, with a heap growth far below the files’ size', async () => {
  const fileBytes = (await stat(files.establishments)).size + (await stat(files.units)).size;
  expect(fileBytes).toBeGreaterThan(80 * mb);
  collect();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let livePeak = baseline;
  let nextCollection = 0;
  const sample = (bytes: number) => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    // Every 8 MB read, what is still alive after a full collection.
    if (bytes < nextCollection) return;
    nextCollection = bytes + 8 * mb;
    collect();
    livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
  };
  const started = performance.now();
  const counts = { organisation: 0, skipped: 0, rejected: 0 };
  const scope = { communeCodes: new Set(['13001']), departement: null };
  for await (const item of readSirene(files, scope, { onBytes: sample })) counts[item.kind]++;
  const seconds = (performance.now() - started) / 1000;
  expect(counts).toEqual({ organisation: total / inScopeEvery, skipped: total - total / inScopeEvery, rejected: 0 });
  const growth = (peak - baseline) / mb;
  const liveGrowth = (livePeak - baseline) / mb;
  console.info(
    `sirene: ${Math.round(fileBytes / mb)} MB, ${Math.round((2 * total) / seconds)} lines/s, heap growth ${growth.toFixed(1)} MB (live ${liveGrowth.toFixed(1)} MB)`,
  );
  expect(growth).toBeLessThan(60);
  // What stays alive is the scope's 3 000 establishments and their units, a few MB.
  expect(liveGrowth).toBeLessThan(10);
}, 300_000);
