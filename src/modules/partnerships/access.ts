// Who may do what with a partnership. Used by the partnerships, contacts and alliances modules.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { isStaff } from '../actors/visibility.js';
import { partnershipPartners, partnerships } from './schema.js';

/**
 * `edit`: staff, and members of one of the partners; `read`: observers (everything but personal data and contact
 * notes); `public`: anyone else, only once every partner consented to publication.
 */
export type PartnershipAccess = 'edit' | 'read' | 'public';

export async function partnerActorIds(db: Db, partnershipId: string): Promise<string[]> {
  const rows = await db
    .select({ actorId: partnershipPartners.actorId })
    .from(partnershipPartners)
    .where(eq(partnershipPartners.partnershipId, partnershipId));
  return rows.map((r) => r.actorId);
}

/** Decides from the partners' ids alone, for lists that already have them. */
export function accessFromPartners(
  user: CurrentUser | null,
  partnerIds: readonly string[],
  published: boolean,
): PartnershipAccess | null {
  if (isStaff(user)) return 'edit';
  if (user?.role === 'member' && user.actorId !== null && partnerIds.includes(user.actorId)) return 'edit';
  if (user?.role === 'observer') return 'read';
  return published ? 'public' : null;
}

/** The caller's access to one partnership; a partnership the caller may not see is reported as not found. */
export async function partnershipAccess(
  db: Db,
  user: CurrentUser | null,
  partnershipId: string,
): Promise<PartnershipAccess> {
  const [row] = await db
    .select({ publishedAt: partnerships.publishedAt })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId));
  if (!row) throw notFound('Partenariat');
  const access = accessFromPartners(user, await partnerActorIds(db, partnershipId), row.publishedAt !== null);
  if (access === null) throw notFound('Partenariat');
  return access;
}
