// Consents, the personal data download, retention, and personal data kept out of URLs and error messages.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { newToken } from '../../auth/tokens.js';
import { runCli } from '../../cli/commands.js';
import { loadConfig } from '../../config.js';
import { DomainError } from '../../errors.js';
import { registeredContracts } from '../../http/route.js';
import { apiTokens, invitations, outbox, sessions, users } from '../accounts/schema.js';
import { actorPeople, actors } from '../actors/schema.js';
import { contactLogs } from '../contacts/schema.js';
import { notifications } from '../notifications/schema.js';
import { personConsents, recordPersonConsent, setMyConsents } from './consent-views.js';
import { consentSourceMax } from './contract.js';
import { collectPersonalData, removedLink } from './export.js';
import { markPersonReviewed, retentionReport, runRetention } from './retention.js';
import { personalDataSources, publicColumns, userForeignKeys } from './sources.js';

async function kind(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.kind : String(error);
  }
}

const yearsAgo = (n: number) => new Date(Date.now() - n * 365.25 * 24 * 3600_000);

describe('privacy', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let member: SignedIn;
  let stranger: SignedIn;
  let animator: SignedIn;
  let actorId: string;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [actor] = await t.db.insert(actors).values({ family: 'association', name: 'Atelier Vélo' }).returning();
    actorId = actor?.id ?? '';
    member = await signedInAs(t.db, 'member', actorId);
    stranger = await signedInAs(t.db, 'member');
    animator = await signedInAs(t.db, 'animator');
    const [person] = await t.db
      .insert(actorPeople)
      .values({ actorId, name: 'Rose Tisserand', email: member.user.email, createdAt: yearsAgo(4) })
      .returning();
    personId = person?.id ?? '';
  });
  afterAll(() => t.close());

  describe('consents', () => {
    it('records each change of the account holder with its date, and not a repeated one', async () => {
      await setMyConsents(t.db, member.user, { contact: true, emails: false });
      const view = await setMyConsents(t.db, member.user, { contact: true });
      const contact = view.scopes.find((s) => s.scope === 'contact');
      expect(contact).toMatchObject({ granted: true });
      expect(contact?.history).toHaveLength(1);
      expect(contact?.history[0]?.recordedByName).toBe(member.user.displayName);
      // Withdrawing `emails` when never given adds nothing: the consent in force is already « no ».
      expect(view.scopes.find((s) => s.scope === 'emails')).toMatchObject({ granted: false, at: null, history: [] });
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/consents',
        headers: member.headers,
        payload: { contact: false },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().scopes[0]).toMatchObject({ scope: 'contact', granted: false });
      expect(res.json().scopes[0].history).toHaveLength(2);
    });

    it('lets staff and the organisation’s members record a person’s consent with its source, no one else', async () => {
      const body = { scope: 'emails', granted: true, source: 'entretien téléphonique du 3 mars' } as const;
      // Someone else's person answers like a missing one: the id's existence is not disclosed.
      expect(await kind(recordPersonConsent(t.db, stranger.user, personId, body))).toBe('notFound');
      expect(await kind(personConsents(t.db, stranger.user, personId))).toBe('notFound');
      expect(await kind(personConsents(t.db, stranger.user, crypto.randomUUID()))).toBe('notFound');
      const tooLong = { ...body, source: 'x'.repeat(consentSourceMax + 1) };
      expect(await kind(recordPersonConsent(t.db, member.user, personId, tooLong))).toBe('invalid');
      expect(await kind(recordPersonConsent(t.db, member.user, personId, { ...body, source: '' }))).toBe('invalid');
      const view = await recordPersonConsent(t.db, member.user, personId, body);
      expect(view.person).toMatchObject({ name: 'Rose Tisserand', actorName: 'Atelier Vélo' });
      expect(view.scopes.find((s) => s.scope === 'emails')?.history[0]).toMatchObject({
        granted: true,
        source: body.source,
      });
      expect((await personConsents(t.db, animator.user, personId)).scopes[1]?.granted).toBe(true);
    });
  });

  describe('personal data download', () => {
    it('lists in its sources every foreign key to users and every e-mail column of the schema', async () => {
      const listed = new Set(personalDataSources.map((s) => `${s.table}.${s.column}`));
      const missingKeys = (await userForeignKeys(t.db)).filter((ref) => !listed.has(ref));
      expect(missingKeys).toEqual([]);
      const emailColumns = (await publicColumns(t.db))
        .filter((c) => /email|recipient/.test(c.column) && !c.column.endsWith('_key'))
        .map((c) => `${c.table}.${c.column}`)
        // users.email is the account itself, exported whole; *_key columns are keyed hashes, not addresses.
        .filter((ref) => ref !== 'users.email');
      expect(emailColumns.filter((ref) => !listed.has(ref))).toEqual([]);
      // A source that no longer exists in the schema is a mistake too.
      const columns = new Set((await publicColumns(t.db)).map((c) => `${c.table}.${c.column}`));
      expect([...listed].filter((ref) => !columns.has(ref))).toEqual([]);
    });

    it('holds the account, its records and the rows with its address, without any secret', async () => {
      await t.db
        .insert(apiTokens)
        .values({ userId: member.user.id, name: 'script de synchro', tokenHash: 'secret-hash-1' });
      const resetLink = `https://alliances.exemple.org/reinitialiser/${newToken()}`;
      await t.db.insert(outbox).values({
        recipient: member.user.email.toUpperCase(),
        subject: 'Invitation',
        body: `Bonjour, pour choisir un mot de passe : ${resetLink}\nFiche : https://alliances.exemple.org/acteurs/${actorId}/donnees-personnelles`,
      });
      // What the member wrote or recorded about other people: only ids, dates and non-personal fields come out.
      await t.db.insert(contactLogs).values({
        actorId,
        kind: 'meeting',
        occurredAt: new Date(),
        subject: 'Atelier réparation avec Gaston Lagaffe',
        people: 'Gaston Lagaffe',
        notes: 'Joindre au 06 99 88 77 66',
        authorId: member.user.id,
      });
      await t.db.insert(invitations).values({
        tokenHash: 'invitation-hash-1',
        email: 'prunelle.tiers@exemple.org',
        displayName: 'Prunelle Tiers',
        role: 'member',
        invitedBy: member.user.id,
        expiresAt: new Date(Date.now() + 1e6),
      });
      const data = await collectPersonalData(t.db, member.user.id);
      expect(data.account).toMatchObject({ email: member.user.email, display_name: member.user.displayName });
      const rows = (table: string) => data.sections.filter((s) => s.table === table).flatMap((s) => s.rows);
      expect(rows('api_tokens')).toEqual([expect.objectContaining({ name: 'script de synchro' })]);
      expect(rows('sessions')).toHaveLength(1);
      expect(rows('outbox')).toEqual([expect.objectContaining({ subject: 'Invitation' })]);
      expect(rows('outbox')[0]?.body).toBe(
        `Bonjour, pour choisir un mot de passe : ${removedLink}\nFiche : https://alliances.exemple.org/acteurs/${actorId}/donnees-personnelles`,
      );
      expect(rows('contact_logs')).toEqual([expect.objectContaining({ kind: 'meeting', actor_id: actorId })]);
      expect(rows('invitations')).toEqual([expect.objectContaining({ role: 'member' })]);
      const recorded = data.sections.find((s) => s.column === 'recorded_by')?.rows ?? [];
      expect(recorded.some((r) => r.scope === 'emails' && r.granted === true)).toBe(true);
      for (const third of ['Gaston', '06 99 88', 'prunelle', 'Prunelle', 'entretien téléphonique', 'reinitialiser']) {
        expect(JSON.stringify(data)).not.toContain(third);
      }
      expect(rows('actor_people')).toEqual([expect.objectContaining({ name: 'Rose Tisserand' })]);
      expect(rows('consent_records').length).toBeGreaterThan(0);
      const text = JSON.stringify(data);
      expect(text).not.toMatch(/password_hash|token_hash|csrf_token|secret-hash-1/);
      const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, member.user.id));
      expect(text).not.toContain(session?.csrfToken);
    });

    it('answers a JSON attachment and an escaped, self-contained French HTML page', async () => {
      await t.db.update(users).set({ displayName: '<script>alert(1)</script>' }).where(eq(users.id, stranger.user.id));
      const json = await t.app.inject({ method: 'GET', url: '/api/v1/me/personal-data', headers: stranger.headers });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename="mes-donnees-alliances-.*\.json"/);
      expect(JSON.parse(json.body).account.display_name).toBe('<script>alert(1)</script>');
      const html = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me/personal-data.html',
        headers: stranger.headers,
      });
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toContain('<html lang="fr">');
      expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html.body).not.toContain('<script>');
      expect(html.body).not.toMatch(/(src|href)="http/);
    });
  });

  describe('retention', () => {
    it('flags people and accounts without activity for three years; « Conserver » restarts the period', async () => {
      const old = await signedInAs(t.db, 'observer');
      await t.db
        .update(users)
        .set({ createdAt: yearsAgo(5), lastLoginAt: yearsAgo(4) })
        .where(eq(users.id, old.user.id));
      const report = await retentionReport(t.db, animator.user);
      expect(report.accounts.map((a) => a.id)).toEqual([old.user.id]);
      // Rose was created four years ago, but a consent was recorded for her today: she is active.
      expect(report.people).toEqual([]);
      const [quiet] = await t.db
        .insert(actorPeople)
        .values({ actorId: stranger.user.actorId ?? actorId, name: 'Paul Dormant', createdAt: yearsAgo(4) })
        .returning();
      await t.db.delete(contactLogs).where(eq(contactLogs.actorId, actorId));
      const flagged = await retentionReport(t.db, animator.user);
      expect(flagged.people.map((p) => p.name)).toEqual(['Paul Dormant']);
      expect(await kind(retentionReport(t.db, member.user))).toBe('forbidden');
      await markPersonReviewed(t.db, animator.user, quiet?.id ?? '');
      expect((await retentionReport(t.db, animator.user)).people).toEqual([]);
    });

    it('purges expired sessions, old mails and read notifications, and counts what is due', async () => {
      await t.db
        .insert(sessions)
        .values({ tokenHash: 'expired', userId: member.user.id, csrfToken: 'c', expiresAt: yearsAgo(1) });
      const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600_000);
      await t.db.insert(outbox).values([
        { recipient: 'a@exemple.org', subject: 'vieux', body: '', sentAt: yearsAgo(2) },
        { recipient: 'b@exemple.org', subject: 'récent', body: '', sentAt: new Date() },
        { recipient: 'c@exemple.org', subject: 'jamais parti', body: '', createdAt: daysAgo(91) },
        { recipient: 'c@exemple.org', subject: 'en attente', body: '', createdAt: daysAgo(10) },
        { recipient: 'd@exemple.org', subject: 'abandonné', body: '', createdAt: yearsAgo(2), deadAt: yearsAgo(2) },
        { recipient: 'd@exemple.org', subject: 'en échec', body: '', createdAt: yearsAgo(2), deadAt: daysAgo(3) },
      ]);
      const userId = member.user.id;
      await t.db.insert(notifications).values([
        { userId, kind: 'contactRequest', title: 'lue il y a longtemps', readAt: yearsAgo(2) },
        { userId, kind: 'contactRequest', title: 'lue récemment', readAt: daysAgo(3) },
        { userId, kind: 'contactRequest', title: 'jamais lue', createdAt: yearsAgo(2) },
      ]);
      const run = await runRetention(t.db);
      expect(run).toMatchObject({
        sessions: 1,
        sentMails: 1,
        deadMails: 1,
        unsentMails: 1,
        readNotifications: 1,
        accountsToReview: 1,
        peopleToReview: 0,
      });
      const subjects = (await t.db.select({ s: outbox.subject }).from(outbox)).map((r) => r.s);
      expect(subjects).toEqual(expect.arrayContaining(['récent', 'en attente', 'en échec']));
      for (const gone of ['vieux', 'jamais parti', 'abandonné']) expect(subjects).not.toContain(gone);
      const titles = (await t.db.select({ s: notifications.title }).from(notifications)).map((r) => r.s);
      expect(titles).toEqual(expect.arrayContaining(['lue récemment', 'jamais lue']));
      expect(titles).not.toContain('lue il y a longtemps');
    });

    it('runs from the CLI (`retention`), printing counts only', async () => {
      const out: string[] = [];
      const code = await runCli(['retention'], {
        db: t.db,
        config: loadConfig({ NODE_ENV: 'test' }),
        io: { out: (l) => out.push(l), err: (l) => out.push(l) },
      });
      expect(code).toBe(0);
      expect(out[0]).toBe('À revoir (sans activité depuis 3 ans) : 0 personne, 1 compte.');
      expect(out[1]).toMatch(/^Supprimés : 0 session expirée, /);
      expect(out.join('\n')).not.toContain('@');
    });
  });

  describe('personal data out of URLs and error messages', () => {
    it('names no path or query parameter after an e-mail, a phone or a name', () => {
      const personal = /e-?mail|phone|name/i;
      /**
       * Known and not personal: a chart's name (one of a fixed list). An uploaded file's name travels in the query
       * of upload routes (the body is the file): it is the file's, not a person's, and the app logs route patterns
       * only (app.ts) — still, better to name files without people's names (docs/rgpd/registre.md).
       */
      const known = new Set([':name.svg :name', '?fileName']);
      const offending: string[] = [];
      for (const c of registeredContracts) {
        for (const param of c.path.match(/:[A-Za-z]+/g) ?? []) {
          if (personal.test(param) && !known.has(`${c.path.split('/').pop()} ${param}`)) {
            offending.push(`${c.method} ${c.path} ${param}`);
          }
        }
        const shape = (c.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
        for (const key of Object.keys(shape)) {
          if (personal.test(key) && !known.has(`?${key}`)) offending.push(`${c.method} ${c.path} ?${key}`);
        }
      }
      expect(registeredContracts.length).toBeGreaterThan(100);
      expect(offending).toEqual([]);
    });

    it('does not echo a submitted e-mail in a validation problem', async () => {
      const value = 'jeanne.secret@@exemple';
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset-requests',
        payload: { email: value },
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors?.[0]?.field).toBe('email');
      expect(res.body).not.toContain('jeanne.secret');
    });
  });
});
