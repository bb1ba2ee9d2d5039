// Claiming an actor pre-filled from a register: the organisation proves it belongs, and a person becomes its member.
// Two proofs: an animator's member invitation (accounts/invitations.ts calls claimActor when it is accepted) or an
// e-mail at the organisation's website domain (requestClaim, then acceptClaim with the mailed link).
import { createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../../auth/tokens.js';
import type { Db, Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { conflict, type FieldIssue, invalid, notFound, RateLimited } from '../../../errors.js';
import { createAccountFromLink } from '../../accounts/invitations.js';
import { outbox } from '../../accounts/schema.js';
import { checkEmail, emailInUse, publicLink, type SignedInSession } from '../../accounts/service.js';
import { actorHistory, actors } from '../../actors/schema.js';
import { effectiveFieldVisibility } from '../../actors/visibility.js';
import { queueMail } from '../../mail/service.js';
import { actorRegisterRecords } from '../schema.js';
import type { RegisterSource } from '../types.js';
import {
  type ClaimStatus,
  claimLifetimeHours,
  maxClaimsPerActorPerHour,
  maxClaimsPerAddressPerHour,
  maxClaimsPerIpPerHour,
} from './contract.js';
import { claimDomain, emailAtDomain, type WebsiteIssue } from './domains.js';
import { actorClaims } from './schema.js';

const hourMs = 3600_000;

interface RegisterState {
  sources: RegisterSource[];
  importedAt: Date | null;
  claimedAt: Date | null;
  /** Some member account belongs to the actor (it was managed before an import matched it, or joined since). */
  hasMembers: boolean;
  /** Dissolved, struck off or closed in every register record. */
  ended: boolean;
}

/**
 * An actor's register records summed up: from which registers, first imported when, claimed when (if ever), whether
 * member accounts manage it (`exceptUser`, the account being created, not counted) and whether it has ceased. An
 * import rewrites a record's `imported_at` whenever the register changed, so the first import is the earliest of
 * those and of the actor's 'import' history rows (one is written when an import creates or changes the actor).
 */
async function registerState(db: Handle, actorId: string, exceptUser: string | null = null): Promise<RegisterState> {
  const [row] = await rowsOf<{
    sources: RegisterSource[] | null;
    imported_at: string | Date | null;
    claimed_at: string | Date | null;
    has_members: boolean;
    any_active: boolean | null;
  }>(
    db,
    sql`SELECT array_agg(DISTINCT r.source::text) AS sources,
      least(min(r.imported_at),
        (SELECT min(h.at) FROM actor_history h WHERE h.actor_id = ${actorId} AND h.action = 'import')) AS imported_at,
      min(r.claimed_at) AS claimed_at,
      bool_or(r.status = 'active') AS any_active,
      EXISTS (SELECT 1 FROM users u WHERE u.actor_id = ${actorId}
        ${exceptUser ? sql`AND u.id <> ${exceptUser}` : sql.empty()}) AS has_members
    FROM actor_register_records r WHERE r.actor_id = ${actorId}`,
  );
  const date = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
  const sources = [...(row?.sources ?? [])].sort();
  return {
    sources,
    importedAt: date(row?.imported_at),
    claimedAt: date(row?.claimed_at),
    hasMembers: row?.has_members === true,
    ended: sources.length > 0 && row?.any_active !== true,
  };
}

const isClaimed = (state: RegisterState) => state.claimedAt !== null || state.hasMembers;

async function actorOf(db: Handle, actorId: string, forUpdate = false) {
  const query = db
    .select({ id: actors.id, name: actors.name, website: actors.website, fieldVisibility: actors.fieldVisibility })
    .from(actors)
    .where(eq(actors.id, actorId));
  const [actor] = forUpdate ? await query.for('update') : await query;
  if (!actor) throw notFound('Acteur');
  return actor;
}

/**
 * What a visitor may know of the website's fitness for a claim: a missing website, or (only when the website is
 * public) its host or why it proves nothing. Of a website that is not public nothing is told, not even that it is on
 * a shared host: the request then fails as for an address at another domain.
 */
function websiteOffer(
  actor: Awaited<ReturnType<typeof actorOf>>,
): { issue: WebsiteIssue } | { domain: string | null; websitePublic: boolean } {
  const domain = claimDomain(actor.website);
  const websitePublic = effectiveFieldVisibility(actor.fieldVisibility).website === 'public';
  if ('issue' in domain && (domain.issue === 'claimNoWebsite' || websitePublic)) return { issue: domain.issue };
  return { domain: 'domain' in domain ? domain.domain : null, websitePublic };
}

/**
 * Whether an actor was pre-filled from a register and is unclaimed, and the domain a claimant's address must be at.
 * Public: nothing personal. An actor managed by member accounts counts as claimed.
 */
export async function getClaimStatus(db: Db, actorId: string): Promise<ClaimStatus> {
  const actor = await actorOf(db, actorId);
  const state = await registerState(db, actorId);
  const offer = websiteOffer(actor);
  return {
    imported: state.sources.length > 0,
    sources: state.sources,
    importedAt: state.importedAt?.toISOString() ?? null,
    claimed: isClaimed(state),
    claimedAt: state.claimedAt?.toISOString() ?? null,
    ended: state.ended,
    expectedDomain: 'domain' in offer && offer.websitePublic ? offer.domain : null,
    websiteIssue: 'issue' in offer ? offer.issue : null,
  };
}

const alreadyClaimed = () =>
  conflict('Cette fiche a déjà été revendiquée par son organisation', [{ field: 'id', code: 'actorAlreadyClaimed' }]);
const notImported = () =>
  conflict('Cette fiche n’a pas été pré-remplie depuis un registre : il n’y a rien à revendiquer', [
    { field: 'id', code: 'actorNotImported' },
  ]);

/**
 * Marks an unclaimed actor claimed (all its register records) with a 'claim' history row by the new member, in the
 * caller's transaction. The records are locked first, so two claims at once cannot both win. Returns false when the
 * actor was not imported, is already claimed, or has other member accounts (it was managed before an import matched
 * it: nothing to claim).
 */
export async function claimActor(tx: Handle, actorId: string, userId: string): Promise<boolean> {
  const records = await rowsOf<{ claimed_at: string | null }>(
    tx,
    sql`SELECT claimed_at FROM actor_register_records WHERE actor_id = ${actorId} FOR UPDATE`,
  );
  if (records.length === 0 || records.some((r) => r.claimed_at !== null)) return false;
  if ((await registerState(tx, actorId, userId)).hasMembers) return false;
  await tx.update(actorRegisterRecords).set({ claimedAt: new Date() }).where(eq(actorRegisterRecords.actorId, actorId));
  await tx.insert(actorHistory).values({ actorId, userId, action: 'claim', changes: {} });
  return true;
}

function claimMail(link: string, actorName: string): string {
  return [
    'Bonjour,',
    '',
    `Vous avez demandé à revendiquer la fiche de ${actorName} sur Alliances, la plateforme des partenariats du territoire.`,
    '',
    `Pour créer votre compte de membre de ${actorName}, ouvrez ce lien (valable ${claimLifetimeHours} heures, une seule fois) :`,
    link,
    '',
    'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement ce message : rien ne sera fait.',
    '',
    '— Alliances',
  ].join('\n');
}

function existingAccountMail(actorName: string, loginLink: string): string {
  return [
    'Bonjour,',
    '',
    `Vous avez demandé à revendiquer la fiche de ${actorName} sur Alliances, mais un compte existe déjà avec cette adresse.`,
    '',
    `Connectez-vous (${loginLink}) et demandez à l’équipe d’animation du réseau de rattacher votre compte à ${actorName}.`,
    '',
    'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement ce message.',
    '',
    '— Alliances',
  ].join('\n');
}

/**
 * The key of the client addresses' hashes: an unkeyed hash of an IPv4 address is reversed by hashing all 2^32 of them.
 * The configuration has no server secret, so each process draws its own, kept in memory only. After a restart the
 * requests made before it no longer count against their client: at most one more hour's worth of requests from one
 * client, while the per-actor and per-address limits, which do not use this hash, still hold.
 */
const ipKey = randomBytes(32);
const hashIp = (ip: string) => createHmac('sha256', ipKey).update(ip).digest('hex');

/** Throws when `max` requests matching `where` were made within the last hour. */
async function checkLimit(tx: Handle, where: SQL | undefined, max: number, issue: FieldIssue, message: string) {
  const recent = await tx
    .select({ createdAt: actorClaims.createdAt })
    .from(actorClaims)
    .where(and(where, gt(actorClaims.createdAt, new Date(Date.now() - hourMs))))
    .orderBy(desc(actorClaims.createdAt))
    .limit(max);
  const oldest = recent[max - 1];
  if (!oldest) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest.createdAt.getTime() + hourMs - Date.now()) / 1000));
  // Retry-After: when the oldest request counted leaves the hour.
  throw new RateLimited(message, retryAfterSeconds, [issue]);
}

