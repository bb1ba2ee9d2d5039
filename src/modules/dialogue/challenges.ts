// Posting, editing and closing a territory's challenge. Reading them is in challenge-views.ts.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { conflict, type FieldIssue, forbidden, invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { unique } from '../actors/validation.js';
import { isStaff } from '../actors/visibility.js';
import { todayInParis } from '../needs-offers/contract.js';
import { programmes, programmeTerritories } from '../programmes/schema.js';
import { ownActorOf } from '../projects/visibility.js';
import { unknownCommunes, unknownSdgs, unknownThemes } from '../reference/checks.js';
import { canCloseChallenge, canEditChallenge, seesChallenge } from './access.js';
import { type ChallengeData, type ChallengeInput, challengeInput, closeChallengeInput } from './contract.js';
import { challenges, proposals } from './schema.js';

/** The public authority a member acts for, or null for staff; anyone else may not post a challenge. */
async function postingAuthority(db: Db, by: CurrentUser): Promise<string | null> {
  if (isStaff(by)) return null;
  const own = ownActorOf(by);
  if (own !== null) {
    const [actor] = await db.select({ family: actors.family }).from(actors).where(eq(actors.id, own));
    if (actor?.family === 'publicAuthority') return own;
  }
  throw forbidden('Seuls l’équipe d’animation et les collectivités publient un défi');
}

/**
 * Checks the references of a challenge and completes it: the territory belongs to the programme, the communes
 * default to the territory's, the answering actor is a public authority — the posting one when a member posts.
 */
async function checkedFields(db: Db, data: ChallengeData, postedBy: string | null) {
  const issues: FieldIssue[] = [];
  // An open challenge whose last day (Paris) has passed would take no contribution at all.
  if (data.status === 'open' && data.contributionsCloseOn < todayInParis()) {
    issues.push({ field: 'contributionsCloseOn', code: 'deadlinePast' });
  }
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, data.programmeId));
  if (!programme) throw invalid([{ field: 'programmeId', code: 'unknownProgramme' }]);
  let territoryCommunes: string[] = [];
  if (data.territoryId !== null) {
    const [territory] = await db
      .select({ programmeId: programmeTerritories.programmeId, communeCodes: programmeTerritories.communeCodes })
      .from(programmeTerritories)
      .where(eq(programmeTerritories.id, data.territoryId));
    if (!territory || territory.programmeId !== data.programmeId) {
      issues.push({ field: 'territoryId', code: 'territoryNotInProgramme' });
    } else territoryCommunes = territory.communeCodes;
  }
  const answeringActorId = data.answeringActorId ?? postedBy;
  if (postedBy !== null && answeringActorId !== postedBy) {
    issues.push({ field: 'answeringActorId', code: 'answeringActorIsPoster' });
  } else if (answeringActorId !== null) {
    const [actor] = await db.select({ family: actors.family }).from(actors).where(eq(actors.id, answeringActorId));
    if (actor?.family !== 'publicAuthority') issues.push({ field: 'answeringActorId', code: 'notPublicAuthority' });
  }
  const communeCodes = unique(data.communeCodes.length ? data.communeCodes : territoryCommunes);
  issues.push(
    ...(await unknownThemes(db, data.themes)),
    ...(await unknownSdgs(db, data.sdgs)),
    ...(await unknownCommunes(db, data.communeCodes)),
  );
  if (issues.length) throw invalid(issues);
  return {
    programmeId: data.programmeId,
    territoryId: data.territoryId,
    title: data.title,
    summary: data.summary,
    context: data.context,
    figures: data.figures,
    themes: unique(data.themes),
    sdgs: unique(data.sdgs),
    communeCodes,
    contributionsCloseOn: data.contributionsCloseOn,
    answeringActorId,
    status: data.status,
  };
}

/** Posts a challenge (staff, or a member of a public authority, which then answers it). Returns its id. */
export async function createChallenge(db: Db, by: CurrentUser, input: ChallengeInput): Promise<string> {
  const postedBy = await postingAuthority(db, by);
  const data = parseInput(challengeInput, input);
  const fields = await checkedFields(db, data, postedBy);
  const [row] = await db
    .insert(challenges)
    .values({ ...fields, postedByActorId: postedBy, createdBy: by.id })
    .returning({ id: challenges.id });
  if (!row) throw new Error('challenge not inserted');
  return row.id;
}

/**
 * Edits a challenge not closed: staff, or the posting organisation's members. The challenge's row is locked for update
 * so that the edit does not cross a closing, nor a proposal being added (createProposal share-locks it).
 */
export async function updateChallenge(db: Db, by: CurrentUser, id: string, input: ChallengeInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(challenges).where(eq(challenges.id, id)).for('update');
    if (!before || !seesChallenge(by, before)) throw notFound('Défi');
    if (before.status === 'closed') {
      throw conflict('Un défi clos ne se modifie plus', [{ field: 'status', code: 'challengeClosed' }]);
    }
    if (!canEditChallenge(by, before)) throw forbidden();
    const data = parseInput(challengeInput, input);
    const fields = await checkedFields(tx as Db, data, before.postedByActorId);
    if (fields.status === 'draft' && before.status === 'open') {
      const [n] = await tx.select({ n: count() }).from(proposals).where(eq(proposals.challengeId, id));
      if ((n?.n ?? 0) > 0) {
        throw conflict('Ce défi a déjà reçu des propositions\u202f: il ne redevient pas brouillon', [
          { field: 'status', code: 'challengeHasProposals' },
        ]);
      }
    }
    await tx
      .update(challenges)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(challenges.id, id));
  });
}

/** Visible proposals (not hidden) still without an answer. */
export async function unansweredCount(db: Db, challengeId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.challengeId, challengeId), isNull(proposals.hiddenAt), isNull(proposals.outcome)));
  return row?.n ?? 0;
}

/**
 * Closes an open challenge with a closing note, once every visible proposal has an answer (an answer is required
 * before a challenge closes). Staff, or the members of the posting or answering organisation.
 */
export async function closeChallenge(db: Db, by: CurrentUser, id: string, input: { closingNote: string }) {
  const { closingNote } = parseInput(closeChallengeInput, input);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(challenges).where(eq(challenges.id, id)).for('update');
    if (!row || !seesChallenge(by, row)) throw notFound('Défi');
    if (row.status === 'closed')
      throw conflict('Ce défi est déjà clos', [{ field: 'status', code: 'challengeClosed' }]);
    if (!canCloseChallenge(by, row)) throw forbidden();
    if (row.status === 'draft') {
      throw conflict('Un brouillon ne se clôt pas', [{ field: 'status', code: 'challengeIsDraft' }]);
    }
    // The challenge's row lock above keeps new proposals and contributions out (they share-lock it). The proposals'
    // rows are locked too so that no answer changes while counting (FOR UPDATE of a count is not allowed, hence the
    // ids); row locks do not block inserts, the challenge's lock does.
    await tx.execute(sql`select id from ${proposals} where ${proposals.challengeId} = ${id} for update`);
    const unanswered = await unansweredCount(tx as Db, id);
    if (unanswered > 0) {
      throw conflict('Une réponse est requise pour chaque proposition avant de clore le défi', [
        { field: 'unanswered', code: 'unansweredProposals', params: { count: unanswered } },
      ]);
    }
    await tx
      .update(challenges)
      .set({ status: 'closed', closingNote, closedAt: new Date(), closedBy: by.id, updatedAt: new Date() })
      .where(eq(challenges.id, id));
  });
}
