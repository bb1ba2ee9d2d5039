// `npm run cli -- backup [--out FILE]` and `npm run cli -- restore FILE`, on the configured database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { defaultBackupFile, writeBackup } from '../db/backup.js';
import { type Db, openDatabase } from '../db/client.js';
import { restoreBackup } from '../db/restore.js';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const backupUsage = `  backup [--out FICHIER]            Sauvegarde toutes les tables (fichier .jsonl.gz ; par défaut
                                    backups/alliances-AAAAMMJJ-HHMMSS.jsonl.gz à côté du dossier DATA_DIR).
  restore FICHIER                   Restaure une sauvegarde dans une base VIDE (refuse une base qui contient
                                    des données) : schéma, lignes en une transaction, séquences.
                                    Sans DATABASE_URL (PGlite), arrêtez d’abord le serveur : un seul processus
                                    à la fois peut ouvrir la base embarquée.`;

/**
 * Where backups go by default: beside the embedded database's directory, not inside it (a backup kept in the
 * directory it protects would be lost, or copied, with it).
 */
export function defaultBackupDir(config: Config): string {
  return path.join(path.dirname(config.dataDir), 'backups');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

export async function backupCommand(
  args: string[],
  io: Io,
  config: Config,
  withDb: <T>(run: (db: Db) => Promise<T>) => Promise<T>,
): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string', short: 'o' } } });
  const file = path.resolve(values.out ?? defaultBackupFile(defaultBackupDir(config)));
  const started = Date.now();
  const summary = await withDb((db) => writeBackup(db, file, io.err));
  io.err(
    `${summary.rows} lignes de ${summary.tables} tables (migration ${summary.migration.tag}), ` +
      `${megabytes(summary.bytes)} en ${seconds(Date.now() - started)}.`,
  );
  // The path alone on standard output, for scripts (`file=$(npm run -s cli -- backup)`).
  io.out(summary.file);
  return 0;
}

export async function restoreCommand(args: string[], io: Io, config: Config): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [file] = positionals;
  if (positionals.length !== 1 || !file) {
    io.err('Erreur — restore attend un seul fichier de sauvegarde.');
    return 1;
  }
  const started = Date.now();
  // Opened without preparing: preparing would load reference (and demo) data into the base to restore into.
  const database = await openDatabase(config);
  try {
    // A missing file is refused by restoreBackup, before it reads or writes anything.
    const summary = await restoreBackup(database, path.resolve(file), io.err);
    io.out(
      `Sauvegarde restaurée : ${summary.rows} lignes de ${summary.tables} tables (migration ${summary.migration}) ` +
        `en ${seconds(Date.now() - started)}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
