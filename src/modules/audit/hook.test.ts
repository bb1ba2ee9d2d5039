// The audit hook without a database: a failed insert neither breaks the answer nor puts personal data in the logs;
// a client hanging up does not keep its write out of the log; targets are uuids only.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { auditWritesSettled, clientClosedStatus, registerAuditHook, targetOf } from './hook.js';

describe('audit hook', () => {
  it('answers normally when the entry cannot be written, and logs the failure without the entry', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ logger: { level: 'error', stream } });
    const failing = {
      insert: () => ({
        values: () =>
          Promise.reject(Object.assign(new Error('insert into audit_entries … 203.0.113.9'), { code: '57P01' })),
      }),
    } as unknown as Db;
    registerAuditHook(app, failing);
    app.post('/api/v1/things/:id', async () => ({ ok: true }));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/things/0b8a3c52-8f0e-4b1a-9f3e-2d7c1e6a5b40',
      remoteAddress: '203.0.113.9',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    await auditWritesSettled();
    await app.close();
    const failure = lines.find((l) => l.includes('audit entry not written'));
    expect(failure).toContain('57P01');
    expect(lines.join('')).not.toContain('203.0.113.9');
  });

  it('records a write whose client hangs up before the answer, once', async () => {
    const inserted: Record<string, unknown>[] = [];
    const recording = {
      insert: () => ({
        values: (entry: Record<string, unknown>) => {
          inserted.push(entry);
          return Promise.resolve();
        },
      }),
    } as unknown as Db;
    const app = Fastify();
    registerAuditHook(app, recording);
    let reached!: () => void;
    const handlerReached = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let answered!: () => void;
    const handlerAnswered = new Promise<void>((resolve) => {
      answered = resolve;
    });
    // A slow write: it answers only after its client has gone, as a long import would.
    app.post('/api/v1/slow/:id', async (request) => {
      reached();
      await once(request.raw.socket, 'close');
      setImmediate(answered);
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const id = '0b8a3c52-8f0e-4b1a-9f3e-2d7c1e6a5b40';
      const client = http.request({ host: '127.0.0.1', port, method: 'POST', path: `/api/v1/slow/${id}` });
      client.on('error', () => undefined); // the hang-up itself
      client.setHeader('content-type', 'application/json');
      client.end('{}');
      await handlerReached;
      client.destroy();
      await handlerAnswered;
      await sleep(50); // room for a second (wrong) entry once the handler has answered
      await auditWritesSettled();
      expect(inserted).toEqual([
        expect.objectContaining({
          kind: 'write',
          action: 'POST /api/v1/slow/:id',
          targetId: id,
          status: clientClosedStatus,
        }),
      ]);
    } finally {
      await app.close();
    }
  });

  it('takes the :id parameter, else the first uuid, never another value', () => {
    const id = '0B8A3C52-8F0E-4B1A-9F3E-2D7C1E6A5B40';
    const other = '7d1f0a2e-3b4c-4d5e-8f60-718293a4b5c6';
    expect(targetOf({ actorId: other, id })).toBe(id.toLowerCase());
    expect(targetOf({ step: 'contract', itemId: other })).toBe(other);
    expect(targetOf({ token: 'a-secret-token-of-an-invitation-link' })).toBeNull();
    expect(targetOf(undefined)).toBeNull();
  });
});
