import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { prepareDatabase } from '../db/prepare.js';
import { DomainError } from '../errors.js';
import { fieldMessage } from '../http/messages.js';
import { issuePasswordLink } from '../modules/accounts/password-resets.js';
import { checkEmail, createUser } from '../modules/accounts/service.js';
import { sendDeadlineReminders } from '../modules/funding/calendar/reminders.js';
import { refreshSuggestions } from '../modules/matching/refresh.js';
import { sendWeeklyDigests } from '../modules/notifications/service.js';
import { backupCommand, backupUsage, restoreCommand } from './backup.js';
import { importCommand } from './import.js';
import { stderrSink } from './import-progress.js';
import { retentionCommand, retentionUsage } from './retention.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliDeps {
  /** Settings; loadConfig() from the environment by default. */
  config?: Config;
  /** An open database; by default the configured one is opened (migrated, reference data loaded) and closed. */
  db?: Db;
  io?: CliIo;
}

export const usage = `Usage : npm run cli -- <commande>

Commandes :
  create-admin EMAIL [--name NOM]   Crée un compte administrateur sans mot de passe et affiche un lien
                                    à usage unique (24 h) pour le choisir ; le lien est aussi mis en file d’envoi.
  refresh-suggestions               Recalcule les partenaires suggérés de chaque acteur et prévient les deux côtés
                                    des nouvelles suggestions réciproques (s’ils y ont consenti).
  import rna|sirene …               Charge un fichier du RNA ou de SIRENE pour un territoire ou un département
                                    (npm run cli -- import --help pour le détail).
  send-digests                      Envoie le résumé hebdomadaire des mises en relation à qui l’a choisi.
  send-funding-reminders            Rappelle à l’équipe d’animation les échéances des financements à 14 et 3 jours
                                    (chaque rappel une seule fois ; le serveur le fait aussi toutes les heures).
${backupUsage}
${retentionUsage}
  help                              Affiche cette aide.

La base de données est celle de la configuration (DATABASE_URL, ou PGlite sous DATA_DIR) ; PUBLIC_URL sert aux liens.`;

class UsageError extends Error {}

/** Creates an admin without a password; returns the one-time link (also queued by e-mail) that sets it. */
export async function createAdmin(
  db: Db,
  input: { email: string; name?: string | undefined },
  publicUrl: string,
): Promise<{ userId: string; link: string }> {
  return db.transaction(async (tx) => {
    const email = checkEmail(input.email);
    const userId = await createUser(tx, { email, displayName: input.name ?? 'Administrateur', role: 'admin' });
    const link = await issuePasswordLink(tx, { id: userId, email }, publicUrl, 'setup');
    return { userId, link };
  });
}

/** Runs on the given database, or on the configured one (migrated, reference data loaded) opened for the command. */
async function withDb<T>(deps: CliDeps, config: Config, run: (db: Db) => Promise<T>): Promise<T> {
  if (deps.db) return run(deps.db);
  const { database } = await prepareDatabase(config);
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

function explain(error: DomainError): string[] {
  if (!error.issues.length) return [error.message];
  return error.issues.map((i) => `${i.field} : ${fieldMessage(i.code, 'fr', i.params)}`);
}

/** Runs one CLI command; returns the process exit code (0 done, 1 bad input or failure). */
export async function runCli(args: string[], deps: CliDeps = {}): Promise<number> {
  const io = deps.io ?? { out: (l) => console.log(l), err: (l) => console.error(l) };
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(usage);
        return command === undefined ? 1 : 0;
      case 'create-admin': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { name: { type: 'string', short: 'n' } },
          allowPositionals: true,
        });
        if (positionals.length !== 1) throw new UsageError('create-admin attend une seule adresse e-mail.');
        const email = checkEmail(positionals[0] ?? '');
        const config = deps.config ?? loadConfig();
        const name = values.name?.trim();
        const result = await withDb(deps, config, (db) =>
          createAdmin(db, { email, name: name || undefined }, config.publicUrl),
        );
        io.out('Compte administrateur créé, sans mot de passe.');
        io.out('Lien à usage unique pour choisir le mot de passe (valable 24 heures, aussi envoyé par e-mail) :');
        io.out(result.link);
        return 0;
      }
      case 'refresh-suggestions': {
        const config = deps.config ?? loadConfig();
        let shown = 0;
        const result = await withDb(deps, config, (db) =>
          refreshSuggestions(db, {
            publicUrl: config.publicUrl,

            progress: (done, total) => {
              // One line per tenth of the work: progress without flooding the terminal.
              if (done === total || done - shown >= Math.max(1, Math.ceil(total / 10))) {
                shown = done;
                io.out(`${done} / ${total} acteurs`);
              }
            },
          }),
        );
        const mutual =
          result.newMutual > 1
            ? 'nouvelles suggestions réciproques annoncées'
            : 'nouvelle suggestion réciproque annoncée';
        io.out(
          `${result.suggestions} suggestions enregistrées pour ${result.actors} acteurs ; ${result.newMutual} ${mutual}.`,
        );
        return 0;
      }
      case 'send-digests': {
        const config = deps.config ?? loadConfig();
        const sent = await withDb(deps, config, (db) => sendWeeklyDigests(db, config.publicUrl));
        io.out(`${sent} résumé${sent > 1 ? 's' : ''} hebdomadaire${sent > 1 ? 's' : ''} mis en file d’envoi.`);
        return 0;
      }
      case 'send-funding-reminders': {
        const config = deps.config ?? loadConfig();
        const r = await withDb(deps, config, (db) => sendDeadlineReminders(db, { publicUrl: config.publicUrl }));
        io.out(
          `${r.reminders} rappel${r.reminders > 1 ? 's' : ''} d’échéance envoyé${r.reminders > 1 ? 's' : ''} à ${r.notified} destinataire${r.notified > 1 ? 's' : ''}.`,
        );
        return 0;
      }
      case 'import': {
        const config = deps.config ?? loadConfig();
        // Injected io (tests): progress as plain lines on err; else standard error, redrawn on a terminal.
        const progress = deps.io ? { tty: false, write: (t: string) => io.err(t.trimEnd()) } : stderrSink();
        return await importCommand(rest, { ...io, progress }, (run) => withDb(deps, config, run));
      }
      case 'backup': {
        const config = deps.config ?? loadConfig();
        // Awaited here, so that a refusal (a DomainError) is reported by the catch below.
        return await backupCommand(rest, io, config, (run) => withDb(deps, config, run));
      }
      case 'restore':
        return await restoreCommand(rest, io, deps.config ?? loadConfig());
      case 'retention':
        return await retentionCommand(io, (run) => withDb(deps, deps.config ?? loadConfig(), run));
      default:
        throw new UsageError(`Commande inconnue : ${command}`);
    }
  } catch (error) {
    if (error instanceof DomainError) {
      for (const line of explain(error)) io.err(`Erreur — ${line}`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`Erreur — ${(error as Error).message}`);
      io.err(usage);
      return 1;
    }
    throw error;
  }
}
