// Issue 10's backup acceptance: a backup of the demo data restored into an empty database gives back every row of
// every table, through the CLI as an operator runs it; a database holding data is never merged into.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../tests/db.js';
import { fingerprint } from '../../tests/fingerprint.js';
import { withDatabase } from '../../tests/global-setup.js';
import { runCli } from '../cli/commands.js';
import { type Config, loadConfig } from '../config.js';
import { latestKnownMigration, sequenceOwners } from './backup-catalog.js';
import { type Database, openDatabase } from './client.js';
import { restoreBackup } from './restore.js';
import { rowsOf } from './rows.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-backup-'));

/** Settings pointing at a new, empty and never migrated database (a new PGlite directory, or a new server database). */
async function emptyDatabaseConfig(base: Config): Promise<{ config: Config; drop(): Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    return {
      config: { ...base, databaseUrl: undefined, dataDir: path.join(work, randomBytes(4).toString('hex')) },
      drop: async () => {},
    };
  }
  const name = `alliances_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  return {
    config: { ...base, databaseUrl: withDatabase(template.url, name) },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

function writeGzipLines(file: string, lines: unknown[]) {
  fs.writeFileSync(file, zlib.gzipSync(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`));
}

describe('backup and restore', () => {
  let demo: Database;
  const base = { ...loadConfig({ NODE_ENV: 'test' }), demoData: false, dataDir: path.join(work, 'unused') };

  const run = async (config: Config, db: Database | undefined, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, {
      config,
      ...(db ? { db: db.db } : {}),
      io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    demo = await createTestDatabase({ demo: true });
  });
  afterAll(async () => {
    await demo.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores every row of every table of the demo data into an empty database (CLI round trip)', async () => {
    const file = path.join(work, 'sauvegardes', 'demo.jsonl.gz');
    const backup = await run(base, demo, 'backup', '--out', file);
    expect(backup.err).toMatch(/lignes de \d+ tables \(migration 0021_trust\)/);
    expect(backup.out).toBe(file);
    expect(backup.code).toBe(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    // Password hashes, e-mails, addresses: the file and the directory made for it are private to their owner.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);

    const target = await emptyDatabaseConfig(base);
    try {
      const restore = await run(target.config, undefined, 'restore', file);
      expect(restore.err).not.toContain('Erreur');
      expect(restore.out).toMatch(/^Sauvegarde restaurée : \d+ lignes/);
      expect(restore.code).toBe(0);
      // Restoring again into what is now a full database is refused with a clear message (and changes nothing).
      const again = await run(target.config, undefined, 'restore', file);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/^Erreur — Restauration refusée : la base de destination contient déjà des données/);

      const restored = await openDatabase(target.config);
      try {
        const [expected, actual] = [await fingerprint(demo.db, []), await fingerprint(restored.db, [])];
        // The demo data fills many tables: the comparison is not vacuous.
        expect(Object.values(expected).filter((v) => !v.startsWith('0 ')).length).toBeGreaterThan(40);
        expect(actual).toEqual(expected);
        // Every sequence moved past the restored ids: a new row takes a new id.
        const owners = await sequenceOwners(restored.db);
        expect(owners.length).toBeGreaterThan(0);
        let filled = 0;
        for (const { sequence, table, column } of owners) {
          const [row] = await rowsOf<{ highest: string | null; next: string }>(
            restored.db,
            sql.raw(
              `SELECT (SELECT max("${column}") FROM "${table}")::text AS highest, nextval('"${sequence}"')::text AS next`,
            ),
          );
          if (row?.highest) filled++;
          expect(BigInt(row?.next ?? 0)).toBeGreaterThan(BigInt(row?.highest ?? 0));
        }
        expect(filled).toBeGreaterThan(0);
        // Derived rows came from the backup, and the triggers that keep them work again after the restore.
        const [triggers] = await rowsOf<{ enabled: boolean }>(
          restored.db,
          sql`SELECT bool_and(tgenabled = 'O') AS enabled FROM pg_trigger WHERE NOT tgisinternal`,
        );
        expect(triggers?.enabled).toBe(true);
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
    }
    // Two CLI runs, a migration and 37 000 rows: about 15 s on an idle 2-core machine, twice that when it is busy.
  }, 120_000);

  it('refuses to merge into a database that holds data, before touching it', async () => {
    const file = path.join(work, 'refused.jsonl.gz');
    expect((await run(base, demo, 'backup', '--out', file)).code).toBe(0);
    const before = await fingerprint(demo.db, []);
    await expect(restoreBackup(demo, file)).rejects.toThrow(/contient déjà des données \(table \w+\)/);
    expect(await fingerprint(demo.db, [])).toEqual(before);
  });

  it('refuses a backup from a newer version of the application, and a file that is not a backup', async () => {
    const known = latestKnownMigration();
    const newer = path.join(work, 'newer.jsonl.gz');
    writeGzipLines(newer, [
      {
        format: 'alliances-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        migration: { tag: '0999_future', when: known.when + 1 },
        tables: {},
        sequences: {},
      },
    ]);
    await expect(restoreBackup(demo, newer)).rejects.toThrow(
      /version plus récente de l’application \(migration 0999_future/,
    );
    const other = path.join(work, 'other.jsonl.gz');
    writeGzipLines(other, [{ hello: 'world' }]);
    await expect(restoreBackup(demo, other)).rejects.toThrow(/n’est pas une sauvegarde d’Alliances/);
    const cli = await run(base, undefined, 'restore', path.join(work, 'missing.jsonl.gz'));
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('introuvable');
  });
});