/**
 * Forgets what is no longer needed, at each request (claims are rare; no periodic job needed): the client address
 * hashes once the hour the limits look at is over, and the unused requests once expired, with their e-mail (it holds
 * the link). Requests replaced by a newer one expire at once but are kept for the hour, since the limits count them.
 */
async function forgetOldClaims(tx: Handle) {
  const now = new Date();
  const hourAgo = new Date(now.getTime() - hourMs);
  await tx
    .update(actorClaims)
    .set({ ipHash: null })
    .where(and(isNotNull(actorClaims.ipHash), lt(actorClaims.createdAt, hourAgo)));
  const gone = await tx
    .delete(actorClaims)
    .where(and(isNull(actorClaims.usedAt), lt(actorClaims.expiresAt, now), lt(actorClaims.createdAt, hourAgo)))
    .returning({ mailId: actorClaims.mailId });
  const mailIds = gone.flatMap((g) => (g.mailId ? [g.mailId] : []));
  if (mailIds.length > 0) await tx.delete(outbox).where(inArray(outbox.id, mailIds));
}

/**
 * Asks to claim an unclaimed imported actor with an e-mail at its website's host: a single-use link (48 hours) is
 * e-mailed to the address. An address that already has an account gets a mail telling to sign in and ask an animator
 * instead, and the caller gets the same answer (which addresses have accounts is not told). At most a few requests
 * per actor and address, per actor, and per client address within an hour; the client address is kept only as a
 * keyed hash, only to count.
 */
