import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { passwordResets, sessions, users } from './schema.js';
import { createUser } from './service.js';
import { lastMailTo, login, sessionHeaders, tokenFromMail } from './testing.js';

const oldPassword = 'ancien mot de passe';
const newPassword = 'nouveau mot de passe';

describe('password reset', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;

  const requestReset = (email: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email } });
  const reset = (token: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { token, password } });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('mails a one-hour link, sets the new password once, and ends every session', async () => {
    const email = 'oublieuse@exemple.fr';
    const id = await createUser(t.db, {
      email,
      displayName: 'Olga Oublieuse',
      role: 'observer',
      password: oldPassword,
    });
    const session = sessionHeaders(await login(t.app, email, oldPassword));

    expect((await requestReset('Oublieuse@Exemple.fr')).statusCode).toBe(204);
    const first = await tokenFromMail(t.db, email, 'reinitialiser');
    expect((await requestReset(email)).statusCode).toBe(204);
    const mail = await lastMailTo(t.db, email);
    expect(mail?.subject).toBe('Réinitialisation de votre mot de passe Alliances');
    expect(mail?.body).toMatch(/http:\/\/localhost:3000\/reinitialiser\/[A-Za-z0-9_-]{43}\n/);
    const token = await tokenFromMail(t.db, email, 'reinitialiser');
    const [stored] = await t.db.select().from(passwordResets).where(eq(passwordResets.userId, id)).limit(1);
    expect(stored && (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000).toBeCloseTo(60, 0);

    expect((await reset(token, newPassword)).statusCode).toBe(204);
    expect((await login(t.app, email, oldPassword)).statusCode).toBe(401);
    expect((await login(t.app, email, newPassword)).statusCode).toBe(200);
    const old = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session });
    expect(old.json().user).toBeNull();

    // Single use, and the other pending link of the account is spent too.
    const again = await reset(token, 'encore un autre mot');
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'token', code: 'tokenInvalid' });
    expect((await reset(first, 'encore un autre mot')).statusCode).toBe(422);
    expect((await login(t.app, email, newPassword)).statusCode).toBe(200);
  });

  it('answers the same for an unknown address, and mails nothing', async () => {
    const res = await requestReset('personne@exemple.fr');
    expect(res.statusCode).toBe(204);
    expect(await lastMailTo(t.db, 'personne@exemple.fr')).toBeUndefined();
  });

  it('mails nothing to a disabled account', async () => {
    const email = 'desactive@exemple.fr';
    const id = await createUser(t.db, { email, displayName: 'Dé Sactivé', role: 'observer' });
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    expect((await requestReset(email)).statusCode).toBe(204);
    expect(await lastMailTo(t.db, email)).toBeUndefined();
  });

  it('refuses an expired link, an unknown one and a short password', async () => {
    const email = 'lente@exemple.fr';
    const id = await createUser(t.db, { email, displayName: 'Lena Lente', role: 'observer', password: oldPassword });
    await requestReset(email);
    const token = await tokenFromMail(t.db, email, 'reinitialiser');
    const short = await reset(token, 'court');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'password', code: 'passwordTooShort' });

    await t.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, id));
    expect((await reset(token, newPassword)).statusCode).toBe(422);
    expect((await reset('x'.repeat(43), newPassword)).statusCode).toBe(422);
    expect((await login(t.app, email, oldPassword)).statusCode).toBe(200);
    expect(await t.db.$count(sessions, eq(sessions.userId, id))).toBe(1);
  });
});
