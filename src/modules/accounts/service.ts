import { and, eq, gt, isNull } from 'drizzle-orm';
import type { UserRole } from '../../auth/roles.js';
import { hashToken } from '../../auth/tokens.js';
import type { Db } from '../../db/client.js';
import { apiTokens, sessions, users } from './schema.js';

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  actorId: string | null;
  locale: string;
}

const currentUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  actorId: users.actorId,
  locale: users.locale,
};

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
    .select({ user: currentUserColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return row.user as CurrentUser;
}
