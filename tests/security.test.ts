// Issue 10's HTTP security proof: headers on every kind of answer, HSTS only over HTTPS, the session cookie's flags,
// CSRF, rate limits with Retry-After, and expired sessions. (The accounts tests cover the same rules in more cases.)
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { csrfHeader, sessionCookie } from '../src/auth/session.js';
import { type Config, loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { contentSecurityPolicy, downloadedHtmlPolicy } from '../src/http/security.js';
import { maxSignupsPerEmail, signupWindowMs } from '../src/modules/accounts/citizens.js';
import { sessions } from '../src/modules/accounts/schema.js';
import { createUser, loginWindowMinutes, maxFailuresPerEmail } from '../src/modules/accounts/service.js';
import { login } from '../src/modules/accounts/testing.js';
import { signedInAs } from './auth.js';
import { createTestDatabase } from './db.js';

const password = 'un mot de passe solide';
const webDist = path.resolve(import.meta.dirname, '../web/dist');

describe('HTTP security', () => {
  let database: Database;
  /** As in development: plain HTTP, no proxy trusted. */
  let plain: FastifyInstance;
  /** As in production behind one reverse proxy terminating HTTPS. */
  let proxied: FastifyInstance;
  const base: Config = { ...loadConfig({ NODE_ENV: 'test' }), demoData: false };

  const app = async (config: Config) => {
    const built = await buildApp({ db: database.db, databaseKind: database.kind, config });
    await built.ready();
    return built;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    plain = await app(base);
    proxied = await app({ ...base, trustProxy: 1, publicUrl: 'https://alliances.example.org/' });
  });
  afterAll(async () => {
    await plain.close();
    await proxied.close();
    await database.close();
  });

  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    expect(headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['permissions-policy']).toContain('camera=()');
  };

  it('sends the security headers and the CSP on API answers, errors, web pages and static files', async () => {
    const answers = [
      await plain.inject({ method: 'GET', url: '/api/health' }),
      await plain.inject({ method: 'GET', url: '/api/v1/users' }), // 401 problem document
      await plain.inject({ method: 'GET', url: '/api/v1/nulle-part' }), // 404
      await plain.inject({ method: 'GET', url: '/annuaire' }), // the web app's page (or 404 when it is not built)
    ];
    const assets = fs.existsSync(path.join(webDist, 'assets')) ? fs.readdirSync(path.join(webDist, 'assets')) : [];
    const script = assets.find((f) => f.endsWith('.js'));
    if (script) answers.push(await plain.inject({ method: 'GET', url: `/assets/${script}` }));
    expect(answers.map((a) => a.statusCode).slice(0, 3)).toEqual([200, 401, 404]);
    for (const answer of answers) {
      expectSecurityHeaders(answer.headers);
      expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ]) {
      expect(contentSecurityPolicy).toContain(directive);
    }
    // No inline script allowed: the built page must not need one.
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/);
    if (fs.existsSync(path.join(webDist, 'index.html'))) {
      expect(fs.readFileSync(path.join(webDist, 'index.html'), 'utf8')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('gives the downloaded HTML export a policy that loads and runs nothing, and the web app its own', async () => {
    const member = await signedInAs(database.db, 'observer');
    const html = await plain.inject({ method: 'GET', url: '/api/v1/me/personal-data.html', headers: member.headers });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-disposition']).toMatch(/^attachment/);
    expect(html.headers['content-security-policy']).toBe(downloadedHtmlPolicy);
    expect(downloadedHtmlPolicy).toContain("default-src 'none'");
    expectSecurityHeaders(html.headers);
    // The JSON export keeps the usual policy.
    const json = await plain.inject({ method: 'GET', url: '/api/v1/me/personal-data', headers: member.headers });
    expect(json.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('sends HSTS only over HTTPS as seen through a trusted proxy, never on a client’s say-so', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const trusted = await proxied.inject({ method: 'GET', url: '/api/health', headers: https });
    expect(trusted.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expectSecurityHeaders(trusted.headers);
    // The same header from a client when no proxy is trusted: plain HTTP, no HSTS.
    const spoofed = await plain.inject({ method: 'GET', url: '/api/health', headers: https });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const overHttp = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, and Secure when the site is on HTTPS', async () => {
    const email = 'cookie@exemple.fr';
    await createUser(database.db, { email, displayName: 'Camille Cookie', role: 'observer', password });
    for (const [instance, secure] of [
      [plain, false],
      [proxied, true],
    ] as const) {
      const res = await login(instance, email, password, '198.51.100.50');
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === sessionCookie);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(Boolean(cookie?.secure)).toBe(secure);
    }
  });

  it('asks the session’s CSRF token of cookie callers, refuses other origins, and not of Bearer tokens', async () => {
    const admin = await signedInAs(database.db, 'admin');
    const { [csrfHeader]: token, ...cookieOnly } = admin.headers;
    const create = (headers: Record<string, string>) =>
      plain.inject({ method: 'POST', url: '/api/v1/me/api-tokens', headers, payload: { name: 'script' } });
    expect((await create(cookieOnly)).statusCode).toBe(403);
    expect((await create({ ...cookieOnly, [csrfHeader]: 'pas-le-bon' })).statusCode).toBe(403);
    const crossOrigin = { ...admin.headers, host: 'alliances.example.org', origin: 'https://autre.example.com' };
    expect((await create(crossOrigin)).statusCode).toBe(403);
    const created = await create({ ...cookieOnly, [csrfHeader]: token ?? '' });
    expect(created.statusCode).toBe(201);
    const bearer = await create({ authorization: `Bearer ${created.json().token}` });
    expect(bearer.statusCode).toBe(201);
  });

  it('limits sign-in failures and citizen sign-ups with 429 and Retry-After', async () => {
    const email = 'insistant@exemple.fr';
    await createUser(database.db, { email, displayName: 'Insistant', role: 'observer', password });
    for (let i = 0; i < maxFailuresPerEmail; i++) {
      expect((await login(plain, email, 'mauvais mot de passe', '198.51.100.60')).statusCode).toBe(401);
    }
    const locked = await login(plain, email, password, '198.51.100.61');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(loginWindowMinutes * 60));

    const signUp = () =>
      plain.inject({
        method: 'POST',
        url: '/api/v1/auth/citizen-signups',
        remoteAddress: '203.0.113.70',
        payload: { email: 'citoyen@exemple.fr', displayName: 'Camille Roux', acceptsCodeOfConduct: true },
      });
    for (let i = 0; i < maxSignupsPerEmail; i++) expect((await signUp()).statusCode).toBe(202);
    const limited = await signUp();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe(String(signupWindowMs / 1000));
    expectSecurityHeaders(limited.headers);
  });

  it('treats an expired session as anonymous: its cookie is not honoured', async () => {
    const member = await signedInAs(database.db, 'observer');
    const tokens = () => plain.inject({ method: 'GET', url: '/api/v1/me/api-tokens', headers: member.headers });
    expect((await tokens()).statusCode).toBe(200);
    await database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.userId, member.user.id));
    expect((await tokens()).statusCode).toBe(401);
    const session = await plain.inject({ method: 'GET', url: '/api/v1/auth/session', headers: member.headers });
    expect(session.json()).toEqual({ user: null, csrfToken: null });
    const update = await plain.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: member.headers,
      payload: { communeCode: null },
    });
    expect(update.statusCode).toBe(401);
  });
});
