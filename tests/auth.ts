import { randomBytes } from 'node:crypto';
import type { UserRole } from '../src/auth/roles.js';
import { csrfHeader, sessionCookie } from '../src/auth/session.js';
import { hashToken, newToken } from '../src/auth/tokens.js';
import type { Db } from '../src/db/client.js';
import { sessions, users } from '../src/modules/accounts/schema.js';
import type { CurrentUser } from '../src/modules/accounts/service.js';

export interface SignedIn {
  user: CurrentUser;
  /** Headers for app.inject(): the session cookie and its CSRF token. */
  headers: Record<string, string>;
}

/** Inserts a user of the given role with an open session, straight into the tables (no HTTP, no password hashing). */
export async function signedInAs(db: Db, role: UserRole, actorId: string | null = null): Promise<SignedIn> {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.local`;
  const [row] = await db
    .insert(users)
    .values({ email, displayName: `Test ${role}`, role, actorId })
    .returning({ id: users.id });
  if (!row) throw new Error('user not inserted');
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: row.id,
    csrfToken,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return {
    user: { id: row.id, email, displayName: `Test ${role}`, role, actorId, locale: 'fr' },
    headers: { cookie: `${sessionCookie}=${token}`, [csrfHeader]: csrfToken },
  };
}
