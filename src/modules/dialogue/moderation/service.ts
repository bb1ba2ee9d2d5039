// Reports and moderation decisions of the dialogue. Content is hidden, never deleted; every decision keeps its reason.
import { and, asc, desc, eq, inArray, max, min, sql } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { conflict, DomainError, parseInput } from '../../../errors.js';
import { users } from '../../accounts/schema.js';
import type { CurrentUser } from '../../accounts/service.js';
import { isUniqueViolation } from '../../accounts/service.js';
import { tellContentHidden } from '../../notifications/dialogue.js';
import { visibleProposal } from '../access.js';
import { setPledgeOffersOpen } from '../contributions.js';
import { contentReports, moderationDecisions, proposalComments, proposals } from '../schema.js';
import type { ModerationTarget, ReportStatus } from '../vocabulary.js';
import { contentDetails, contentOf } from './content.js';
import {
  type DecisionBody,
  type DecisionView,
  decisionBody,
  type QueuePage,
  type QueueQuery,
  queueQuery,
  type ReportBody,
  type ReportCreated,
  reportBody,
} from './contract.js';

/** The reports' column naming the content: comment reports carry their proposal too, so the comment decides. */
const reportContentId = sql<string>`coalesce(${contentReports.commentId}, ${contentReports.proposalId})`;

const reportsOf = (target: ModerationTarget, id: string) =>
  and(
    eq(contentReports.target, target),
    target === 'proposal' ? eq(contentReports.proposalId, id) : eq(contentReports.commentId, id),
  );

const decisionsOf = (target: ModerationTarget, id: string) =>
  and(
    eq(moderationDecisions.target, target),
    target === 'proposal' ? eq(moderationDecisions.proposalId, id) : eq(moderationDecisions.commentId, id),
  );

const contentHidden = () =>
  conflict('Ce contenu est déjà masqué par la modération', [{ field: 'id', code: 'contentHidden' }]);

const alreadyReported = () =>
  conflict('Vous avez déjà signalé ce contenu ; les animateurs vont l’examiner', [
    { field: 'id', code: 'alreadyReported' },
  ]);

/**
 * Reports a proposal or a comment: not one's own, not a hidden one, one open report per person and content. The
 * partial unique index `content_reports_open_uq` (reporter, comment or proposal) holds that last rule: the check
 * gives the usual answer, and two requests at once that both pass it end in a unique violation, mapped to the same
 * conflict (no lock needed).
 */
