import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/db.js';
import type { Database } from '../db/client.js';
import { eventRegistrations } from '../modules/events/schema.js';
import { nulCharacterFields } from './contract.js';
import { problemErrorHandler, retryAfterSeconds } from './problem.js';

/** The answer the handler sends, caught by a reply that records it. */
function answerTo(error: unknown) {
  const sent: {
    status?: number;
    type?: string;
    headers: Record<string, string>;
    body?: { title: string; status: number; errors?: { field: string; code: string }[] };
    logged: unknown[];
  } = { headers: {}, logged: [] };
  const reply = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(type: string) {
      sent.type = type;
      return this;
    },
    send(body: { title: string; status: number }) {
      sent.body = body;
      return this;
    },
  } as unknown as FastifyReply;
  const log = (...args: unknown[]) => sent.logged.push(...args);
  const request = { log: { error: log, warn: log } } as unknown as FastifyRequest;
  problemErrorHandler(error as FastifyError, request, reply);
  return sent;
}

describe('problem answers to database races and refused values', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('answers 409 (reload and retry), not 500, when a referenced row is gone', async () => {
    const error = await database.db
      .insert(eventRegistrations)
      .values({ eventId: randomUUID(), userId: randomUUID(), status: 'registered' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    const sent = answerTo(error);
    expect(sent.status).toBe(409);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body?.title).toContain('rechargez la page');
  });

  it('answers 400 naming no internals when PostgreSQL rejects a value (data exception)', async () => {
    const error = await database.db.execute(sql`select ${'12abc'}::int`).then(
      () => null,
      (e: unknown) => e,
    );
    const sent = answerTo(error);
    expect(sent.status).toBe(400);
    expect(sent.body?.errors?.[0]?.code).toBe('valueRejected');
    expect(JSON.stringify(sent.body)).not.toMatch(/select|integer|12abc/i);
  });

  it('keeps 500 for any other failure', () => {
    expect(answerTo(new Error('boom')).status).toBe(500);
  });
});

/** A driver error as node-postgres builds them: a message and PostgreSQL's SQLSTATE or node's socket code. */
const driverError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
/** As Drizzle hands it over: its own error, the driver's as the cause. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause });

describe('problem answers when the database is out of reach', () => {
  const unreachable = {
    'connection refused': driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    'connection reset': driverError('read ECONNRESET', 'ECONNRESET'),
    'server shutting down (57P01)': driverError('terminating connection due to administrator command', '57P01'),
    'server starting (57P03)': driverError('the database system is starting up', '57P03'),
    'connection failure (08006)': driverError('connection failure', '08006'),
    'connection cut': driverError('Connection terminated unexpectedly'),
    'pool timeout': driverError('timeout exceeded when trying to connect'),
    'every address refused': Object.assign(new AggregateError([driverError('x', 'ECONNREFUSED')], ''), {}),
  };

  it.each(Object.entries(unreachable))('answers 503 with Retry-After: %s', (_name, error) => {
    const sent = answerTo(wrapped(error));
    expect(sent.status).toBe(503);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.headers['retry-after']).toBe(String(retryAfterSeconds));
    expect(sent.body?.title).toContain('momentanément indisponible');
    // Logged by its code only: the driver's message may name the host or the user.
    expect(JSON.stringify(sent.logged)).not.toMatch(/127\.0\.0\.1|terminating|Failed query/);
  });

  it('answers 503 when the embedded database is closed', () => {
    // PGlite's own error (its message is all it has); opening a real one to close it costs seconds.
    expect(answerTo(wrapped(new Error('PGlite is closed'))).status).toBe(503);
  });
});

describe('problem answers to everything else', () => {
  it('gives its own French title to the framework’s errors, never their message', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(answerTo(tooLarge).body).toEqual({ type: 'about:blank', title: 'Requête trop volumineuse', status: 413 });
  });

  it('answers 500 with a bare title, the error itself going to the log only', () => {
    const sent = answerTo(new Error('secret internals at /src/x.ts:1:1'));
    expect(sent.body).toEqual({ type: 'about:blank', title: 'Erreur interne', status: 500 });
    expect(sent.logged).toHaveLength(2);
  });
});

describe('text holding a NUL character', () => {
  it('is found in the query, params and body, files aside', () => {
    const query = Object.assign(Object.create(null) as object, { q: 'a\u0000b', page: '1' });
    const body = { title: 'ok', people: [{ name: '\u0000' }], file: Buffer.from([0]) };
    expect(nulCharacterFields({ params: { id: 'x' }, query, body }).sort()).toEqual(['body.people.0.name', 'query.q']);
  });
});
