import type { Config } from '../config.js';
import { disableDemoAccounts, loadDemoData } from '../demo/load.js';
import { loadReferenceData } from '../modules/reference/load.js';
import { type Database, migrate, openDatabase } from './client.js';

export type Log = (line: string) => void;

/**
 * Applies migrations and loads reference data, then the demo data into an empty database outside production, saying
 * what it does as it goes (the first start of an embedded database takes some seconds).
 */
export async function prepare(database: Database, config: Config, log: Log): Promise<void> {
  log(`database: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL server'}; migrating`);
  await migrate(database);
  const loaded = await loadReferenceData(database.db);
  if (loaded) log(`reference data loaded: ${loaded}`);
  if (config.production) {
    const disabled = await disableDemoAccounts(database.db);
    if (disabled) log(`${disabled} demo accounts disabled (production)`);
  }
  if (config.demoData) {
    const demo = await loadDemoData(database.db, config);
    log(demo ? `demo data loaded: ${demo}` : 'existing data reused');
  }
}

/** Opens the configured database and prepares it (for the CLI). */
export async function prepareDatabase(config: Config, log: Log = () => {}) {
  const database = await openDatabase(config);
  await prepare(database, config, log);
  return { database };
}