export async function requestClaim(
  db: Db,
  actorId: string,
  input: { email: string; ip: string },
  publicUrl: string,
): Promise<void> {
  const email = checkEmail(input.email);
  const ipHash = hashIp(input.ip);
  await db.transaction(async (tx) => {
    await forgetOldClaims(tx);
    // Serialises the requests of one client, and those for one actor (its row locked), so that the counts below hold.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`claims:${ipHash}`}))`);
    const actor = await actorOf(tx, actorId, true);
    const state = await registerState(tx, actorId);
    if (state.sources.length === 0) throw notImported();
    if (isClaimed(state)) throw alreadyClaimed();
    if (state.ended) {
      throw conflict('Selon les registres, cette organisation a cessé son activité', [
        { field: 'id', code: 'actorEnded' },
      ]);
    }
    const offer = websiteOffer(actor);
    if ('issue' in offer) {
      throw conflict('Le site web de la fiche ne permet pas de la revendiquer', [{ field: 'id', code: offer.issue }]);
    }
    if (!offer.domain || !emailAtDomain(email, offer.domain)) {
      throw invalid(
        [
          offer.websitePublic && offer.domain
            ? { field: 'email', code: 'claimDomainMismatch', params: { domain: offer.domain } }
            : { field: 'email', code: 'claimDomainMismatchHidden' },
        ],
        'L’adresse n’est pas au domaine du site de l’organisation',
      );
    }
    const forActor = eq(actorClaims.actorId, actorId);
    await checkLimit(
      tx,
      and(forActor, eq(actorClaims.email, email)),
      maxClaimsPerAddressPerHour,
      { field: 'email', code: 'claimTooManyForAddress' },
      'Trop de demandes pour cette adresse : réessayez dans une heure',
    );
    await checkLimit(
      tx,
      forActor,
      maxClaimsPerActorPerHour,
      { field: 'id', code: 'claimTooManyForActor' },
      'Trop de demandes de revendication pour cette fiche : réessayez dans une heure',
    );
    await checkLimit(
      tx,
      eq(actorClaims.ipHash, ipHash),
      maxClaimsPerIpPerHour,
      { field: 'body', code: 'claimTooManyFromClient' },
      'Trop de demandes de revendication depuis votre connexion : réessayez dans une heure',
    );
    const now = new Date();
    // An earlier link for the same address and actor stops working: only the newest mail counts.
    await tx
      .update(actorClaims)
      .set({ expiresAt: now })
      .where(and(forActor, eq(actorClaims.email, email), isNull(actorClaims.usedAt), gt(actorClaims.expiresAt, now)));
    const hasAccount = await emailInUse(tx, email);
    const token = hasAccount ? null : newToken();
    const mailId = await queueMail(tx, {
      to: email,
      subject: `Revendiquer la fiche de ${actor.name} sur Alliances`,
      body: token
        ? claimMail(publicLink(publicUrl, `/revendiquer/${token}`), actor.name)
        : existingAccountMail(actor.name, publicLink(publicUrl, '/connexion')),
    });
    await tx.insert(actorClaims).values({
      actorId,
      email,
      tokenHash: token ? hashToken(token) : null,
      ipHash,
      mailId,
      expiresAt: new Date(now.getTime() + claimLifetimeHours * hourMs),
    });
  });
}

