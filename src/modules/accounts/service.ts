import { type AnyColumn, and, asc, desc, eq, gt, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { UserRole } from '../../auth/roles.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { Db } from '../../db/client.js';
import { conflict, DomainError, type FieldIssue, invalid, notFound, RateLimited } from '../../errors.js';
import { actors } from '../actors/schema.js';
import { communes } from '../reference/schema.js';
import type { CurrentUserView } from './contract.js';
import { checkPasswordPolicy, hashPassword, passwordNeedsRehash, verifyNothing, verifyPassword } from './passwords.js';
import { apiTokens, loginFailures, sessions, users } from './schema.js';

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  actorId: string | null;
  locale: string;
}

/** The columns of a CurrentUser, for selects. */
export const currentUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  actorId: users.actorId,
  locale: users.locale,
};

export const sessionLifetimeMs = 30 * 24 * 3600_000;
/** Failed logins are counted over this window: 5 for one e-mail, or 30 from one client address, lock it. */
export const loginWindowMinutes = 15;
export const maxFailuresPerEmail = 5;
export const maxFailuresPerIp = 30;

export async function userFromSession(db: Db, token: string) {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ user: currentUserColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
  return row ? { user: row.user as CurrentUser, csrfToken: row.csrfToken, tokenHash } : null;
}

