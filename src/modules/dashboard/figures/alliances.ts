import { sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { allianceStatuses } from '../../alliances/vocabulary.js';
import type { AllianceRow, AlliancesFigure } from '../figures.js';
import type { ResolvedScope } from '../scope.js';
import { scopedAlliancesCte } from './common.js';

/** Alliances in scope (common.ts): each with its members (direct and partners, once each) and partnerships. */
export async function allianceFigures(db: Handle, scope: ResolvedScope): Promise<AlliancesFigure> {
  const alliances = await rowsOf<AllianceRow>(
    db,
    sql`with ${scopedAlliancesCte(scope)}
      select sa.id, sa.name, sa.status::text as status, sa.starts_on::text as "startsOn",
        (select count(distinct aa.actor_id)::int from alliance_actors aa where aa.alliance_id = sa.id) as members,
        (select count(*)::int from partnerships p where p.alliance_id = sa.id and p.status <> 'abandoned'
          ${scope.audience === 'public' ? sql`and p.published_at is not null` : sql``}) as partnerships
      from scoped_alliances sa order by sa.name, sa.id`,
  );
  const members = alliances.reduce((n, a) => n + a.members, 0);
  return {
    total: alliances.length,
    byStatus: allianceStatuses
      .map((status) => ({ status, count: alliances.filter((a) => a.status === status).length }))
      .filter((s) => s.count > 0),
    averageMembers: alliances.length ? Math.round((members / alliances.length) * 10) / 10 : null,
    alliances,
  };
}
