// Who may do what with a partnership's evaluations, from the partnerships module's own rules (partnerships/access.ts):
// staff manage and answer for any partner; the partners' members read and answer for their own organisation;
// observers read. Anyone else — a published partnership's visitors included — is answered « not found ».
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { isOwnMember, isStaff } from '../actors/visibility.js';
import { partnerActorIds, partnershipAccess } from '../partnerships/access.js';
import { partnerships } from '../partnerships/schema.js';
import type { PartnershipMode, PartnershipStatus } from '../partnerships/vocabulary.js';
import { evaluations } from './schema.js';

export interface PartnershipForEvaluation {
  id: string;
  title: string;
  mode: PartnershipMode;
  status: PartnershipStatus;
  partnerIds: string[];
}

/** The partnership, if the caller may read its evaluations: `partnershipAccess` edit or read (else 404). */
export async function readablePartnership(
  db: Db,
  user: CurrentUser | null,
  partnershipId: string,
): Promise<PartnershipForEvaluation> {
  const access = await partnershipAccess(db, user, partnershipId);
  if (access !== 'edit' && access !== 'read') throw notFound('Partenariat');
  const [[row], partnerIds] = await Promise.all([
    db
      .select({ id: partnerships.id, title: partnerships.title, mode: partnerships.mode, status: partnerships.status })
      .from(partnerships)
      .where(eq(partnerships.id, partnershipId)),
    partnerActorIds(db, partnershipId),
  ]);
  if (!row) throw notFound('Partenariat');
  return { ...row, partnerIds };
}

export interface EvaluationForCaller {
  id: string;
  year: number;
  closedAt: Date | null;
  partnership: PartnershipForEvaluation;
}

/** The evaluation, if the caller may read it (else 404, whether it does not exist or is not the caller's). */
export async function readableEvaluation(
  db: Db,
  user: CurrentUser | null,
  evaluationId: string,
): Promise<EvaluationForCaller> {
  const [row] = await db
    .select({
      id: evaluations.id,
      year: evaluations.year,
      closedAt: evaluations.closedAt,
      partnershipId: evaluations.partnershipId,
    })
    .from(evaluations)
    .where(eq(evaluations.id, evaluationId));
  if (!row) throw notFound('Évaluation');
  const partnership = await readablePartnership(db, user, row.partnershipId).catch((e: unknown) => {
    throw e instanceof DomainError && e.kind === 'notFound' ? notFound('Évaluation') : e;
  });
  return { id: row.id, year: row.year, closedAt: row.closedAt, partnership };
}

/** Staff answer for any current partner; a member for its own organisation only. */
export const mayAnswerFor = (user: CurrentUser | null, actorId: string) => isStaff(user) || isOwnMember(user, actorId);

/** Staff, and the partners' members, enter measured values and evidence. */
export const mayMeasure = (user: CurrentUser | null, partnerIds: readonly string[]) =>
  isStaff(user) || partnerIds.some((id) => isOwnMember(user, id));
