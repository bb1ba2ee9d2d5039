// The audit hook without a database: a failed insert neither breaks the answer nor puts personal data in the logs;
// targets are uuids only.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { auditWritesSettled, registerAuditHook, targetOf } from './hook.js';

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

  it('takes the :id parameter, else the first uuid, never another value', () => {
    const id = '0B8A3C52-8F0E-4B1A-9F3E-2D7C1E6A5B40';
    const other = '7d1f0a2e-3b4c-4d5e-8f60-718293a4b5c6';
    expect(targetOf({ actorId: other, id })).toBe(id.toLowerCase());
    expect(targetOf({ step: 'contract', itemId: other })).toBe(other);
    expect(targetOf({ token: 'a-secret-token-of-an-invitation-link' })).toBeNull();
    expect(targetOf(undefined)).toBeNull();
  });
});
