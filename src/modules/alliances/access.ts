// Who may see and do what with an alliance. The members of an alliance are its direct members and the partners of
// the partnerships it groups.
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { notFound } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { isStaff } from '../actors/visibility.js';
import { alliances } from './schema.js';

/**
 * `edit`: staff; `member`: a member of one of the alliance's actors (reads everything, declares for its own actor);
 * `read`: observers (read everything, balance included); `public`: anyone else, only a published alliance.
 */
export type AllianceAccess = 'edit' | 'member' | 'read' | 'public';

export type Viewer = CurrentUser | null;

/** The viewer's organisation when it is a signed-in member, else null. */
export const ownActorOf = (viewer: Viewer): string | null =>
  viewer?.role === 'member' && viewer.actorId ? viewer.actorId : null;

/** Staff and observers see every alliance and partnership. */
export const seesAll = (viewer: Viewer) => isStaff(viewer) || viewer?.role === 'observer';

/** Ids of every member of an alliance: direct members ∪ partners of its partnerships. */
export function memberIdsQuery(allianceId: SQL | string): SQL {
  return sql`(select am.actor_id from alliance_members am where am.alliance_id = ${allianceId}
    union select pp.actor_id from partnership_partners pp join partnerships p on p.id = pp.partnership_id
    where p.alliance_id = ${allianceId})`;
}

/** SQL condition: the alliance `a` is visible to this viewer (used by lists and the ecosystem graph). */
export function allianceVisible(viewer: Viewer, alias = sql`a`): SQL {
  if (seesAll(viewer)) return sql`true`;
  const own = ownActorOf(viewer);
  if (own === null) return sql`${alias}.published_at is not null`;
  return sql`(${alias}.published_at is not null or ${own}::uuid in ${memberIdsQuery(sql`${alias}.id`)})`;
}

/** SQL condition: the partnership `p` is visible to this viewer (same rule as partnerships/access.ts). */
export function partnershipVisible(viewer: Viewer, alias = sql`p`): SQL {
  if (seesAll(viewer)) return sql`true`;
  const own = ownActorOf(viewer);
  if (own === null) return sql`${alias}.published_at is not null`;
  return sql`(${alias}.published_at is not null or exists (select 1 from partnership_partners own_pp
    where own_pp.partnership_id = ${alias}.id and own_pp.actor_id = ${own}::uuid))`;
}

export async function allianceMemberIds(db: Db, allianceId: string): Promise<string[]> {
  const rows = await rowsOf<{ actorId: string }>(
    db,
    sql`select actor_id as "actorId" from ${memberIdsQuery(allianceId)} m`,
  );
  return rows.map((r) => r.actorId);
}

/** The caller's access to one alliance; an alliance the caller may not see is reported as not found. */
export async function allianceAccess(db: Db, viewer: Viewer, allianceId: string): Promise<AllianceAccess> {
  const [row] = await db
    .select({ publishedAt: alliances.publishedAt })
    .from(alliances)
    .where(eq(alliances.id, allianceId));
  if (!row) throw notFound('Alliance');
  if (isStaff(viewer)) return 'edit';
  const own = ownActorOf(viewer);
  if (own !== null && (await allianceMemberIds(db, allianceId)).includes(own)) return 'member';
  if (viewer?.role === 'observer') return 'read';
  if (row.publishedAt !== null) return 'public';
  throw notFound('Alliance');
}
