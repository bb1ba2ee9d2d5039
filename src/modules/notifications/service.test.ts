import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { mailsTo, member, notificationsOf } from '../matching/testing.js';
import { notifyActorMembers, sendWeeklyDigests } from './service.js';

const url = 'https://alliances.example';
const day = 86_400_000;

describe('notifying an organisation’s members', () => {
  let database: Database;
  let actorId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const [row] = await database.db.insert(actors).values({ family: 'association', name: 'Le Petit Duc' }).returning();
    actorId = row?.id ?? '';
  });
  afterAll(() => database.close());

  const message = { kind: 'contactRequest' as const, title: 'Une demande', body: 'À vous de répondre.', link: '/x' };

  it('tells only its active members who consented, by e-mail at once for « instant »', async () => {
    const db = database.db;
    const instant = await member(db, actorId, 'instant');
    const weekly = await member(db, actorId, 'weekly');
    const off = await member(db, actorId, 'off');
    const silent = await member(db, actorId);
    const disabled = await member(db, actorId, 'instant');
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));

    expect(await notifyActorMembers(db, actorId, message, url)).toBe(2);
    expect((await notificationsOf(db, instant.user.id)).map((n) => n.mailedAt !== null)).toEqual([true]);
    expect((await notificationsOf(db, weekly.user.id)).map((n) => n.mailedAt)).toEqual([null]);
    for (const who of [off, silent, disabled]) expect(await notificationsOf(db, who.user.id)).toEqual([]);
    const [mail] = await mailsTo(db, instant.user.email);
    expect(mail?.subject).toBe('[Alliances] Une demande');
    expect(mail?.body).toContain(`${url}/x`);
    expect(mail?.body).toContain(`${url}/compte`);
    expect(await mailsTo(db, weekly.user.email)).toEqual([]);
  });

  it('tells all of them or none: a failing e-mail leaves no notification behind', async () => {
    const db = database.db;
    const [row] = await db.insert(actors).values({ family: 'association', name: 'Sans courrier' }).returning();
    const told = [await member(db, row?.id ?? '', 'instant'), await member(db, row?.id ?? '', 'instant')];
    await db.execute(sql`CREATE FUNCTION refuse_mail_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await db.execute(sql`CREATE TRIGGER refuse_mail_for_test BEFORE INSERT ON outbox
      FOR EACH ROW EXECUTE FUNCTION refuse_mail_for_test()`);
    try {
      await expect(notifyActorMembers(db, row?.id ?? '', message, url)).rejects.toThrow();
    } finally {
      await db.execute(sql`DROP TRIGGER refuse_mail_for_test ON outbox`);
    }
    for (const who of told) expect(await notificationsOf(db, who.user.id)).toEqual([]);
  });
});

describe('weekly digest', () => {
  let database: Database;
  let actorId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const [row] = await database.db.insert(actors).values({ family: 'company', name: 'Ateliers' }).returning();
    actorId = row?.id ?? '';
  });
  afterAll(() => database.close());

  const tell = (title: string) =>
    notifyActorMembers(database.db, actorId, { kind: 'mutualSuggestion', title, body: '', link: '/suggestions' }, url);

  it('sends one e-mail with the unmailed notifications, then not again within 7 days', async () => {
    const db = database.db;
    const weekly = await member(db, actorId, 'weekly');
    const instant = await member(db, actorId, 'instant');
    await tell('Première suggestion');
    await tell('Deuxième suggestion');
    const now = new Date();

    expect(await sendWeeklyDigests(db, url, now)).toBe(1);
    const mails = await mailsTo(db, weekly.user.email);
    expect(mails.map((m) => m.subject)).toEqual(['[Alliances] Vos notifications de la semaine (2)']);
    expect(mails[0]?.body).toContain('• Première suggestion');
    expect(mails[0]?.body).toContain('• Deuxième suggestion');
    expect(mails[0]?.body).toContain(`${url}/suggestions`);
    expect((await notificationsOf(db, weekly.user.id)).every((n) => n.mailedAt !== null)).toBe(true);
    // The instant user had its e-mails at once: no digest.
    expect((await mailsTo(db, instant.user.email)).map((m) => m.subject)).not.toContain(
      '[Alliances] Vos notifications de la semaine (2)',
    );

    await tell('Troisième suggestion');
    expect(await sendWeeklyDigests(db, url, now)).toBe(0);
    expect(await sendWeeklyDigests(db, url, new Date(now.getTime() + 6 * day))).toBe(0);
    expect(await mailsTo(db, weekly.user.email)).toHaveLength(1);

    expect(await sendWeeklyDigests(db, url, new Date(now.getTime() + 7 * day))).toBe(1);
    const next = await mailsTo(db, weekly.user.email);
    expect(next).toHaveLength(2);
    const latest = next.find((m) => m.subject.endsWith('(1)'));
    expect(latest?.body).toContain('Troisième suggestion');
    expect(latest?.body).not.toContain('Première suggestion');
  });

  it('sends nothing when nothing is left to tell', async () => {
    expect(await sendWeeklyDigests(database.db, url, new Date(Date.now() + 30 * day))).toBe(0);
  });
});
