import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { outbox } from '../accounts/schema.js';
import { maskEmail } from './service.js';

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
  limit?: number;
  /** The clock (tests pass one to skip the waiting). */
  now?: Date;
}

export interface MailSenderOptions {
  /** Sender address; by default `Alliances <ne-pas-repondre@HOST>` with the host of config.publicUrl. */
  from?: string;
  /** Pause between two passes over the outbox. */
  intervalMs?: number;
  /** Replaces the SMTP transport built from config.smtpUrl. */
  transport?: MailTransport;
}

/** After this many failed attempts a mail is a dead letter (the admin may send it again). */
export const maxAttempts = 6;
const minuteMs = 60_000;
const maxBackoffMs = 6 * 3600_000;
/** How long a claimed row is kept from other senders while it is being sent (a crash frees it after that). */
const claimMs = 10 * minuteMs;

/** The wait after the n-th failed attempt: 1 min, 4 min, 16 min, 64 min, 4 h 16, then 6 h at most. */
export const backoffMs = (attempts: number) => Math.min(minuteMs * 4 ** Math.max(0, attempts - 1), maxBackoffMs);

export function defaultSender(publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep localhost
  }
  return `Alliances <ne-pas-repondre@${host}>`;
}

type SmtpError = { code?: unknown; responseCode?: unknown; message?: unknown };

/** A short, address-free description of a delivery failure, for logs. */
function failureCode(error: unknown): string {
  const e = error as SmtpError;
  return [e.code, e.responseCode].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ') || 'error';
}

/** The failure as kept on the row: the server's answer with any address in it masked. */
function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.replace(/[^\s<>"'@]+@[^\s<>"']+/g, maskEmail).slice(0, 1000) || 'error').trim();
}

/** A 5xx answer: the server refuses the mail for good (unknown recipient…), trying again would not help. */
const isPermanent = (error: unknown) => {
  const code = (error as SmtpError).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Takes the oldest due row (pending, not dead, next attempt reached) for this sender: one statement counts the
 * attempt and pushes the next one past the sending time, and `SKIP LOCKED` leaves a row another sender is taking, so
 * two senders never send one mail twice. One row at a time: a claim covers one send only, however slow the server.
 */
async function claimNext(db: Db, now: Date) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    // PostgreSQL keeps microseconds and JavaScript milliseconds: a mail queued during the millisecond of `now` (its
    // `now()` a few microseconds past it) is due, hence « before the next millisecond ».
    .where(and(isNull(outbox.sentAt), isNull(outbox.deadAt), lt(outbox.nextAttemptAt, new Date(now.getTime() + 1))))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + claimMs) })
    .where(inArray(outbox.id, due))
    .returning();
  return row;
}

/**
 * One pass over the outbox: claims, sends and records the due rows one by one, oldest first, until none is due or
 * `limit` were tried. A sent row gets `sent_at`; a failure keeps the error and waits `backoffMs(attempts)` from the
 * moment it failed, or becomes a dead letter (`dead_at`) after `maxAttempts` or on a 5xx refusal.
 */
export async function sendPendingMail(db: Db, transport: MailTransport, options: SendPendingOptions) {
  // The clock runs from `options.now` (tests jump ahead) at the pace of the real one.
  const skewMs = (options.now ?? new Date()).getTime() - Date.now();
  const clock = () => new Date(Date.now() + skewMs);
  const limit = options.limit ?? 50;
  const result = { sent: 0, failed: 0, dead: 0, failures: [] as string[] };
  for (let tried = 0; tried < limit; tried++) {
    const row = await claimNext(db, clock());
    if (!row) break;
    try {
      await transport.sendMail({ from: options.from, to: row.recipient, subject: row.subject, text: row.body });
      await db.update(outbox).set({ sentAt: clock(), error: null }).where(eq(outbox.id, row.id));
      result.sent++;
    } catch (error) {
      const failedAt = clock();
      const dead = isPermanent(error) || row.attempts >= maxAttempts;
      await db
        .update(outbox)
        .set({
          error: failureText(error),
          nextAttemptAt: new Date(failedAt.getTime() + backoffMs(row.attempts)),
          deadAt: dead ? failedAt : null,
        })
        .where(eq(outbox.id, row.id));
      result.failed++;
      if (dead) result.dead++;
      result.failures.push(`${row.id}: ${failureCode(error)}${dead ? ' (dead letter)' : ''}`);
    }
  }
  return result;
}

/**
 * Delivers the outbox by SMTP (config.smtpUrl, e.g. `smtp://user:pass@mail.example.org:587`) in the background:
 * a pass at start, then every `intervalMs`. Without smtpUrl, mails stay in the outbox. Returns the function that
 * stops it (awaits the pass in progress); call it before closing the database. Several senders may share a database.
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
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      const { sent, failed, failures } = await sendPendingMail(db, transport, { from });
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

/** The nodemailer SMTP transport for `smtpUrl`, or null without one. */
export function smtpTransport(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) return null;
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    sendMail: (mail) => transporter.sendMail(mail),
    close: () => transporter.close(),
  };
}
