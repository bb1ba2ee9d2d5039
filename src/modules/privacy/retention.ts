// Retention rules (RGPD storage limitation). People listed by organisations and accounts without activity for three
// years are flagged for staff review (kept after review, or erased); technical records are purged when they stop
// serving: expired sessions and password links, old rate-limit counters, mails sent or given up over a year ago,
// mails still unsent after 90 days, notifications read over a year ago, audit entries past their own retention
// (audit/retention.ts). The durations are those of docs/rgpd/registre.md.
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { notFound } from '../../errors.js';
import { loginFailures, outbox, passwordResets, sessions, signupRequests } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { actorPeople } from '../actors/schema.js';
import { requireStaff } from '../actors/visibility.js';
import { purgeExpiredAuditEntries } from '../audit/retention.js';
import { notifications } from '../notifications/schema.js';
import { type RetentionView, retentionYears } from './contract.js';
import { erasedName } from './scrub.js';

const day = 24 * 3600_000;
/** Rate-limit counters only look back minutes (logins) or an hour (sign-ups): a day is plenty. */
const counterRetentionMs = day;
/**
 * Mails sent, or given up after their last attempt (dead letters), are kept a year: proof of what was sent, answer
 * to « je n’ai rien reçu ».
 */
const sentMailRetentionMs = 365 * day;
/** A mail still unsent after 90 days is stale (its links expired, its news is old): it is dropped, never sent. */
const unsentMailRetentionMs = 90 * day;
/** A notification read a year ago has served; unread ones stay until read (or the account is erased). */
const readNotificationRetentionMs = 365 * day;
const listLimit = 500;

function retentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
  return cutoff;
}

/**
 * A listed person's last activity: the latest of their creation, their last review, their latest consent record and
 * the latest contact logged with their organisation (they may have been the one met). Accounts: the latest of
 * creation and last sign-in. Erased people and accounts are not listed again.
 */
const personActivity = sql`greatest(
  p.created_at,
  coalesce(p.reviewed_at, p.created_at),
  coalesce((SELECT max(c.at) FROM consent_records c WHERE c.person_id = p.id), p.created_at),
  coalesce((SELECT max(l.occurred_at) FROM contact_logs l WHERE l.actor_id = p.actor_id), p.created_at))`;
const accountActivity = sql`greatest(u.created_at, coalesce(u.last_login_at, u.created_at))`;

interface Due<T> {
  count: number;
  rows: T[];
}

type PersonRow = { id: string; name: string; role: string; actorId: string; actorName: string; lastActivityAt: Date };
type AccountRow = { id: string; displayName: string; email: string; role: string; lastActivityAt: Date };

async function peopleDue(db: Db, cutoff: Date, limit: number): Promise<Due<PersonRow>> {
  const rows = await rowsOf<PersonRow & { total: number | string }>(
    db,
    sql`SELECT * FROM (
          SELECT p.id, p.name, p.role, p.actor_id AS "actorId", a.name AS "actorName",
                 ${personActivity} AS "lastActivityAt", count(*) OVER () AS total
          FROM actor_people p JOIN actors a ON a.id = p.actor_id
          WHERE p.name <> ${erasedName} AND ${personActivity} < ${cutoff.toISOString()}::timestamptz
        ) due ORDER BY "lastActivityAt", id LIMIT ${limit}`,
  );
  return { count: Number(rows[0]?.total ?? 0), rows };
}

async function accountsDue(db: Db, cutoff: Date, limit: number): Promise<Due<AccountRow>> {
  const rows = await rowsOf<AccountRow & { total: number | string }>(
    db,
    sql`SELECT u.id, u.display_name AS "displayName", u.email, u.role::text AS role,
               ${accountActivity} AS "lastActivityAt", count(*) OVER () AS total
        FROM users u
        WHERE u.erased_at IS NULL AND ${accountActivity} < ${cutoff.toISOString()}::timestamptz
        ORDER BY "lastActivityAt", u.id LIMIT ${limit}`,
  );
  return { count: Number(rows[0]?.total ?? 0), rows };
}

