import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/db.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { actors } from '../modules/actors/schema.js';
import { generatedRows, rnaRow, writeRnaFile } from '../modules/imports/rna/testing.js';
import { importRuns } from '../modules/imports/schema.js';
import {
  establishmentRow,
  fakeSiren,
  fakeSiret,
  unitRow,
  writeSireneFiles,
} from '../modules/imports/sirene/testing.js';
import { runCli } from './commands.js';
import { importUsage } from './import.js';

describe('import (CLI)', () => {
  let database: Database;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alliances-import-cli-'));
  const rnaFile = path.join(dir, 'rna.csv');
  const config = { ...loadConfig({ NODE_ENV: 'test' }), demoData: false };

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import', ...args], {
      config,
      db: database.db,
      io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // 40 rows (30 in the Pays d'Aix, 10 in Salon-de-Provence), then 25 broken ones.
    function* rows() {
      yield* generatedRows('waldec', 40);
      for (let i = 0; i < 25; i++) yield rnaRow('waldec', 100 + i * 4, { date_creat: `le ${i}` });
    }
    await writeRnaFile(rnaFile, rows(), { layout: 'waldec' });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports an RNA file for a territory: progress on stderr, then the summary with the first 20 rejections', async () => {
    const { code, out, err } = await run('rna', rnaFile, '--territory', 'pays-d-aix', '--batch', '10');
    expect(code).toBe(0);
    expect(out).toMatch(/^Import RNA n° [0-9a-f-]{36} terminé en .+ : 65 éléments\.$/m);
    expect(out).toContain('  créés : 30\n  mis à jour : 0\n  inchangés : 0');
    expect(out).toContain('  ignorés : 10 (hors périmètre : 10, non diffusibles : 0)');
    expect(out).toContain('  rejetés : 25');
    expect(out).toContain('    ligne 42 : Date invalide (AAAA-MM-JJ attendu). (date_creat is not a YYYY-MM-DD date)');
    expect(out.match(/^ {4}ligne /gm)).toHaveLength(20);
    expect(out).toContain('    … et 5 autres');
    // The generated rows hold personal columns with a marker: never printed.
    expect(`${out}${err}`).not.toContain('PERSONAL');
    expect(err).toMatch(/\/ .+ \(\d+\u00a0%\) · \d+ éléments · \d+ él\.\/s · reste ~/);
    expect(await database.db.$count(actors)).toBe(30);
    const [runRow] = await database.db.select().from(importRuns);
    expect(runRow).toMatchObject({ status: 'done', startedBy: null, itemsDone: 65, created: 30 });
  });

  it('imports the same file again as unchanged, under a new run', async () => {
    const { code, out } = await run('rna', rnaFile, '--territory', 'pays-d-aix');
    expect(code).toBe(0);
    expect(out).toContain('  créés : 0\n  mis à jour : 0\n  inchangés : 30');
    expect(await database.db.$count(actors)).toBe(30);
  });

  it('resumes a run left unfinished, and says from which item', async () => {
    const { out } = await run('rna', rnaFile, '--departement', '13', '--batch', '20');
    const id = out.match(/n° ([0-9a-f-]{36})/)?.[1] ?? '';
    // As if killed after its second batch: running, cursor at 40.
    await database.db.update(importRuns).set({ status: 'running', itemsDone: 40 }).where(eq(importRuns.id, id));
    const again = await run('rna', rnaFile, '--departement', '13', '--batch', '20');
    expect(again.code).toBe(0);
    expect(again.err).toContain(`Reprise de l’import n° ${id} à l’élément 40.`);
    expect(again.out).toContain(`n° ${id} terminé`);
  });

  it('imports SIRENE establishments of a department with their units', async () => {
    const sirens = [1, 2, 3].map(fakeSiren);
    const files = await writeSireneFiles(dir, {
      units: [unitRow(sirens[0] ?? ''), unitRow(sirens[1] ?? '', { statutDiffusionUniteLegale: 'P' })],
      establishments: [
        establishmentRow(fakeSiret(sirens[0] ?? ''), '13001'),
        establishmentRow(fakeSiret(sirens[1] ?? ''), '13041'),
        establishmentRow(fakeSiret(sirens[2] ?? ''), '84089'),
      ],
    });
    const { code, out } = await run(
      'sirene',
      '--establishments',
      files.establishments,
      '--units',
      files.units,
      '--departement',
      '13',
    );
    expect(code).toBe(0);
    expect(out).toContain('  créés : 1\n');
    expect(out).toContain('(hors périmètre : 1, non diffusibles : 1)');
    expect(await database.db.$count(actors, eq(actors.siren, sirens[0] ?? ''))).toBe(1);
  });

  it('refuses a file without the essential columns with exit code 1, naming them', async () => {
    const bad = path.join(dir, 'bad.csv');
    await writeRnaFile(bad, [{ id: 'W131000001', titre: 'Sans commune' }], {
      layout: 'waldec',
      columns: ['id', 'titre'],
    });
    const { code, out, err } = await run('rna', bad, '--territory', 'pays-d-aix');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('Fichier refusé — Not an RNA file: the header lacks the column adrs_codeinsee');
  });

  it('refuses bad arguments with exit code 2 and the usage, an unknown territory listing the known ones', async () => {
    const cases = [
      ['rna'],
      ['rna', rnaFile],
      ['rna', rnaFile, '--territory', 'pays-d-aix', '--departement', '13'],
      ['rna', path.join(dir, 'absent.csv'), '--departement', '13'],
      ['rna', rnaFile, '--departement', '13', '--batch', '0'],
      ['rna', rnaFile, '--departement', '13', '--force'],
      ['sirene', '--establishments', rnaFile, '--departement', '13'],
      ['csv', rnaFile],
    ];
    for (const args of cases) {
      const { code, err } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain(importUsage);
    }
    const territory = await run('rna', rnaFile, '--territory', 'atlantide');
    expect(territory).toEqual({
      code: 2,
      out: '',
      err: 'Erreur — Territoire inconnu : atlantide (territoires connus : pays-d-aix)',
    });
    expect((await run('rna', rnaFile, '--departement', '99')).err).toContain('Département inconnu : 99');
    expect(await run('--help')).toEqual({ code: 0, out: importUsage, err: '' });
  });
});
