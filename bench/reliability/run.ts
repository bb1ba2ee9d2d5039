// Runs simulated users against a started server: signs them in, then lets them loop while reference routes are probed.
import path from 'node:path';
import { startBareFastify } from '../measure.js';
import { writeSection } from '../report.js';
import { probe, Recorder, readCatalogue, SimulatedUser, type Target } from './users.js';

export interface LoadOptions {
  users: number;
  /** How long the users loop, after all have signed in. */
  seconds: number;
  timeoutMs: number;
}

export const log = (line: string) => process.stdout.write(`${line}\n`);

/** Sign-ins a few at a time: each costs an argon2 verification, the server would only queue more. */
async function signInAll(people: SimulatedUser[], parallel = 4) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < people.length; i = next++) await people[i]?.signIn();
    }),
  );
}

/**
 * Signs `users` in, then runs them for `seconds`, probing the bare Fastify route and the server's /api/health one
 * request at a time meanwhile. `during` runs beside the users (the fault run stops the database in it); the users
 * stop when both the time is up and `during` is done. Returns the recorder and the timed window's bounds.
 */
export async function runUsers(baseUrl: string, opts: LoadOptions, during: (recorder: Recorder) => Promise<void>) {
  const recorder = new Recorder();
  const target: Target = { baseUrl, timeoutMs: opts.timeoutMs, recorder };
  const catalogue = await readCatalogue(baseUrl);
  const people = Array.from({ length: opts.users }, (_, i) => new SimulatedUser(i + 1, target, catalogue));
  log(`signing ${opts.users} users in…`);
  await signInAll(people);
  const bare = await startBareFastify();
  try {
    const from = recorder.now();
    let stopAt = from + opts.seconds * 1000;
    let duringDone = false;
    const until = () => duringDone && recorder.now() >= stopAt;
    log(`${opts.users} users for ${opts.seconds} s…`);
    await Promise.all([
      ...people.map((p) => p.run(until)),
      probe(target, 'route Fastify nue', bare.url, until),
      probe(target, 'GET /api/health', `${baseUrl}/api/health`, until),
      during(recorder).then(() => {
        duringDone = true;
        stopAt = Math.max(stopAt, recorder.now());
      }),
    ]);
    return { recorder, from, to: recorder.now() };
  } finally {
    await bare.close();
  }
}

/** Writes a run's section into docs/reliability.md between its `bench:<name>` markers (the file made if missing). */
export function recordSection(name: string, section: string, command: string) {
  const doc = path.resolve(import.meta.dirname, '../../docs/reliability.md');
  writeSection(doc, name, section, `# Fiabilité\n\nGénéré par \`${command}\`.\n`, command);
  log(`written to ${path.relative(process.cwd(), doc)}`);
}
