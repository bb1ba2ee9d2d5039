import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { answerProposal } from '../dialogue/answers.js';
import { decide, reportContent } from '../dialogue/moderation/service.js';
import { insertDialogue } from '../dialogue/moderation/testing.js';
import { mailsTo, notificationsOf } from '../matching/testing.js';
import { consentInForce } from '../privacy/consents.js';
import { consentRecords } from '../privacy/schema.js';
import { tellContentHidden, tellProposalAnswered } from './dialogue.js';
import { getPreferences, updatePreferences } from './preferences.js';
import { notify, notifyStaff, sendWeeklyDigests } from './service.js';

const url = 'https://alliances.example';
const invitation = {
  kind: 'eventInvitation' as const,
  title: 'Invitation : atelier',
  body: 'Venez.',
  link: '/evenements/1',
};

describe('notification preferences', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('gives each role its kinds with their defaults', async () => {
    const citizen = await signedInAs(database.db, 'citizen');
    expect((await getPreferences(database.db, citizen.user)).items).toEqual([
      { kind: 'eventInvitation', choice: 'weekly', isDefault: true },
      { kind: 'proposalAnswered', choice: 'weekly', isDefault: true },
      { kind: 'contentHidden', choice: 'weekly', isDefault: true },
    ]);
    const animator = await signedInAs(database.db, 'animator');
    const staffKinds = (await getPreferences(database.db, animator.user)).items;
    expect(staffKinds[0]).toEqual({ kind: 'fundingDeadline', choice: 'instant', isDefault: true });
    const member = await signedInAs(database.db, 'member');
    const memberKinds = (await getPreferences(database.db, member.user)).items;
    expect(memberKinds.filter((p) => p.choice === 'off').map((p) => p.kind)).toEqual([
      'mutualSuggestion',
      'contactRequest',
      'requestAccepted',
      'requestDeclined',
    ]);
  });

  it('« off » tells nothing; « weekly » tells in the app now and in the digest; « instant » e-mails now', async () => {
    const db = database.db;
    const [off, weekly, instant] = [
      await signedInAs(db, 'citizen'),
      await signedInAs(db, 'citizen'),
      await signedInAs(db, 'member'),
    ];
    await updatePreferences(db, off.user, { eventInvitation: 'off' });
    await updatePreferences(db, instant.user, { eventInvitation: 'instant' });
    expect(await notify(db, [off.user.id, weekly.user.id, instant.user.id], invitation, url)).toBe(2);
    expect(await notificationsOf(db, off.user.id)).toEqual([]);
    expect((await notificationsOf(db, weekly.user.id)).map((n) => n.mailedAt)).toEqual([null]);
    expect(await mailsTo(db, weekly.user.email)).toEqual([]);
    expect((await mailsTo(db, instant.user.email)).map((m) => m.subject)).toEqual(['[Alliances] Invitation : atelier']);

    // Another weekly kind joins the digest; the instant one is not mailed twice.
    await tellProposalAnswered(
      db,
      { id: 'p1', title: 'Un jardin partagé', authorUserId: weekly.user.id },
      'accepted',
      url,
    );
    expect(await sendWeeklyDigests(db, url, new Date(Date.now() + 1000))).toBe(1);
    const [digest, ...others] = await mailsTo(db, weekly.user.email);
    expect(others).toEqual([]);
    expect(digest?.subject).toBe('[Alliances] Vos notifications de la semaine (2)');
    expect(digest?.body).toContain('• Invitation : atelier');
    expect(digest?.body).toContain('« Un jardin partagé » : proposition retenue');
    expect(digest?.body).toContain(`${url}/dialogue/propositions/p1`);
    expect(await mailsTo(db, off.user.email)).toEqual([]);
    expect(await mailsTo(db, instant.user.email)).toHaveLength(1);
  });

  it('tells no disabled or erased account, and the staff their deadlines at once by default', async () => {
    const db = database.db;
    const disabled = await signedInAs(db, 'citizen');
    const erased = await signedInAs(db, 'citizen');
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
    await db.update(users).set({ erasedAt: new Date() }).where(eq(users.id, erased.user.id));
    expect(await notify(db, [disabled.user.id, erased.user.id], invitation, url)).toBe(0);
    expect(await notificationsOf(db, erased.user.id)).toEqual([]);

    const animator = await signedInAs(db, 'animator');
    const quiet = await signedInAs(db, 'admin');
    await updatePreferences(db, quiet.user, { fundingDeadline: 'off' });
    const deadline = {
      kind: 'fundingDeadline' as const,
      title: 'Échéance dans 7 jours',
      body: '',
      link: '/financements',
    };
    await notifyStaff(db, deadline, url);
    expect((await mailsTo(db, animator.user.email)).map((m) => m.subject)).toEqual([
      '[Alliances] Échéance dans 7 jours',
    ]);
    expect(await notificationsOf(db, quiet.user.id)).toEqual([]);
  });

  it('tells the author the reported categories of their hidden content, never who reported', async () => {
    const db = database.db;
    const author = await signedInAs(db, 'citizen');
    await tellContentHidden(
      db,
      { target: 'comment', proposalId: 'p2', authorUserId: author.user.id },
      ['offTopic', 'spam', 'offTopic'],
      url,
    );
    const [told] = await notificationsOf(db, author.user.id);
    expect(told).toMatchObject({ kind: 'contentHidden', title: 'Votre commentaire a été masqué par la modération' });
    expect(told?.body).toContain('Motif signalé : hors sujet, publicité ou spam.');
  });

  it('tells the authors from the dialogue itself: an answer to a proposal, a comment hidden', async () => {
    const db = database.db;
    const [author, commenter, reporter, animator] = [
      await signedInAs(db, 'citizen'),
      await signedInAs(db, 'citizen'),
      await signedInAs(db, 'citizen'),
      await signedInAs(db, 'animator'),
    ];
    const d = await insertDialogue(db, { proposal: author.user.id, comment: commenter.user.id });
    await answerProposal(
      db,
      animator.user,
      d.proposalId,
      { outcome: 'studied', reason: 'Nous étudions la faisabilité.' },
      url,
    );
    const [answered] = await notificationsOf(db, author.user.id);
    expect(answered).toMatchObject({ kind: 'proposalAnswered', link: `/dialogue/propositions/${d.proposalId}` });
    expect(answered?.body).toContain('proposition à l’étude');

    await reportContent(db, reporter.user, { target: 'comment', id: d.commentId, reason: 'harassment' });
    await decide(db, animator.user, { target: 'comment', id: d.commentId, action: 'hide', reason: 'Attaque' }, url);
    const [hidden] = await notificationsOf(db, commenter.user.id);
    expect(hidden?.kind).toBe('contentHidden');
    expect(hidden?.body).toContain('attaque personnelle, harcèlement');
    expect(JSON.stringify(hidden)).not.toContain(reporter.user.displayName);
    expect(await notificationsOf(db, reporter.user.id)).toEqual([]);
  });

  it('records no consent when a member only turns the matchmaking news off', async () => {
    const db = database.db;
    const who = await signedInAs(db, 'member');
    await updatePreferences(db, who.user, { mutualSuggestion: 'off', contactRequest: 'off' });
    expect(await consentInForce(db, { userId: who.user.id }, 'emails')).toBeNull();
    await updatePreferences(db, who.user, { contactRequest: 'weekly' });
    expect((await consentInForce(db, { userId: who.user.id }, 'emails'))?.granted).toBe(true);
  });

  it('records the consent to e-mails when choices send some, and its withdrawal when all are off', async () => {
    const db = database.db;
    const who = await signedInAs(db, 'citizen');
    const subject = { userId: who.user.id };
    await updatePreferences(db, who.user, {}); // nothing chosen: the weekly defaults are no consent
    await updatePreferences(db, who.user, { eventInvitation: 'off' }); // others still weekly by default: no withdrawal
    expect(await consentInForce(db, subject, 'emails')).toBeNull();
    await updatePreferences(db, who.user, { eventInvitation: 'off', proposalAnswered: 'off', contentHidden: 'off' });
    expect(await consentInForce(db, subject, 'emails')).toBeNull(); // never given: nothing to withdraw
    await updatePreferences(db, who.user, { proposalAnswered: 'instant' });
    expect((await consentInForce(db, subject, 'emails'))?.granted).toBe(true);
    await updatePreferences(db, who.user, { proposalAnswered: 'weekly' }); // still e-mails: no new record
    await updatePreferences(db, who.user, { proposalAnswered: 'off' });
    const history = await db
      .select({ granted: consentRecords.granted, source: consentRecords.source, recordedBy: consentRecords.recordedBy })
      .from(consentRecords)
      .where(eq(consentRecords.userId, who.user.id))
      .orderBy(consentRecords.id);
    expect(history).toEqual([
      { granted: true, source: 'préférences de notification', recordedBy: who.user.id },
      { granted: false, source: 'préférences de notification', recordedBy: who.user.id },
    ]);
  });
});
