// Test fixtures: a challenge with a proposal and a comment written straight into the tables, so that moderation is
// tested on its own whatever the dialogue's routes do.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import { programmes } from '../../programmes/schema.js';
import { challenges, proposalComments, proposals } from '../schema.js';

export interface DialogueFixture {
  challengeId: string;
  proposalId: string;
  commentId: string;
}

/** A programme, an open challenge, a proposal by `proposalAuthor` (a citizen of Pertuis) and a comment on it. */
export async function insertDialogue(
  db: Db,
  authors: { proposal: string; comment: string; commentActorId?: string | null },
): Promise<DialogueFixture> {
  const [programme] = await db
    .insert(programmes)
    .values({
      slug: `prog-${randomBytes(4).toString('hex')}`,
      name: 'Programme test',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
    })
    .returning({ id: programmes.id });
  if (!programme) throw new Error('programme not inserted');
  const [challenge] = await db
    .insert(challenges)
    .values({
      programmeId: programme.id,
      title: 'Circuits courts autour de Pertuis',
      contributionsCloseOn: '2027-06-30',
      status: 'open',
    })
    .returning({ id: challenges.id });
  if (!challenge) throw new Error('challenge not inserted');
  const [proposal] = await db
    .insert(proposals)
    .values({
      challengeId: challenge.id,
      title: 'Un marché de producteurs le samedi',
      description: 'Réunir les maraîchers du Sud-Luberon sur la place du marché.',
      authorUserId: authors.proposal,
      family: 'citizen',
      communeCode: '84089',
    })
    .returning({ id: proposals.id });
  if (!proposal) throw new Error('proposal not inserted');
  const [comment] = await db
    .insert(proposalComments)
    .values({
      proposalId: proposal.id,
      authorUserId: authors.comment,
      authorActorId: authors.commentActorId ?? null,
      family: authors.commentActorId ? 'association' : 'citizen',
      body: 'Bonne idée, mais pensez au stationnement.',
    })
    .returning({ id: proposalComments.id });
  if (!comment) throw new Error('comment not inserted');
  return { challengeId: challenge.id, proposalId: proposal.id, commentId: comment.id };
}
