import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { DomainError } from '../../errors.js';
import { users } from './schema.js';
import { createUser } from './service.js';
import { insertActor, login, sessionHeaders } from './testing.js';

describe('accounts: createUser and the users admin', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: SignedIn;
  let actorId: string;

  const patch = (id: string, payload: Record<string, unknown>, by = admin) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: by.headers, payload });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t.db, 'admin');
    actorId = await insertActor(t.db, 'Cap Solidaire');
  });
  afterAll(() => t.close());

  describe('createUser', () => {
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      return error as DomainError;
    };

    it('stores the e-mail lower-cased and refuses a second account for it, whatever its case', async () => {
      const id = await createUser(t.db, { email: ' Claire@Exemple.FR ', displayName: 'Claire', role: 'observer' });
      const [row] = await t.db.select().from(users).where(eq(users.id, id));
      expect(row).toMatchObject({ email: 'claire@exemple.fr', passwordHash: null, actorId: null });
      const taken = await failure(
        createUser(t.db, { email: 'CLAIRE@exemple.fr', displayName: 'Autre', role: 'observer' }),
      );
      expect(taken.kind).toBe('conflict');
      expect(taken.issues).toEqual([{ field: 'email', code: 'emailTaken' }]);
    });

    it('requires an organisation for a member and drops it for other roles', async () => {
      const none = await failure(createUser(t.db, { email: 'm@exemple.fr', displayName: 'Membre', role: 'member' }));
      expect(none.kind).toBe('invalid');
      expect(none.issues).toEqual([{ field: 'actorId', code: 'memberNeedsActor' }]);
      const member = await createUser(t.db, { email: 'm@exemple.fr', displayName: 'Membre', role: 'member', actorId });
      const observer = await createUser(t.db, { email: 'o@exemple.fr', displayName: 'Obs', role: 'observer', actorId });
      const rows = await t.db.select().from(users);
      expect(rows.find((r) => r.id === member)?.actorId).toBe(actorId);
      expect(rows.find((r) => r.id === observer)?.actorId).toBeNull();
    });

    it('checks e-mail, name and password, and hashes the password with argon2id', async () => {
      const bad = await failure(createUser(t.db, { email: 'pas-une-adresse', displayName: 'X', role: 'observer' }));
      expect(bad.issues.map((i) => i.code)).toEqual(['invalidEmail', 'tooShort']);
      const short = await failure(
        createUser(t.db, { email: 'p@exemple.fr', displayName: 'Paul', role: 'observer', password: 'court' }),
      );
      expect(short.issues).toEqual([{ field: 'password', code: 'passwordTooShort' }]);
      const id = await createUser(t.db, {
        email: 'p@exemple.fr',
        displayName: 'Paul',
        role: 'observer',
        password: 'assez long pour passer',
      });
      const [row] = await t.db.select().from(users).where(eq(users.id, id));
      expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    });
  });

  it('lists the accounts for an admin, with organisation names and ISO dates', async () => {
    await createUser(t.db, { email: 'liste@exemple.fr', displayName: 'Liste', role: 'member', actorId });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((u: { email: string }) => u.email === 'liste@exemple.fr');
    expect(item).toMatchObject({
      role: 'member',
      actorId,
      actorName: 'Cap Solidaire',
      disabled: false,
      lastLoginAt: null,
    });
    expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt);
    const animator = await signedInAs(t.db, 'animator');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: animator.headers })).statusCode).toBe(
      403,
    );
  });

  it("changes a role and keeps the organisation rule: members need one, others don't keep it", async () => {
    const id = await createUser(t.db, { email: 'evolue@exemple.fr', displayName: 'Évolue', role: 'observer' });
    const noActor = await patch(id, { role: 'member' });
    expect(noActor.statusCode).toBe(422);
    expect(noActor.json().errors[0]).toMatchObject({ field: 'actorId', code: 'memberNeedsActor' });

    const member = await patch(id, { role: 'member', actorId, displayName: ' Évolue Encore ' });
    expect(member.statusCode).toBe(200);
    expect(member.json()).toMatchObject({
      role: 'member',
      actorId,
      actorName: 'Cap Solidaire',
      displayName: 'Évolue Encore',
    });
    expect((await patch(id, { actorId: null })).statusCode).toBe(422);

    const animator = await patch(id, { role: 'animator' });
    expect(animator.json()).toMatchObject({ role: 'animator', actorId: null, actorName: null });
  });

  it('keeps an admin from removing their own admin role or disabling themselves', async () => {
    const demote = await patch(admin.user.id, { role: 'animator' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().errors[0]).toMatchObject({ field: 'role', code: 'ownAdminRole' });
    const disable = await patch(admin.user.id, { disabled: true });
    expect(disable.statusCode).toBe(422);
    expect(disable.json().errors[0]).toMatchObject({ field: 'disabled', code: 'ownAccountDisabled' });
    const rename = await patch(admin.user.id, { displayName: 'Admin Renommée', role: 'admin' });
    expect(rename.statusCode).toBe(200);
    expect(rename.json()).toMatchObject({ role: 'admin', disabled: false, displayName: 'Admin Renommée' });
  });

  it('lets an admin demote or disable another admin', async () => {
    const other = await signedInAs(t.db, 'admin');
    const res = await patch(other.user.id, { role: 'observer' });
    expect(res.json().role).toBe('observer');
    // The change holds at once for the open session.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: other.headers })).statusCode).toBe(403);
  });

  it('ends the sessions of a disabled account and stops its API tokens until it is enabled again', async () => {
    const email = 'suspendu@exemple.fr';
    const password = 'mot de passe du suspendu';
    const id = await createUser(t.db, { email, displayName: 'Suspendu', role: 'animator', password });
    const headers = sessionHeaders(await login(t.app, email, password));
    const { token } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/me/api-tokens', headers, payload: { name: 'script' } })
    ).json();
    const bearer = { authorization: `Bearer ${token}` };

    const disabled = await patch(id, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })).json().user).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: bearer })).statusCode).toBe(401);
    expect((await login(t.app, email, password)).statusCode).toBe(401);

    expect((await patch(id, { disabled: false })).json().disabled).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: bearer })).statusCode).toBe(200);
    // The session ended for good: enabling the account does not bring it back.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })).json().user).toBeNull();
  });

  it('answers 404 for an unknown account', async () => {
    const res = await patch('00000000-0000-4000-8000-000000000000', { role: 'observer' });
    expect(res.statusCode).toBe(404);
  });
});
