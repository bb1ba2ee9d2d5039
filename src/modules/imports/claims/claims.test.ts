import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { hashToken } from '../../../auth/tokens.js';
import { outbox, users } from '../../accounts/schema.js';
import { createUser } from '../../accounts/service.js';
import { insertActor, lastMailTo, sessionHeaders, tokenFromMail } from '../../accounts/testing.js';
import { actorHistory } from '../../actors/schema.js';
import { actorRegisterRecords } from '../schema.js';
import { maxClaimsPerActorPerHour, maxClaimsPerAddressPerHour, maxClaimsPerIpPerHour } from './contract.js';
import { actorClaims } from './schema.js';
import { importAssociation } from './testing.js';

const password = 'notre fiche, notre réseau';

describe('claiming an imported actor', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let animator: SignedIn;
  let n = 0;
  let ipNo = 0;
  /** Each test its own client address, so that the per-address limit does not carry over. */
  const newIp = () => `203.0.113.${++ipNo}`;

  const imported = (website: string | null, name?: string) =>
    importAssociation(t.db, ++n, website, name ? { name } : {});
  const status = async (actorId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/actors/${actorId}/claim` })).json();
  const request = (actorId: string, email: string, ip = newIp()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/actors/${actorId}/claims`,
      payload: { email },
      remoteAddress: ip,
    });
  const accept = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/claims/accept', payload });
  const claimToken = async (email: string) => {
    const token = (await lastMailTo(t.db, email))?.body.match(/\/revendiquer\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`no claim link mailed to ${email}`);
    return token;
  };
  const claimedAt = async (actorId: string) =>
    (
      await t.db
        .select({ claimedAt: actorRegisterRecords.claimedAt })
        .from(actorRegisterRecords)
        .where(eq(actorRegisterRecords.actorId, actorId))
    ).map((r) => r.claimedAt);
  const claimHistory = (actorId: string) =>
    t.db.$count(actorHistory, and(eq(actorHistory.actorId, actorId), eq(actorHistory.action, 'claim')));
  /** What a failed request must leave untouched. */
  const footprint = async () => ({
    claims: await t.db.$count(actorClaims),
    mails: await t.db.$count(outbox),
    users: await t.db.$count(users),
    claimed: await t.db.$count(actorRegisterRecords, sql`${actorRegisterRecords.claimedAt} IS NOT NULL`),
  });

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
  });
  afterAll(() => t.close());

  it('tells whether an actor was pre-filled from a register and is unclaimed', async () => {
    const actorId = await imported('https://www.theatre-aix.fr/accueil');
    const s = await status(actorId);
    expect(s).toMatchObject({
      imported: true,
      sources: ['rna'],
      claimed: false,
      claimedAt: null,
      expectedDomain: 'theatre-aix.fr',
      websiteIssue: null,
    });
    expect(Date.now() - Date.parse(s.importedAt)).toBeLessThan(60_000);

    const typedIn = await insertActor(t.db, 'Saisie à la main');
    expect(await status(typedIn)).toMatchObject({ imported: false, sources: [], claimed: false, importedAt: null });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/actors/00000000-0000-4000-8000-000000000000/claim',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('e-mails a single-use link to an address of the website’s domain; the link creates a member and claims the actor', async () => {
    const actorId = await imported('https://www.compagnie-du-cours.fr', 'Compagnie du Cours');
    const email = 'direction@mail.compagnie-du-cours.fr';
    const res = await request(actorId, 'Direction@Mail.Compagnie-du-Cours.fr');
    expect(res.statusCode).toBe(202);

    const mail = await lastMailTo(t.db, email);
    expect(mail?.subject).toBe('Revendiquer la fiche de Compagnie du Cours sur Alliances');
    expect(mail?.body).toMatch(/http:\/\/localhost:3000\/revendiquer\/[A-Za-z0-9_-]{43}\n/);
    expect(mail?.body).toContain('48 heures');
    const token = await claimToken(email);
    // Only the token's hash is stored; the link expires in 48 hours.
    const [row] = await t.db.select().from(actorClaims).where(eq(actorClaims.actorId, actorId));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)) / 3600_000).toBeCloseTo(48, 1);

    const offer = await t.app.inject({ method: 'GET', url: `/api/v1/claims/by-token/${token}` });
    expect(offer.statusCode).toBe(200);
    expect(offer.json()).toEqual({ email, actorId, actorName: 'Compagnie du Cours' });

    const accepted = await accept({ token, displayName: ' Dominique Direction ', password });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({
      email,
      displayName: 'Dominique Direction',
      role: 'member',
      actorId,
      actorName: 'Compagnie du Cours',
    });
    // Signed in: the new member edits its organisation.
    const headers = sessionHeaders(accepted);
    const actor = await t.app.inject({ method: 'GET', url: `/api/v1/actors/${actorId}`, headers });
    expect(actor.json().canEdit).toBe(true);

    expect((await claimedAt(actorId)).every((d) => d instanceof Date)).toBe(true);
    expect(await claimHistory(actorId)).toBe(1);
    const [history] = await t.db
      .select({ userId: actorHistory.userId })
      .from(actorHistory)
      .where(and(eq(actorHistory.actorId, actorId), eq(actorHistory.action, 'claim')));
    expect(history?.userId).toBe(accepted.json().user.id);
    expect(await status(actorId)).toMatchObject({ imported: true, claimed: true });

    // The link works once.
    const again = await accept({ token, displayName: 'Quelqu’un', password });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'token', code: 'tokenInvalid' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/claims/by-token/${token}` })).statusCode).toBe(404);

    // A claimed actor cannot be claimed again.
    const before = await footprint();
    const late = await request(actorId, 'autre@compagnie-du-cours.fr');
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0]).toMatchObject({ field: 'id', code: 'actorAlreadyClaimed' });
    expect(await footprint()).toEqual(before);
  });

  it('refuses addresses at another domain, shared hosts, missing websites and actors not imported, changing nothing', async () => {
    const own = await imported('https://lesamisdupatrimoine.org');
    const wix = await imported('https://amis-patrimoine.wixsite.com/accueil');
    const facebook = await imported('https://www.facebook.com/amispatrimoine');
    const none = await imported(null);
    const typedIn = await insertActor(t.db, 'Saisie à la main');
    const before = await footprint();

    const other = await request(own, 'contact@autre-domaine.org');
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0]).toMatchObject({ field: 'email', code: 'claimDomainMismatch' });
    expect(other.json().errors[0].message).toContain('lesamisdupatrimoine.org');
    // Ends with the domain's name without being under it.
    expect((await request(own, 'contact@faux-lesamisdupatrimoine.org')).statusCode).toBe(422);

    for (const actorId of [wix, facebook]) {
      const shared = await request(actorId, 'contact@wixsite.com');
      expect(shared.statusCode).toBe(409);
      expect(shared.json().errors[0]).toMatchObject({ field: 'id', code: 'claimSharedHost' });
      expect((await status(actorId)).websiteIssue).toBe('claimSharedHost');
    }
    const noSite = await request(none, 'contact@exemple.fr');
    expect(noSite.statusCode).toBe(409);
    expect(noSite.json().errors[0]).toMatchObject({ field: 'id', code: 'claimNoWebsite' });

    const notImported = await request(typedIn, 'contact@exemple.fr');
    expect(notImported.statusCode).toBe(409);
    expect(notImported.json().errors[0]).toMatchObject({ field: 'id', code: 'actorNotImported' });

    const badEmail = await request(own, 'pas-une-adresse');
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json().errors[0]).toMatchObject({ field: 'email', code: 'invalidEmail' });

    expect(await footprint()).toEqual(before);
  });

  it('does not tell that an address has an account: same answer, and the mail says to sign in and ask an animator', async () => {
    const actorId = await imported('https://jardins-partages.fr', 'Jardins partagés');
    const email = 'deja@jardins-partages.fr';
    await createUser(t.db, { email, displayName: 'Déjà Inscrite', role: 'observer', password });
    const known = await request(actorId, email);
    const unknown = await request(actorId, 'nouveau@jardins-partages.fr');
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);

    const mail = await lastMailTo(t.db, email);
    expect(mail?.body).toContain('un compte existe déjà');
    expect(mail?.body).toContain('/connexion');
    expect(mail?.body).not.toContain('/revendiquer/');
    const [row] = await t.db.select().from(actorClaims).where(eq(actorClaims.email, email));
    expect(row?.tokenHash).toBeNull();
    expect(await status(actorId)).toMatchObject({ claimed: false });
  });

  it('refuses an expired link, and a failed acceptance leaves the link usable', async () => {
    const actorId = await imported('https://chorale-venelles.fr');
    const email = 'chef@chorale-venelles.fr';
    await request(actorId, email);
    const token = await claimToken(email);

    const short = await accept({ token, displayName: 'Chef de Chœur', password: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'password', code: 'passwordTooShort' });
    // The address got an account meanwhile: the transaction fails after using the link, which stays usable.
    await createUser(t.db, { email, displayName: 'Chef pressé', role: 'observer' });
    const before = await footprint();
    const taken = await accept({ token, displayName: 'Chef de Chœur', password });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatchObject({ field: 'email', code: 'emailTaken' });
    expect(await footprint()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/claims/by-token/${token}` })).statusCode).toBe(200);
    await t.db.delete(users).where(eq(users.email, email));

    await t.db
      .update(actorClaims)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(actorClaims.tokenHash, hashToken(token)));
    const late = await accept({ token, displayName: 'Chef de Chœur', password });
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0]).toMatchObject({ field: 'token', code: 'tokenInvalid' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/claims/by-token/${token}` })).statusCode).toBe(404);
    expect(await t.db.$count(users, eq(users.email, email))).toBe(0);
    expect(await status(actorId)).toMatchObject({ claimed: false });
  });

  it('claims the actor when an animator’s member invitation is accepted; a claim link then fails and keeps nothing', async () => {
    const actorId = await imported('https://ressourcerie-pertuis.fr', 'Ressourcerie de Pertuis');
    // Someone asked to claim it by e-mail first.
    await request(actorId, 'benevole@ressourcerie-pertuis.fr');
    const claim = await claimToken('benevole@ressourcerie-pertuis.fr');

    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: animator.headers,
      payload: { email: 'presidente@exemple.fr', role: 'member', actorId },
    });
    expect(invited.statusCode).toBe(201);
    const invitation = await tokenFromMail(t.db, 'presidente@exemple.fr', 'invitation');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: invitation, displayName: 'La Présidente', password },
    });
    expect(accepted.statusCode).toBe(200);
    expect((await claimedAt(actorId)).every((d) => d instanceof Date)).toBe(true);
    expect(await claimHistory(actorId)).toBe(1);

    const before = await footprint();
    const raced = await accept({ token: claim, displayName: 'Bénévole', password });
    expect(raced.statusCode).toBe(409);
    expect(raced.json().errors[0]).toMatchObject({ field: 'id', code: 'actorAlreadyClaimed' });
    expect(await footprint()).toEqual(before);

    // A second member invited later does not claim again.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: animator.headers,
      payload: { email: 'tresorier@exemple.fr', role: 'member', actorId },
    });
    const second = await tokenFromMail(t.db, 'tresorier@exemple.fr', 'invitation');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: second, displayName: 'Le Trésorier', password },
    });
    expect(await claimHistory(actorId)).toBe(1);
  });

  it('an invitation to an actor typed in by hand claims nothing', async () => {
    const actorId = await insertActor(t.db, 'Pas importée');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: animator.headers,
      payload: { email: 'membre-main@exemple.fr', role: 'member', actorId },
    });
    const token = await tokenFromMail(t.db, 'membre-main@exemple.fr', 'invitation');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, displayName: 'Membre', password },
    });
    expect(accepted.statusCode).toBe(200);
    expect(await claimHistory(actorId)).toBe(0);
  });

  it('limits requests per actor and address, per actor (looser) and per client address, with Retry-After', async () => {
    const busy = await imported('https://club-gardanne.fr');
    const email = 'president@club-gardanne.fr';
    for (let i = 0; i < maxClaimsPerAddressPerHour; i++) expect((await request(busy, email)).statusCode).toBe(202);
    let before = await footprint();
    const again = await request(busy, email);
    expect(again.statusCode).toBe(429);
    expect(again.json().errors[0]).toMatchObject({ field: 'email', code: 'claimTooManyForAddress' });
    const retryAfter = Number(again.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await footprint()).toEqual(before);

    // Fake addresses do not lock the real claimant out: another address still gets its link, up to the actor's cap.
    expect((await request(busy, 'tresoriere@club-gardanne.fr')).statusCode).toBe(202);
    for (let i = maxClaimsPerAddressPerHour + 1; i < maxClaimsPerActorPerHour; i++) {
      expect((await request(busy, `membre${i}@club-gardanne.fr`)).statusCode).toBe(202);
    }
    before = await footprint();
    const capped = await request(busy, 'encore@club-gardanne.fr');
    expect(capped.statusCode).toBe(429);
    expect(capped.json().errors[0]).toMatchObject({ field: 'id', code: 'claimTooManyForActor' });
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
    expect(await footprint()).toEqual(before);

    const ip = newIp();
    for (let i = 0; i < maxClaimsPerIpPerHour; i++) {
      const actorId = await imported(`https://asso-${i}-ip.fr`);
      expect((await request(actorId, `contact@asso-${i}-ip.fr`, ip)).statusCode).toBe(202);
    }
    const next = await imported('https://asso-de-trop.fr');
    before = await footprint();
    const fromIp = await request(next, 'contact@asso-de-trop.fr', ip);
    expect(fromIp.statusCode).toBe(429);
    expect(fromIp.json().errors[0]).toMatchObject({ code: 'claimTooManyFromClient' });
    expect(fromIp.headers['retry-after']).toBeDefined();
    expect(await footprint()).toEqual(before);
    // Another client may still ask.
    expect((await request(next, 'contact@asso-de-trop.fr')).statusCode).toBe(202);
  });

  it('keeps the client address only as a keyed hash, cleared after the hour; expired requests go with their e-mail', async () => {
    const actorId = await imported('https://velo-club-trets.fr');
    const ip = newIp();
    await request(actorId, 'ancien@velo-club-trets.fr', ip);
    const [old] = await t.db.select().from(actorClaims).where(eq(actorClaims.email, 'ancien@velo-club-trets.fr'));
    // Not the bare SHA-256 of the address, which anyone could reverse by hashing every IPv4 address.
    expect(old?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(old?.ipHash).not.toBe(createHash('sha256').update(ip).digest('hex'));
    expect(old?.mailId).not.toBeNull();

    // Two hours later, and 49 hours later (expired, never used).
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await request(actorId, 'recent@velo-club-trets.fr', ip);
    await request(actorId, 'expire@velo-club-trets.fr', ip);
    await t.db
      .update(actorClaims)
      .set({ createdAt: hoursAgo(2) })
      .where(eq(actorClaims.email, 'recent@velo-club-trets.fr'));
    await t.db
      .update(actorClaims)
      .set({ createdAt: hoursAgo(49), expiresAt: hoursAgo(1) })
      .where(eq(actorClaims.email, 'expire@velo-club-trets.fr'));
    const [expired] = await t.db.select().from(actorClaims).where(eq(actorClaims.email, 'expire@velo-club-trets.fr'));

    await request(await imported('https://autre-club.fr'), 'contact@autre-club.fr');
    const rows = await t.db.select().from(actorClaims).where(eq(actorClaims.actorId, actorId));
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(byEmail['ancien@velo-club-trets.fr']?.ipHash).toBe(old?.ipHash);
    expect(byEmail['recent@velo-club-trets.fr']?.ipHash).toBeNull();
    expect(byEmail['expire@velo-club-trets.fr']).toBeUndefined();
    expect(await t.db.$count(outbox, eq(outbox.id, expired?.mailId ?? ''))).toBe(0);
    expect(await t.db.$count(outbox, eq(outbox.id, old?.mailId ?? ''))).toBe(1);
  });

  it('an actor managed by member accounts counts as claimed: no one else may claim it', async () => {
    // As when an import matches an organisation its members already manage: unclaimed records, member accounts.
    const actorId = await imported('https://maison-quartier-luynes.fr');
    await createUser(t.db, {
      email: 'membre@maison-quartier-luynes.fr',
      displayName: 'Membre de longue date',
      role: 'member',
      actorId,
    });
    expect(await status(actorId)).toMatchObject({ imported: true, claimed: true });
    const before = await footprint();
    const stranger = await request(actorId, 'inconnu@maison-quartier-luynes.fr');
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().errors[0]).toMatchObject({ field: 'id', code: 'actorAlreadyClaimed' });
    expect(await footprint()).toEqual(before);

    // A second member invited by an animator does not claim it either.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: animator.headers,
      payload: { email: 'second@exemple.fr', role: 'member', actorId },
    });
    const token = await tokenFromMail(t.db, 'second@exemple.fr', 'invitation');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, displayName: 'Second membre', password },
    });
    expect(accepted.statusCode).toBe(200);
    expect(await claimHistory(actorId)).toBe(0);
  });

  it('refuses to claim an organisation the register says has ceased', async () => {
    const no = ++n;
    const actorId = await importAssociation(t.db, no, 'https://ancienne-fanfare.fr');
    await importAssociation(t.db, no, 'https://ancienne-fanfare.fr', { status: 'dissolved' });
    expect(await status(actorId)).toMatchObject({ imported: true, claimed: false, ended: true });
    const before = await footprint();
    const res = await request(actorId, 'chef@ancienne-fanfare.fr');
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ field: 'id', code: 'actorEnded' });
    expect(await footprint()).toEqual(before);
  });

  it('dates the pre-filling from the first import, not the last update', async () => {
    const no = ++n;
    const actorId = await importAssociation(t.db, no, 'https://cine-club-meyreuil.fr');
    const firstImport = new Date('2025-03-04T10:00:00Z');
    // As if imported long ago.
    await t.db
      .update(actorHistory)
      .set({ at: firstImport })
      .where(and(eq(actorHistory.actorId, actorId), eq(actorHistory.action, 'import')));
    await t.db
      .update(actorRegisterRecords)
      .set({ importedAt: firstImport })
      .where(eq(actorRegisterRecords.actorId, actorId));
    // Today's import changes the register's values: the record's imported_at is reset.
    await importAssociation(t.db, no, 'https://cine-club-meyreuil.fr', { address: '2 place de la Mairie' });
    const [record] = await t.db
      .select({ importedAt: actorRegisterRecords.importedAt })
      .from(actorRegisterRecords)
      .where(eq(actorRegisterRecords.actorId, actorId));
    expect(record?.importedAt.getTime()).toBeGreaterThan(firstImport.getTime());
    expect((await status(actorId)).importedAt).toBe(firstImport.toISOString());
  });

  it('tells nothing about a website that is not public', async () => {
    const hiddenShared = await imported('https://fanfare.wixsite.com/accueil');
    const hiddenOwn = await imported('https://fanfare-rousset.fr');
    await t.db.execute(
      sql`UPDATE actors SET field_visibility = '{"website": "members"}'::jsonb WHERE id IN (${hiddenShared}, ${hiddenOwn})`,
    );
    for (const actorId of [hiddenShared, hiddenOwn]) {
      expect(await status(actorId)).toMatchObject({ expectedDomain: null, websiteIssue: null });
      const res = await request(actorId, 'contact@wixsite.com');
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ field: 'email', code: 'claimDomainMismatchHidden' });
      expect(res.json().errors[0].message).not.toContain('wixsite');
    }
    expect((await request(hiddenOwn, 'chef@fanfare-rousset.fr')).statusCode).toBe(202);
  });

  it('a new request for the same address replaces the earlier link', async () => {
    const actorId = await imported('https://atelier-velo.fr');
    const email = 'atelier@atelier-velo.fr';
    await request(actorId, email);
    const first = await claimToken(email);
    await request(actorId, email);
    const second = await claimToken(email);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/claims/by-token/${first}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/claims/by-token/${second}` })).statusCode).toBe(200);
  });
});
