import { sql } from 'drizzle-orm';
import { textArray } from '../../../db/arrays.js';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { eventHeld } from '../../programmes/indicators.js';
import type { CommuneCount, MapFigure } from '../figures.js';
import type { ResolvedScope } from '../scope.js';
import { directoryInArea, scopedEventsCte, scopedPartnershipsCte } from './common.js';

/**
 * Per commune of the area with coordinates (the reference's centroids, as the directory's map): the directory's
 * actors located there, the partnerships in scope that name it or have a partner there, the programme's events in
 * scope held there (eventHeld: past or marked held, as the events figure counts them). Communes with nothing are left out.
 */
export async function mapFigures(db: Handle, scope: ResolvedScope): Promise<MapFigure> {
  const communes = await rowsOf<CommuneCount>(
    db,
    sql`with ${scopedPartnershipsCte(scope)}, ${scopedEventsCte(scope)},
      partnership_communes as (
        select sp.id, unnest(sp.commune_codes) as code from scoped_partnerships sp
        union
        select sp.id, a.commune_code from scoped_partnerships sp
        join partnership_partners pp on pp.partnership_id = sp.id join actors a on a.id = pp.actor_id
        where a.commune_code is not null),
      counted as (
        select c.code, c.name, c.latitude, c.longitude,
          (select count(*)::int from actors a where a.commune_code = c.code and ${directoryInArea(scope)}) as actors,
          (select count(*)::int from partnership_communes pc where pc.code = c.code) as partnerships,
          (select count(*)::int from scoped_events se where se.commune_code = c.code and ${eventHeld(sql`se`)}) as events
        from communes c
        where c.code = any(${textArray(scope.communeCodes)}) and c.latitude is not null and c.longitude is not null)
      select * from counted where actors + partnerships + events > 0 order by code`,
  );
  return { communes };
}
