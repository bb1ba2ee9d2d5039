import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { sessionCookie } from '../../auth/session.js';
import { invitations, outbox, users } from './schema.js';
import { createUser } from './service.js';
import { insertActor, lastMailTo, login, sessionHeaders, tokenFromMail } from './testing.js';

const password = 'bienvenue dans le réseau';

describe('invitations', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: SignedIn;
  let animator: SignedIn;
  let actorId: string;

  const invite = (by: SignedIn, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: by.headers, payload });
  const accept = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    actorId = await insertActor(t.db, 'Théâtre de la Fontaine Obscure');
  });
  afterAll(() => t.close());

  it('invites a member of an organisation, who accepts, is signed in and can sign in again', async () => {
    const created = await invite(animator, { email: 'Nouvelle.Membre@Exemple.fr', role: 'member', actorId });
    expect(created.statusCode).toBe(201);
    const invitation = created.json();
    expect(invitation).toMatchObject({
      email: 'nouvelle.membre@exemple.fr',
      role: 'member',
      actorId,
      actorName: 'Théâtre de la Fontaine Obscure',
      acceptedAt: null,
    });
    const days = (Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(14, 1);

    const mail = await lastMailTo(t.db, 'nouvelle.membre@exemple.fr');
    expect(mail?.subject).toBe('Invitation à rejoindre Alliances');
    expect(mail?.body).toMatch(/http:\/\/localhost:3000\/invitation\/[A-Za-z0-9_-]{43}\n/);
    expect(mail?.body).toContain('Théâtre de la Fontaine Obscure');
    const token = await tokenFromMail(t.db, 'nouvelle.membre@exemple.fr', 'invitation');
    // Only the token's hash is stored.
    expect(await t.db.$count(invitations, eq(invitations.tokenHash, token))).toBe(0);

    const offer = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` });
    expect(offer.statusCode).toBe(200);
    expect(offer.json()).toEqual({
      email: 'nouvelle.membre@exemple.fr',
      role: 'member',
      actorName: 'Théâtre de la Fontaine Obscure',
      displayName: null,
    });

    const accepted = await accept({ token, displayName: ' Nina Nouvelle ', password });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({
      email: 'nouvelle.membre@exemple.fr',
      displayName: 'Nina Nouvelle',
      role: 'member',
      actorId,
      actorName: 'Théâtre de la Fontaine Obscure',
    });
    expect(accepted.cookies.find((c) => c.name === sessionCookie)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: sessionHeaders(accepted),
    });
    expect(session.json().user.email).toBe('nouvelle.membre@exemple.fr');

    // The link works once.
    const again = await accept({ token, displayName: 'Quelqu’un', password });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'token', code: 'tokenInvalid' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` })).statusCode).toBe(404);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: admin.headers });
    const listed = list.json().items.find((i: { id: string }) => i.id === invitation.id);
    expect(listed.acceptedAt).toEqual(expect.any(String));

    expect((await login(t.app, 'nouvelle.membre@exemple.fr', password)).statusCode).toBe(200);
  });

  it('lets an animator invite members and observers only; an admin invites any role', async () => {
    const asAdmin = await invite(animator, { email: 'futur-admin@exemple.fr', role: 'admin' });
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.headers['content-type']).toContain('application/problem+json');
    expect((await invite(animator, { email: 'futur-animateur@exemple.fr', role: 'animator' })).statusCode).toBe(403);
    expect(await t.db.$count(outbox, eq(outbox.recipient, 'futur-admin@exemple.fr'))).toBe(0);

    expect((await invite(animator, { email: 'observatrice@exemple.fr', role: 'observer' })).statusCode).toBe(201);
    const byAdmin = await invite(admin, { email: 'futur-admin@exemple.fr', role: 'admin' });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({ role: 'admin', actorId: null });
  });

  it("requires a member's organisation, an existing one", async () => {
    const none = await invite(admin, { email: 'sans-orga@exemple.fr', role: 'member' });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0]).toMatchObject({ field: 'actorId', code: 'memberNeedsActor' });
    const unknown = await invite(admin, {
      email: 'sans-orga@exemple.fr',
      role: 'member',
      actorId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'actorId', code: 'unknownActor' });
    // An organisation given for another role is not kept.
    const observer = await invite(admin, { email: 'obs-orga@exemple.fr', role: 'observer', actorId });
    expect(observer.json().actorId).toBeNull();
  });

  it('refuses to invite an address that already has an account (409)', async () => {
    await createUser(t.db, { email: 'deja@exemple.fr', displayName: 'Déjà Là', role: 'observer' });
    const res = await invite(admin, { email: 'DEJA@exemple.fr', role: 'observer' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ field: 'email', code: 'emailTaken' });
  });

  it('keeps only the newest link of an address working', async () => {
    await invite(admin, { email: 'deux-fois@exemple.fr', role: 'observer' });
    const first = await tokenFromMail(t.db, 'deux-fois@exemple.fr', 'invitation');
    await invite(admin, { email: 'deux-fois@exemple.fr', role: 'observer' });
    const second = await tokenFromMail(t.db, 'deux-fois@exemple.fr', 'invitation');
    expect(second).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${first}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${second}` })).statusCode).toBe(200);
  });

  it('refuses an expired invitation', async () => {
    const created = (await invite(admin, { email: 'en-retard@exemple.fr', role: 'observer' })).json();
    const token = await tokenFromMail(t.db, 'en-retard@exemple.fr', 'invitation');
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, created.id));
    const res = await accept({ token, displayName: 'En Retard', password });
    expect(res.statusCode).toBe(422);
    expect(await t.db.$count(users, eq(users.email, 'en-retard@exemple.fr'))).toBe(0);
  });

  it('checks the new password and changes nothing when the account cannot be created', async () => {
    const created = (await invite(admin, { email: 'course@exemple.fr', role: 'observer' })).json();
    const token = await tokenFromMail(t.db, 'course@exemple.fr', 'invitation');
    const short = await accept({ token, displayName: 'Course', password: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'password', code: 'passwordTooShort' });

    // The address got an account in the meantime: 409, and the invitation stays pending.
    await createUser(t.db, { email: 'course@exemple.fr', displayName: 'Plus Rapide', role: 'observer' });
    const taken = await accept({ token, displayName: 'Course', password });
    expect(taken.statusCode).toBe(409);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(row?.acceptedAt).toBeNull();
  });
});
