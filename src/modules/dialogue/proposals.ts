// Proposing an answer to an open challenge, and its author's edits while it has no answer. Reading: proposal-views.ts.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { conflict, forbidden, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { unique } from '../actors/validation.js';
import { authoredBy, participantOf, requireAccepting, seesChallenge, visibleProposal } from './access.js';
import { type ProposalInput, proposalInput } from './contract.js';
import { challenges, proposals } from './schema.js';

/**
 * A member proposes for its organisation (or in its own name), a citizen in their own name, staff as the animation
 * team; only while the challenge takes contributions. The challenge's row is share-locked so that closing waits.
 */
export async function createProposal(db: Db, by: CurrentUser, challengeId: string, input: ProposalInput) {
  const data = parseInput(proposalInput, input);
  const who = await participantOf(db, by, data.onBehalfOfOrganisation);
  return db.transaction(async (tx) => {
    const [challenge] = await tx.select().from(challenges).where(eq(challenges.id, challengeId)).for('share');
    if (!challenge || !seesChallenge(by, challenge)) throw notFound('Défi');
    requireAccepting(challenge);
    const [row] = await tx
      .insert(proposals)
      .values({
        challengeId,
        title: data.title,
        description: data.description,
        whoActs: data.whoActs,
        needs: data.needs,
        modes: unique(data.modes),
        ...authoredBy(who),
      })
      .returning({ id: proposals.id });
    if (!row) throw new Error('proposal not inserted');
    return row.id;
  });
}

/** Its author edits a proposal while it has no answer and the challenge takes contributions (who signs stays). */
export async function updateProposal(db: Db, by: CurrentUser, id: string, input: ProposalInput): Promise<void> {
  const data = parseInput(proposalInput, input);
  await db.transaction(async (tx) => {
    const { proposal, challenge } = await visibleProposal(tx, by, id, true);
    if (proposal.authorUserId !== by.id) throw forbidden('Seul l’auteur modifie sa proposition');
    if (proposal.outcome !== null) {
      throw conflict('Une proposition qui a reçu une réponse ne se modifie plus', [
        { field: 'outcome', code: 'proposalAnswered' },
      ]);
    }
    requireAccepting(challenge);
    await tx
      .update(proposals)
      .set({
        title: data.title,
        description: data.description,
        whoActs: data.whoActs,
        needs: data.needs,
        modes: unique(data.modes),
        updatedAt: new Date(),
      })
      .where(eq(proposals.id, id));
  });
}
