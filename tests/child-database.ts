import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { withDatabase } from './global-setup.js';

/**
 * A fresh database copied from the tests' template, for a child process (a server, the CLI) to open through its
 * environment. A PGlite directory may be opened by one process at a time: open it here only while no child runs.
 */
export interface ChildDatabase {
  kind: 'pglite' | 'postgresql';
  env: Record<string, string>;
  /** The PostgreSQL database's name (to watch its sessions), null with PGlite. */
  name: string | null;
  open(): Promise<Database>;
  remove(): Promise<void>;
}

export async function childDatabase(prefix: string): Promise<ChildDatabase> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), `alliances-${prefix}-`));
    cpSync(template.dir, dir, { recursive: true });
    return {
      kind: 'pglite',
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      name: null,
      open: () => openPglite(dir),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `alliances_${prefix.replaceAll('-', '_')}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
  const url = withDatabase(template.url, name);
  return {
    kind: 'postgresql',
    env: { DATABASE_URL: url },
    name,
    open: () => openPostgres(url, 2),
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
