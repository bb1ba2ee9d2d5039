import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredContracts } from '../src/http/route.js';
import { createTestApp } from './app.js';
import { type SignedIn, signedInAs } from './auth.js';
import { changedTables, fingerprint } from './fingerprint.js';
import { type HostileRequest, hostileRequestsFor, operationsOf } from './hostile/generate.js';

/**
 * Hostile input on every route of the OpenAPI document: ids that are not ids, injections, absurd numbers and dates,
 * malformed, oversized, deeply nested or mistyped bodies, prototype pollution, sent anonymously and as an admin (who
 * passes every access rule, so that the payloads reach validation and the handlers). Nothing may answer 5xx, leak an
 * internal message, or change the data.
 */

/** Traces of the server's insides: stack frames, source paths, driver and framework messages. */
const leaks = [
  /\bat [^\s()]+ \([^)]*:\d+:\d+\)/,
  /\\n\s+at |\n\s+at /,
  /node_modules|\/src\/|\.ts:\d+/,
  /FST_[A-Z_]+/,
  /\b(TypeError|ReferenceError|SyntaxError|RangeError|DrizzleQueryError|PGlite|Failed query)\b/,
  /\b(Body is not valid JSON|Unsupported Media Type|Unexpected token|Request body is too large)/i,
];

const textual = (type: string) => /json|text|csv|calendar|svg|xml/.test(type);

describe('hostile input on every route', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    admin = await signedInAs(t.db, 'admin');
  });
  afterAll(() => t.close());

  it('answers every hostile request without 5xx, internal detail or change to the data', async () => {
    const operations = operationsOf(t.app.swagger() as never);
    // The document holds every registered route: none escapes the generator.
    const documented = new Set(operations.map((o) => `${o.method} ${o.route}`));
    expect(registeredContracts.map((c) => `${c.method} ${c.path}`).filter((k) => !documented.has(k))).toEqual([]);

    const requests = operations.flatMap((op, n) => hostileRequestsFor(op, n));
    const before = await fingerprint(t.db);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    const send = async (r: HostileRequest, who: SignedIn | null) => {
      const res = await t.app.inject({
        method: r.method,
        url: r.url,
        headers: { ...who?.headers, ...(r.contentType ? { 'content-type': r.contentType } : {}) },
        ...(r.payload === undefined ? {} : { payload: r.payload }),
      });
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      const type = String(res.headers['content-type'] ?? '');
      const where = `${r.method} ${r.url.slice(0, 120)} [${r.label}] as ${who ? 'admin' : 'anonymous'}`;
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${where}: ${res.body.slice(0, 300)}`);
      else if (res.statusCode >= 400 && !type.startsWith('application/problem+json')) {
        failures.push(`${res.statusCode} not a problem document (${type}) ${where}`);
      }
      const leak = textual(type) ? leaks.find((re) => re.test(res.body)) : undefined;
      if (leak) failures.push(`leak ${leak} ${where}: ${res.body.slice(0, 300)}`);
    };
    const callers = [null, admin];
    for (let i = 0; i < requests.length; i += 8) {
      await Promise.all(requests.slice(i, i + 8).flatMap((r) => callers.map((who) => send(r, who))));
    }
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const sent = requests.length * callers.length;
    console.info(
      `hostile input: ${sent} requests on ${operations.length} operations in ${seconds.toFixed(1)} s (${((user + system) / 1e6).toFixed(1)} s of CPU); statuses`,
      JSON.stringify(statuses),
    );
    expect(failures.slice(0, 30)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(changedTables(before, await fingerprint(t.db))).toEqual([]);
  }, 180_000);

  it('names the field holding a NUL character, in the query or the body, before the database sees it', async () => {
    const inQuery = await t.app.inject({ method: 'GET', url: '/api/v1/communes?q=Av%00ignon' });
    expect(inQuery.statusCode).toBe(422);
    expect(inQuery.json().errors).toEqual([expect.objectContaining({ field: 'q', code: 'nulCharacter' })]);
    const inBody = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a\u0000@example.org', password: 'x' },
    });
    expect(inBody.statusCode).toBe(422);
    expect(inBody.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'nulCharacter' })]);
  });
});
