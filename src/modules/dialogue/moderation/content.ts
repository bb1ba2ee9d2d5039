// The reported contents as moderation sees them: a proposal or a comment, with where it stands and who wrote it.
import { eq, inArray } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { communes } from '../../reference/schema.js';
import { challenges, proposalComments, proposals } from '../schema.js';
import type { ModerationTarget } from '../vocabulary.js';

export const citizenLabel = 'Citoyen·ne';

/** How a contribution is signed in public: its organisation's name, or « Citoyen·ne » with the commune if known. */
export function authorLabel(row: { actorName: string | null; family: string; communeName: string | null }): string {
  if (row.actorName) return row.actorName;
  if (row.family === 'citizen') return row.communeName ? `${citizenLabel} de ${row.communeName}` : citizenLabel;
  return 'Organisation retirée';
}

export interface ContentRow {
  target: ModerationTarget;
  id: string;
  authorUserId: string | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  proposalId: string;
  /** A comment's proposal hidden hides its comments too. */
  proposalHidden: boolean;
}

/** The content to report or decide on, its row locked when `lock` (decisions); unknown → 404. */
export async function contentOf(tx: Handle, target: ModerationTarget, id: string, lock = false): Promise<ContentRow> {
  if (target === 'proposal') {
    const query = tx
      .select({
        id: proposals.id,
        authorUserId: proposals.authorUserId,
        hiddenAt: proposals.hiddenAt,
        hiddenReason: proposals.hiddenReason,
      })
      .from(proposals)
      .where(eq(proposals.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound('Proposition');
    return { target, ...row, proposalId: row.id, proposalHidden: row.hiddenAt !== null };
  }
  const query = tx
    .select({
      id: proposalComments.id,
      authorUserId: proposalComments.authorUserId,
      hiddenAt: proposalComments.hiddenAt,
      hiddenReason: proposalComments.hiddenReason,
      proposalId: proposalComments.proposalId,
      proposalHiddenAt: proposals.hiddenAt,
    })
    .from(proposalComments)
    .innerJoin(proposals, eq(proposals.id, proposalComments.proposalId))
    .where(eq(proposalComments.id, id));
  const [row] = lock ? await query.for('update', { of: proposalComments }) : await query;
  if (!row) throw notFound('Commentaire');
  const { proposalHiddenAt, ...rest } = row;
  return { target, ...rest, proposalHidden: proposalHiddenAt !== null };
}

export interface ContentDetails {
  excerpt: string;
  proposalId: string;
  proposalTitle: string;
  challengeId: string;
  challengeTitle: string;
  authorLabel: string;
  authorName: string | null;
  hidden: { at: string; reason: string } | null;
}

const excerptLength = 280;
const excerptOf = (text: string) =>
  text.length > excerptLength ? `${text.slice(0, excerptLength - 1).trimEnd()}…` : text;

const hiddenOf = (at: Date | null, reason: string | null) =>
  at ? { at: at.toISOString(), reason: reason ?? '' } : null;

/** The details shown in the queue for the given proposals and comments, by content id (staff: names included). */
export async function contentDetails(
  db: Handle,
  proposalIds: string[],
  commentIds: string[],
): Promise<Map<string, ContentDetails>> {
  const details = new Map<string, ContentDetails>();
  const common = {
    proposalId: proposals.id,
    proposalTitle: proposals.title,
    challengeId: challenges.id,
    challengeTitle: challenges.title,
    authorName: users.displayName,
    actorName: actors.name,
    communeName: communes.name,
  };
  if (proposalIds.length > 0) {
    const rows = await db
      .select({
        ...common,
        text: proposals.description,
        family: proposals.family,
        hiddenAt: proposals.hiddenAt,
        hiddenReason: proposals.hiddenReason,
      })
      .from(proposals)
      .innerJoin(challenges, eq(challenges.id, proposals.challengeId))
      .leftJoin(users, eq(users.id, proposals.authorUserId))
      .leftJoin(actors, eq(actors.id, proposals.authorActorId))
      .leftJoin(communes, eq(communes.code, proposals.communeCode))
      .where(inArray(proposals.id, proposalIds));
    for (const r of rows) {
      details.set(r.proposalId, {
        excerpt: excerptOf(`${r.proposalTitle} — ${r.text}`),
        proposalId: r.proposalId,
        proposalTitle: r.proposalTitle,
        challengeId: r.challengeId,
        challengeTitle: r.challengeTitle,
        authorLabel: authorLabel(r),
        authorName: r.authorName,
        hidden: hiddenOf(r.hiddenAt, r.hiddenReason),
      });
    }
  }
  if (commentIds.length > 0) {
    const rows = await db
      .select({
        ...common,
        id: proposalComments.id,
        text: proposalComments.body,
        family: proposalComments.family,
        hiddenAt: proposalComments.hiddenAt,
        hiddenReason: proposalComments.hiddenReason,
      })
      .from(proposalComments)
      .innerJoin(proposals, eq(proposals.id, proposalComments.proposalId))
      .innerJoin(challenges, eq(challenges.id, proposals.challengeId))
      .leftJoin(users, eq(users.id, proposalComments.authorUserId))
      .leftJoin(actors, eq(actors.id, proposalComments.authorActorId))
      .leftJoin(communes, eq(communes.code, proposalComments.communeCode))
      .where(inArray(proposalComments.id, commentIds));
    for (const r of rows) {
      details.set(r.id, {
        excerpt: excerptOf(r.text),
        proposalId: r.proposalId,
        proposalTitle: r.proposalTitle,
        challengeId: r.challengeId,
        challengeTitle: r.challengeTitle,
        authorLabel: authorLabel(r),
        authorName: r.authorName,
        hidden: hiddenOf(r.hiddenAt, r.hiddenReason),
      });
    }
  }
  return details;
}
