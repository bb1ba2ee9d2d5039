// `npm run reliability:faults`: the database stopped and restarted under load. A private PostgreSQL cluster (never
// the machine's shared server) holds the demo data; the real server runs on it as a child process with simulated
// members; after a few seconds the cluster is stopped (`pg_ctl stop -m fast`), left down, then started again.
// Checked, exit code 1 otherwise: no failure before the outage; every failed request is a clean 503 problem document
// (no other status, no network error, no hang, no stack trace); /api/health says 503 while the database is down; the
// server process stays up; and requests succeed again by themselves within --recovery seconds of the restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { withDatabase } from '../../tests/global-setup.js';
import { machineNow } from '../report.js';
import { type Cluster, startPrivateCluster, stopModes } from './cluster.js';
import { log, recordSection, runUsers } from './run.js';
import { seedDatabase, sleep, startServer } from './server.js';
import { type Outage, outageReport } from './verdict.js';

const usage = `npm run reliability:faults -- [options]
  --users N        simulated users (default 20)
  --before S       seconds of load before the database is stopped (default 5)
  --mode M         how it is stopped: fast (pg_ctl stop -m fast, the default) or immediate (as a crash: -m immediate)
  --outage S       seconds the database stays down (default 5)
  --after S        seconds of load after it is back (default 20)
  --recovery S     requests must all succeed again this many seconds after the restart (default 10)
  --port P         the server's port (default 3422)
  --pg-port P      the private PostgreSQL cluster's port (default 55439)
  --timeout MS     a request unanswered this long is a hang (default 10000)
  --no-doc         print only; do not update docs/reliability.md`;

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '20' },
      before: { type: 'string', default: '5' },
      mode: { type: 'string', default: 'fast' },
      outage: { type: 'string', default: '5' },
      after: { type: 'string', default: '20' },
      recovery: { type: 'string', default: '10' },
      port: { type: 'string', default: '3422' },
      'pg-port': { type: 'string', default: '55439' },
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
  const users = positive('users', values.users);
  const seconds = { before: positive('before', values.before), outage: positive('outage', values.outage) };
  const after = positive('after', values.after);
  const mode = stopModes.find((m) => m === values.mode);
  if (!mode) throw new Error(`--mode: ${values.mode}?\n${usage}`);
  const recoveryLimitMs = positive('recovery', values.recovery) * 1000;
  const timeoutMs = positive('timeout', values.timeout);
  if (after * 1000 <= recoveryLimitMs) throw new Error('--after must be longer than --recovery');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-faults-'));
  let cluster: Cluster | null = null;
  let passed = false;
  try {
    log(`private PostgreSQL cluster on port ${values['pg-port']}…`);
    cluster = await startPrivateCluster(positive('pg-port', values['pg-port']));
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const version = String((await admin.query('SELECT version() AS v')).rows[0]?.v ?? '').replace(/ on .*$/, '');
    await admin.query('CREATE DATABASE alliances');
    await admin.end();
    const url = withDatabase(cluster.url, 'alliances');
    log(`demo data and ${users} members…`);
    await seedDatabase(url, users);
    const server = await startServer(url, positive('port', values.port), path.join(workDir, 'server.log'));
    try {
      const machine = machineNow();
      const db = cluster;
      const outage = { stopAt: 0, downAt: 0, startAt: 0, upAt: 0 };
      const { recorder, from } = await runUsers(server.url, { users, seconds: 1, timeoutMs }, async (r) => {
        await sleep(seconds.before * 1000);
        outage.stopAt = r.now();
        log(`stopping the database (pg_ctl stop -m ${mode})…`);
        await db.stop(mode);
        outage.downAt = r.now();
        await sleep(seconds.outage * 1000);
        outage.startAt = r.now();
        log('starting it again (pg_ctl start)…');
        await db.start();
        outage.upAt = r.now();
        await sleep(after * 1000);
      });
      const run: Outage = {
        ...outage,
        loadFrom: from,
        samples: recorder.samples.filter((s) => s.action !== 'sign-in' && s.route !== 'route Fastify nue'),
        recoveryLimitMs,
        timeoutMs,
        serverExit: server.exited(),
      };
      const { section, violations } = outageReport(run, {
        header:
          `Essai du ${machine.date} : ${machine.cpu}, ${machine.cores} cœurs, ${version} (grappe privée jetable), ` +
          `${users} utilisateurs simulés, temps de réflexion 0,5 à 1 s ; base arrêtée par \`pg_ctl stop -m ${mode}\`` +
          `${mode === 'immediate' ? ' (comme un plantage : relecture du journal au redémarrage)' : ''} ` +
          `après ${seconds.before} s de charge, redémarrée ${seconds.outage} s plus tard, charge maintenue ${after} s ` +
          `ensuite ; délai d’attente d’une requête ${timeoutMs / 1000} s.`,
      });
      log(`\n${section}\n`);
      if (!values['no-doc']) {
        recordSection(mode === 'fast' ? 'faults' : `faults-${mode}`, section, 'npm run reliability:faults');
      }
      passed = violations.length === 0;
      if (!passed) log(`FAILED:\n${violations.map((v) => `- ${v}`).join('\n')}`);
    } finally {
      await server.stop();
    }
  } finally {
    await cluster?.destroy();
    if (passed) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`server log kept in ${workDir}`);
  }
  if (!passed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
