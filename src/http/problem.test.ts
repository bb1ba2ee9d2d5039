import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/db.js';
import type { Database } from '../db/client.js';
import { eventRegistrations } from '../modules/events/schema.js';
import { problemErrorHandler } from './problem.js';

/** The answer the handler sends, caught by a reply that records it. */
function answerTo(error: unknown) {
  const sent: { status?: number; type?: string; body?: { title: string; status: number } } = {};
  const reply = {
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
  const request = { log: { error() {} } } as unknown as FastifyRequest;
  problemErrorHandler(error as FastifyError, request, reply);
  return sent;
}

describe('problem answers to database races', () => {
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

  it('keeps 500 for any other failure', () => {
    expect(answerTo(new Error('boom')).status).toBe(500);
  });
});
