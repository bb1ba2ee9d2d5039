import type { Db } from '../../db/client.js';
import { outbox } from '../accounts/schema.js';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; links written out in full. */
  body: string;
}

export interface QueueMailOptions {
  /**
   * Where the development echo goes (subject and links, never the address in clear). By default: the console in
   * development, nowhere in production and tests. `null` turns it off.
   */
  log?: ((line: string) => void) | null;
}

const inDevelopment = () => process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'test';

/** An address as it may appear in logs (RGPD): `c***@demo.alliances.local`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

export function linksIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
}

/** The development echo of a queued mail: masked recipient, subject and links. */
export function describeMail(mail: MailMessage): string {
  const links = linksIn(mail.body).map((l) => `\n  ${l}`);
  return `mail queued for ${maskEmail(mail.to)}: "${mail.subject}"${links.join('')}`;
}

/**
 * Writes an e-mail to the outbox (in the caller's transaction when given one); the sender (sender.ts) delivers it
 * when SMTP is configured. In development the subject and links are also echoed, the address masked.
 */
export async function queueMail(db: Db, mail: MailMessage, options: QueueMailOptions = {}): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({ recipient: mail.to, subject: mail.subject, body: mail.body })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox row not inserted');
  const log = options.log === undefined ? (inDevelopment() ? console.info : null) : options.log;
  log?.(describeMail(mail));
  return row.id;
}