export async function reportContent(db: Db, by: CurrentUser, input: ReportBody): Promise<ReportCreated> {
  const body = parseInput(reportBody, input);
  try {
    return await db.transaction(async (tx) => {
      const content = await contentOf(tx, body.target, body.id);
      if (content.hiddenAt || content.proposalHidden) throw contentHidden();
      // What the reporter cannot read (a draft challenge's proposal) is not found, as on the dialogue's pages.
      await visibleProposal(tx, by, content.proposalId);
      if (content.authorUserId === by.id) {
        throw new DomainError('forbidden', 'Vous ne pouvez pas signaler votre propre contribution', [
          { field: 'id', code: 'ownContentReport' },
        ]);
      }
      const [open] = await tx
        .select({ id: contentReports.id })
        .from(contentReports)
        .where(
          and(
            reportsOf(body.target, body.id),
            eq(contentReports.reporterUserId, by.id),
            eq(contentReports.status, 'open'),
          ),
        );
      if (open) throw alreadyReported();
      const [row] = await tx
        .insert(contentReports)
        .values({
          target: body.target,
          proposalId: content.proposalId,
          commentId: body.target === 'comment' ? body.id : null,
          reporterUserId: by.id,
          reason: body.reason,
          details: body.details,
        })
        .returning();
      if (!row) throw new Error('report not inserted');
      return {
        id: row.id,
        target: row.target,
        contentId: body.id,
        reason: row.reason,
        details: row.details,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyReported();
    throw error;
  }
}

/** How many contents have open reports. */
export async function openReportCount(db: Handle): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct (${contentReports.target}, ${reportContentId}))`.mapWith(Number) })
    .from(contentReports)
    .where(eq(contentReports.status, 'open'));
  return row?.n ?? 0;
}

/**
 * The queue, one row per reported content: `open` holds those with reports waiting, oldest first; `resolved` those
 * whose reports were all decided, the latest decided first. Open rows list their open reports, resolved rows all.
 */
export async function moderationQueue(db: Db, by: CurrentUser, input: QueueQuery): Promise<QueuePage> {
  const query = parseInput(queueQuery, input);
  const openCount = sql<number>`count(*) filter (where ${contentReports.status} = 'open')`.mapWith(Number);
  const lastResolved = max(contentReports.resolvedAt);
  const groups = await db
    .select({
      target: contentReports.target,
      contentId: reportContentId,
      open: openCount,
      first: min(contentReports.createdAt),
      last: max(contentReports.createdAt),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(contentReports)
    .groupBy(contentReports.target, reportContentId)
    .having(query.status === 'open' ? sql`${openCount} > 0` : sql`${openCount} = 0`)
    .orderBy(
      ...(query.status === 'open' ? [asc(min(contentReports.createdAt))] : [desc(lastResolved)]),
      asc(reportContentId),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  const idsOf = (target: ModerationTarget) => groups.filter((g) => g.target === target).map((g) => g.contentId);
  const details = await contentDetails(db, by, idsOf('proposal'), idsOf('comment'));
  const reports =
    groups.length === 0
      ? []
      : await db
          .select({
            id: contentReports.id,
            contentId: reportContentId,
            reason: contentReports.reason,
            details: contentReports.details,
            status: contentReports.status,
            createdAt: contentReports.createdAt,
          })
          .from(contentReports)
          .where(
            and(
              inArray(
                reportContentId,
                groups.map((g) => g.contentId),
              ),
              query.status === 'open' ? eq(contentReports.status, 'open') : undefined,
            ),
          )
          .orderBy(asc(contentReports.createdAt));

  const items = groups.flatMap((g) => {
    const d = details.get(g.contentId);
    if (!d || !g.first || !g.last) return [];
    return [
      {
        target: g.target,
        id: g.contentId,
        ...d,
        openReports: g.open,
        reports: reports
          .filter((r) => r.contentId === g.contentId)
          .map((r) => ({ ...r, status: r.status as ReportStatus, createdAt: r.createdAt.toISOString() }))
          .map(({ contentId: _, ...r }) => r),
        firstReportedAt: g.first.toISOString(),
        lastReportedAt: g.last.toISOString(),
      },
    ];
  });
  return { items, total: groups[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * A moderator's decision, in one transaction: `hide` sets the content's hidden state (never deletes) and upholds
 * its open reports, `restore` clears it, `dismiss` keeps the content visible; both dismiss the open reports. The
 * decision is kept with its reason. Hiding hidden content, restoring visible content, or dismissing without open
 * reports is a conflict.
 */
export async function decide(db: Db, by: CurrentUser, input: DecisionBody, publicUrl: string): Promise<DecisionView> {
  const body = parseInput(decisionBody, input);
  return db.transaction(async (tx) => {
    const content = await contentOf(tx, body.target, body.id, true);
    const now = new Date();
    const table = body.target === 'proposal' ? proposals : proposalComments;
    if (body.action === 'hide') {
      if (content.hiddenAt) throw contentHidden();
      await tx
        .update(table)
        .set({ hiddenAt: now, hiddenBy: by.id, hiddenReason: body.reason })
        .where(eq(table.id, body.id));
      // A hidden proposal's pledge offers leave the public needs and offers (and matchmaking) with it.
      if (body.target === 'proposal') await setPledgeOffersOpen(tx, body.id, false);
    } else if (body.action === 'restore') {
      if (!content.hiddenAt) {
        throw conflict('Ce contenu n’est pas masqué', [{ field: 'action', code: 'contentNotHidden' }]);
      }
      await tx.update(table).set({ hiddenAt: null, hiddenBy: null, hiddenReason: null }).where(eq(table.id, body.id));
      if (body.target === 'proposal') await setPledgeOffersOpen(tx, body.id, true);
    } else if (content.hiddenAt) {
      throw conflict('Ce contenu est masqué : rétablissez-le plutôt', [{ field: 'action', code: 'contentHidden' }]);
    }
    const resolved = await tx
      .update(contentReports)
      .set({ status: body.action === 'hide' ? 'upheld' : 'dismissed', resolvedAt: now, resolvedBy: by.id })
      .where(and(reportsOf(body.target, body.id), eq(contentReports.status, 'open')))
      .returning({ id: contentReports.id, reason: contentReports.reason });
    if (body.action === 'dismiss' && resolved.length === 0) {
      throw conflict('Aucun signalement en attente sur ce contenu', [{ field: 'action', code: 'noOpenReports' }]);
    }
    // The author learns why (the reports' categories), never who reported.
    if (body.action === 'hide')
      await tellContentHidden(
        tx,
        content,
        resolved.map((r) => r.reason),
        publicUrl,
      );
    const [row] = await tx
      .insert(moderationDecisions)
      .values({
        target: body.target,
        proposalId: body.target === 'proposal' ? body.id : null,
        commentId: body.target === 'comment' ? body.id : null,
        action: body.action,
        reason: body.reason,
        decidedBy: by.id,
        decidedAt: now,
      })
      .returning();
    if (!row) throw new Error('decision not inserted');
    return {
      id: row.id,
      target: row.target,
      contentId: body.id,
      action: row.action,
      reason: row.reason,
      decidedAt: row.decidedAt.toISOString(),
      decidedByName: by.displayName,
      resolvedReports: resolved.length,
    };
  });
}

/** A content's decisions, newest first, with who decided (404 for an unknown content). */
export async function moderationHistory(db: Db, target: ModerationTarget, id: string): Promise<DecisionView[]> {
  await contentOf(db, target, id);
  const rows = await db
    .select({
      id: moderationDecisions.id,
      target: moderationDecisions.target,
      action: moderationDecisions.action,
      reason: moderationDecisions.reason,
      decidedAt: moderationDecisions.decidedAt,
      decidedByName: users.displayName,
    })
    .from(moderationDecisions)
    .leftJoin(users, eq(users.id, moderationDecisions.decidedBy))
    .where(decisionsOf(target, id))
    .orderBy(desc(moderationDecisions.decidedAt), desc(moderationDecisions.id));
  return rows.map((r) => ({ ...r, contentId: id, decidedAt: r.decidedAt.toISOString() }));
}
