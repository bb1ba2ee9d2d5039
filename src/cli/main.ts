// `npm run cli -- <command>`: administration commands (see `npm run cli -- help`).
import { runCli } from './commands.js';

process.exitCode = await runCli(process.argv.slice(2));
