import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { queueMail } from '../mail/service.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { loginFailures, passwordResets, users } from './schema.js';
import { endAllSessions, loginEmailKey, normaliseEmail, publicLink } from './service.js';

export const passwordResetLifetimeMs = 3600_000;
/** A first password set by an admin's link (CLI create-admin) may wait longer than a reset asked for oneself. */
export const passwordSetupLifetimeMs = 24 * 3600_000;

export type PasswordLinkKind = 'reset' | 'setup';

const mails: Record<PasswordLinkKind, { subject: string; body: (link: string) => string }> = {
  reset: {
    subject: 'Réinitialisation de votre mot de passe Alliances',
    body: (link) =>
      [
        'Bonjour,',
        '',
        'Une réinitialisation du mot de passe de votre compte Alliances a été demandée.',
        'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :',
        link,
        '',
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
        '',
        '— Alliances',
      ].join('\n'),
  },
  setup: {
    subject: 'Votre compte Alliances : choisissez votre mot de passe',
    body: (link) =>
      [
        'Bonjour,',
        '',
        'Un compte Alliances a été créé pour vous.',
        'Pour choisir votre mot de passe, ouvrez ce lien (valable 24 heures, une seule fois) :',
        link,
        '',
        '— Alliances',
      ].join('\n'),
  },
};

/**
 * Issues a single-use link `${publicUrl}/reinitialiser/${token}` that sets a user's password, and queues the e-mail
 * carrying it. Returns the link (the CLI prints it).
 */
export async function issuePasswordLink(
  db: Db,
  user: { id: string; email: string },
  publicUrl: string,
  kind: PasswordLinkKind = 'reset',
): Promise<string> {
  const token = newToken();
  const lifetime = kind === 'reset' ? passwordResetLifetimeMs : passwordSetupLifetimeMs;
  const link = publicLink(publicUrl, `/reinitialiser/${token}`);
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + lifetime),
    });
    await queueMail(tx, { to: user.email, subject: mails[kind].subject, body: mails[kind].body(link) });
  });
  return link;
}

/** E-mails a reset link to an active account; does nothing, and says nothing, for an unknown or disabled address. */
export async function requestPasswordReset(db: Db, email: string, publicUrl: string): Promise<void> {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normaliseEmail(email)}`, isNull(users.disabledAt)));
  if (user) await issuePasswordLink(db, user, publicUrl, 'reset');
}

/**
 * Sets a new password with a reset link's token. The link works once; every other pending link of the account is
 * spent too, all its sessions end and its failed logins are forgotten.
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  checkPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const now = new Date();
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset) throw invalid([{ field: 'token', code: 'tokenInvalid' }], 'Lien invalide ou expiré');
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await endAllSessions(tx, reset.userId);
    if (user) await tx.delete(loginFailures).where(eq(loginFailures.emailKey, loginEmailKey(user.email)));
  });
}
