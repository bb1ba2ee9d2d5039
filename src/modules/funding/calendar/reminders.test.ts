import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../../tests/auth.js';
import { createTestDatabase } from '../../../../tests/db.js';
import { runCli } from '../../../cli/commands.js';
import { loadConfig } from '../../../config.js';
import type { Database } from '../../../db/client.js';
import { outbox, users } from '../../accounts/schema.js';
import { notifications } from '../../notifications/schema.js';
import { fundingCalls } from '../calls/schema.js';
import { insertActor, insertApplicationWithReports, insertCall, insertProgramme } from './fixtures.js';
import { dueReminder, sendDeadlineReminders } from './reminders.js';
import { fundingReminders } from './schema.js';

const publicUrl = 'https://alliances.example.org';
/** 11:00 in Paris on that day of February 2018. */
const feb = (day: number) => new Date(`2018-02-${String(day).padStart(2, '0')}T10:00:00Z`);

describe('reminders of funding deadlines', () => {
  let database: Database;
  let db: Database['db'];
  const staffEmails: string[] = [];
  let disabledEmail = '';
  let memberEmail = '';
  const ids: Record<string, string> = {};

  const pass = (now: Date) => sendDeadlineReminders(db, { publicUrl, now });
  /** The reminders of a call or a report, as [due date, days before]. */
  const remindersOf = async (id: string) =>
    (await db.select().from(fundingReminders))
      .filter((r) => (r.callId ?? r.reportId) === id)
      .map((r) => [r.dueOn, r.daysBefore])
      .sort();
  const mailsTo = async (email: string) => db.select().from(outbox).where(eq(outbox.recipient, email));

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    for (const role of ['admin', 'animator'] as const) staffEmails.push((await signedInAs(db, role)).user.email);
    const disabled = await signedInAs(db, 'animator');
    disabledEmail = disabled.user.email;
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
    const funder = await insertActor(db, { family: 'publicAuthority', name: 'Région Sud' });
    memberEmail = (await signedInAs(db, 'member', funder)).user.email;
    await signedInAs(db, 'observer');

    // On 1 February: 14 days left, 9 days left (its 14-day moment passed: reminded now), 28 days left, closed.
    ids.in14 = await insertCall(db, funder, { title: 'Économie circulaire', closesOn: '2018-02-15' });
    ids.in9 = await insertCall(db, funder, { title: 'Territoire d’innovation', closesOn: '2018-02-10' });
    ids.in28 = await insertCall(db, funder, { title: 'Plus tard', closesOn: '2018-03-01' });
    ids.closed = await insertCall(db, funder, { title: 'Déjà clos', closesOn: '2018-01-30' });
    const { programmeId, territoryIds } = await insertProgramme(db, 'Envies d’Alliances', [
      { name: 'Pertuis', themeId: 'circular-economy', communeCodes: ['84089'] },
    ]);
    const application = await insertApplicationWithReports(
      db,
      { funderActorId: funder, programmeId, territoryId: territoryIds[0] ?? null, title: 'Dossier Pertuis 2018' },
      [
        { title: 'Rapport intermédiaire', dueOn: '2018-02-04' },
        { title: 'Rapport déjà envoyé', dueOn: '2018-02-04', submittedOn: '2018-01-20' },
        // Overdue since 2017 and never sent: late, listed as such, but past any reminder.
        { title: 'Rapport de 2017', dueOn: '2017-06-30' },
      ],
    );
    ids.application = application.applicationId;
    ids.overdueReport = application.reportIds[2] ?? '';
  });
  afterAll(() => database.close());

  it('picks the most recent reminder due, none before 14 days or after the day', () => {
    expect([15, 14, 9, 4, 3, 1, 0, -1].map(dueReminder)).toEqual([null, 14, 14, 14, 3, 3, 3, null]);
  });

  it('reminds every active admin and animator of the deadlines due, in the application and by e-mail', async () => {
    expect(await pass(feb(1))).toEqual({ reminders: 3, notified: 6 });
    const rows = await db.select().from(fundingReminders);
    expect(rows.map((r) => [r.kind, r.dueOn, r.daysBefore]).sort()).toEqual(
      [
        ['callCloses', '2018-02-10', 14],
        ['callCloses', '2018-02-15', 14],
        ['reportDue', '2018-02-04', 3],
      ].sort(),
    );
    const told = await db.select().from(notifications);
    expect(told).toHaveLength(6);
    expect(new Set(told.map((n) => n.kind))).toEqual(new Set(['fundingDeadline']));
    expect(told.map((n) => n.link).sort()).toEqual(
      [
        ...Array(2).fill(`/financements/appels/${ids.in14}`),
        ...Array(2).fill(`/financements/appels/${ids.in9}`),
        ...Array(2).fill(`/financements/dossiers/${ids.application}`),
      ].sort(),
    );
    const report = told.find((n) => n.link.includes('dossiers'));
    expect(report?.title).toBe('Rapport à rendre dans 3 jours\u202f: Dossier Pertuis 2018');
    expect(report?.body).toContain('«\u00a0Rapport intermédiaire\u00a0»');
    expect(report?.body).toContain('le 4 février 2018');
    expect(told.every((n) => n.mailedAt !== null)).toBe(true);

    for (const email of staffEmails) {
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(3);
      expect(mails.map((m) => m.subject)).toContain(
        '[Alliances] Clôture d’appel à projets dans 14 jours\u202f: Économie circulaire',
      );
      for (const m of mails) {
        expect(m.body).toContain(publicUrl);
        // No one's name nor address in what goes out.
        for (const other of [...staffEmails, disabledEmail, memberEmail]) expect(m.body).not.toContain(other);
        expect(m.body).not.toContain('Test ');
      }
    }
    expect(await mailsTo(disabledEmail)).toHaveLength(0);
    expect(await mailsTo(memberEmail)).toHaveLength(0);
  });

  it('never sends a reminder twice, however often the pass runs', async () => {
    expect(await pass(feb(1))).toEqual({ reminders: 0, notified: 0 });
    expect(await pass(feb(2))).toEqual({ reminders: 0, notified: 0 });
    expect(await db.$count(notifications)).toBe(6);
  });

  it('sends the 3-day reminder when its day comes, after the 14-day one', async () => {
    expect(await pass(feb(12))).toEqual({ reminders: 1, notified: 2 });
    expect(await remindersOf(ids.in14 ?? '')).toEqual([
      ['2018-02-15', 14],
      ['2018-02-15', 3],
    ]);
  });

  it('reminds a moved deadline again, once', async () => {
    await db
      .update(fundingCalls)
      .set({ closesOn: '2018-02-20' })
      .where(eq(fundingCalls.id, ids.in14 ?? ''));
    expect(await pass(feb(12))).toEqual({ reminders: 1, notified: 2 });
    expect(await pass(feb(13))).toEqual({ reminders: 0, notified: 0 });
    expect(await remindersOf(ids.in14 ?? '')).toEqual([
      ['2018-02-15', 14],
      ['2018-02-15', 3],
      ['2018-02-20', 14],
    ]);
  });

  it('runs from the CLI: npm run cli -- send-funding-reminders', async () => {
    const out: string[] = [];
    const config = { ...loadConfig({ NODE_ENV: 'test', PUBLIC_URL: publicUrl }), demoData: false };
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(['send-funding-reminders'], { config, db, io })).toBe(0);
    // Today is long after the deadlines of these tests: nothing is due.
    expect(out).toEqual(['0 rappel d’échéance envoyé à 0 destinataire.']);
  });

  it('leaves the submitted report and the deadlines still far or passed alone', async () => {
    const reminded = await db.select().from(fundingReminders);
    const targets = new Set(reminded.map((r) => r.callId ?? r.reportId));
    expect(targets.has(ids.in28 ?? '')).toBe(false);
    expect(targets.has(ids.closed ?? '')).toBe(false);
    expect(reminded.filter((r) => r.kind === 'reportDue')).toHaveLength(1);
  });

  it('never reminds a report long overdue, however many hours the pass runs', async () => {
    const notified = await db.$count(notifications);
    for (const hour of ['00', '06', '12', '18', '22']) {
      expect(await pass(new Date(`2018-02-14T${hour}:05:00Z`))).toEqual({ reminders: 0, notified: 0 });
    }
    expect(await remindersOf(ids.overdueReport ?? '')).toEqual([]);
    expect(await db.$count(notifications)).toBe(notified);
  });

  it('counts the days left from the day in Paris, not in UTC', async () => {
    const funder = await insertActor(db, { family: 'publicAuthority', name: 'Ville de Pertuis' });
    const id = await insertCall(db, funder, { title: 'Circuits courts', closesOn: '2019-04-04' });
    // 22:30 UTC on 31 March is 00:30 on 1 April in Paris (summer time): 3 days left, so the 3-day reminder (from
    // the UTC day it would be 4 days, and the 14-day one).
    expect(await pass(new Date('2019-03-31T22:30:00Z'))).toEqual({ reminders: 1, notified: 2 });
    expect(await remindersOf(id)).toEqual([['2019-04-04', 3]]);
    const [told] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/financements/appels/${id}`));
    expect(told?.title).toBe('Clôture d’appel à projets dans 3 jours\u202f: Circuits courts');
  });
});
