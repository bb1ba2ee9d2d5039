// `npm run reliability:load`: 100 simulated members (browse, search, edit their organisation, register to an event)
// for 60 s against the real server on PostgreSQL, in a fresh database filled with the demo data. Prints the latency
// per route and action with the reference routes beside them, writes the table into docs/reliability.md, and exits
// non-zero if any request failed (a 5xx, a network error, a timeout or an unexpected 4xx).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { withDatabase } from '../../tests/global-setup.js';
import { stats } from '../measure.js';
import { machineNow, ms } from '../report.js';
import { log, recordSection, runUsers } from './run.js';
import { cpuSeconds, seedDatabase, startServer } from './server.js';
import { errorLines, rowsTable, summarise } from './summary.js';

const usage = `npm run reliability:load -- [options]
  --users N      simulated users (default 100)
  --seconds S    how long they loop once signed in (default 60)
  --port P       the server's port (default 3421)
  --timeout MS   a request unanswered this long is an error (default 10000)
  --no-doc       print only; do not update docs/reliability.md
The database alliances_load_<pid> is created on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test),
then dropped.`;

const loads = (l: number[]) => l.map((x) => x.toFixed(2).replace('.', ',')).join(' ');

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '60' },
      port: { type: 'string', default: '3421' },
      timeout: { type: 'string', default: '10000' },
      'no-doc': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return log(usage);
  const positive = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer\n${usage}`);
    return n;
  };
  const opts = {
    users: positive('users', values.users),
    seconds: positive('seconds', values.seconds),
    timeoutMs: positive('timeout', values.timeout),
  };
  const port = positive('port', values.port);
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const name = `alliances_load_${process.pid}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-load-'));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let failed = true;
  try {
    const version = String((await admin.query('SELECT version() AS v')).rows[0]?.v ?? '').replace(/ on .*$/, '');
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(adminUrl, name);
    log(`database ${name}: migrating, demo data, ${opts.users} members with their organisation…`);
    const dataset = await seedDatabase(url, opts.users);
    log(`seeded in ${(dataset.seedMs / 1000).toFixed(1)} s; starting the server on port ${port}…`);
    const server = await startServer(url, port, path.join(workDir, 'server.log'));
    try {
      const machine = machineNow();
      let cpuFrom = Number.NaN;
      const { recorder, from, to } = await runUsers(server.url, opts, async () => {
        cpuFrom = cpuSeconds(server.process.pid);
      });
      const serverCpu = cpuSeconds(server.process.pid) - cpuFrom;
      const served = recorder.samples.filter((s) => s.action !== 'sign-in' && s.route !== 'route Fastify nue').length;
      const seconds = (to - from) / 1000;
      const samples = recorder.samples.filter((s) => s.action !== 'sign-in');
      const signIns = recorder.samples.filter((s) => s.action === 'sign-in');
      const rows = summarise(samples);
      const reference = rows.find((r) => r.route === 'route Fastify nue');
      const users = rows.find((r) => r.action === 'all');
      const errors = samples.filter((s) => s.outcome === 'error').length;
      const signIn = stats(signIns.map((s) => s.end - s.start));
      const loadAfter = os.loadavg();
      const lines = [
        `Essai du ${machine.date} : ${machine.cpu}, ${machine.cores} cœurs, ${machine.ramGiB} Gio, ${machine.os}, ` +
          `Node ${machine.node}, ${version} ; charge moyenne de la machine avant ${loads(machine.loadBefore)}, ` +
          `après ${loads(loadAfter)}.`,
        '',
        `Données : les données de démonstration plus ${dataset.users} comptes membres, chacun avec son association ` +
          `(${dataset.actors} acteurs en tout), et ${dataset.upcomingEvents} événements à venir. ` +
          `${opts.users} utilisateurs pendant ${seconds.toFixed(1)} s, temps de réflexion 0,5 à 1 s, mélange ` +
          `consultation 50 % · recherche 25 % · modification 15 % · inscription 10 % ; le serveur (\`src/main.ts\`, ` +
          `NODE_ENV=production, pool de 10 connexions), PostgreSQL et le générateur de charge partagent la machine. ` +
          `${signIns.length} connexions avant la fenêtre mesurée : p95 ${ms(signIn.p95)} ms, max ${ms(signIn.max)} ms ` +
          `(argon2).`,
        '',
        rowsTable(rows, seconds, reference),
        '',
        `**${errors} erreur(s)** sur ${users?.requests ?? 0} requêtes des utilisateurs ` +
          `(${((users?.requests ?? 0) / seconds).toFixed(1)} req/s), p95 ${ms(users?.latency.p95 ?? Number.NaN)} ms ; ` +
          `réponses métier (4xx voulus par l’application) : ${users?.business ?? 0}. Temps de calcul du processus ` +
          `du serveur pendant la fenêtre : ${serverCpu.toFixed(1)} s (${((100 * serverCpu) / seconds).toFixed(0)} % ` +
          `d’un cœur), soit ${ms((1000 * serverCpu) / served)} ms par requête servie (\`/api/health\` comprise).`,
        ...(errors ? ['', 'Erreurs :', '', ...errorLines(samples).map((l) => `- ${l}`)] : []),
      ];
      const section = lines.join('\n');
      log(`\n${section}\n`);
      if (!values['no-doc']) {
        recordSection('load', section, 'npm run reliability:load');
      }
      failed = errors > 0 || server.exited() !== null;
    } finally {
      await server.stop();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    if (failed) log(`server log kept in ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
