import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { prepareDatabase } from '../db/prepare.js';
import { DomainError } from '../errors.js';
import { fieldMessage } from '../http/messages.js';
import { issuePasswordLink } from '../modules/accounts/password-resets.js';
import { checkEmail, createUser } from '../modules/accounts/service.js';

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
        const run = (db: Db) => createAdmin(db, { email, name: name || undefined }, config.publicUrl);
        let result: Awaited<ReturnType<typeof createAdmin>>;
        if (deps.db) {
          result = await run(deps.db);
        } else {
          const { database } = await prepareDatabase(config);
          try {
            result = await run(database.db);
          } finally {
            await database.close();
          }
        }
        io.out('Compte administrateur créé, sans mot de passe.');
        io.out('Lien à usage unique pour choisir le mot de passe (valable 24 heures, aussi envoyé par e-mail) :');
        io.out(result.link);
        return 0;
      }
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
