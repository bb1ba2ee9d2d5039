import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { outbox } from '../accounts/schema.js';
import { updatePreferences } from '../notifications/preferences.js';
import { notify } from '../notifications/service.js';
import type { DeadLettersPage } from './contract.js';
import {
  backoffMs,
  type MailLog,
  type MailTransport,
  maxAttempts,
  sendPendingMail,
  smtpTransport,
  startMailSender,
} from './sender.js';
import { describeMail, maskEmail, queueMail } from './service.js';
import { startTestSmtpServer } from './smtp-test-server.js';

const from = 'Alliances <ne-pas-repondre@alliances.example.org>';
const minute = 60_000;

function memoryLog() {
  const lines: string[] = [];
  const log: MailLog = { info: (m) => lines.push(m), warn: (m) => lines.push(m) };
  return { lines, log };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('mail', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let transport: MailTransport;
  let admin: SignedIn;
  let animator: SignedIn;
  const call = callerOf(() => t.app);
  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startTestSmtpServer();
    transport = smtpTransport(smtp.url) as MailTransport;
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    // Fastify's logger fits the sender's log (compile-time check).
    const appLog: MailLog = t.app.log;
    expect(appLog).toBeDefined();
  });
  afterAll(async () => {
    transport.close?.();
    await smtp.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.db.delete(outbox);
    smtp.received.length = 0;
  });

  const rows = () => t.db.select().from(outbox);
  const rowOf = async (id: string) => (await t.db.select().from(outbox).where(eq(outbox.id, id)))[0];
  const pass = (now = new Date()) => sendPendingMail(t.db, transport, { from, now });
  const deadLetters = async () => (await call(admin, 'GET', '/api/v1/admin/mail/dead-letters')).body as DeadLettersPage;

  /** The wait from a pass's start to the next attempt, to the second (the pass itself takes some milliseconds). */
  const waitAfter = (next: Date | undefined, start: Date) =>
    Math.floor(((next?.getTime() ?? 0) - start.getTime()) / 1000) * 1000;

  it('masks addresses for logs', () => {
    expect(maskEmail('claire.dupont@demo.alliances.local')).toBe('c***@demo.alliances.local');
    expect(maskEmail('pas-une-adresse')).toBe('***');
    const line = describeMail({
      to: 'claire.dupont@demo.alliances.local',
      subject: 'Invitation à rejoindre Alliances',
      body: 'Bonjour,\nouvrez http://localhost:3000/invitation/abc_DEF-123 pour commencer.\n',
    });
    expect(line).toContain('c***@demo.alliances.local');
    expect(line).toContain('http://localhost:3000/invitation/abc_DEF-123');
    expect(line).not.toContain('claire.dupont');
    expect(line).not.toContain('Bonjour');
  });

  it('queues a mail in the outbox, due now, and echoes it masked where asked', async () => {
    const lines: string[] = [];
    const id = await queueMail(
      t.db,
      { to: 'jean.martin@exemple.fr', subject: 'Sujet', body: 'Lien : https://alliances.example.org/x/1' },
      { log: (l) => lines.push(l) },
    );
    const row = await rowOf(id);
    expect(row).toMatchObject({ recipient: 'jean.martin@exemple.fr', sentAt: null, attempts: 0, deadAt: null });
    expect(row?.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('jean.martin');
  });

  it('e-mails an « instant » notification end to end through a real SMTP server, in UTF-8', async () => {
    const who = await signedInAs(t.db, 'citizen');
    await updatePreferences(t.db, who.user, { contentHidden: 'instant' });
    const message = {
      kind: 'contentHidden' as const,
      title: 'Votre commentaire a été masqué',
      body: 'Motif : « hors sujet ».',
      link: '/dialogue/propositions/1',
    };
    expect(await notify(t.db, [who.user.id], message, 'https://alliances.example.org')).toBe(1);
    expect(await pass()).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual([who.user.email]);
    expect(mail?.subject).toBe('[Alliances] Votre commentaire a été masqué');
    expect(mail?.text).toContain('Motif : « hors sujet ».');
    expect(mail?.text).toContain('https://alliances.example.org/dialogue/propositions/1');
    expect(mail?.headers).toContain('From: Alliances <ne-pas-repondre@alliances.example.org>');
    expect((await rows())[0]?.sentAt).toBeInstanceOf(Date);
    expect((await pass()).sent).toBe(0);
  });

  it('retries a temporary refusal later and later (back-off), then delivers it once', async () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([1, 4, 16, 64, 256, 360, 360].map((m) => m * minute));
    const id = await queueMail(t.db, { to: 'lent@exemple.fr', subject: 'Relance', body: 'Corps' });
    smtp.refuseNext(451, 451);
    const start = new Date();
    expect(await pass(start)).toMatchObject({ sent: 0, failed: 1, dead: 0 });
    const first = await rowOf(id);
    expect(first).toMatchObject({ attempts: 1, sentAt: null, deadAt: null });
    expect(first?.error).toContain('451');
    expect(waitAfter(first?.nextAttemptAt, start)).toBe(minute);
    // Not due yet: nothing tried.
    expect((await pass(new Date(start.getTime() + 30_000))).failed).toBe(0);

    const second = first?.nextAttemptAt ?? start;
    expect((await pass(second)).failed).toBe(1);
    const after = await rowOf(id);
    expect(after?.attempts).toBe(2);
    expect(waitAfter(after?.nextAttemptAt, second)).toBe(4 * minute);

    expect((await pass(after?.nextAttemptAt)).sent).toBe(1);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Relance']);
    expect(await rowOf(id)).toMatchObject({ attempts: 3, error: null });
  });

  it('gives up after the last attempt: a dead letter the admin sees, masked, and sends again', async () => {
    const id = await queueMail(t.db, { to: 'perdu@exemple.fr', subject: 'Compte rendu', body: 'Corps' });
    smtp.refuseNext(...Array(maxAttempts).fill(421));
    let now = new Date();
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      expect((await pass(now)).failed).toBe(1);
      now = (await rowOf(id))?.nextAttemptAt ?? now;
    }
    const dead = await rowOf(id);
    expect(dead?.attempts).toBe(maxAttempts);
    expect(dead?.deadAt).toBeInstanceOf(Date);
    expect((await pass(new Date(Date.now() + 30 * 24 * 3600_000))).failed).toBe(0);

    const page = await deadLetters();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id,
      recipient: 'p***@exemple.fr',
      subject: 'Compte rendu',
      attempts: maxAttempts,
    });
    expect(page.items[0]?.lastError).toContain('421');
    expect(JSON.stringify(page)).not.toContain('perdu@');

    expect((await call(animator, 'POST', `/api/v1/admin/mail/dead-letters/${id}/retry`)).status).toBe(403);
    expect((await call(admin, 'POST', `/api/v1/admin/mail/dead-letters/${id}/retry`)).status).toBe(204);
    expect((await deadLetters()).total).toBe(0);
    expect(await pass()).toMatchObject({ sent: 1 });
    expect(smtp.received.map((m) => m.to[0])).toEqual(['perdu@exemple.fr']);
    // Sent: no longer a dead letter to retry.
    expect((await call(admin, 'POST', `/api/v1/admin/mail/dead-letters/${id}/retry`)).status).toBe(404);
  });

  it('makes a permanent refusal (5xx) a dead letter at once, its error without the address', async () => {
    const id = await queueMail(t.db, { to: 'inconnu@exemple.fr', subject: 'Bienvenue', body: 'Corps' });
    smtp.refuseNext(550);
    expect(await pass()).toMatchObject({ failed: 1, dead: 1 });
    const row = await rowOf(id);
    expect(row?.attempts).toBe(1);
    expect(row?.deadAt).toBeInstanceOf(Date);
    expect(row?.error).toContain('550');
    expect(row?.error).not.toContain('inconnu@');
    expect(row?.error).toContain('i***@exemple.fr');
  });

  it('never sends one mail twice when two senders run at once', async () => {
    for (let i = 0; i < 6; i++) await queueMail(t.db, { to: `n${i}@exemple.fr`, subject: `N${i}`, body: 'x' });
    const sent: string[] = [];
    const slow: MailTransport = {
      sendMail: async (m) => {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.to);
      },
    };
    const results = await Promise.all([sendPendingMail(t.db, slow, { from }), sendPendingMail(t.db, slow, { from })]);
    expect(results[0].sent + results[1].sent).toBe(6);
    expect(sent.sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `n${i}@exemple.fr`));
  });

  it('claims one mail at a time, and counts the back-off from when the sending failed', async () => {
    const [a, b] = [
      await queueMail(t.db, { to: 'a@exemple.fr', subject: 'A', body: 'x' }),
      await queueMail(t.db, { to: 'b@exemple.fr', subject: 'B', body: 'x' }),
    ];
    const claimedWhileSending: number[] = [];
    const slowRefusal: MailTransport = {
      sendMail: async () => {
        claimedWhileSending.push((await rows()).filter((r) => r.attempts > 0).length);
        await new Promise((r) => setTimeout(r, 300));
        throw Object.assign(new Error('451 try later'), { responseCode: 451 });
      },
    };
    const start = new Date();
    expect(await sendPendingMail(t.db, slowRefusal, { from, now: start })).toMatchObject({ failed: 2 });
    // While A was being sent, B was not claimed yet (a long send cannot outlive B's claim).
    expect(claimedWhileSending).toEqual([1, 2]);
    const [rowA, rowB] = [await rowOf(a), await rowOf(b)];
    expect(rowA?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start.getTime() + 300 + minute);
    expect(rowB?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start.getTime() + 600 + minute);
  });

  it('delivers the outbox by SMTP in the background when SMTP_URL is set, logging no address', async () => {
    const { lines, log } = memoryLog();
    await queueMail(t.db, { to: 'invitee@exemple.fr', subject: 'Invitation à rejoindre Alliances', body: 'Lien' });
    smtp.refuseNext(451);
    const stop = startMailSender(
      t.db,
      { smtpUrl: smtp.url, publicUrl: 'https://alliances.example.org', production: false },
      log,
      { intervalMs: 20 },
    );
    try {
      await until(async () => (await rows()).every((r) => r.error !== null));
      // Due again at once (as the back-off would make it later), then sent by a later pass.
      await t.db.update(outbox).set({ nextAttemptAt: new Date(0) });
      await until(async () => (await rows()).every((r) => r.sentAt !== null));
    } finally {
      await stop();
    }
    expect(smtp.received.map((m) => m.subject)).toEqual(['Invitation à rejoindre Alliances']);
    expect(smtp.received[0]?.headers).toContain('From: Alliances <ne-pas-repondre@alliances.example.org>');
    expect(lines.some((l) => l.includes('not sent'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/invitee/);
  });

  it('leaves the mails in the outbox without SMTP_URL, and warns of it in production', async () => {
    const dev = memoryLog();
    await startMailSender(
      t.db,
      { smtpUrl: undefined, publicUrl: 'http://localhost:3000', production: false },
      dev.log,
    )();
    expect(dev.lines).toEqual(['mail: no SMTP_URL, e-mails stay in the outbox']);
    const warnings: string[] = [];
    const prod: MailLog = { info: () => {}, warn: (m) => warnings.push(m) };
    await startMailSender(t.db, { smtpUrl: undefined, publicUrl: 'https://a.example.org', production: true }, prod)();
    expect(warnings).toEqual([expect.stringContaining('NOT e-mailed')]);
  });
});
