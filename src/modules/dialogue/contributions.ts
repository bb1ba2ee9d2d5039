// Taking part in a proposal while its challenge is open: support it (one support per person), pledge what one could
// bring (an organisation's pledge also opens an offer for matchmaking), comment. Each runs in a transaction that
// share-locks the challenge's row, so that closing or editing the challenge (which lock it for update) waits.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { conflict, notFound, parseInput } from '../../errors.js';
import { type CurrentUser, isUniqueViolation } from '../accounts/service.js';
import { needsOffers } from '../needs-offers/schema.js';
import { createNeedOffer } from '../needs-offers/service.js';
import { authoredBy, participantOf, requireAccepting, visibleProposal } from './access.js';
import { commentInput, type PledgeInput, pledgeInput, supportInput } from './contract.js';
import { cutText } from './labels.js';
import { challenges, proposalComments, proposalPledges, proposalSupports } from './schema.js';

const alreadySupported = () =>
  conflict('Vous soutenez déjà cette proposition\u202f: un soutien par personne', [
    { field: 'support', code: 'alreadySupported' },
  ]);

/** A proposal the caller may see, with its challenge share-locked and taking contributions. */
async function acceptingProposal(tx: Tx, by: CurrentUser, id: string) {
  const { proposal } = await visibleProposal(tx, by, id);
  const [challenge] = await tx.select().from(challenges).where(eq(challenges.id, proposal.challengeId)).for('share');
  if (!challenge) throw notFound('Défi');
  requireAccepting(challenge);
  return { proposal, challenge };
}

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
  await db.transaction(async (tx) => {
    const { proposal } = await acceptingProposal(tx, by, id);
    if (proposal.authorUserId === by.id) {
      throw conflict('On ne soutient pas sa propre proposition', [{ field: 'support', code: 'ownProposal' }]);
    }
    const who = await participantOf(tx, by, data.onBehalfOfOrganisation);
    try {
      const inserted = await tx
        .insert(proposalSupports)
        .values({ proposalId: id, ...who })
        .onConflictDoNothing()
        .returning({ proposalId: proposalSupports.proposalId });
      if (inserted.length === 0) throw alreadySupported();
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadySupported();
      throw error;
    }
  });
}

/** Withdraws the caller's support while the challenge takes contributions. */
export async function withdrawSupport(db: Db, by: CurrentUser, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await acceptingProposal(tx, by, id);
    const deleted = await tx
      .delete(proposalSupports)
      .where(and(eq(proposalSupports.proposalId, id), eq(proposalSupports.userId, by.id)))
      .returning({ userId: proposalSupports.userId });
    if (deleted.length === 0) throw notFound('Soutien');
  });
}

/** Longest title of a need or offer (needs-offers/contract.ts). */
const offerTitleMax = 200;

/**
 * « Pour le défi « <challenge> » : <what> », cut to the offers' title limit. The offer is public in needs and offers
 * while a proposal may be hidden by a moderator: the proposal's own words stay out of it.
 */
export function offerTitle(challengeTitle: string, description: string): string {
  const full = `Pour le défi «\u00a0${challengeTitle}\u00a0»\u00a0: ${description}`.replace(/[ \t\r\n]+/g, ' ').trim();
  return cutText(full, offerTitleMax);
}

/**
 * Says what one could bring. For an organisation, also opens an offer (same resources, the challenge's themes and
 * communes, the proposal's modes) in the same transaction, so that matchmaking's triggers see it.
 */
export async function pledge(db: Db, by: CurrentUser, id: string, input: PledgeInput): Promise<string> {
  const data = parseInput(pledgeInput, input);
  const resources = [...new Set(data.resources)];
  return db.transaction(async (tx) => {
    const { proposal, challenge } = await acceptingProposal(tx, by, id);
    const who = await participantOf(tx, by, data.onBehalfOfOrganisation);
    const needOfferId = who.actorId
      ? await createNeedOffer(tx as Db, by, {
          kind: 'offer',
          actorId: who.actorId,
          title: offerTitle(challenge.title, data.description),
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

/**
 * Closes (open: false) or reopens (open: true) the offers opened by a proposal's pledges, inside the caller's
 * transaction: a hidden proposal's offers leave matchmaking, and come back when it is restored. Closing takes the
 * offers still open or in discussion; reopening takes only those still closed (an offer fulfilled meanwhile stays).
 */
export async function setPledgeOffersOpen(tx: Tx, proposalId: string, open: boolean): Promise<void> {
  const linked = tx
    .select({ id: proposalPledges.needOfferId })
    .from(proposalPledges)
    .where(eq(proposalPledges.proposalId, proposalId));
  await tx
    .update(needsOffers)
    .set({ status: open ? 'open' : 'closed', updatedAt: new Date() })
    .where(
      and(
        inArray(needsOffers.id, linked),
        open ? eq(needsOffers.status, 'closed') : inArray(needsOffers.status, ['open', 'inDiscussion']),
      ),
    );
}

/** Comments on a proposal; staff comment as the animation team. */
export async function commentProposal(db: Db, by: CurrentUser, id: string, input: unknown): Promise<string> {
  const data = parseInput(commentInput, input);
  return db.transaction(async (tx) => {
    await acceptingProposal(tx, by, id);
    const who = await participantOf(tx, by, data.onBehalfOfOrganisation);
    const [row] = await tx
      .insert(proposalComments)
      .values({
        proposalId: id,
        ...authoredBy(who),
        body: data.body,
      })
      .returning({ id: proposalComments.id });
    if (!row) throw new Error('comment not inserted');
    return row.id;
  });
}
