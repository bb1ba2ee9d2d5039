import { and, desc, eq, gt, inArray, isNull, lte, not, or, sql } from 'drizzle-orm';
import { staff } from '../../auth/roles.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { queueMail } from '../mail/service.js';
import { emailsWithdrawn, kindChosenWeekly } from './filters.js';
import { notificationPreferences, notificationSettings, notifications } from './schema.js';
import { defaultChoices, type NotificationChoice, type NotificationKind } from './vocabulary.js';

export interface NotificationMessage {
  kind: NotificationKind;
  /** Short French title; never a person's name, e-mail or phone (it may be e-mailed). */
  title: string;
  body: string;
  /** A path in the application, e.g. `/mises-en-relation`. */
  link: string;
}

const weekMs = 7 * 24 * 3600_000;

/** Accounts that may be told anything: neither disabled nor erased. */
const reachable = and(isNull(users.disabledAt), isNull(users.erasedAt));

/** Why the e-mail came, and where to change it. */
const preferencesFooter = (publicUrl: string) =>
  `Vous recevez ce message selon vos préférences de notification. Pour les changer : ${publicUrl}/compte`;

/**
 * The one way to tell users something (an invitation, an answer…): for each reachable user among `userIds`, by
 * their choice for the message's kind (or its default): « off » nothing; « weekly » in the application, the digest
 * mails it later; « instant » in the application and by e-mail now (through the outbox). A user who withdrew the
 * consent to e-mails is told in the application only. Runs in the caller's handle (its transaction). Returns how
 * many users were told.
 */
export async function notify(db: Db, userIds: string[], message: NotificationMessage, publicUrl: string) {
  if (userIds.length === 0) return 0;
  const choice = sql<NotificationChoice>`coalesce(${notificationPreferences.choice}, ${defaultChoices[message.kind]})`;
  const recipients = await db
    .select({ id: users.id, email: users.email, withdrawn: emailsWithdrawn(users.id).mapWith(Boolean), choice })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, message.kind)),
    )
    .where(and(inArray(users.id, [...new Set(userIds)]), reachable, sql`${choice} <> 'off'`));
  if (recipients.length === 0) return 0;
  const instant = (r: (typeof recipients)[number]) => r.choice === 'instant' && !r.withdrawn;
  await db
    .insert(notifications)
    .values(recipients.map((r) => ({ userId: r.id, ...message, mailedAt: instant(r) ? new Date() : null })));
  for (const user of recipients.filter(instant)) {
    await queueMail(db, {
      to: user.email,
      subject: `[Alliances] ${message.title}`,
      body: `${message.body}\n\n${publicUrl}${message.link}\n\n${preferencesFooter(publicUrl)}`,
    });
  }
  return recipients.length;
}

/**
 * Tells the members of an actor (matchmaking news: off unless they chose otherwise). One transaction (a savepoint in
 * the caller's when given one): all members are told, or none. Returns how many users were told.
 */
export function notifyActorMembers(
  db: Db,
  actorId: string,
  message: NotificationMessage,
  publicUrl: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const members = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.actorId, actorId), eq(users.role, 'member')));
    return notify(
      tx,
      members.map((m) => m.id),
      message,
      publicUrl,
    );
  });
}

/** Tells every admin and animator of something their work needs (a funding deadline). See `notify`. */
export async function notifyStaff(db: Db, message: NotificationMessage, publicUrl: string): Promise<number> {
  const team = await db.select({ id: users.id }).from(users).where(inArray(users.role, staff));
  return notify(
    db,
    team.map((u) => u.id),
    message,
    publicUrl,
  );
}

/** How far back the digest looks: the week between two digests, plus the hourly schedule's slack. */
const digestWindowMs = 8 * 24 * 3600_000;

/**
 * SQL: the notifications the next digest mails: not mailed yet, of a kind the user set to « weekly », to a user who
 * did not withdraw e-mails, and recent (an older unmailed one was not for the digest when it went out: never
 * rescanned).
 */
const awaitingDigest = (now: Date) =>
  and(
    isNull(notifications.mailedAt),
    gt(notifications.createdAt, new Date(now.getTime() - digestWindowMs)),
    kindChosenWeekly(),
    not(emailsWithdrawn(notifications.userId)),
  );

/**
 * Sends the weekly digest to each reachable user whose last digest is a week old or more and who has notifications
 * awaiting it (see `sendDigest`). Returns the number of digests sent.
 */
export async function sendWeeklyDigests(db: Db, publicUrl: string, now: Date = new Date()): Promise<number> {
  const due = await db
    .selectDistinct({ userId: users.id, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(
      and(
        awaitingDigest(now),
        reachable,
        or(
          isNull(notificationSettings.lastDigestAt),
          lte(notificationSettings.lastDigestAt, new Date(now.getTime() - weekMs)),
        ),
      ),
    );
  let sent = 0;
  for (const user of due) if (await sendDigest(db, user, publicUrl, now)) sent++;
  return sent;
}

/**
 * One user's digest, in one transaction: their settings row is locked and the week since the last digest checked
 * again (a run that overlaps another finds it just sent), then the notifications awaiting it are claimed (mailed_at
 * set) and one e-mail queued with them. Returns whether a digest was sent.
 */
export function sendDigest(
  db: Db,
  user: { userId: string; email: string },
  publicUrl: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.insert(notificationSettings).values({ userId: user.userId }).onConflictDoNothing();
    const [settings] = await tx
      .select({ lastDigestAt: notificationSettings.lastDigestAt })
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, user.userId))
      .for('update');
    if (settings?.lastDigestAt && settings.lastDigestAt.getTime() > now.getTime() - weekMs) return false;
    const claimed = await tx
      .update(notifications)
      .set({ mailedAt: now })
      .where(and(eq(notifications.userId, user.userId), awaitingDigest(now)))
      .returning();
    if (!claimed.length) return false;
    await tx
      .update(notificationSettings)
      .set({ lastDigestAt: now, updatedAt: now })
      .where(eq(notificationSettings.userId, user.userId));
    claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const lines = claimed.map((n) => `• ${n.title}\n  ${n.body}\n  ${publicUrl}${n.link}`);
    await queueMail(tx, {
      to: user.email,
      subject: `[Alliances] Vos notifications de la semaine (${claimed.length})`,
      body: `${lines.join('\n\n')}\n\n${preferencesFooter(publicUrl)}`,
    });
    return true;
  });
}

const view = (row: typeof notifications.$inferSelect) => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export async function listNotifications(db: Db, user: CurrentUser, query: { unread?: boolean; limit: number }) {
  const mine = eq(notifications.userId, user.id);
  const rows = await db
    .select()
    .from(notifications)
    .where(query.unread ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items: rows.map(view), unread: count?.n ?? 0 };
}

/** Marks one notification read; another user's is « not found » (its existence is not disclosed). */
export async function markRead(db: Db, user: CurrentUser, id: string): Promise<void> {
  const done = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, user.id)))
    .returning({ id: notifications.id });
  if (!done.length) throw notFound('Notification');
}

export async function markAllRead(db: Db, user: CurrentUser): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
}
