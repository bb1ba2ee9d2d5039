import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openPglite, openPostgres } from '../src/db/client.js';
import { loadDemoData } from '../src/demo/load.js';
import { loadReferenceData } from '../src/modules/reference/load.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database with reference data: a PGlite directory to copy, or a PostgreSQL template database. */
    dbTemplate: DbTemplate;
    /** The same, holding the demo data too: loading it takes seconds, and a dozen test files start from it. */
    demoTemplate: DbTemplate;
  }
}

type DbTemplate = { kind: 'pglite'; dir: string } | { kind: 'postgresql'; url: string; name: string };

/** Builds one migrated template per run; each test file then starts from a copy of it (tests/db.ts). */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `alliances_tmpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(serverUrl, name);
    const database = await openPostgres(url, 2);
    await migrate(database);
    await loadReferenceData(database.db);
    await database.close();
    const demoName = `${name}_demo`;
    await admin.query(`CREATE DATABASE ${demoName} TEMPLATE ${name}`);
    const demo = await openPostgres(withDatabase(serverUrl, demoName), 2);
    await loadDemoData(demo.db, { production: false });
    await demo.close();
    project.provide('dbTemplate', { kind: 'postgresql', url: serverUrl, name });
    project.provide('demoTemplate', { kind: 'postgresql', url: serverUrl, name: demoName });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`DROP DATABASE IF EXISTS ${demoName}`);
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-template-'));
  const database = await openPglite(dir);
  await migrate(database);
  await loadReferenceData(database.db);
  await database.close();
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-demo-template-'));
  fs.cpSync(dir, demoDir, { recursive: true });
  const demo = await openPglite(demoDir);
  await loadDemoData(demo.db, { production: false });
  await demo.close();
  project.provide('dbTemplate', { kind: 'pglite', dir });
  project.provide('demoTemplate', { kind: 'pglite', dir: demoDir });
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(demoDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
