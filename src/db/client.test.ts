import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/db.js';
import { onPostgres } from '../../tests/races.js';
import type { Database } from './client.js';
import { rowsOf } from './rows.js';

describe('the PostgreSQL pool', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  // Without a listener on the pool's `error` event, a pooled idle connection cut by the server (a restart, an
  // administrator) raised an error nobody handled, and Node stopped the whole process.
  it.runIf(onPostgres)('survives the server cutting its idle connections, and reconnects by itself', async () => {
    const [row] = await rowsOf<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
    const pid = row?.pid;
    expect(pid).toBeTypeOf('number');
    // Another connection terminates the pool's idle one, as a database restart would.
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [again] = await rowsOf<{ one: number }>(database.db, sql`select 1 as one`);
    expect(again?.one).toBe(1);
  });
});
