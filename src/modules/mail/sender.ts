import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { outbox } from '../accounts/schema.js';

/** What the sender needs of a logger; Fastify's `app.log` fits. Lines never carry an address. */
export interface MailLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** What the sender needs of a nodemailer transport (a fake in tests if need be). */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<unknown>;
  close?(): void;
}

export interface SendPendingOptions {
  from: string;
  /** Also retry rows whose last attempt failed, if queued less than a day ago. */
  retryFailed?: boolean;
  limit?: number;
}

export interface MailSenderOptions {
  /** Sender address; by default `Alliances <ne-pas-repondre@HOST>` with the host of config.publicUrl. */
  from?: string;
  /** Pause between two passes over the outbox. */
  intervalMs?: number;
  /** How often rows that failed are tried again (a day at most after they were queued). */
  retryEveryMs?: number;
  /** Replaces the SMTP transport built from config.smtpUrl. */
  transport?: MailTransport;
}

const retryWindow = sql`now() - interval '1 day'`;

export function defaultSender(publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep localhost
  }
  return `Alliances <ne-pas-repondre@${host}>`;
}

/** A short, address-free description of a delivery failure, for logs. */
function failureCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  return [e.code, e.responseCode].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ') || 'error';
}

/**
 * One pass over the outbox: sends the pending rows, oldest first, and records on each either `sent_at` or the
 * error. Returns how many were sent and how many failed.
 */
export async function sendPendingMail(db: Db, transport: MailTransport, options: SendPendingOptions) {
  const pending = isNull(outbox.error);
  const retryable = options.retryFailed ? or(pending, gt(outbox.createdAt, retryWindow)) : pending;
  const rows = await db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), retryable))
    .orderBy(asc(outbox.createdAt))
    .limit(options.limit ?? 50);
  const result = { sent: 0, failed: 0, failures: [] as string[] };
  for (const row of rows) {
    try {
      await transport.sendMail({ from: options.from, to: row.recipient, subject: row.subject, text: row.body });
      await db.update(outbox).set({ sentAt: new Date(), error: null }).where(eq(outbox.id, row.id));
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(outbox)
        .set({ error: message.slice(0, 1000) || 'error' })
        .where(eq(outbox.id, row.id));
      result.failed++;
      result.failures.push(`${row.id}: ${failureCode(error)}`);
    }
  }
  return result;
}

/**
 * Delivers the outbox by SMTP (config.smtpUrl, e.g. `smtp://user:pass@mail.example.org:587`) in the background:
 * a pass at start, then every `intervalMs`. Without smtpUrl, mails stay in the outbox. Returns the function that
 * stops it (awaits the pass in progress); call it before closing the database. Run one sender per database.
 */
export function startMailSender(
  db: Db,
  config: Pick<Config, 'smtpUrl' | 'publicUrl' | 'production'>,
  log: MailLog,
  options: MailSenderOptions = {},
): () => Promise<void> {
  const transport = options.transport ?? smtpTransport(config.smtpUrl);
  if (!transport) {
    if (config.production)
      log.warn('mail: no SMTP_URL, invitations and password resets are NOT e-mailed (outbox only)');
    else log.info('mail: no SMTP_URL, e-mails stay in the outbox');
    return async () => {};
  }
  const from = options.from ?? defaultSender(config.publicUrl);
  const intervalMs = options.intervalMs ?? 5_000;
  const retryEveryMs = options.retryEveryMs ?? 5 * 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastRetry = Number.NEGATIVE_INFINITY;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    const retryFailed = Date.now() - lastRetry >= retryEveryMs;
    if (retryFailed) lastRetry = Date.now();
    try {
      const { sent, failed, failures } = await sendPendingMail(db, transport, { from, retryFailed });
      if (sent) log.info(`mail: ${sent} sent`);
      if (failed) log.warn(`mail: ${failed} not sent (${failures.join(', ')})`);
    } catch (error) {
      log.warn(`mail: outbox pass failed (${failureCode(error)})`);
    }
  };
  const loop = () => {
    running = pass().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();
  log.info('mail: SMTP sender started');
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    clearTimeout(timer);
    transport.close?.();
  };
}

function smtpTransport(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) return null;
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    sendMail: (mail) => transporter.sendMail(mail),
    close: () => transporter.close(),
  };
}
