// `npm run cli -- import rna|sirene …`: loads a register file into the directory (src/modules/imports), with a
// progress line on stderr and a summary. Started by nobody in particular (the system: `by` null). Exit codes: 0 done,
// 1 file refused or import stopped (rerunning the same command resumes it), 2 bad arguments.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { fieldMessage } from '../http/messages.js';
import { fileIdentity } from '../modules/imports/hash.js';
import { noWarnings, RnaHeaderError, readRna } from '../modules/imports/rna/read.js';
import { type ImportRun, runImport, storedScope } from '../modules/imports/runs.js';
import { importRejections, importRuns } from '../modules/imports/schema.js';
import { resolveScope, type ScopeChoice, ScopeError } from '../modules/imports/scope.js';
import { readSirene, SireneLayoutError } from '../modules/imports/sirene/read.js';
import type { ImportScope, RegisterItem, RegisterSource } from '../modules/imports/types.js';
import { createProgress, formatCount, formatDuration, type ProgressSink } from './import-progress.js';

export const importUsage = `Usage :
  npm run cli -- import rna FICHIER (--territory ID | --departement CODE) [--batch N] [--progress-every S]
  npm run cli -- import sirene --establishments FICHIER --units FICHIER (--territory ID | --departement CODE)
                               [--batch N] [--progress-every S]

Charge un fichier du RNA (associations) ou les deux fichiers stock de SIRENE (StockEtablissement, StockUniteLegale)
dans l’annuaire, pour les communes d’un territoire (ex. pays-d-aix) ou d’un département (ex. 13). Interrompu, il
reprend là où il s’était arrêté quand on relance la même commande sur le même fichier.
  --batch N            lignes à écrire (organisations, lignes rejetées) par transaction (2000 par défaut)
  --progress-every S   hors terminal, une ligne de progression toutes les S secondes (5 par défaut ; 0 : à chaque lot)
Codes de sortie : 0 terminé, 1 fichier refusé ou import interrompu, 2 arguments invalides.`;

export class ImportUsageError extends Error {}

interface ImportArgs {
  source: RegisterSource;
  /** The files as given: one for the RNA; establishments then units for SIRENE. */
  files: string[];
  scope: ScopeChoice;
  batchSize: number | undefined;
  progressEvery: number;
}

const positiveInt = (value: string | undefined, option: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ImportUsageError(`${option} attend un entier positif.`);
  return n;
};

/** Checks the arguments (not the files' contents); ImportUsageError otherwise. */
export async function parseImportArgs(args: string[]): Promise<ImportArgs> {
  const [source, ...rest] = args;
  if (source !== 'rna' && source !== 'sirene') throw new ImportUsageError('import attend rna ou sirene.');
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    throw new ImportUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  let files: string[];
  if (source === 'rna') {
    if (positionals.length !== 1) throw new ImportUsageError('import rna attend un seul fichier.');
    if (values.establishments || values.units) throw new ImportUsageError('--establishments et --units : sirene.');
    files = positionals;
  } else {
    if (positionals.length || !values.establishments || !values.units) {
      throw new ImportUsageError('import sirene attend --establishments FICHIER et --units FICHIER.');
    }
    files = [values.establishments, values.units];
  }
  if ((values.territory === undefined) === (values.departement === undefined)) {
    throw new ImportUsageError('Choisissez --territory ou --departement (un seul des deux).');
  }
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new ImportUsageError(`Fichier introuvable : ${file}`);
  }
  const progressEvery = values['progress-every'] === undefined ? 5 : Number(values['progress-every']);
  if (!(progressEvery >= 0)) throw new ImportUsageError('--progress-every attend un nombre de secondes.');
  return {
    source,
    files,
    scope: values.territory !== undefined ? { territory: values.territory } : { departement: values.departement ?? '' },
    batchSize: positiveInt(values.batch, '--batch'),
    progressEvery,
  };
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      territory: { type: 'string' },
      departement: { type: 'string' },
      establishments: { type: 'string' },
      units: { type: 'string' },
      batch: { type: 'string' },
      'progress-every': { type: 'string' },
    },
  });

/** Skipped lines by reason: the run counts them together. */
interface Skips {
  outOfScope: number;
  notDiffusible: number;
}

async function* countingSkips(items: AsyncIterable<RegisterItem>, skips: Skips): AsyncGenerator<RegisterItem> {
  for await (const item of items) {
    if (item.kind === 'skipped') skips[item.reason]++;
    yield item;
  }
}

/** The unfinished run runImport will resume (same file, size, source and scope), to say so. */
async function unfinishedRun(db: Db, source: RegisterSource, hash: string, size: number, scope: ImportScope) {
  const [row] = await db
    .select({ id: importRuns.id, itemsDone: importRuns.itemsDone })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.source, source),
        eq(importRuns.fileHash, hash),
        eq(importRuns.fileSize, size),
        sql`${importRuns.scope} = ${JSON.stringify(storedScope(scope))}::jsonb`,
        inArray(importRuns.status, ['running', 'failed']),
      ),
    )
    .orderBy(asc(importRuns.startedAt))
    .limit(1);
  return row;
}

