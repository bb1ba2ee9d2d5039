// The reported contents as moderation sees them: a proposal or a comment, with where it stands and who wrote it.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import type { Viewer } from '../access.js';
import type { ParticipantLabel } from '../contract.js';
import { cutText, labeller, labelText } from '../labels.js';
import { challenges, proposalComments, proposals } from '../schema.js';
import type { ModerationTarget } from '../vocabulary.js';

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
  author: ParticipantLabel;
  authorLabel: string;
  authorName: string | null;
  hidden: { at: string; reason: string } | null;
}

const excerptLength = 280;

const hiddenOf = (at: Date | null, reason: string | null) =>
  at ? { at: at.toISOString(), reason: reason ?? '' } : null;

/** The columns that sign a proposal or a comment (labels.ts `Signed`). */
const signedOf = (table: typeof proposals | typeof proposalComments) => ({
  userId: table.authorUserId,
  actorId: table.authorActorId,
  family: table.family,
  communeCode: table.communeCode,
});

/**
 * The details shown in the queue for the given proposals and comments, by content id, signed as the dialogue signs
 * them (labels.ts: the organisation, « Citoyen·ne » with the commune, or the animation team); the viewer is staff, so
 * the person's name comes too.
 */
export async function contentDetails(
  db: Handle,
  viewer: Viewer,
  proposalIds: string[],
  commentIds: string[],
): Promise<Map<string, ContentDetails>> {
  const common = {
    proposalId: proposals.id,
    proposalTitle: proposals.title,
    challengeId: challenges.id,
    challengeTitle: challenges.title,
  };
  const proposalRows =
    proposalIds.length === 0
      ? []
      : await db
          .select({
            ...common,
            id: proposals.id,
            signed: signedOf(proposals),
            excerpt: sql<string>`${proposals.title} || ' — ' || ${proposals.description}`,
            hiddenAt: proposals.hiddenAt,
            hiddenReason: proposals.hiddenReason,
          })
          .from(proposals)
          .innerJoin(challenges, eq(challenges.id, proposals.challengeId))
          .where(inArray(proposals.id, proposalIds));
  const commentRows =
    commentIds.length === 0
      ? []
      : await db
          .select({
            ...common,
            id: proposalComments.id,
            signed: signedOf(proposalComments),
            excerpt: proposalComments.body,
            hiddenAt: proposalComments.hiddenAt,
            hiddenReason: proposalComments.hiddenReason,
          })
          .from(proposalComments)
          .innerJoin(proposals, eq(proposals.id, proposalComments.proposalId))
          .innerJoin(challenges, eq(challenges.id, proposals.challengeId))
          .where(inArray(proposalComments.id, commentIds));
  const rows = [...proposalRows, ...commentRows];
  const label = await labeller(
    db,
    viewer,
    rows.map((r) => r.signed),
  );
  return new Map(
    rows.map(({ id, signed, excerpt, hiddenAt, hiddenReason, ...names }) => {
      const author = label(signed);
      const details: ContentDetails = {
        ...names,
        excerpt: cutText(excerpt, excerptLength),
        author,
        authorLabel: labelText(author),
        authorName: author.personName,
        hidden: hiddenOf(hiddenAt, hiddenReason),
      };
      return [id, details];
    }),
  );
}