const stillValid = () => and(isNull(actorClaims.usedAt), gt(actorClaims.expiresAt, new Date()));
const invalidLink = () => invalid([{ field: 'token', code: 'tokenInvalid' }], 'Lien invalide ou expiré');

/** What a pending claim link offers; an unknown, expired or used link is not found. */
export async function getClaimByToken(db: Db, token: string) {
  const [row] = await db
    .select({ email: actorClaims.email, actorId: actorClaims.actorId, actorName: actors.name })
    .from(actorClaims)
    .innerJoin(actors, eq(actors.id, actorClaims.actorId))
    .where(and(eq(actorClaims.tokenHash, hashToken(token)), stillValid()));
  if (!row) throw notFound('Demande de revendication');
  return row;
}

/**
 * Confirms a claim with the mailed link: in one transaction the link is used, the account is created as a member of
 * the actor (the invitations' account creation), and the actor is claimed; then the new user is signed in. An actor
 * claimed meanwhile (by an invitation or another address) is refused and nothing is kept.
 */
export function acceptClaim(
  db: Db,
  token: string,
  input: { displayName: string; password: string },
): Promise<SignedInSession> {
  return createAccountFromLink(
    db,
    input,
    async (tx) => {
      const [claim] = await tx
        .update(actorClaims)
        .set({ usedAt: new Date() })
        .where(and(eq(actorClaims.tokenHash, hashToken(token)), stillValid()))
        .returning({ email: actorClaims.email, actorId: actorClaims.actorId });
      if (!claim) throw invalidLink();
      return { email: claim.email, role: 'member', actorId: claim.actorId };
    },
    async (tx, userId, account) => {
      if (!account.actorId || !(await claimActor(tx, account.actorId, userId))) throw alreadyClaimed();
      await tx
        .update(actorClaims)
        .set({ userId })
        .where(eq(actorClaims.tokenHash, hashToken(token)));
    },
  );
}
