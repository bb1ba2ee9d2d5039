// Serves the built app for the browser tests on a fresh embedded database in a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mailLogPath } from './mail-log.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-'));
process.env.DATA_DIR = dir;
delete process.env.DATABASE_URL;
// The outbox's development echo (no address in clear) also goes to a file, for the specs to follow e-mailed links;
// removed at start (no links of an earlier run) and at exit, like the database.
const mailLog = mailLogPath(process.env.PORT ?? 3000);
fs.rmSync(mailLog, { force: true });
process.on('exit', () => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(mailLog, { force: true });
});
const echo = console.info;
console.info = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('mail queued')) fs.appendFileSync(mailLog, `${args[0]}\n`);
  echo(...args);
};
await import('../src/main.js');
