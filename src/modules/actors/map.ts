// The directory on a map: matching actors grouped at their commune's position.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { ActorFamily } from '../reference/families.js';
import type { DirectoryFilters } from './contract.js';
import { conditions, whereOf } from './criteria.js';
import { defaultTuning, type SearchTuning } from './facets.js';
import { prepareSearch } from './search.js';
import type { Viewer } from './visibility.js';

interface CountRow {
  code: string | null;
  n: number;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
}

type MapActor = { id: string; name: string; family: ActorFamily };

/** Actors per commune: the stored counts without criteria, else one grouped pass over the matches. */
function countsQuery(where: SQL[]): SQL {
  const counts = where.length
    ? sql`select a.commune_code as code, count(*)::int as n from actors a ${whereOf(where)} group by a.commune_code`
    : sql`select nullif(value, '') as code, n from actor_facet_counts
          where (facet = 'commune' or facet = 'total') and n > 0`;
  return sql`select k.code, k.n, cm.name, cm.latitude, cm.longitude
    from (${counts}) k left join communes cm on cm.code = k.code`;
}

/** The first 50 matching actors by name of each listed commune, walking the (commune_code, name_key, id) index. */
function listsQuery(codes: string[], where: SQL[]): SQL {
  return sql`select k.code, s.actors
    from unnest(array[${sql.join(
      codes.map((c) => sql`${c}::text`),
      sql`, `,
    )}]) as k(code)
    cross join lateral (
      select json_agg(json_build_object('id', b.id, 'name', b.name, 'family', b.family) order by b.name_key, b.id)
        as actors
      from (
        select a.id, a.name, a.family, a.name_key from actors a
        ${whereOf([sql`a.commune_code = k.code`, ...where])}
        order by a.name_key, a.id limit 50
      ) b
    ) s`;
}

/**
 * Matching actors grouped at their commune's position; `unplaced` counts those without a commune or with a commune
 * without position. The `tuning.mapListedPoints` busiest communes list up to 50 of their actors (by name); the
 * others come with an empty list, to be read from the directory filtered by commune when opened: on a national
 * directory the map has tens of thousands of points.
 *
 * Cost: without criteria the counts come from actor_facet_counts. With criteria they are exact, so a broad filter on
 * a very large directory reads every match (seconds at a million actors; the map is outside the directory's latency
 * budget). The lists are read with bitmap scans disabled, as the planner, expecting few actors per commune, would
 * otherwise read a whole commune to sort it; JIT is off, its compilation costing more than these queries.
 */
export async function actorsMap(
  db: Db,
  _viewer: Viewer,
  filters: DirectoryFilters,
  tuning: SearchTuning = defaultTuning,
) {
  const { criteria } = await prepareSearch(db, filters, tuning);
  const where = conditions(criteria);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const rows = await rowsOf<CountRow>(tx, countsQuery(where));
    let total = 0;
    let placed = 0;
    const points: {
      communeCode: string;
      communeName: string;
      latitude: number;
      longitude: number;
      count: number;
      actors: MapActor[];
    }[] = [];
    for (const r of rows) {
      const n = Number(r.n);
      // With criteria every row counts actors (the one without code: those without commune); without criteria the
      // row without code is the stored number of actors.
      if (where.length) total += n;
      else if (r.code === null) total = n;
      if (r.code === null || r.name === null || r.latitude === null || r.longitude === null) continue;
      placed += n;
      const point = { communeCode: r.code, communeName: r.name, latitude: Number(r.latitude) };
      points.push({ ...point, longitude: Number(r.longitude), count: n, actors: [] });
    }
    points.sort((x, y) => y.count - x.count || x.communeCode.localeCompare(y.communeCode));
    const listed = points.slice(0, tuning.mapListedPoints);
    if (listed.length) {
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const lists = await rowsOf<{ code: string; actors: MapActor[] | null }>(
        tx,
        listsQuery(
          listed.map((p) => p.communeCode),
          where,
        ),
      );
      const byCode = new Map(lists.map((l) => [l.code, l.actors ?? []]));
      for (const p of listed) p.actors = byCode.get(p.communeCode) ?? [];
    }
    return { points, unplaced: Math.max(0, total - placed) };
  });
}
