// Erasure (RGPD right to be forgotten): an account or a listed person is anonymised in one transaction. What they
// wrote stays (proposals, contact logs, history) under « Personne effacée »; what only served them (sessions,
// tokens, notifications, mails to their address) is deleted.
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { notFound } from '../../errors.js';
import {
  apiTokens,
  invitations,
  loginFailures,
  outbox,
  passwordResets,
  sessions,
  signupRequests,
  users,
} from '../accounts/schema.js';
import { emailIs, loginEmailKey } from '../accounts/service.js';
import { actorPeople, actors } from '../actors/schema.js';
import { actorClaims } from '../imports/claims/schema.js';
import { notificationPreferences, notificationSettings, notifications } from '../notifications/schema.js';
import { erasedName, type Needle, needlesOf, scrubFreeText } from './scrub.js';

/** A unique address that can never receive mail (`.invalid` is reserved, RFC 2606), keeping users.email unique. */
const erasedEmail = (userId: string) => `efface-${userId}@efface.invalid`;

/**
 * Anonymises the people rows with this e-mail (or these ids): name « Personne effacée », no e-mail nor phone; the
 * organisation's address and phone too when they were the person's. Returns what to search for in free text.
 */
async function anonymisePeople(db: Handle, where: SQL, now: Date): Promise<Needle[]> {
  const people = await db.select().from(actorPeople).where(where);
  if (!people.length) return [];
  await db
    .update(actorPeople)
    .set({ name: erasedName, email: null, phone: null, reviewedAt: now })
    .where(
      inArray(
        actorPeople.id,
        people.map((p) => p.id),
      ),
    );
  const needles = people.flatMap(needlesOf);
  for (const p of people) {
    if (p.email) await db.update(actors).set({ email: null }).where(emailIs(p.email, actors.email));
    if (p.phone) await db.update(actors).set({ phone: null }).where(eq(actors.phone, p.phone));
  }
  return needles;
}

/** Erases an account; must run inside the caller's transaction. Returns when it was erased. */
export async function eraseAccountIn(tx: Handle, userId: string, now = new Date()): Promise<Date> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw notFound('Compte');
  if (user.erasedAt) return user.erasedAt;
  const email = user.email;

  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
  await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await tx.delete(notificationSettings).where(eq(notificationSettings.userId, userId));
  await tx.delete(invitations).where(emailIs(email, invitations.email));
  await tx.delete(outbox).where(emailIs(email, outbox.recipient));
  await tx.delete(loginFailures).where(eq(loginFailures.emailKey, loginEmailKey(email)));
  await tx.delete(signupRequests).where(eq(signupRequests.emailKey, loginEmailKey(email)));
  await tx
    .update(actorClaims)
    .set({ email: erasedEmail(userId) })
    .where(emailIs(email, actorClaims.email));

  const peopleNeedles = await anonymisePeople(tx, emailIs(email, actorPeople.email), now);
  await tx
    .update(users)
    .set({
      email: erasedEmail(userId),
      displayName: erasedName,
      passwordHash: null,
      communeCode: null,
      disabledAt: user.disabledAt ?? now,
      erasedAt: now,
    })
    .where(eq(users.id, userId));
  await scrubFreeText(tx, [...needlesOf({ name: user.displayName, email }), ...peopleNeedles]);
  return now;
}

/**
 * Erases a person listed by an organisation (their row stays, anonymised, with its consent history). When an account
 * uses the same address, the account is a separate subject: its mails and the address elsewhere are left to its own
 * erasure.
 */
export async function erasePersonIn(tx: Handle, personId: string, now = new Date()): Promise<Date> {
  const [person] = await tx.select().from(actorPeople).where(eq(actorPeople.id, personId)).for('update');
  if (!person) throw notFound('Personne');
  // Already erased: nothing left to search for (the placeholders must never be searched for themselves).
  if (person.name === erasedName && !person.email && !person.phone) return person.reviewedAt ?? now;
  let needles = await anonymisePeople(tx, eq(actorPeople.id, personId), now);
  if (person.email) {
    const [account] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(emailIs(person.email, users.email), isNull(users.erasedAt)));
    if (account) needles = needles.filter((n) => n.value !== person.email);
    else await tx.delete(outbox).where(emailIs(person.email, outbox.recipient));
  }
  await scrubFreeText(tx, needles);
  return now;
}