const iso = (value: Date | string) => new Date(value).toISOString();

export async function retentionReport(db: Db, viewer: CurrentUser, now = new Date()): Promise<RetentionView> {
  requireStaff(viewer);
  const cutoff = retentionCutoff(now);
  const [people, accounts] = [await peopleDue(db, cutoff, listLimit), await accountsDue(db, cutoff, listLimit)];
  return {
    cutoff: cutoff.toISOString(),
    people: people.rows.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      actorId: p.actorId,
      actorName: p.actorName,
      lastActivityAt: iso(p.lastActivityAt),
    })),
    accounts: accounts.rows.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      email: a.email,
      role: a.role,
      lastActivityAt: iso(a.lastActivityAt),
    })),
  };
}

/** « Conserver »: staff reviewed the person and keep them; the retention period starts again. */
export async function markPersonReviewed(db: Db, viewer: CurrentUser, personId: string, now = new Date()) {
  requireStaff(viewer);
  const [row] = await db
    .update(actorPeople)
    .set({ reviewedAt: now })
    .where(eq(actorPeople.id, personId))
    .returning({ reviewedAt: actorPeople.reviewedAt });
  if (!row?.reviewedAt) throw notFound('Personne');
  return { reviewedAt: row.reviewedAt.toISOString() };
}

export interface RetentionRun {
  peopleToReview: number;
  accountsToReview: number;
  sessions: number;
  passwordResets: number;
  loginFailures: number;
  signupRequests: number;
  sentMails: number;
  deadMails: number;
  unsentMails: number;
  readNotifications: number;
  auditEntries: number;
}

const countOf = (rows: unknown[]) => rows.length;

/** The retention pass (CLI `retention`): counts what is due for review, purges what no longer serves. */
export async function runRetention(db: Db, now = new Date()): Promise<RetentionRun> {
  const cutoff = retentionCutoff(now);
  const counters = new Date(now.getTime() - counterRetentionMs);
  const before = (ms: number) => new Date(now.getTime() - ms);
  const mails = before(sentMailRetentionMs);
  const purged = await db.transaction(async (tx) => ({
    sessions: countOf(
      await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.tokenHash }),
    ),
    passwordResets: countOf(
      await tx
        .delete(passwordResets)
        .where(or(lt(passwordResets.expiresAt, now), isNotNull(passwordResets.usedAt)))
        .returning({ id: passwordResets.tokenHash }),
    ),
    loginFailures: countOf(
      await tx.delete(loginFailures).where(lt(loginFailures.at, counters)).returning({ id: loginFailures.id }),
    ),
    signupRequests: countOf(
      await tx.delete(signupRequests).where(lt(signupRequests.at, counters)).returning({ id: signupRequests.id }),
    ),
    sentMails: countOf(
      await tx
        .delete(outbox)
        .where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, mails)))
        .returning({ id: outbox.id }),
    ),
    deadMails: countOf(
      await tx
        .delete(outbox)
        .where(and(isNotNull(outbox.deadAt), lt(outbox.deadAt, mails)))
        .returning({ id: outbox.id }),
    ),
    unsentMails: countOf(
      await tx
        .delete(outbox)
        .where(and(isNull(outbox.sentAt), isNull(outbox.deadAt), lt(outbox.createdAt, before(unsentMailRetentionMs))))
        .returning({ id: outbox.id }),
    ),
    readNotifications: countOf(
      await tx
        .delete(notifications)
        .where(lt(notifications.readAt, before(readNotificationRetentionMs)))
        .returning({ id: notifications.id }),
    ),
  }));
  const auditEntries = await purgeExpiredAuditEntries(db, now);
  // One row is enough: the window count is taken before the limit.
  const people = await peopleDue(db, cutoff, 1);
  const accounts = await accountsDue(db, cutoff, 1);
  return { peopleToReview: people.count, accountsToReview: accounts.count, ...purged, auditEntries };
}
