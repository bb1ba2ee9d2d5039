// What the load and fault runs share on the server side: a database filled with the demo data plus the simulated
// users' organisations, accounts and upcoming events, and the real server (`src/main.ts`) as a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { migrate, openPostgres } from '../../src/db/client.js';
import { demoAccounts, loadDemoData } from '../../src/demo/load.js';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
import { users } from '../../src/modules/accounts/schema.js';
import { getCurrentUser, insertUser } from '../../src/modules/accounts/service.js';
import { actorInput } from '../../src/modules/actors/contract.js';
import { actors } from '../../src/modules/actors/schema.js';
import { createActor } from '../../src/modules/actors/service.js';
import { eventFields } from '../../src/modules/events/contract.js';
import { createEvent } from '../../src/modules/events/service.js';
import { loadReferenceData } from '../../src/modules/reference/load.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const userPassword = 'charge-alliances-2026';
export const userEmail = (i: number) => `membre-${i}@charge.alliances.test`;

const dayMs = 86_400_000;

export interface Dataset {
  actors: number;
  users: number;
  upcomingEvents: number;
  seedMs: number;
}

/** Upcoming events open for registration: small ones fill up, so that the waiting list is exercised too. */
const upcomingEvents = [
  { kind: 'interAssociationWorkshop', title: 'Atelier inter-associatif : mécénat de compétences', capacity: 20 },
  { kind: 'speedDating', title: 'Speed dating associations et entreprises', capacity: 40 },
  { kind: 'launchMeeting', title: 'Forum des alliances du Pays d’Aix', capacity: null },
  { kind: 'interAssociationWorkshop', title: 'Atelier : circuits courts et économie circulaire', capacity: 30 },
] as const;

/**
 * Migrates, loads the reference and demo data (as the server does outside production), then adds `userCount`
 * member accounts, each with its own association (the one it edits), and upcoming events to register to.
 */
export async function seedDatabase(url: string, userCount: number): Promise<Dataset> {
  const started = performance.now();
  const database = await openPostgres(url, 4);
  try {
    await migrate(database);
    await loadReferenceData(database.db);
    // Outside production the demo loader echoes each mail it queues (hundreds of suggestions): not wanted here.
    const info = console.info;
    console.info = () => {};
    try {
      await loadDemoData(database.db, { production: false });
    } finally {
      console.info = info;
    }
    const db = database.db;
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts[0].email));
    if (!admin) throw new Error('demo administrator missing');
    const by = await getCurrentUser(db, admin.id);
    // One argon2 hash for every account: hashing 100 times would only slow the set-up down.
    const passwordHash = await hashPassword(userPassword);
    for (let i = 1; i <= userCount; i++) {
      const actorId = await createActor(
        db,
        by,
        actorInput.parse({
          family: 'association',
          name: `Association de charge n° ${i}`,
          communeCode: '13001',
          description: 'Association créée pour l’essai de charge.',
        }),
      );
      await insertUser(db, { email: userEmail(i), displayName: `Membre ${i}`, role: 'member', actorId }, passwordHash);
    }
    for (const [i, e] of upcomingEvents.entries()) {
      const startsAt = new Date(Date.now() + (30 + 7 * i) * dayMs);
      await createEvent(
        db,
        by,
        eventFields.parse({
          ...e,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
          place: 'Maison de la Vie Associative, Aix-en-Provence',
          communeCode: '13001',
        }),
      );
    }
    return {
      actors: await db.$count(actors),
      users: userCount,
      upcomingEvents: upcomingEvents.length,
      seedMs: performance.now() - started,
    };
  } finally {
    await database.close();
  }
}

export interface ServerChild {
  url: string;
  process: ChildProcess;
  /** Set when the process ended (it should not, before stop()). */
  exited: () => { code: number | null; signal: string | null } | null;
  logFile: string;
  stop: () => Promise<void>;
}

/**
 * Starts `src/main.ts` as in production (NODE_ENV=production: no demo data, demo accounts disabled), its output
 * into `logFile`; resolves once /api/health answers 200. The matching schedule is off so that only the simulated
 * users load the server.
 */
export async function startServer(databaseUrl: string, port: number, logFile: string): Promise<ServerChild> {
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      MATCHING_REFRESH_HOURS: '0',
      DATA_DIR: path.join(path.dirname(logFile), 'data'),
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exit: { code: number | null; signal: string | null } | null = null;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  const stop = async () => {
    if (exit) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await ended;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exit) throw new Error(`the server stopped while starting (see ${logFile})`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health within 2 minutes (see ${logFile})`);
    }
    const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) break;
    await sleep(250);
  }
  return { url, process: child, exited: () => exit, logFile, stop };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CPU seconds a process has used so far (user + system, from /proc; Linux only, else NaN): the server's own cost per
 * request, which the machine's other work does not inflate as it does the latencies.
 */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence the last parenthesis): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100;
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}
