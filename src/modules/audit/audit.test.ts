// The audit log: what the hook records (and what it leaves out), the admin's list and file, and the table's refusal
// of any change outside the retention purge.
import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { hashPassword } from '../accounts/passwords.js';
import { users } from '../accounts/schema.js';
import { actorPeople, actors } from '../actors/schema.js';
import type { AuditPage } from './contract.js';
import { auditWritesSettled } from './hook.js';
import { purgeExpiredAuditEntries } from './retention.js';
import { auditEntries } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('audit log', () => {
  let t: TestApp;
  let admin: SignedIn;
  let animator: SignedIn;
  let member: SignedIn;
  let actorId: string;
  const call = callerOf(() => t.app);

  /** The entries written since `afterId`, oldest first, once the hook's inserts are done. */
  async function entriesAfter(afterId: number) {
    await auditWritesSettled();
    const rows = await t.db.select().from(auditEntries).orderBy(auditEntries.id);
    return rows.filter((r) => r.id > afterId);
  }
  async function lastId() {
    await auditWritesSettled();
    const [row] = await t.db.select({ id: auditEntries.id }).from(auditEntries).orderBy(desc(auditEntries.id)).limit(1);
    return row?.id ?? 0;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const [actor] = await t.db
      .insert(actors)
      .values({ family: 'association', name: 'Les Jardins du Luberon' })
      .returning();
    actorId = actor?.id ?? '';
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    member = await signedInAs(t.db, 'member', actorId);
  });
  afterAll(() => t.close());

  it('records one write with who, the route template, the target, the status and the address', async () => {
    const before = await lastId();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/actors/${actorId}?ignored=secret`,
      headers: animator.headers,
      remoteAddress: '203.0.113.7',
      payload: { family: 'association', name: 'Les Jardins du Luberon' },
    });
    expect(res.statusCode).toBe(200);
    const entries = await entriesAfter(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      userId: animator.user.id,
      role: 'animator',
      via: 'session',
      kind: 'write',
      action: 'PUT /api/v1/actors/:id',
      targetId: actorId,
      status: 200,
      ip: '203.0.113.7',
    });
  });

  it('records a failed write with its status, and an anonymous refused one', async () => {
    const before = await lastId();
    expect((await call(member, 'POST', '/api/v1/needs-offers', { kind: 'nothing' })).status).toBe(400);
    expect((await call(null, 'DELETE', `/api/v1/actors/${actorId}`)).status).toBe(401);
    const entries = await entriesAfter(before);
    expect(entries.map((e) => [e.kind, e.action, e.status, e.userId, e.role])).toEqual([
      ['write', 'POST /api/v1/needs-offers', 400, member.user.id, 'member'],
      ['write', 'DELETE /api/v1/actors/:id', 401, null, null],
    ]);
  });

  it('records sign-ins with the person who signed in, failures without anyone', async () => {
    const email = `signin-${randomUUID()}@test.local`;
    const [user] = await t.db
      .insert(users)
      .values({
        email,
        displayName: 'Camille Test',
        role: 'observer',
        passwordHash: await hashPassword('un mot de passe long'),
      })
      .returning();
    const before = await lastId();
    expect((await call(null, 'POST', '/api/v1/auth/login', { email, password: 'faux mot de passe' })).status).toBe(401);
    expect((await call(null, 'POST', '/api/v1/auth/login', { email, password: 'un mot de passe long' })).status).toBe(
      200,
    );
    expect((await call(animator, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    const entries = await entriesAfter(before);
    expect(entries.map((e) => [e.kind, e.action, e.status, e.userId, e.role])).toEqual([
      ['signIn', 'POST /api/v1/auth/login', 401, null, null],
      ['signIn', 'POST /api/v1/auth/login', 200, user?.id, 'observer'],
      ['signIn', 'POST /api/v1/auth/logout', 204, animator.user.id, 'animator'],
    ]);
    // The animator's session is closed: sign in again for the next tests.
    animator = await signedInAs(t.db, 'animator');
  });

  it('records staff reads of personal data only', async () => {
    const before = await lastId();
    expect((await call(animator, 'GET', `/api/v1/actors/${actorId}`)).status).toBe(200);
    expect((await call(member, 'GET', `/api/v1/actors/${actorId}`)).status).toBe(200);
    expect((await call(null, 'GET', `/api/v1/actors/${actorId}`)).status).toBe(200);
    // A read without personal data, even by staff, and a failed read are not recorded.
    expect((await call(animator, 'GET', '/api/v1/reference')).status).toBe(200);
    expect((await call(animator, 'GET', `/api/v1/actors/${randomUUID()}`)).status).toBe(404);
    const entries = await entriesAfter(before);
    expect(entries.map((e) => [e.kind, e.action, e.userId, e.targetId])).toEqual([
      ['personalRead', 'GET /api/v1/actors/:id', animator.user.id, actorId],
    ]);
  });

  it('does not record staff downloads of the directory: the file holds no person, e-mail nor phone', async () => {
    // Were people's contact details added to the directory's file, its routes would need `personalData: true`.
    await t.db
      .update(actors)
      .set({ email: 'contact@jardins-luberon.fr', phone: '0490000001' })
      .where(eq(actors.id, actorId));
    await t.db
      .insert(actorPeople)
      .values({ actorId, name: 'Dominique Luberon', email: 'dominique@jardins-luberon.fr', phone: '0690000002' });
    const before = await lastId();
    const file = await t.app.inject({ method: 'GET', url: '/api/v1/actors/export.csv', headers: animator.headers });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('Les Jardins du Luberon');
    for (const personal of ['Dominique', 'jardins-luberon.fr', '0490000001', '0690000002']) {
      expect(file.body).not.toContain(personal);
    }
    expect(await entriesAfter(before)).toEqual([]);
  });

  describe('the admin list and file', () => {
    const list = (query: string) => call(admin, 'GET', `/api/v1/audit/entries?${query}`);
    let ids: number[] = [];

    beforeAll(async () => {
      const rows = [
        { at: new Date('2026-03-09T22:30:00Z'), kind: 'write', action: 'POST /api/v1/projects', status: 201 },
        { at: new Date('2026-03-10T08:00:00Z'), kind: 'signIn', action: 'POST /api/v1/auth/login', status: 401 },
        { at: new Date('2026-03-10T22:59:00Z'), kind: 'write', action: 'DELETE /api/v1/projects/:id', status: 204 },
        { at: new Date('2026-03-10T23:00:00Z'), kind: 'personalRead', action: 'GET /api/v1/users', status: 200 },
      ] as const;
      const inserted = await t.db
        .insert(auditEntries)
        .values(rows.map((r) => ({ ...r, userId: member.user.id, role: 'member' as const, ip: '198.51.100.1' })))
        .returning({ id: auditEntries.id });
      ids = inserted.map((r) => r.id);
    });

    it('filters by person, kind, action, Paris days and errors', async () => {
      const mine = await list(`userId=${member.user.id}&from=2026-03-01&to=2026-03-31`);
      expect(mine.status).toBe(200);
      const page = mine.body as AuditPage;
      expect(page.items.map((e) => e.id)).toEqual([...ids].reverse());
      expect(page.items[0]).toMatchObject({ userName: 'Test member', role: 'member', ip: '198.51.100.1' });

      // 2026-03-10 in Paris (UTC+1) runs from 09/03 23:00 to 10/03 23:00 UTC.
      const day = (await list(`userId=${member.user.id}&from=2026-03-10&to=2026-03-10`)).body as AuditPage;
      expect(day.items.map((e) => e.id)).toEqual([ids[2], ids[1]]);
      const byKind = (await list(`userId=${member.user.id}&kind=write&from=2026-03-01&to=2026-03-31`))
        .body as AuditPage;
      expect(byKind.items.map((e) => e.id)).toEqual([ids[2], ids[0]]);
      const byAction = (await list(`userId=${member.user.id}&action=projects/:ID&from=2026-03-01&to=2026-03-31`))
        .body as AuditPage;
      expect(byAction.items.map((e) => e.id)).toEqual([ids[2]]);
      const errors = (await list(`userId=${member.user.id}&status=error&from=2026-03-01&to=2026-03-31`))
        .body as AuditPage;
      expect(errors.items.map((e) => e.id)).toEqual([ids[1]]);

      const backwards = await list('from=2026-03-10&to=2026-03-09');
      expect(backwards.status).toBe(400);
    });

    it('pages newest first with a cursor', async () => {
      const query = `userId=${member.user.id}&from=2026-03-01&to=2026-03-31&limit=3`;
      const first = (await list(query)).body as AuditPage;
      expect(first.items.map((e) => e.id)).toEqual([ids[3], ids[2], ids[1]]);
      expect(first.nextCursor).toBe(ids[1]);
      const second = (await list(`${query}&cursor=${first.nextCursor}`)).body as AuditPage;
      expect(second.items.map((e) => e.id)).toEqual([ids[0]]);
      expect(second.nextCursor).toBeNull();
    });

    it('exports the same entries as CSV', async () => {
      const res = await call(
        admin,
        'GET',
        `/api/v1/audit/entries/export.csv?userId=${member.user.id}&kind=write&to=2026-03-31`,
      );
      expect(res.status).toBe(200);
      expect(res.type).toContain('text/csv');
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Date;Personne;Rôle;Type;Action;Cible;Statut;Adresse IP;Authentification;Identifiant de la personne;Numéro',
      );
      expect(lines.slice(1)).toEqual([
        `10/03/2026 23:59;Test member;Membre d’une organisation;Écriture;DELETE /api/v1/projects/:id;;204;198.51.100.1;;${member.user.id};${ids[2]}`,
        `09/03/2026 23:30;Test member;Membre d’une organisation;Écriture;POST /api/v1/projects;;201;198.51.100.1;;${member.user.id};${ids[0]}`,
      ]);
    });

    it('is for admins only, and reading it is itself recorded', async () => {
      for (const who of [animator, member]) {
        expect((await call(who, 'GET', '/api/v1/audit/entries')).status).toBe(403);
        expect((await call(who, 'GET', '/api/v1/audit/entries/export.csv')).status).toBe(403);
      }
      const before = await lastId();
      expect((await list('kind=write')).status).toBe(200);
      const entries = await entriesAfter(before);
      expect(entries.map((e) => [e.kind, e.action, e.userId])).toEqual([
        ['personalRead', 'GET /api/v1/audit/entries', admin.user.id],
      ]);
    });
  });

  describe('the table itself', () => {
    it('refuses any update or deletion, and truncation', async () => {
      const [row] = await t.db
        .insert(auditEntries)
        .values({ kind: 'write', action: 'POST /api/v1/actors', status: 201, at: new Date('2020-01-01T00:00:00Z') })
        .returning();
      const id = row?.id ?? 0;
      await expect(t.db.update(auditEntries).set({ status: 500 }).where(eq(auditEntries.id, id))).rejects.toThrow();
      // Even an old entry is only deleted by the purge, which opens the table for its own transaction.
      await expect(t.db.delete(auditEntries).where(eq(auditEntries.id, id))).rejects.toThrow();
      await expect(t.db.execute(sql`truncate audit_entries`)).rejects.toThrow();
      const [still] = await t.db.select().from(auditEntries).where(eq(auditEntries.id, id));
      expect(still?.status).toBe(201);
    });

    it('purges only the entries over a year old', async () => {
      const now = new Date();
      const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
      const inserted = await t.db
        .insert(auditEntries)
        .values(
          [400, 367, 360, 1].map((n) => ({
            kind: 'write' as const,
            action: 'POST /api/v1/actors',
            status: 201,
            at: daysAgo(n),
          })),
        )
        .returning({ id: auditEntries.id });
      const before = await t.db.select({ id: auditEntries.id, at: auditEntries.at }).from(auditEntries);
      const expired = before.filter((r) => r.at < daysAgo(366)).length;
      expect(expired).toBeGreaterThanOrEqual(3); // the two above and the 2020 entry of the test before

      expect(await purgeExpiredAuditEntries(t.db, now)).toBe(expired);
      const left = new Set((await t.db.select({ id: auditEntries.id }).from(auditEntries)).map((r) => r.id));
      expect(inserted.map((r) => left.has(r.id))).toEqual([false, false, true, true]);
      expect(left.size).toBe(before.length - expired);
      // The purge's permission ended with its transaction.
      const [recent] = inserted.slice(-1);
      await expect(t.db.delete(auditEntries).where(eq(auditEntries.id, recent?.id ?? 0))).rejects.toThrow();
    });
  });
});
