// The answer of the answering authority (or the animators) to a proposal, always with its reason (accountability).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { conflict, forbidden, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { isStaff } from '../actors/visibility.js';
import { tellProposalAnswered } from '../notifications/dialogue.js';
import { ownActorOf } from '../projects/visibility.js';
import { canAnswerChallenge, visibleProposal } from './access.js';
import { type AnswerInput, answerInput } from './contract.js';
import { proposals } from './schema.js';

/**
 * Answers a proposal, or changes its answer until it has been converted into a project or an alliance. Staff answer
 * as the animation team (answeredForActorId null); a member of the answering authority answers for it. The author is
 * told (notification `proposalAnswered`).
 */
export async function answerProposal(
  db: Db,
  by: CurrentUser,
  id: string,
  input: AnswerInput,
  publicUrl: string,
): Promise<void> {
  const data = parseInput(answerInput, input);
  await db.transaction(async (tx) => {
    const { proposal, challenge } = await visibleProposal(tx, by, id, true);
    if (!canAnswerChallenge(by, challenge)) {
      throw forbidden('Seuls l’équipe d’animation et la collectivité qui répond au défi répondent aux propositions');
    }
    if (proposal.projectId !== null || proposal.allianceId !== null) {
      throw conflict('Cette proposition est déjà devenue un projet ou une alliance\u202f: sa réponse ne change plus', [
        { field: 'outcome', code: 'proposalConverted' },
      ]);
    }
    await tx
      .update(proposals)
      .set({
        outcome: data.outcome,
        outcomeReason: data.reason,
        answeredAt: new Date(),
        answeredBy: by.id,
        answeredForActorId: isStaff(by) ? null : ownActorOf(by),
        updatedAt: new Date(),
      })
      .where(eq(proposals.id, id));
    await tellProposalAnswered(tx, proposal, data.outcome, publicUrl);
  });
}
