import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { withDatabase } from './global-setup.js';

/**
 * A fresh database for one test file, copied from the migrated template (PGlite directory or PostgreSQL database);
 * with `demo`, from the template that holds the demo data too.
 */
export async function createTestDatabase(opts: { demo?: boolean } = {}): Promise<Database> {
  const template = inject(opts.demo ? 'demoTemplate' : 'dbTemplate');
  if (template.kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-test-'));
    fs.cpSync(template.dir, dir, { recursive: true });
    const database = await openPglite(dir);
    return {
      ...database,
      close: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `alliances_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
  const database = await openPostgres(withDatabase(template.url, name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}