export interface ImportIo {
  out(line: string): void;
  err(line: string): void;
  progress: ProgressSink;
}

/** Runs `import …`; returns the exit code. */
export async function importCommand(
  args: string[],
  io: ImportIo,
  withDb: <T>(run: (db: Db) => Promise<T>) => Promise<T>,
): Promise<number> {
  if (args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    io.out(importUsage);
    return 0;
  }
  let parsed: ImportArgs;
  try {
    parsed = await parseImportArgs(args);
  } catch (error) {
    if (!(error instanceof ImportUsageError)) throw error;
    io.err(`Erreur — ${error.message}`);
    io.err(importUsage);
    return 2;
  }
  try {
    return await withDb((db) => importFiles(db, parsed, io));
  } catch (error) {
    if (error instanceof ScopeError) {
      io.err(`Erreur — ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function importFiles(db: Db, a: ImportArgs, io: ImportIo): Promise<number> {
  const scope = await resolveScope(db, a.scope);
  const started = Date.now();
  // Reading a register's gigabytes to hash them takes a while: say so.
  io.err('Empreinte du fichier (SHA-256)…');
  const identity = await fileIdentity(a.files);
  const resumed = await unfinishedRun(db, a.source, identity.hash, identity.size, scope);
  if (resumed) io.err(`Reprise de l’import n° ${resumed.id} à l’élément ${formatCount(resumed.itemsDone)}.`);
  const progress = createProgress(io.progress, {
    totalBytes: identity.size,
    everySeconds: a.progressEvery,
    startItems: resumed?.itemsDone ?? 0,
  });
  const skips: Skips = { outOfScope: 0, notDiffusible: 0 };
  const warnings = noWarnings();
  const items =
    a.source === 'rna'
      ? readRna(a.files[0] as string, scope, { onBytes: progress.bytes, warnings })
      : readSirene({ establishments: a.files[0] as string, units: a.files[1] as string }, scope, {
          onBytes: progress.bytes,
        });
  let run: ImportRun;
  try {
    run = await runImport(db, {
      source: a.source,
      fileName: a.files.map((f) => basename(f)).join(' + '),
      fileHash: identity.hash,
      fileSize: identity.size,
      scope,
      items: countingSkips(items, skips),
      by: null,
      batchSize: a.batchSize,
      onProgress: (r) => progress.items(r.itemsDone),
    });
  } catch (error) {
    progress.end();
    if (error instanceof RnaHeaderError || error instanceof SireneLayoutError) {
      io.err(`Fichier refusé — ${error.message}`);
      return 1;
    }
    io.err(`Import interrompu — ${(error as Error).message}`);
    io.err('Relancez la même commande : l’import reprendra après le dernier lot enregistré.');
    return 1;
  }
  progress.end();
  for (const line of await summary(db, run, skips, warnings, Date.now() - started)) io.out(line);
  return 0;
}

async function summary(
  db: Db,
  run: ImportRun,
  skips: Skips,
  warnings: ReturnType<typeof noWarnings>,
  ms: number,
): Promise<string[]> {
  const n = formatCount;
  const lines = [
    `Import ${run.source.toUpperCase()} n° ${run.id} terminé en ${formatDuration(ms)} : ${n(run.itemsDone)} éléments.`,
    `  créés : ${n(run.created)}`,
    `  mis à jour : ${n(run.updated)}`,
    `  inchangés : ${n(run.unchanged)}`,
    `  fusionnés avec un acteur existant : ${n(run.merged)}`,
    `  en attente de revue : ${n(run.queued)}`,
    `  ignorés : ${n(run.skipped)} (hors périmètre : ${n(skips.outOfScope)}, non diffusibles : ${n(skips.notDiffusible)})`,
    `  rejetés : ${n(run.rejected)}`,
  ];
  if (run.rejected > 0) {
    const first = await db
      .select({ line: importRejections.line, reason: importRejections.reason, detail: importRejections.detail })
      .from(importRejections)
      .where(eq(importRejections.runId, run.id))
      .orderBy(asc(importRejections.line), asc(importRejections.position))
      .limit(20);
    for (const r of first) lines.push(`    ligne ${r.line} : ${fieldMessage(r.reason)} (${r.detail})`);
    if (run.rejected > first.length) lines.push(`    … et ${n(run.rejected - first.length)} autres`);
  }
  if (warnings.lostCharacters) {
    lines.push(`  attention : ${n(warnings.lostCharacters)} lignes ont perdu des caractères accentués dans le fichier`);
  }
  if (warnings.unknownPositions) {
    lines.push(`  attention : ${n(warnings.unknownPositions)} positions inconnues lues comme « active »`);
  }
  return lines;
}
