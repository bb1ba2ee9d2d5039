import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type UserRole, userRoles } from '../../auth/roles.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { Db } from '../../db/client.js';
import { forbidden, invalid, notFound } from '../../errors.js';
import { actors } from '../actors/schema.js';
import { claimActor } from '../imports/claims/service.js';
import { queueMail } from '../mail/service.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { invitations } from './schema.js';
import {
  type CurrentUser,
  checkEmail,
  createSession,
  emailInUse,
  emailTaken,
  getCurrentUser,
  insertUser,
  memberActor,
  publicLink,
  type SignedInSession,
} from './service.js';

export const invitationLifetimeMs = 14 * 24 * 3600_000;

/** Which roles each role may invite (citizens also sign up by themselves: citizens.ts). */
const mayInvite: Record<UserRole, readonly UserRole[]> = {
  admin: userRoles,
  animator: ['member', 'observer'],
  member: [],
  observer: [],
  citizen: [],
};

const roleLabels: Record<UserRole, string> = {
  admin: 'administrateur ou administratrice',
  animator: 'animateur ou animatrice du réseau',
  member: 'membre',
  observer: 'observateur ou observatrice',
  citizen: 'citoyen ou citoyenne',
};

export interface InvitationView {
  id: string;
  email: string;
  role: UserRole;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  actorId: invitations.actorId,
  actorName: actors.name,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
};

function toInvitationView(row: {
  id: string;
  email: string;
  role: UserRole;
  actorId: string | null;
  actorName: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}): InvitationView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

function selectInvitations(db: Db) {
  return db.select(invitationColumns).from(invitations).leftJoin(actors, eq(actors.id, invitations.actorId));
}

export const stillValid = () => and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date()));

function invitationMail(link: string, by: CurrentUser, role: UserRole, actorName: string | null): string {
  const as = role === 'member' && actorName ? `membre pour ${actorName}` : roleLabels[role];
  return [
    'Bonjour,',
    '',
    `${by.displayName} vous invite à rejoindre Alliances, la plateforme des partenariats du territoire, en tant que ${as}.`,
    '',
    'Pour créer votre compte, ouvrez ce lien (valable 14 jours) :',
    link,
    '',
    'Si vous ne vous attendiez pas à cette invitation, ignorez simplement ce message.',
    '',
    '— Alliances',
  ].join('\n');
}

/**
 * Invites someone by e-mail: an animator invites members and observers, an admin any role. A member's invitation
 * names its organisation. The link (valid 14 days) goes to the outbox; an earlier pending invitation to the same
 * address stops working.
 */
export async function inviteUser(
  db: Db,
  by: CurrentUser,
  input: { email: string; role: UserRole; actorId?: string | null | undefined },
  publicUrl: string,
): Promise<InvitationView> {
  if (!mayInvite[by.role].includes(input.role)) {
    throw forbidden(
      by.role === 'animator'
        ? 'Un animateur ou une animatrice ne peut inviter que des membres et des observateurs'
        : 'Action non autorisée pour votre rôle',
    );
  }
  const email = checkEmail(input.email);
  const actorId = await memberActor(db, input.role, input.actorId);
  if (await emailInUse(db, email)) throw emailTaken();
  const token = newToken();
  const now = new Date();
  const id = await db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(sql`lower(${invitations.email}) = ${email}`, stillValid()));
    const [row] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email,
        role: input.role,
        actorId,
        invitedBy: by.id,
        expiresAt: new Date(now.getTime() + invitationLifetimeMs),
      })
      .returning({ id: invitations.id });
    if (!row) throw new Error('invitation not inserted');
    const [actor] = actorId ? await tx.select({ name: actors.name }).from(actors).where(eq(actors.id, actorId)) : [];
    await queueMail(tx, {
      to: email,
      subject: 'Invitation à rejoindre Alliances',
      body: invitationMail(publicLink(publicUrl, `/invitation/${token}`), by, input.role, actor?.name ?? null),
    });
    return row.id;
  });
  const [view] = await selectInvitations(db).where(eq(invitations.id, id));
  if (!view) throw notFound('Invitation');
  return toInvitationView(view);
}

/** Every invitation, newest first (pending, accepted, expired). */
export async function listInvitations(db: Db): Promise<InvitationView[]> {
  const rows = await selectInvitations(db).orderBy(desc(invitations.createdAt));
  return rows.map(toInvitationView);
}

/** What a pending invitation offers; an unknown, expired or accepted link is not found. */
export async function getInvitationByToken(db: Db, token: string) {
  const [row] = await db
    .select({ ...invitationColumns, displayName: invitations.displayName })
    .from(invitations)
    .leftJoin(actors, eq(actors.id, invitations.actorId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), stillValid()));
  if (!row) throw notFound('Invitation');
  // A citizen's self sign-up gave a name: the acceptance form starts from it.
  return { email: row.email, role: row.role, actorName: row.actorName, displayName: row.displayName };
}

/** Whose account a single-use link creates. */
export interface LinkedAccount {
  email: string;
  role: UserRole;
  actorId: string | null;
  /** A citizen's self sign-up: the commune given and when the code of conduct was accepted. */
  communeCode?: string | null;
  codeOfConductAcceptedAt?: Date | null;
  locale?: string | null;
}

/**
 * Creates the account a single-use link offers (an invitation, a claim) and signs it in. In one transaction: `consume`
 * marks the link used and says whose account it is (and throws when the link is invalid), the account is created,
 * then `andThen` does what else the link grants; any failure leaves the link unused. The password policy is checked
 * and the password hashed before the transaction.
 */
export async function createAccountFromLink(
  db: Db,
  input: { displayName: string; password: string },
  consume: (tx: Db) => Promise<LinkedAccount>,
  andThen: (tx: Db, userId: string, account: LinkedAccount) => Promise<void>,
): Promise<SignedInSession> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction(async (tx) => {
    const account = await consume(tx);
    const id = await insertUser(tx, { ...account, displayName: input.displayName }, passwordHash);
    await andThen(tx, id, account);
    return id;
  });
  return createSession(db, await getCurrentUser(db, userId));
}

/**
 * Accepts an invitation: in one transaction the account is created with the invitation's e-mail, role and
 * organisation, and the invitation is marked accepted (a link works once); a member's organisation pre-filled from a
 * register is claimed by the same token (an animator vouched for the person). Then the new user is signed in.
 */
export function acceptInvitation(
  db: Db,
  token: string,
  input: { displayName: string; password: string },
): Promise<SignedInSession> {
  return createAccountFromLink(
    db,
    input,
    async (tx) => {
      const [invitation] = await tx
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(invitations.tokenHash, hashToken(token)), stillValid()))
        .returning();
      if (!invitation) throw invalid([{ field: 'token', code: 'tokenInvalid' }], 'Invitation invalide ou expirée');
      return {
        email: invitation.email,
        role: invitation.role,
        actorId: invitation.actorId,
        communeCode: invitation.communeCode,
        codeOfConductAcceptedAt: invitation.codeOfConductAcceptedAt,
        locale: invitation.locale,
      };
    },
    async (tx, userId, account) => {
      if (account.role === 'member' && account.actorId) await claimActor(tx, account.actorId, userId);
    },
  );
}