export async function userFromApiToken(db: Db, token: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({ user: currentUserColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
  if (!row) return null;
  // "Last used" to the minute is enough: a script's burst of requests does not write once per request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return row.user as CurrentUser;
}

// ---------------------------------------------------------------------------------------------------------------
// Accounts

export interface NewUser {
  email: string;
  displayName: string;
  role: UserRole;
  /** The member's organisation: required for a member, ignored for other roles. */
  actorId?: string | null | undefined;
  /** Without a password the account cannot sign in until a reset link sets one (CLI create-admin). */
  password?: string | undefined;
  /** A citizen's commune (checked by the caller) and when they accepted the code of conduct (self sign-up). */
  communeCode?: string | null | undefined;
  codeOfConductAcceptedAt?: Date | null | undefined;
  locale?: string | null | undefined;
}

const emailFormat = z.email();

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An e-mail column equal to this address, without case (users.email unless another column is given). */
export const emailIs = (email: string, column: AnyColumn | SQL = users.email) =>
  sql`lower(${column}) = ${normaliseEmail(email)}`;

/** PostgreSQL's unique_violation, whether the driver's error comes bare or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const emailTaken = () =>
  conflict('Un compte existe déjà avec cette adresse', [{ field: 'email', code: 'emailTaken' }]);

/** Checks the organisation a user would belong to: required for members, dropped for the other roles. */
export async function memberActor(db: Db, role: UserRole, actorId: string | null | undefined): Promise<string | null> {
  if (role !== 'member') return null;
  if (!actorId) throw invalid([{ field: 'actorId', code: 'memberNeedsActor' }]);
  const [actor] = await db.select({ id: actors.id }).from(actors).where(eq(actors.id, actorId));
  if (!actor) throw invalid([{ field: 'actorId', code: 'unknownActor' }]);
  return actor.id;
}

export function checkEmail(email: string, field = 'email'): string {
  const normalised = normaliseEmail(email);
  if (!emailFormat.safeParse(normalised).success || normalised.length > 254)
    throw invalid([{ field, code: 'invalidEmail' }]);
  return normalised;
}

export async function emailInUse(db: Db, email: string): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(emailIs(email));
  return existing !== undefined;
}

/** Creates an account (demo data, CLI, accepted invitations); returns its id. */
export async function createUser(db: Db, input: NewUser): Promise<string> {
  if (input.password !== undefined) checkPasswordPolicy(input.password);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return insertUser(db, input, passwordHash);
}

/** createUser with the password already hashed, so that callers can hash before opening a transaction. */
export async function insertUser(db: Db, input: NewUser, passwordHash: string | null): Promise<string> {
  const displayName = input.displayName.trim();
  const issues: FieldIssue[] = [];
  const email = normaliseEmail(input.email);
  if (!emailFormat.safeParse(email).success || email.length > 254)
    issues.push({ field: 'email', code: 'invalidEmail' });
  if (displayName.length < 2) issues.push({ field: 'displayName', code: 'tooShort', params: { min: 2 } });
  if (displayName.length > 120) issues.push({ field: 'displayName', code: 'tooLong', params: { max: 120 } });
  if (issues.length) throw invalid(issues);
  const actorId = await memberActor(db, input.role, input.actorId);
  if (await emailInUse(db, email)) throw emailTaken();
  try {
    const [row] = await db
      .insert(users)
      .values({
        email,
        displayName,
        role: input.role,
        actorId,
        passwordHash,
        communeCode: input.communeCode ?? null,
        codeOfConductAcceptedAt: input.codeOfConductAcceptedAt ?? null,
        ...(input.locale ? { locale: input.locale } : {}),
      })
      .returning({ id: users.id });
    if (!row) throw new Error('user not inserted');
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export async function getCurrentUser(db: Db, id: string): Promise<CurrentUser> {
  const [row] = await db.select(currentUserColumns).from(users).where(eq(users.id, id));
  if (!row) throw notFound('Compte');
  return row as CurrentUser;
}

/** A link of the web app for e-mails: `${publicUrl}${path}`, whatever trailing slash publicUrl has. */
export function publicLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

async function actorNameOf(db: Db, actorId: string | null): Promise<string | null> {
  if (!actorId) return null;
  const [row] = await db.select({ name: actors.name }).from(actors).where(eq(actors.id, actorId));
  return row?.name ?? null;
}

/** The signed-in user as the web app sees it: with the name of the member's organisation and the commune. */
export async function sessionView(db: Db, user: CurrentUser): Promise<CurrentUserView> {
  const [commune] = await db
    .select({ code: users.communeCode, name: communes.name })
    .from(users)
    .leftJoin(communes, eq(communes.code, users.communeCode))
    .where(eq(users.id, user.id));
  return {
    communeCode: commune?.code ?? null,
    communeName: commune?.name ?? null,
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    actorId: user.actorId,
    actorName: await actorNameOf(db, user.actorId),
    locale: user.locale,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions and sign-in

export interface SignedInSession {
  /** The cookie value, given once; the database keeps its SHA-256. */
  token: string;
  csrfToken: string;
  user: CurrentUser;
}

/** Opens a session for a user (after a checked password or an accepted invitation). */
export async function createSession(db: Db, user: CurrentUser): Promise<SignedInSession> {
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + sessionLifetimeMs),
  });
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  return { token, csrfToken, user };
}

const badCredentials = () =>
  new DomainError('unauthenticated', 'E-mail ou mot de passe incorrect', [
    { field: 'password', code: 'badCredentials' },
  ]);

/** Failed logins are keyed by the SHA-256 of the address: the table holds no e-mail in clear. */
export const loginEmailKey = (email: string) => hashToken(normaliseEmail(email));

const recentFailure = sql`now() - make_interval(mins => ${loginWindowMinutes})`;

/**
 * Checks e-mail and password and opens a session. Wrong e-mail or wrong password give the same answer (and take the
 * same time); 5 failures for one e-mail or 30 from one client address within 15 minutes lock the login, even with
 * the right password, until they age out. A success clears the e-mail's failures.
 */
export async function signIn(db: Db, input: { email: string; password: string; ip: string }): Promise<SignedInSession> {
  const emailKey = loginEmailKey(input.email);
  const byEmail = await db.$count(
    loginFailures,
    and(eq(loginFailures.emailKey, emailKey), gt(loginFailures.at, recentFailure)),
  );
  const byIp =
    byEmail >= maxFailuresPerEmail
      ? 0
      : await db.$count(loginFailures, and(eq(loginFailures.ip, input.ip), gt(loginFailures.at, recentFailure)));
  if (byEmail >= maxFailuresPerEmail || byIp >= maxFailuresPerIp) {
    throw new RateLimited(
      `Trop de tentatives de connexion : réessayez dans ${loginWindowMinutes} minutes.`,
      loginWindowMinutes * 60,
    );
  }
  const [row] = await db
    .select({ user: currentUserColumns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(emailIs(input.email));
  const ok = row?.passwordHash
    ? await verifyPassword(row.passwordHash, input.password)
    : await verifyNothing(input.password);
  if (!row || !ok || row.disabledAt) {
    await db.insert(loginFailures).values({ emailKey, ip: input.ip });
    await db.delete(loginFailures).where(lt(loginFailures.at, recentFailure));
    throw badCredentials();
  }
  await db.delete(loginFailures).where(eq(loginFailures.emailKey, emailKey));
  if (row.passwordHash && passwordNeedsRehash(row.passwordHash)) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, row.user.id));
  }
  return createSession(db, row.user as CurrentUser);
}

export async function signOut(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

// ---------------------------------------------------------------------------------------------------------------
// Users admin

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  actorId: string | null;
  actorName: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

const userViewColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  actorId: users.actorId,
  actorName: actors.name,
  disabledAt: users.disabledAt,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  actorId: string | null;
  actorName: string | null;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    actorId: row.actorId,
    actorName: row.actorName,
    disabled: row.disabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function selectUsers(db: Db) {
  return db.select(userViewColumns).from(users).leftJoin(actors, eq(actors.id, users.actorId));
}

export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await selectUsers(db).orderBy(asc(sql`lower(${users.displayName})`), asc(users.email));
  return rows.map(toUserView);
}

export interface UserChanges {
  role?: UserRole | undefined;
  /** undefined keeps the organisation, null removes it. */
  actorId?: string | null | undefined;
  disabled?: boolean | undefined;
  displayName?: string | undefined;
}

/**
 * An admin changes an account: role, organisation (members only: it is dropped for other roles), display name,
 * disabled or not. An admin can neither remove their own admin role nor disable themselves, so one admin remains.
 * Disabling ends the account's sessions (its API tokens stop working while it is disabled).
 */
export async function updateUser(db: Db, by: CurrentUser, id: string, changes: UserChanges): Promise<UserView> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw notFound('Compte');
    const issues: FieldIssue[] = [];
    if (id === by.id && changes.role !== undefined && changes.role !== 'admin') {
      issues.push({ field: 'role', code: 'ownAdminRole' });
    }
    if (id === by.id && changes.disabled === true) issues.push({ field: 'disabled', code: 'ownAccountDisabled' });
    const displayName = changes.displayName?.trim();
    if (displayName !== undefined && displayName.length < 2) {
      issues.push({ field: 'displayName', code: 'tooShort', params: { min: 2 } });
    }
    if (issues.length) throw invalid(issues);
    const role = changes.role ?? current.role;
    const actorId = await memberActor(tx, role, changes.actorId === undefined ? current.actorId : changes.actorId);
    const disabledAt =
      changes.disabled === undefined
        ? current.disabledAt
        : changes.disabled
          ? (current.disabledAt ?? new Date())
          : null;
    await tx
      .update(users)
      .set({ role, actorId, disabledAt, displayName: displayName ?? current.displayName })
      .where(eq(users.id, id));
    if (disabledAt && !current.disabledAt) await endAllSessions(tx, id);
    const [row] = await selectUsers(tx).where(eq(users.id, id));
    if (!row) throw notFound('Compte');
    return toUserView(row);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Personal API tokens

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const apiTokenPrefix = 'alliances_';

/** Creates a personal API token carrying the owner's role; the clear token is returned here only. */
export async function createApiToken(
  db: Db,
  owner: CurrentUser,
  name: string,
): Promise<ApiTokenView & { token: string }> {
  const token = `${apiTokenPrefix}${newToken()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: owner.id, name: name.trim(), tokenHash: hashToken(token) })
    .returning();
  if (!row) throw new Error('API token not inserted');
  return { ...toApiTokenView(row), token };
}

function toApiTokenView(row: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** The owner's tokens still in force, newest first. */
export async function listApiTokens(db: Db, owner: CurrentUser): Promise<ApiTokenView[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, owner.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiTokenView);
}

/** Revokes one of the owner's tokens; another user's token, or one already revoked, is not found. */
export async function revokeApiToken(db: Db, owner: CurrentUser, id: string): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, owner.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!revoked.length) throw notFound('Jeton d’API');
}
