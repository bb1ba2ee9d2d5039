import type { Config } from '../config.js';
import { disableDemoAccounts, loadDemoData } from '../demo/load.js';
import { loadReferenceData } from '../modules/reference/load.js';
import { migrate, openDatabase } from './client.js';

/** Opens the configured database, applies migrations and loads reference data (and demo data on first run). */
export async function prepareDatabase(config: Config) {
  const database = await openDatabase(config);
  const log: string[] = [
    `database: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL server'}`,
  ];
  await migrate(database);
  const loaded = await loadReferenceData(database.db);
  if (loaded) log.push(`reference data loaded: ${loaded}`);
  if (config.production) {
    const disabled = await disableDemoAccounts(database.db);
    if (disabled) log.push(`${disabled} demo accounts disabled (production)`);
  }
  if (config.demoData) {
    const demo = await loadDemoData(database.db, config);
    log.push(demo ? `demo data loaded: ${demo}` : 'existing data reused');
  }
  return { database, log };
}
