// Who may see and do what in the territorial dialogue, and who a contribution is from. The services read the rows,
// these decide; the routes' `access` lists (contract.ts) only filter by role.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { allows } from '../../auth/roles.js';
import type { Handle } from '../../db/client.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { isStaff } from '../actors/visibility.js';
import { todayInParis } from '../needs-offers/contract.js';
import { ownActorOf } from '../projects/visibility.js';
import type { ActorFamily } from '../reference/families.js';
import { contributors } from './contract.js';
import { challenges, proposals } from './schema.js';

export type Viewer = CurrentUser | null;
export type ChallengeRow = typeof challenges.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;

/** Open and its last day (Paris) not passed: proposals, supports, pledges and comments are taken. */
export const acceptsContributions = (
  c: Pick<ChallengeRow, 'status' | 'contributionsCloseOn'>,
  today: string = todayInParis(),
) => c.status === 'open' && today <= c.contributionsCloseOn;

/** The viewer is a member of this organisation (none: nobody is). */
const actsFor = (viewer: Viewer, actorId: string | null) => actorId !== null && ownActorOf(viewer) === actorId;

/** Drafts are seen by staff and by the members of the organisation that posted them only. */
export const seesChallenge = (viewer: Viewer, c: Pick<ChallengeRow, 'status' | 'postedByActorId'>) =>
  c.status !== 'draft' || isStaff(viewer) || actsFor(viewer, c.postedByActorId);

/** SQL twin of seesChallenge on the `challenges` table. */
export function challengeVisibleSql(viewer: Viewer): SQL | undefined {
  if (isStaff(viewer)) return undefined;
  const own = ownActorOf(viewer);
  if (own === null) return sql`${challenges.status} <> 'draft'`;
  return sql`(${challenges.status} <> 'draft' or ${challenges.postedByActorId} = ${own})`;
}

/** Staff or the posting organisation's members edit a challenge until it is closed. */
export const canEditChallenge = (viewer: Viewer, c: ChallengeRow) =>
  c.status !== 'closed' && (isStaff(viewer) || actsFor(viewer, c.postedByActorId));

/** Staff or the members of the answering authority answer the proposals. */
export const canAnswerChallenge = (viewer: Viewer, c: Pick<ChallengeRow, 'answeringActorId'>) =>
  isStaff(viewer) || actsFor(viewer, c.answeringActorId);

/** Staff, or the members of the posting or of the answering organisation, close a challenge. */
export const canCloseChallenge = (viewer: Viewer, c: ChallengeRow) =>
  c.status !== 'closed' &&
  (isStaff(viewer) || actsFor(viewer, c.postedByActorId) || actsFor(viewer, c.answeringActorId));

/** Observers and visitors only read; the others contribute. */
export const isContributor = (viewer: Viewer) => allows(contributors, viewer?.role ?? null);

export function requireAccepting(c: ChallengeRow) {
  if (c.status === 'closed')
    throw conflict('Ce défi est clos\u202f: il ne reçoit plus de contributions', [
      { field: 'challenge', code: 'challengeClosed' },
    ]);
  if (!acceptsContributions(c)) {
    throw conflict('Ce défi ne reçoit pas (ou plus) de contributions', [
      { field: 'challenge', code: 'challengeNotAccepting' },
    ]);
  }
}

/** A challenge the viewer may see, else not found (a draft's existence is not told). */
export async function visibleChallenge(db: Handle, viewer: Viewer, id: string): Promise<ChallengeRow> {
  const [row] = await db.select().from(challenges).where(eq(challenges.id, id));
  if (!row || !seesChallenge(viewer, row)) throw notFound('Défi');
  return row;
}

/**
 * A proposal the viewer may see, with its challenge; a hidden proposal is not found for everyone but staff. `lock`
 * takes the proposal's row lock (inside a transaction) so that answers and conversions do not cross.
 */
export async function visibleProposal(db: Handle, viewer: Viewer, id: string, lock = false) {
  const query = db
    .select({ proposal: proposals, challenge: challenges })
    .from(proposals)
    .innerJoin(challenges, eq(challenges.id, proposals.challengeId))
    .where(eq(proposals.id, id));
  const [row] = lock ? await query.for('update', { of: proposals }) : await query;
  if (!row || !seesChallenge(viewer, row.challenge)) throw notFound('Proposition');
  if (row.proposal.hiddenAt !== null && !isStaff(viewer)) throw notFound('Proposition');
  return row;
}

/** Who a contribution is from, frozen on the row: the person, the organisation if any, its family and commune. */
export interface Participant {
  userId: string;
  actorId: string | null;
  family: ActorFamily;
  communeCode: string | null;
}

/** A participant as the author columns of a proposal or a comment. */
export const authoredBy = (who: Participant) => ({
  authorUserId: who.userId,
  authorActorId: who.actorId,
  family: who.family,
  communeCode: who.communeCode,
});

/**
 * A member writes for its organisation (its family and commune) or, when not on its behalf, in its own name as a
 * citizen; a citizen in their own name with the commune of their account; staff as the animation team — Pays d'Aix
 * Associations (PAA), which animates the programme, is an association, hence the family 'association'.
 */
export async function participantOf(db: Handle, user: CurrentUser, onBehalfOfOrganisation: boolean) {
  if (!isContributor(user)) throw forbidden();
  if (isStaff(user)) {
    return { userId: user.id, actorId: null, family: 'association', communeCode: null } satisfies Participant;
  }
  const own = ownActorOf(user);
  if (own !== null && onBehalfOfOrganisation) {
    const [actor] = await db
      .select({ family: actors.family, communeCode: actors.communeCode })
      .from(actors)
      .where(eq(actors.id, own));
    if (actor) return { userId: user.id, actorId: own, ...actor } satisfies Participant;
  }
  const [person] = await db.select({ communeCode: users.communeCode }).from(users).where(eq(users.id, user.id));
  return {
    userId: user.id,
    actorId: null,
    family: 'citizen',
    communeCode: person?.communeCode ?? null,
  } satisfies Participant;
}

/** The organisation a member acts for, with its name, for the pages' « on behalf of » choice. */
export async function organisationOf(db: Handle, viewer: Viewer) {
  const own = ownActorOf(viewer);
  if (own === null) return null;
  const [row] = await db
    .select({ id: actors.id, name: actors.name })
    .from(actors)
    .where(and(eq(actors.id, own)));
  return row ?? null;
}
