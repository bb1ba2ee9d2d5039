// Citizens (issue 9): a person without organisation signs up by themselves to take part in the territorial dialogue.
import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { Db, Handle } from '../../db/client.js';
import { invalid, parseInput, RateLimited } from '../../errors.js';
import { queueMail } from '../mail/service.js';
import { communes } from '../reference/schema.js';
import { type CitizenSignupBody, type CurrentUserView, citizenSignupBody } from './contract.js';
import { stillValid } from './invitations.js';
import { invitations, signupRequests, users } from './schema.js';
import { type CurrentUser, emailInUse, loginEmailKey, publicLink, sessionView } from './service.js';

/** A self sign-up's link is valid 48 hours (an animator's invitation, 14 days). */
export const signupLifetimeMs = 48 * 3600_000;
/** Requests counted over the last hour: 3 for one address, or 10 from one client, refuse more. */
export const signupWindowMs = 3600_000;
export const maxSignupsPerEmail = 3;
export const maxSignupsPerIp = 10;

/**
 * Client addresses are counted as keyed hashes (as for actor claims): the configuration has no server secret, so
 * each process draws its key and keeps it in memory; after a restart earlier requests no longer count, a bounded leak.
 */
const ipKey = randomBytes(32);
const hashIp = (ip: string) => createHmac('sha256', ipKey).update(ip).digest('hex');

type Locale = 'fr' | 'en';

const mails = {
  invitation: {
    fr: {
      subject: 'Votre inscription au dialogue territorial Alliances',
      body: (link: string) =>
        [
          'Bonjour,',
          '',
          'Vous avez demandé à créer un compte citoyen sur Alliances pour participer au dialogue territorial.',
          'Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable 48 heures, une seule fois) :',
          link,
          '',
          'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement ce message : aucun compte ne sera créé.',
          '',
          '— Alliances',
        ].join('\n'),
    },
    en: {
      subject: 'Your sign-up to the Alliances territorial dialogue',
      body: (link: string) =>
        [
          'Hello,',
          '',
          'You asked for a citizen account on Alliances to take part in the territorial dialogue.',
          'To choose your password and activate your account, open this link (valid 48 hours, once):',
          link,
          '',
          'If you did not ask for it, just ignore this message: no account will be created.',
          '',
          '— Alliances',
        ].join('\n'),
    },
  },
  existing: {
    fr: {
      subject: 'Vous avez déjà un compte Alliances',
      body: (login: string, reset: string) =>
        [
          'Bonjour,',
          '',
          'Une inscription au dialogue territorial a été demandée avec cette adresse, mais vous avez déjà un compte Alliances.',
          `Connectez-vous : ${login}`,
          `Mot de passe oublié ? Choisissez-en un nouveau : ${reset}`,
          '',
          'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement ce message.',
          '',
          '— Alliances',
        ].join('\n'),
    },
    en: {
      subject: 'You already have an Alliances account',
      body: (login: string, reset: string) =>
        [
          'Hello,',
          '',
          'A sign-up to the territorial dialogue was asked with this address, but you already have an Alliances account.',
          `Sign in: ${login}`,
          `Forgot your password? Choose a new one: ${reset}`,
          '',
          'If you did not ask for it, just ignore this message.',
          '',
          '— Alliances',
        ].join('\n'),
    },
  },
} as const;

/** Checks a commune code against the reference communes (null: none given). */
export async function checkCommune(db: Handle, code: string | null | undefined, field = 'communeCode') {
  if (!code) return null;
  const [row] = await db.select({ code: communes.code }).from(communes).where(eq(communes.code, code));
  if (!row) throw invalid([{ field, code: 'unknownCommune' }]);
  return row.code;
}

/** Counts this request, and refuses it past the limits; old requests are forgotten at each call. */
async function countSignupRequest(tx: Handle, email: string, ip: string) {
  const emailKey = loginEmailKey(email);
  const ipHash = hashIp(ip);
  // One client's requests, serialised, so that the counts below hold under concurrent requests.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`signups:${ipHash}`}))`);
  const since = new Date(Date.now() - signupWindowMs);
  await tx.delete(signupRequests).where(lt(signupRequests.at, since));
  const byEmail = await tx.$count(
    signupRequests,
    and(eq(signupRequests.emailKey, emailKey), gt(signupRequests.at, since)),
  );
  const byIp = await tx.$count(signupRequests, and(eq(signupRequests.ipHash, ipHash), gt(signupRequests.at, since)));
  if (byEmail >= maxSignupsPerEmail || byIp >= maxSignupsPerIp) {
    throw new RateLimited('Trop de demandes d’inscription : réessayez dans une heure.', signupWindowMs / 1000, [
      { field: byEmail >= maxSignupsPerEmail ? 'email' : 'body', code: 'tooManySignups' },
    ]);
  }
  await tx.insert(signupRequests).values({ emailKey, ipHash });
}

/**
 * A citizen's self sign-up: the code of conduct accepted, an invitation of role citizen (with the commune and the
 * acceptance date, kept on the account when accepted) is e-mailed; the invitation page then sets the password. An
 * address that already has an account gets a note saying so instead, and the caller the same answer, so that which
 * addresses have accounts is not told. A newer sign-up replaces a pending one (an animator's invitation stays valid).
 */
export async function signUpCitizen(db: Db, input: CitizenSignupBody, ip: string, publicUrl: string): Promise<void> {
  const body = parseInput(citizenSignupBody, input);
  const communeCode = await checkCommune(db, body.communeCode);
  await db.transaction(async (tx) => {
    await countSignupRequest(tx, body.email, ip);
    if (await emailInUse(tx as Db, body.email)) {
      const mail = mails.existing[body.locale as Locale];
      await queueMail(tx, {
        to: body.email,
        subject: mail.subject,
        body: mail.body(publicLink(publicUrl, '/connexion'), publicLink(publicUrl, '/mot-de-passe-oublie')),
      });
      return;
    }
    const now = new Date();
    await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(
        and(
          sql`lower(${invitations.email}) = ${body.email}`,
          eq(invitations.role, 'citizen'),
          isNull(invitations.invitedBy),
          stillValid(),
        ),
      );
    const token = newToken();
    await tx.insert(invitations).values({
      tokenHash: hashToken(token),
      email: body.email,
      role: 'citizen',
      displayName: body.displayName,
      locale: body.locale,
      communeCode,
      codeOfConductAcceptedAt: now,
      expiresAt: new Date(now.getTime() + signupLifetimeMs),
    });
    const mail = mails.invitation[body.locale as Locale];
    await queueMail(tx, {
      to: body.email,
      subject: mail.subject,
      body: mail.body(publicLink(publicUrl, `/invitation/${token}`)),
    });
  });
}

/** Sets or clears one's own commune (any signed-in person; it matters for citizens). */
export async function updateOwnCommune(db: Db, me: CurrentUser, code: string | null): Promise<CurrentUserView> {
  const communeCode = await checkCommune(db, code);
  await db.update(users).set({ communeCode }).where(eq(users.id, me.id));
  return sessionView(db, me);
}
