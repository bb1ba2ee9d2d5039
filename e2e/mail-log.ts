// E-mailed links for the browser tests: e2e/server.ts appends the outbox's development echo (masked recipient,
// subject, links; src/modules/mail/service.ts) to a file per port, which the specs read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const mailLogPath = (port: string | number) => path.join(os.tmpdir(), `alliances-e2e-mails-${port}.log`);

/** The last link of the echoed mails matching `pattern` (the server's port is the tests' E2E_PORT). */
export function lastMailedLink(pattern: RegExp): string | null {
  const file = mailLogPath(process.env.E2E_PORT ?? 3199);
  if (!fs.existsSync(file)) return null;
  const links = fs.readFileSync(file, 'utf8').match(new RegExp(pattern.source, 'g'));
  return links?.at(-1) ?? null;
}
