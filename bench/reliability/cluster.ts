// A private, throwaway PostgreSQL cluster for the fault run: it is stopped and started while the server runs, which
// must never happen to the machine's shared server. PostgreSQL refuses to run as root: as root, its commands run as
// the `postgres` system user, in a temporary folder that user owns.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export const stopModes = ['fast', 'immediate'] as const;
export type StopMode = (typeof stopModes)[number];

export interface Cluster {
  /** The `postgres` database of the cluster (to create others from). */
  url: string;
  dir: string;
  logFile: string;
  /**
   * `pg_ctl stop`: `fast` ends the sessions and shuts down cleanly; `immediate` kills the server as a crash would (it
   * replays its WAL at the next start). Down when it returns.
   */
  stop: (mode: StopMode) => Promise<void>;
  /** `pg_ctl start -w`: returns once the server accepts connections. */
  start: () => Promise<void>;
  /** Stops the server if it runs and deletes its folder. */
  destroy: () => Promise<void>;
}

/** Runs a PostgreSQL program as the postgres user when we are root (asynchronously: the users keep running). */
function asPostgres(program: string, args: string[]) {
  const file = path.join(bin, program);
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
}

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('no postgres system user to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Creates a cluster on `port` (TCP on 127.0.0.1, its socket in its own folder, trust authentication) and starts it. */
export async function startPrivateCluster(port: number): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-faults-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const ids = postgresIds();
  if (ids) fs.chownSync(dir, ids.uid, ids.gid);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = async () => {
    await asPostgres('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', options]);
  };
  const stop = async (mode: StopMode) => {
    await asPostgres('pg_ctl', ['stop', '-w', '-m', mode, '-D', data]);
  };
  const destroy = async () => {
    if (fs.existsSync(path.join(data, 'postmaster.pid')))
      await asPostgres('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    await start();
  } catch (error) {
    await destroy();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, logFile, stop, start, destroy };
}
