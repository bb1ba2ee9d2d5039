// Issue 10's fault proof: the server process killed (SIGKILL: no shutdown code runs) while it writes leaves no
// half-written record. The real server runs in a child process on a database of its own; animators' actor creations
// (the actor, its 50 people, its history row, and the search and matchmaking rows its triggers write) keep arriving
// four at a time until the process is killed. On PostgreSQL the kill waits for one of its transactions to be open,
// so a write is certainly cut in the middle; on PGlite it comes while requests are in flight. Then the database,
// reopened, must hold each actor whole or not at all, and every actor the server confirmed (201).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { rowsOf } from '../src/db/rows.js';
import { signedInAs } from './auth.js';
import { type ChildDatabase, childDatabase } from './child-database.js';
import { withDatabase } from './global-setup.js';

const repo = path.resolve(import.meta.dirname, '..');
const peoplePerActor = 50;
const inFlight = 4;
const namePrefix = 'Écrit interrompu';

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

function startServer(db: ChildDatabase, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitForHealth(base: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (${child.exitCode})`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start');
}

const actorBody = (n: number) => ({
  family: 'association',
  name: `${namePrefix} ${n}`,
  description: `Une association créée pendant l’arrêt brutal du serveur. `.repeat(60),
  people: Array.from({ length: peoplePerActor }, (_, i) => ({
    name: `Personne ${n}-${i}`,
    role: 'bénévole',
    email: `personne-${n}-${i}@exemple.fr`,
  })),
});

/** True as soon as the server holds a transaction open on its PostgreSQL database (polled until `deadline`). */
async function openTransaction(url: string, database: string, deadline: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
        [database],
      );
      if ((rows[0]?.n ?? 0) > 0) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

describe('a server killed during a write', () => {
  let db: ChildDatabase | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db?.remove();
  });

  it('leaves every actor whole or absent, and keeps every confirmed one', { timeout: 180_000 }, async () => {
    db = await childDatabase('kill-write');
    let database: Database = await db.open();
    const animator = await signedInAs(database.db, 'animator');
    await database.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = startServer(db, port);
    child = server;
    let stderr = '';
    server.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = once(server, 'close');
    await waitForHealth(base, server);

    const confirmed: string[] = [];
    let sent = 0;
    let killed = false;
    const post = async (n: number) => {
      const res = await fetch(`${base}/api/v1/actors`, {
        method: 'POST',
        headers: { ...animator.headers, 'content-type': 'application/json' },
        body: JSON.stringify(actorBody(n)),
      });
      if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      confirmed.push(((await res.json()) as { id: string }).id);
    };
    // Writers: each sends a creation, then the next, until the server dies under them.
    const writers = Array.from({ length: inFlight }, async () => {
      while (!killed) {
        try {
          await post(++sent);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    });

    while (confirmed.length < 8) await new Promise((r) => setTimeout(r, 20));
    let midTransaction: boolean | null = null;
    const template = inject('dbTemplate');
    if (db.name && template.kind === 'postgresql') {
      midTransaction = await openTransaction(withDatabase(template.url, db.name), db.name, Date.now() + 10_000);
    } else {
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
    }
    killed = true;
    server.kill('SIGKILL');
    await Promise.all(writers);
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    if (midTransaction !== null) expect(midTransaction).toBe(true);
    expect(stderr).not.toMatch(/Error/);

    database = await db.open();
    try {
      const actors = await rowsOf<{ id: string; people: number; history: number; profiles: number }>(
        database.db,
        sql`SELECT a.id,
            (SELECT count(*)::int FROM actor_people p WHERE p.actor_id = a.id) AS people,
            (SELECT count(*)::int FROM actor_history h WHERE h.actor_id = a.id AND h.action = 'create') AS history,
            (SELECT count(*)::int FROM match_profiles m WHERE m.actor_id = a.id) AS profiles
          FROM actors a WHERE a.name LIKE ${`${namePrefix} %`}`,
      );
      // Every confirmed write survived the kill…
      expect(actors.map((a) => a.id)).toEqual(expect.arrayContaining(confirmed));
      // …at most the requests in flight were lost, and whatever was written is whole.
      expect(actors.length).toBeGreaterThanOrEqual(confirmed.length);
      expect(actors.length).toBeLessThanOrEqual(confirmed.length + inFlight);
      for (const actor of actors)
        expect(actor).toEqual({ id: actor.id, people: peoplePerActor, history: 1, profiles: 1 });
      // And the database, recovered, takes writes again.
      const [row] = await rowsOf<{ id: string }>(
        database.db,
        sql`INSERT INTO actors (family, name) VALUES ('association', 'Après la reprise') RETURNING id`,
      );
      expect(row?.id).toEqual(expect.any(String));
    } finally {
      await database.close();
    }
  });
});
