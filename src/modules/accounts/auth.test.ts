import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { signedInAs } from '../../../tests/auth.js';
import { csrfHeader, sessionCookie } from '../../auth/session.js';
import { loginFailures, sessions, users } from './schema.js';
import { createUser, loginEmailKey } from './service.js';
import { insertActor, login, sessionHeaders } from './testing.js';

const password = 'un mot de passe solide';

describe('sign-in, sessions and API tokens', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let n = 0;
  /** A fresh account with a password, so that each test has its own failure counters. */
  const account = async (role: 'admin' | 'animator' | 'observer' | 'member' = 'observer', actorId?: string) => {
    const email = `personne-${++n}@exemple.fr`;
    const id = await createUser(t.db, { email, displayName: `Personne ${n}`, role, actorId, password });
    return { id, email };
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in: an httpOnly SameSite=Lax session cookie, and the session route returns the user', async () => {
    const { id, email } = await account('animator');
    const res = await login(t.app, email.toUpperCase(), password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id, email, role: 'animator', actorId: null, actorName: null, locale: 'fr' });
    expect(body.csrfToken).toEqual(expect.any(String));

    const cookie = res.cookies.find((c) => c.name === sessionCookie);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 24 * 3600 });
    expect(cookie?.secure).toBeFalsy();
    expect(res.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(res.headers['set-cookie']).toMatch(/SameSite=Lax/);

    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `${sessionCookie}=${cookie?.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });

    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row?.lastLoginAt).toBeInstanceOf(Date);
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(cookie?.value);
  });

  it('answers anonymous callers of the session route with no user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(res.json()).toEqual({ user: null, csrfToken: null });
  });

  it("names a member's organisation in the session", async () => {
    const actorId = await insertActor(t.db, 'Charlie Free');
    const { email } = await account('member', actorId);
    const res = await login(t.app, email, password);
    expect(res.json().user).toMatchObject({ role: 'member', actorId, actorName: 'Charlie Free' });
  });

  it('refuses a wrong password or an unknown e-mail with the same 401 naming the password field', async () => {
    const { email } = await account();
    const wrong = await login(t.app, email, 'pas le bon mot de passe');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors[0]).toMatchObject({ field: 'password', code: 'badCredentials' });
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const unknown = await login(t.app, 'personne-inconnue@exemple.fr', 'pas le bon mot de passe');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('refuses a disabled account, even with its password', async () => {
    const { id, email } = await account();
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    const res = await login(t.app, email, password);
    expect(res.statusCode).toBe(401);
  });

  it('locks an e-mail after 5 failures in 15 minutes (429 even with the right password), then lets it in', async () => {
    const { email } = await account();
    for (let i = 0; i < 5; i++) expect((await login(t.app, email, 'mauvais essai')).statusCode).toBe(401);
    const locked = await login(t.app, email, password);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');

    // The failures are keyed by a hash: the table holds no address in clear.
    const rows = await t.db
      .select()
      .from(loginFailures)
      .where(eq(loginFailures.emailKey, loginEmailKey(email)));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => !r.emailKey.includes('@'))).toBe(true);

    // 15 minutes later the lock is gone; the success clears the e-mail's failures.
    await t.db
      .update(loginFailures)
      .set({ at: sql`now() - interval '16 minutes'` })
      .where(eq(loginFailures.emailKey, loginEmailKey(email)));
    expect((await login(t.app, email, password)).statusCode).toBe(200);
    expect(await t.db.$count(loginFailures, eq(loginFailures.emailKey, loginEmailKey(email)))).toBe(0);
  });

  it('forgets the failures of an e-mail after a success', async () => {
    const { email } = await account();
    for (let i = 0; i < 4; i++) await login(t.app, email, 'mauvais essai');
    expect((await login(t.app, email, password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(t.app, email, 'mauvais essai');
    expect((await login(t.app, email, password)).statusCode).toBe(200);
  });

  it('locks a client address after 30 failures in 15 minutes, whatever the e-mail', async () => {
    const { email } = await account();
    const ip = '203.0.113.9';
    await t.db
      .insert(loginFailures)
      .values(Array.from({ length: 30 }, (_, i) => ({ emailKey: loginEmailKey(`essai-${i}@exemple.fr`), ip })));
    expect((await login(t.app, email, password, ip)).statusCode).toBe(429);
    expect((await login(t.app, email, password, '203.0.113.10')).statusCode).toBe(200);
  });

  it('replaces the previous session on a new sign-in, and signs out', async () => {
    const { id, email } = await account();
    const first = sessionHeaders(await login(t.app, email, password));
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: first,
      payload: { email, password },
    });
    expect(second.statusCode).toBe(200);
    expect(await t.db.$count(sessions, eq(sessions.userId, id))).toBe(1);
    const headers = sessionHeaders(second);

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === sessionCookie);
    expect(cleared?.value).toBe('');
    expect(await t.db.$count(sessions, eq(sessions.userId, id))).toBe(0);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(after.json().user).toBeNull();
  });

  it('refuses an unsafe request carrying the session cookie without the CSRF token (403)', async () => {
    const admin = await signedInAs(t.db, 'admin');
    const { [csrfHeader]: _csrf, ...cookieOnly } = admin.headers;
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: cookieOnly,
      payload: { name: 'script' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...cookieOnly, [csrfHeader]: 'pas-le-bon-jeton' },
    });
    expect(wrong.statusCode).toBe(403);
    // The session survived the refused logout.
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: cookieOnly });
    expect(session.json().user.id).toBe(admin.user.id);
  });

  it('refuses a cross-origin unsafe request even with the CSRF token', async () => {
    const admin = await signedInAs(t.db, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: { ...admin.headers, host: 'alliances.example.org', origin: 'https://evil.example.com' },
      payload: { name: 'script' },
    });
    expect(res.statusCode).toBe(403);
  });

  it("authenticates a Bearer API token with its owner's role, until it is revoked", async () => {
    const admin = await signedInAs(t.db, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: admin.headers,
      payload: { name: ' Script d’import ' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, name, lastUsedAt } = created.json();
    expect(name).toBe('Script d’import');
    expect(lastUsedAt).toBeNull();
    expect(token).toMatch(/^alliances_[A-Za-z0-9_-]{40,}$/);

    const bearer = { authorization: `Bearer ${token}` };
    const asAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer });
    expect(asAdmin.statusCode).toBe(200);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer });
    expect(session.json()).toMatchObject({ user: { id: admin.user.id, role: 'admin' }, csrfToken: null });
    // No CSRF token is asked of a Bearer caller.
    const another = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: bearer,
      payload: { name: 'autre' },
    });
    expect(another.statusCode).toBe(201);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/api-tokens', headers: admin.headers });
    const items = list.json().items;
    expect(items.map((i: { name: string }) => i.name)).toEqual(['autre', 'Script d’import']);
    expect(items[1].lastUsedAt).toEqual(expect.any(String));
    expect(JSON.stringify(items)).not.toContain(token);

    // An observer's token carries the observer role: no users list.
    const observer = await signedInAs(t.db, 'observer');
    const observerToken = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/api-tokens',
        headers: observer.headers,
        payload: { name: 'lecture' },
      })
    ).json();
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${observerToken.token}` },
    });
    expect(refused.statusCode).toBe(403);

    // Only one's own tokens can be revoked.
    const notMine = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/api-tokens/${id}`,
      headers: observer.headers,
    });
    expect(notMine.statusCode).toBe(404);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/api-tokens/${id}`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer });
    expect(after.statusCode).toBe(401);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/api-tokens/${id}`, headers: admin.headers });
    expect(again.statusCode).toBe(404);
    const remaining = await t.app.inject({ method: 'GET', url: '/api/v1/me/api-tokens', headers: admin.headers });
    expect(remaining.json().items.map((i: { name: string }) => i.name)).toEqual(['autre']);
  });
});
