import net from 'node:net';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { outbox } from '../accounts/schema.js';
import { type MailLog, sendPendingMail, startMailSender } from './sender.js';
import { describeMail, maskEmail, queueMail } from './service.js';

/** A minimal SMTP server that accepts every message, so that the sender is tested through real SMTP. */
async function fakeSmtpServer() {
  const received: { rcpt: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let data: string | null = null;
    let rcpt: string[] = [];
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            received.push({ rcpt, data });
            data = null;
            rcpt = [];
            socket.write('250 queued\r\n');
          } else {
            data += `${line}\n`;
          }
          continue;
        }
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (verb === 'RCPT') {
          rcpt.push(line.match(/<(.*)>/)?.[1] ?? '');
          socket.write('250 OK\r\n');
        } else if (verb === 'DATA') {
          data = '';
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function memoryLog() {
  const lines: string[] = [];
  const log: MailLog = { info: (m) => lines.push(m), warn: (m) => lines.push(m) };
  return { lines, log };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('mail', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
    // Fastify's logger fits the sender's log (compile-time check).
    const appLog: MailLog = t.app.log;
    expect(appLog).toBeDefined();
  });
  afterAll(() => t.close());

  const pending = () => t.db.select().from(outbox);
  const clearOutbox = () => t.db.delete(outbox);

  it('masks addresses for logs', () => {
    expect(maskEmail('claire.dupont@demo.alliances.local')).toBe('c***@demo.alliances.local');
    expect(maskEmail('pas-une-adresse')).toBe('***');
    const line = describeMail({
      to: 'claire.dupont@demo.alliances.local',
      subject: 'Invitation à rejoindre Alliances',
      body: 'Bonjour,\nouvrez http://localhost:3000/invitation/abc_DEF-123 pour commencer.\n',
    });
    expect(line).toContain('c***@demo.alliances.local');
    expect(line).toContain('Invitation à rejoindre Alliances');
    expect(line).toContain('http://localhost:3000/invitation/abc_DEF-123');
    expect(line).not.toContain('claire.dupont');
    expect(line).not.toContain('Bonjour');
  });

  it('queues a mail in the outbox and echoes it masked where asked', async () => {
    await clearOutbox();
    const lines: string[] = [];
    const id = await queueMail(
      t.db,
      { to: 'jean.martin@exemple.fr', subject: 'Sujet', body: 'Lien : https://alliances.example.org/x/1' },
      { log: (l) => lines.push(l) },
    );
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ recipient: 'jean.martin@exemple.fr', subject: 'Sujet', sentAt: null, error: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('https://alliances.example.org/x/1');
    expect(lines[0]).not.toContain('jean.martin');
  });

  it('sends pending mails through a nodemailer transport and records them as sent', async () => {
    await clearOutbox();
    await queueMail(t.db, { to: 'a@exemple.fr', subject: 'Un', body: 'Premier' });
    await queueMail(t.db, { to: 'b@exemple.fr', subject: 'Deux', body: 'Second' });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const result = await sendPendingMail(
      t.db,
      { sendMail: async (m) => sent.push(JSON.parse((await transport.sendMail(m)).message).to[0].address) },
      { from: 'Alliances <ne-pas-repondre@alliances.example.org>' },
    );
    expect(result).toMatchObject({ sent: 2, failed: 0 });
    expect(sent.sort()).toEqual(['a@exemple.fr', 'b@exemple.fr']);
    expect((await pending()).every((r) => r.sentAt instanceof Date && r.error === null)).toBe(true);
    // Nothing left to send.
    expect((await sendPendingMail(t.db, { sendMail: async () => {} }, { from: 'x@y.fr' })).sent).toBe(0);
  });

  it('delivers the outbox by SMTP when SMTP_URL is set, in the background, until stopped', async () => {
    await clearOutbox();
    const smtp = await fakeSmtpServer();
    const { lines, log } = memoryLog();
    await queueMail(t.db, { to: 'invitee@exemple.fr', subject: 'Invitation à rejoindre Alliances', body: 'Lien' });
    const stop = startMailSender(
      t.db,
      { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, publicUrl: 'https://alliances.example.org', production: false },
      log,
      { intervalMs: 50 },
    );
    try {
      await until(async () => (await pending()).every((r) => r.sentAt !== null));
      // Queued while the sender runs: picked up by a later pass.
      await queueMail(t.db, { to: 'second@exemple.fr', subject: 'Réinitialisation', body: 'Lien' });
      await until(async () => (await pending()).every((r) => r.sentAt !== null));
    } finally {
      await stop();
      await smtp.close();
    }
    expect(smtp.received.map((m) => m.rcpt[0])).toEqual(['invitee@exemple.fr', 'second@exemple.fr']);
    expect(smtp.received[0]?.data).toContain('From: Alliances <ne-pas-repondre@alliances.example.org>');
    expect(smtp.received[0]?.data).toMatch(/Subject: =\?UTF-8\?/);
    expect(lines.join('\n')).not.toMatch(/invitee|second@/);
  });

  it('records a delivery failure without logging the address, and retries it later', async () => {
    await clearOutbox();
    const port = await closedPort();
    const { lines, log } = memoryLog();
    await queueMail(t.db, { to: 'injoignable@exemple.fr', subject: 'Sujet', body: 'Corps' });
    const stop = startMailSender(
      t.db,
      { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: 'http://localhost', production: false },
      log,
      {
        intervalMs: 50,
      },
    );
    try {
      await until(async () => (await pending()).every((r) => r.error !== null));
    } finally {
      await stop();
    }
    const [row] = await pending();
    expect(row?.sentAt).toBeNull();
    expect(row?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(lines.some((l) => l.includes('not sent'))).toBe(true);
    expect(lines.join('\n')).not.toContain('injoignable');

    // A failed row waits for a retry pass, then goes out.
    const sent: string[] = [];
    const transport = { sendMail: async (m: { to: string }) => void sent.push(m.to) };
    expect((await sendPendingMail(t.db, transport, { from: 'x@y.fr' })).sent).toBe(0);
    expect((await sendPendingMail(t.db, transport, { from: 'x@y.fr', retryFailed: true })).sent).toBe(1);
    expect(sent).toEqual(['injoignable@exemple.fr']);
    const [after] = await pending();
    expect(after).toMatchObject({ error: null });
    expect(after?.sentAt).toBeInstanceOf(Date);
  });

  it('leaves the mails in the outbox without SMTP_URL, and warns of it in production', async () => {
    const dev = memoryLog();
    await startMailSender(
      t.db,
      { smtpUrl: undefined, publicUrl: 'http://localhost:3000', production: false },
      dev.log,
    )();
    expect(dev.lines).toEqual(['mail: no SMTP_URL, e-mails stay in the outbox']);
    const prod = memoryLog();
    const warnings: string[] = [];
    prod.log.warn = (m) => warnings.push(m);
    await startMailSender(
      t.db,
      { smtpUrl: undefined, publicUrl: 'https://a.example.org', production: true },
      prod.log,
    )();
    expect(warnings).toEqual([expect.stringContaining('NOT e-mailed')]);
  });
});
