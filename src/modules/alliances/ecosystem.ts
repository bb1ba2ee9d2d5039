// The ecosystem graph: actors and alliances as nodes; partnerships (between each pair of partners) and alliance
// membership as links. Built by one PostgreSQL query from what the viewer may see: the public, published
// partnerships and alliances only; members, those plus their own; staff and observers, everything.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { allianceVisible, partnershipVisible, type Viewer } from './access.js';
import type { EcosystemGraph, EcosystemLink, EcosystemNode, EcosystemQuery } from './contract.js';

/** The communes a filter selects: one commune, or a territory's communes; null when neither is set. */
function communeSet(query: EcosystemQuery): SQL | null {
  if (query.commune) return sql`array[${query.commune}::text]`;
  if (query.territory) {
    return sql`array(select tc.commune_code from territory_communes tc where tc.territory_id = ${query.territory})`;
  }
  return null;
}

const json = <T>(value: unknown): T[] => (typeof value === 'string' ? JSON.parse(value) : ((value ?? []) as T[]));

export async function ecosystemGraph(db: Db, viewer: Viewer, query: EcosystemQuery): Promise<EcosystemGraph> {
  const communes = communeSet(query);
  const partnershipFilters: SQL[] = [partnershipVisible(viewer)];
  const allianceFilters: SQL[] = [allianceVisible(viewer)];
  if (query.mode) partnershipFilters.push(sql`p.mode = ${query.mode}`);
  if (query.theme) {
    partnershipFilters.push(sql`${query.theme}::text = any(p.themes)`);
    allianceFilters.push(sql`${query.theme}::text = any(a.themes)`);
  }
  if (communes) {
    // In the place: by its own communes, or by one of its actors' commune.
    partnershipFilters.push(sql`(p.commune_codes && ${communes} or exists (select 1 from partnership_partners cp
      join actors ca on ca.id = cp.actor_id where cp.partnership_id = p.id and ca.commune_code = any(${communes})))`);
    allianceFilters.push(sql`(a.commune_codes && ${communes} or exists (select 1 from alliance_members cm
      join actors ca on ca.id = cm.actor_id where cm.alliance_id = a.id and ca.commune_code = any(${communes})))`);
  }
  // With a mode, an alliance shows when it groups a partnership of that mode.
  if (query.mode) allianceFilters.push(sql`exists (select 1 from vp where vp.alliance_id = a.id)`);

  const [row] = await rowsOf<{ nodes: unknown; links: unknown }>(
    db,
    sql`with vp as (
        select p.id, p.title, p.mode, p.alliance_id from partnerships p where ${sql.join(partnershipFilters, sql` and `)}
      ),
      va as (select a.id, a.name from alliances a where ${sql.join(allianceFilters, sql` and `)}),
      pl as (
        select x.actor_id as source, y.actor_id as target, 'partnership' as kind, vp.id as "refId",
          vp.title, vp.mode::text as mode
        from vp join partnership_partners x on x.partnership_id = vp.id
          join partnership_partners y on y.partnership_id = vp.id and x.actor_id < y.actor_id
      ),
      al as (
        select distinct m.actor_id as source, va.id as target, 'alliance' as kind, va.id as "refId",
          va.name as title, null::text as mode
        from va join (
          select am.alliance_id, am.actor_id from alliance_members am
          union select vp.alliance_id, pp.actor_id from vp join partnership_partners pp on pp.partnership_id = vp.id
            where vp.alliance_id is not null
        ) m on m.alliance_id = va.id
      ),
      links as (select * from pl union all select * from al),
      actor_ids as (select source as id from links union select target from pl)
      select
        (select coalesce(json_agg(n order by n.kind, n.name), '[]'::json) from (
          select a.id, 'actor' as kind, a.name, a.family::text as family, a.commune_code as "communeCode",
            c.name as "communeName"
          from actor_ids i join actors a on a.id = i.id left join communes c on c.code = a.commune_code
          union all
          select va.id, 'alliance', va.name, null, null, null from va
        ) n) as nodes,
        (select coalesce(json_agg(l order by l.kind, l.title, l.source, l.target), '[]'::json) from links l) as links`,
  );
  return {
    nodes: json<EcosystemNode>(row?.nodes),
    links: json<EcosystemLink>(row?.links),
  };
}
