// Taking part in a proposal while its challenge is open: support it (one support per person), pledge what one could
// bring (an organisation's pledge also opens an offer for matchmaking), comment.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { conflict, notFound, parseInput } from '../../errors.js';
import { type CurrentUser, isUniqueViolation } from '../accounts/service.js';
import { createNeedOffer } from '../needs-offers/service.js';
import { participantOf, requireAccepting, visibleProposal } from './access.js';
import { commentInput, type PledgeInput, pledgeInput, supportInput } from './contract.js';
import { proposalComments, proposalPledges, proposalSupports } from './schema.js';

const alreadySupported = () =>
  conflict('Vous soutenez déjà cette proposition\u202f: un soutien par personne', [
    { field: 'support', code: 'alreadySupported' },
  ]);

/**
 * Supports a proposal, once per person (the table's primary key: two concurrent requests give one row, the second
 * a conflict). Its author does not support their own proposal.
 */
export async function supportProposal(
  db: Db,
  by: CurrentUser,
  id: string,
  input: { onBehalfOfOrganisation?: boolean },
) {
  const data = parseInput(supportInput, input);
  const { proposal, challenge } = await visibleProposal(db, by, id);
  requireAccepting(challenge);
  if (proposal.authorUserId === by.id) {
    throw conflict('On ne soutient pas sa propre proposition', [{ field: 'support', code: 'ownProposal' }]);
  }
  const who = await participantOf(db, by, data.onBehalfOfOrganisation);
  try {
    const inserted = await db
      .insert(proposalSupports)
      .values({ proposalId: id, ...who })
      .onConflictDoNothing()
      .returning({ proposalId: proposalSupports.proposalId });
    if (inserted.length === 0) throw alreadySupported();
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySupported();
    throw error;
  }
}

/** Withdraws the caller's support while the challenge takes contributions. */
export async function withdrawSupport(db: Db, by: CurrentUser, id: string): Promise<void> {
  const { challenge } = await visibleProposal(db, by, id);
  requireAccepting(challenge);
  const deleted = await db
    .delete(proposalSupports)
    .where(and(eq(proposalSupports.proposalId, id), eq(proposalSupports.userId, by.id)))
    .returning({ userId: proposalSupports.userId });
  if (deleted.length === 0) throw notFound('Soutien');
}

/** Longest title of a need or offer (needs-offers/contract.ts). */
const offerTitleMax = 200;

/** « Pour « <proposal> » : <what> », cut to the offers' title limit. */
export function offerTitle(proposalTitle: string, description: string): string {
  const full = `Pour «\u00a0${proposalTitle}\u00a0»\u00a0: ${description}`.replace(/[ \t\r\n]+/g, ' ').trim();
  return full.length <= offerTitleMax ? full : `${full.slice(0, offerTitleMax - 1).trimEnd()}…`;
}

/**
 * Says what one could bring. For an organisation, also opens an offer (same resources, the challenge's themes and
 * communes, the proposal's modes) in the same transaction, so that matchmaking's triggers see it.
 */
export async function pledge(db: Db, by: CurrentUser, id: string, input: PledgeInput): Promise<string> {
  const data = parseInput(pledgeInput, input);
  const { proposal, challenge } = await visibleProposal(db, by, id);
  requireAccepting(challenge);
  const who = await participantOf(db, by, data.onBehalfOfOrganisation);
  const resources = [...new Set(data.resources)];
  return db.transaction(async (tx) => {
    const needOfferId = who.actorId
      ? await createNeedOffer(tx as Db, by, {
          kind: 'offer',
          actorId: who.actorId,
          title: offerTitle(proposal.title, data.description),
          description: data.description,
          resources,
          themes: challenge.themes,
          communeCodes: challenge.communeCodes.slice(0, 50),
          modes: proposal.modes,
        })
      : null;
    const [row] = await tx
      .insert(proposalPledges)
      .values({ proposalId: id, ...who, resources, description: data.description, needOfferId })
      .returning({ id: proposalPledges.id });
    if (!row) throw new Error('pledge not inserted');
    return row.id;
  });
}

/** Comments on a proposal; staff comment as the animation team. */
export async function commentProposal(db: Db, by: CurrentUser, id: string, input: unknown): Promise<string> {
  const data = parseInput(commentInput, input);
  const { challenge } = await visibleProposal(db, by, id);
  requireAccepting(challenge);
  const who = await participantOf(db, by, data.onBehalfOfOrganisation);
  const [row] = await db
    .insert(proposalComments)
    .values({
      proposalId: id,
      authorUserId: who.userId,
      authorActorId: who.actorId,
      family: who.family,
      communeCode: who.communeCode,
      body: data.body,
    })
    .returning({ id: proposalComments.id });
  if (!row) throw new Error('comment not inserted');
  return row.id;
}
