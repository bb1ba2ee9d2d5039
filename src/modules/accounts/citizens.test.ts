import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import { maxSignupsPerEmail, maxSignupsPerIp } from './citizens.js';
import { invitations, outbox, users } from './schema.js';
import { lastMailTo, sessionHeaders, tokenFromMail } from './testing.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('citizen self sign-up', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  const signups = '/api/v1/auth/citizen-signups';
  const signUp = (payload: object, ip = '203.0.113.10') =>
    t.app.inject({ method: 'POST', url: signups, payload, remoteAddress: ip });
  const valid = (email: string) => ({
    email,
    displayName: 'Camille Roux',
    communeCode: '84089',
    acceptsCodeOfConduct: true,
  });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('mails an invitation whose acceptance creates a citizen with the commune and the code of conduct date', async () => {
    const res = await signUp(valid('Camille.Roux@exemple.fr'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    const mail = await lastMailTo(t.db, 'camille.roux@exemple.fr');
    expect(mail?.subject).toBe('Votre inscription au dialogue territorial Alliances');
    const token = await tokenFromMail(t.db, 'camille.roux@exemple.fr', 'invitation');

    const offer = await call(null, 'GET', `/api/v1/invitations/by-token/${token}`);
    expect(offer.body).toEqual({
      email: 'camille.roux@exemple.fr',
      role: 'citizen',
      actorName: null,
      displayName: 'Camille Roux',
    });

    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, displayName: 'Camille R.', password: 'une phrase de passe longue' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({
      role: 'citizen',
      actorId: null,
      displayName: 'Camille R.',
      communeCode: '84089',
      communeName: 'Pertuis',
    });
    const [user] = await t.db.select().from(users).where(eq(users.email, 'camille.roux@exemple.fr'));
    expect(user?.codeOfConductAcceptedAt).toBeInstanceOf(Date);

    // The account page: the citizen changes then clears the commune.
    const me = { user: { id: user?.id ?? '' }, headers: sessionHeaders(accepted) };
    const changed = await call(me as never, 'PATCH', '/api/v1/me', { communeCode: '13117' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ communeCode: '13117', communeName: 'Vitrolles' });
    const unknown = await call(me as never, 'PATCH', '/api/v1/me', { communeCode: '99999' });
    expect(unknown.status).toBe(422);
    expect(fieldsOf(unknown.body)).toEqual([['communeCode', 'unknownCommune']]);
    const cleared = await call(me as never, 'PATCH', '/api/v1/me', { communeCode: null });
    expect(cleared.body).toMatchObject({ communeCode: null, communeName: null });
  });

  it('answers the same for an address that has an account, and mails it a note instead', async () => {
    const existing = await signedInAs(t.db, 'member');
    const before = await t.db.$count(invitations);
    const res = await signUp(valid(existing.user.email.toUpperCase()));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    expect(await t.db.$count(invitations)).toBe(before);
    const mail = await lastMailTo(t.db, existing.user.email);
    expect(mail?.subject).toBe('Vous avez déjà un compte Alliances');
    expect(mail?.body).toContain('/mot-de-passe-oublie');
  });

  it('requires the code of conduct, a known commune and a name, naming the fields', async () => {
    const noCharter = await signUp({ email: 'a@exemple.fr', displayName: 'Alex' });
    expect(noCharter.statusCode).toBe(400);
    expect(fieldsOf(noCharter.json())).toEqual([['acceptsCodeOfConduct', 'codeOfConductRequired']]);
    const refused = await signUp({ ...valid('a@exemple.fr'), acceptsCodeOfConduct: false });
    expect(fieldsOf(refused.json())).toEqual([['acceptsCodeOfConduct', 'codeOfConductRequired']]);
    const bad = await signUp({ ...valid('pas-un-email'), displayName: 'A', communeCode: '12' });
    expect(fieldsOf(bad.json())).toEqual([
      ['email', 'invalidEmail'],
      ['displayName', 'tooShort'],
      ['communeCode', 'unknownCommune'],
    ]);
    const unknown = await signUp({ ...valid('a@exemple.fr'), communeCode: '99999' });
    expect(unknown.statusCode).toBe(422);
    expect(fieldsOf(unknown.json())).toEqual([['communeCode', 'unknownCommune']]);
    // Without a commune is fine.
    expect((await signUp({ ...valid('sans-commune@exemple.fr'), communeCode: null })).statusCode).toBe(202);
  });

  it('limits the requests per address and per client', async () => {
    const email = 'insistant@exemple.fr';
    for (let i = 0; i < maxSignupsPerEmail; i++)
      expect((await signUp(valid(email), '203.0.113.20')).statusCode).toBe(202);
    const limited = await signUp(valid(email), '203.0.113.21');
    expect(limited.statusCode).toBe(429);
    expect(fieldsOf(limited.json())).toEqual([['email', 'tooManySignups']]);
    // Only the newest link works: the earlier self sign-ups were replaced.
    const pending = await t.db
      .select()
      .from(invitations)
      .where(sql`${invitations.email} = ${email} and ${invitations.expiresAt} > now()`);
    expect(pending).toHaveLength(1);

    for (let i = 0; i < maxSignupsPerIp; i++) await signUp(valid(`voisin${i}@exemple.fr`), '203.0.113.30');
    const sent = await t.db.$count(outbox);
    const fromOneClient = await signUp(valid('voisin-de-trop@exemple.fr'), '203.0.113.30');
    expect(fromOneClient.statusCode).toBe(429);
    expect(await t.db.$count(outbox)).toBe(sent);
  });
});
