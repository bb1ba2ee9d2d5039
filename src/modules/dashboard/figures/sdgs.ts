import { sql } from 'drizzle-orm';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import type { SdgRow, SdgsFigure } from '../figures.js';
import type { ResolvedScope } from '../scope.js';
import { directoryInArea, scopedAlliancesCte, scopedPartnershipsCte, scopedProjectsCte } from './common.js';

/**
 * Per SDG of the reference: the directory's actors of the area, the projects, alliances and partnerships in scope
 * (common.ts) that name it. A partnership has no SDG of its own: it covers those of the project it serves and of the
 * alliance it belongs to.
 */
export async function sdgFigures(db: Handle, scope: ResolvedScope): Promise<SdgsFigure> {
  // An unpublished alliance's SDGs are not the public's to see, even through its published partnerships.
  const allianceShown = scope.audience === 'public' ? sql`al.published_at is not null` : sql`true`;
  const bySdg = await rowsOf<SdgRow>(
    db,
    sql`with ${scopedPartnershipsCte(scope)}, ${scopedAlliancesCte(scope)}, ${scopedProjectsCte(scope)},
      partnership_sdgs as (
        select distinct sp.id, unnest(coalesce(pr.sdgs, '{}') || coalesce(al.sdgs, '{}')) as sdg
        from scoped_partnerships sp
        left join projects pr on pr.id = sp.project_id
        left join alliances al on al.id = sp.alliance_id and ${allianceShown})
      select s.number, s.label_fr as "labelFr", s.label_en as "labelEn", s.color,
        (select count(*)::int from actors a where ${directoryInArea(scope)} and s.number = any(a.sdgs)) as actors,
        (select count(*)::int from partnership_sdgs ps where ps.sdg = s.number) as partnerships,
        (select count(*)::int from scoped_projects sp where s.number = any(sp.sdgs)) as projects,
        (select count(*)::int from scoped_alliances sa where s.number = any(sa.sdgs)) as alliances
      from sdgs s order by s.number`,
  );
  return {
    bySdg,
    covered: bySdg.filter((r) => r.actors + r.partnerships + r.projects + r.alliances > 0).length,
  };
}
