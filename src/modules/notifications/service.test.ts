import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { mailsTo, member, notificationsOf } from '../matching/testing.js';
import { recordConsent } from '../privacy/consents.js';
import { updatePreferences } from './preferences.js';
import { notificationSettings, notifications } from './schema.js';
import { notify, notifyActorMembers, sendDigest, sendWeeklyDigests } from './service.js';

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

  it('e-mails nothing, at once or weekly, to whoever withdrew the consent to e-mails; the app still tells', async () => {
    const db = database.db;
    const [instant, weekly] = [await member(db, actorId, 'instant'), await member(db, actorId, 'weekly')];
    for (const who of [instant, weekly])
      await recordConsent(db, { userId: who.user.id }, 'emails', false, { recordedBy: who.user.id, source: 'test' });
    await notifyActorMembers(db, actorId, { kind: 'contactRequest', title: 'Retrait', body: '', link: '/x' }, url);
    await sendWeeklyDigests(db, url, new Date(Date.now() + 1000));
    for (const who of [instant, weekly]) {
      expect((await notificationsOf(db, who.user.id)).map((n) => n.title)).toEqual(['Retrait']);
      expect(await mailsTo(db, who.user.email)).toEqual([]);
    }
    // Consenting again (a choice made in the preferences) brings the e-mails back.
    await updatePreferences(db, instant.user, { contactRequest: 'instant' });
    await notifyActorMembers(db, actorId, { kind: 'contactRequest', title: 'Retour', body: '', link: '/x' }, url);
    expect((await mailsTo(db, instant.user.email)).map((m) => m.subject)).toEqual(['[Alliances] Retour']);
  });

  it('re-checks the week inside its transaction: an overlapping run finds the digest just sent', async () => {
    const db = database.db;
    const weekly = await member(db, actorId, 'weekly');
    const now = new Date(Date.now() + 1000);
    await notify(db, [weekly.user.id], { kind: 'contactRequest', title: 'Un', body: '', link: '/x' }, url);
    const target = { userId: weekly.user.id, email: weekly.user.email };
    expect(await sendDigest(db, target, url, now)).toBe(true);
    // A second run that picked this user before the first committed: a new notification is there, yet no digest.
    await notify(db, [weekly.user.id], { kind: 'contactRequest', title: 'Deux', body: '', link: '/x' }, url);
    expect(await sendDigest(db, target, url, now)).toBe(false);
    expect(await mailsTo(db, weekly.user.email)).toHaveLength(1);
  });

  it('looks only at recent notifications of weekly kinds: others are never rescanned', async () => {
    const db = database.db;
    const [changed, old] = [await member(db, actorId, 'weekly'), await member(db, actorId, 'weekly')];
    await notify(
      db,
      [changed.user.id, old.user.id],
      { kind: 'requestAccepted', title: 'Oui', body: '', link: '/' },
      url,
    );
    await updatePreferences(db, changed.user, { requestAccepted: 'instant' }); // no longer weekly
    await db
      .update(notifications)
      .set({ createdAt: new Date(Date.now() - 9 * day) })
      .where(eq(notifications.userId, old.user.id));
    await sendWeeklyDigests(db, url, new Date(Date.now() + 1000));
    for (const who of [changed, old]) {
      expect(await mailsTo(db, who.user.email)).toEqual([]);
      // Not even picked: no settings row was locked for them.
      const settings = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, who.user.id));
      expect(settings).toEqual([]);
    }
  });
});
