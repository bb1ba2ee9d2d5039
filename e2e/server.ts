// Serves the built app for the browser tests on a fresh embedded database in a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-'));
process.env.DATA_DIR = dir;
delete process.env.DATABASE_URL;
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
await import('../src/main.js');
