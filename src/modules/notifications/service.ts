import { and, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { staff } from '../../auth/roles.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { queueMail } from '../mail/service.js';
import { notificationSettings, notifications } from './schema.js';
import type { NotificationChoice, NotificationKind } from './vocabulary.js';

export interface NotificationMessage {
  kind: NotificationKind;
  /** Short French title; never a person's name, e-mail or phone (it may be e-mailed). */
  title: string;
  body: string;
  /** A path in the application, e.g. `/mises-en-relation`. */
  link: string;
}

const weekMs = 7 * 24 * 3600_000;

/**
 * Tells the active members of an actor who consented to matchmaking news: in the application, and by e-mail at once
 * for those who chose « instant » (the weekly digest takes the others). Returns how many users were told. One
 * transaction (a savepoint in the caller's when given one): all members are told, or none.
 */
export function notifyActorMembers(
  db: Db,
  actorId: string,
  message: NotificationMessage,
  publicUrl: string,
): Promise<number> {
  return db.transaction((tx) => notifyIn(tx, actorId, message, publicUrl));
}

async function notifyIn(db: Db, actorId: string, message: NotificationMessage, publicUrl: string): Promise<number> {
  const recipients = await db
    .select({ id: users.id, email: users.email, matching: notificationSettings.matching })
    .from(users)
    .innerJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(
      and(
        eq(users.actorId, actorId),
        eq(users.role, 'member'),
        isNull(users.disabledAt),
        inArray(notificationSettings.matching, ['instant', 'weekly']),
      ),
    );
  await deliver(db, recipients, message, publicUrl, choiceFooter('des mises en relation', publicUrl));
  return recipients.length;
}

type Recipient = { id: string; email: string; matching: NotificationChoice | null };

/** Why the e-mail came: `about` completes « vous avez choisi d’être prévenu·e … ». */
const choiceFooter = (about: string, publicUrl: string) =>
  `Vous recevez ce message parce que vous avez choisi d’être prévenu·e ${about}. Pour changer ce choix : ${publicUrl}/compte`;

/**
 * Writes the notification for each recipient, and e-mails at once (through the outbox) those who chose « instant »;
 * the weekly digest takes those who chose it. `footer` ends the e-mail: why it came.
 */
async function deliver(
  db: Db,
  recipients: Recipient[],
  message: NotificationMessage,
  publicUrl: string,
  footer: string,
) {
  for (const user of recipients) {
    const instant = user.matching === 'instant';
    await db.insert(notifications).values({ userId: user.id, ...message, mailedAt: instant ? new Date() : null });
    if (instant) {
      await queueMail(db, {
        to: user.email,
        subject: `[Alliances] ${message.title}`,
        body: `${message.body}\n\n${publicUrl}${message.link}\n\n${footer}`,
      });
    }
  }
}

/**
 * Tells the given users (disabled accounts skipped) in the application, whatever their choice — it concerns them
 * directly, as an invitation — and by e-mail at once those who chose « instant ». Runs in the caller's handle (its
 * transaction). Returns how many users were told.
 */
export async function notifyUsers(
  db: Db,
  userIds: string[],
  message: NotificationMessage,
  publicUrl: string,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const recipients = await db
    .select({ id: users.id, email: users.email, matching: notificationSettings.matching })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(and(inArray(users.id, userIds), isNull(users.disabledAt)));
  await deliver(db, recipients, message, publicUrl, choiceFooter('de vos notifications par e-mail', publicUrl));
  return recipients.length;
}

/**
 * Tells every active admin and animator of something their work needs (a funding deadline): in the application and
 * by e-mail at once, whatever their matchmaking choice, which is about matchmaking news only. Runs in the caller's
 * handle (its transaction). Returns how many were told.
 */
export async function notifyStaff(db: Db, message: NotificationMessage, publicUrl: string): Promise<number> {
  const recipients = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.role, staff), isNull(users.disabledAt)));
  await deliver(
    db,
    recipients.map((r) => ({ ...r, matching: 'instant' as const })),
    message,
    publicUrl,
    'Vous recevez ce message parce que votre compte fait partie de l’équipe d’animation\u202f: les échéances des financements sont envoyées à toute l’équipe.',
  );
  return recipients.length;
}

/**
 * Sends the weekly digest to each user who chose it and whose last digest is a week old or more: one e-mail with the
 * notifications not yet mailed. Returns the number of digests sent.
 */
export async function sendWeeklyDigests(db: Db, publicUrl: string, now: Date = new Date()): Promise<number> {
  const due = await db
    .select({ userId: users.id, email: users.email })
    .from(notificationSettings)
    .innerJoin(users, eq(users.id, notificationSettings.userId))
    .where(
      and(
        eq(notificationSettings.matching, 'weekly'),
        isNull(users.disabledAt),
        or(
          isNull(notificationSettings.lastDigestAt),
          lte(notificationSettings.lastDigestAt, new Date(now.getTime() - weekMs)),
        ),
      ),
    );
  let sent = 0;
  for (const user of due) {
    await db.transaction(async (tx) => {
      const pending = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, user.userId), isNull(notifications.mailedAt)))
        .orderBy(notifications.createdAt);
      await tx
        .update(notificationSettings)
        .set({ lastDigestAt: now })
        .where(eq(notificationSettings.userId, user.userId));
      if (!pending.length) return;
      const lines = pending.map((n) => `• ${n.title}\n  ${n.body}\n  ${publicUrl}${n.link}`);
      await queueMail(tx, {
        to: user.email,
        subject: `[Alliances] Vos mises en relation de la semaine (${pending.length})`,
        body: `${lines.join('\n\n')}\n\nPour changer ce choix : ${publicUrl}/compte`,
      });
      await tx
        .update(notifications)
        .set({ mailedAt: now })
        .where(
          inArray(
            notifications.id,
            pending.map((n) => n.id),
          ),
        );
      sent++;
    });
  }
  return sent;
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

export async function getSettings(db: Db, user: CurrentUser) {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, user.id));
  return { matching: row?.matching ?? 'off', consentedAt: row?.consentedAt?.toISOString() ?? null };
}

/** Records the user's choice; consenting (anything but « off ») stamps when, withdrawing clears it. */
export async function updateSettings(db: Db, user: CurrentUser, matching: NotificationChoice) {
  const consentedAt = matching === 'off' ? null : new Date();
  await db
    .insert(notificationSettings)
    .values({ userId: user.id, matching, consentedAt, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: {
        matching,
        // Changing between instant and weekly keeps the first consent's date.
        consentedAt: matching === 'off' ? null : sql`coalesce(${notificationSettings.consentedAt}, now())`,
        updatedAt: new Date(),
      },
    });
  return getSettings(db, user);
}
