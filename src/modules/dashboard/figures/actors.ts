import { sql } from 'drizzle-orm';
import { textArray } from '../../../db/arrays.js';
import type { Handle } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import type { ActorFamily } from '../../reference/families.js';
import type { ActorsFigure } from '../figures.js';
import type { ResolvedScope } from '../scope.js';
import { directoryInArea } from './common.js';

/**
 * Participants of the programme (its pilot groups) by family and territory, and the directory's actors of the area by
 * family. A participant counts once it has joined by the span's end (it keeps taking part after); for a territory,
 * those of its pilot group, or programme-wide participants located in it.
 */
export async function actorFigures(db: Handle, scope: ResolvedScope): Promise<ActorsFigure> {
  const territory =
    scope.territoryId === null
      ? sql`true`
      : sql`(pp.territory_id = ${scope.territoryId} or (pp.territory_id is null and a.commune_code = any(${textArray(scope.communeCodes)})))`;
  const joined = scope.to === null ? sql`true` : sql`(pp.joined_on is null or pp.joined_on <= ${scope.to}::date)`;
  const rows = await rowsOf<{
    level: 'cell' | 'year';
    family: ActorFamily | null;
    territoryId: string | null;
    year: number | null;
    count: number;
  }>(
    db,
    sql`select case when grouping(a.family) = 0 then 'cell' else 'year' end as level,
        a.family::text as family, pp.territory_id as "territoryId",
        extract(year from pp.joined_on)::int as year, count(*)::int as count
      from programme_participants pp join actors a on a.id = pp.actor_id
      where pp.programme_id = ${scope.programmeId} and ${territory} and ${joined}
      group by grouping sets ((a.family, pp.territory_id), (extract(year from pp.joined_on)))`,
  );
  const directory = await rowsOf<{ family: ActorFamily; count: number }>(
    db,
    sql`select a.family::text as family, count(*)::int as count from actors a
      where ${directoryInArea(scope)} group by a.family order by a.family`,
  );
  const participants = rows
    .filter((r) => r.level === 'cell')
    .map((r) => ({ family: r.family as ActorFamily, territoryId: r.territoryId, count: r.count }));
  return {
    participants,
    participantsTotal: participants.reduce((n, r) => n + r.count, 0),
    participantsByYear: rows
      .filter((r) => r.level === 'year' && r.year !== null)
      .map((r) => ({ year: Number(r.year), count: r.count }))
      .sort((a, b) => a.year - b.year),
    directory,
    directoryTotal: directory.reduce((n, r) => n + r.count, 0),
  };
}
