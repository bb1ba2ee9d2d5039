// What the figures share: which partnerships, alliances, projects and programme events are in a scope, and the phase
// and year a record's day falls in. One definition each, so that two figures never count a record differently.
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../../db/arrays.js';
import type { YearSpan } from '../../funding/budget/figures.js';
import { inDaySpan, inSpan, parisDay, partnershipInScope, type ResolvedScope } from '../scope.js';

/** The calendar years the span meets (open ends stay open): for what is kept per year (budget, applications). */
export function yearSpanOf(scope: ResolvedScope): YearSpan {
  return {
    from: scope.from === null ? undefined : Number(scope.from.slice(0, 4)),
    to: scope.to === null ? undefined : Number(scope.to.slice(0, 4)),
  };
}

/** The programme's phase (id, or null) whose dates hold `day` (an SQL date); phases never overlap (structure.ts). */
export const phaseOf = (scope: ResolvedScope, day: SQL) => sql`(select ph.id from programme_phases ph
  where ph.programme_id = ${scope.programmeId} and ${day} between ph.starts_on and ph.ends_on limit 1)`;

/**
 * `scoped_partnerships (id, mode, current_step, day)`: the partnerships of the area not abandoned, published ones only
 * for the public, whose day — start date, else creation — is in the span.
 */
export function scopedPartnershipsCte(scope: ResolvedScope): SQL {
  const day = sql`coalesce(p.starts_on, ${parisDay(sql`p.created_at`)})`;
  return sql`scoped_partnerships as (
    select p.id, p.mode, p.current_step, p.project_id, p.alliance_id, p.commune_codes, ${day} as day
    from partnerships p
    where p.status <> 'abandoned' and ${partnershipInScope(scope)} and ${inDaySpan(scope, day)})`;
}

/**
 * `scoped_alliances (id, name, status, starts_on, sdgs)`: alliances of the area (one of their communes, direct
 * members' or partnerships' partners' is in it), published ones only for the public, whose day — start date, else
 * creation — is in the span. `alliance_actors` are their direct members and the partners of their partnerships not
 * abandoned (published ones only for the public): who counts as a member, and who places the alliance in the area.
 */
export function scopedAlliancesCte(scope: ResolvedScope): SQL {
  const day = sql`coalesce(al.starts_on, ${parisDay(sql`al.created_at`)})`;
  const published = scope.audience === 'public' ? sql`al.published_at is not null` : sql`true`;
  const partnershipPublished = scope.audience === 'public' ? sql`p.published_at is not null` : sql`true`;
  return sql`alliance_actors as (
      select m.alliance_id, m.actor_id from alliance_members m
      union
      select p.alliance_id, pp.actor_id from partnerships p join partnership_partners pp on pp.partnership_id = p.id
      where p.alliance_id is not null and p.status <> 'abandoned' and ${partnershipPublished}
    ),
    scoped_alliances as (
    select al.id, al.name, al.status, al.starts_on, al.sdgs from alliances al
    where ${published} and ${inDaySpan(scope, day)} and (al.commune_codes && ${textArray(scope.communeCodes)} or exists (
      select 1 from alliance_actors aa join actors a on a.id = aa.actor_id
      where aa.alliance_id = al.id and a.commune_code = any(${textArray(scope.communeCodes)}))))`;
}

/**
 * `scoped_projects (id, sdgs)`: flagship projects of the area (one of their communes or carriers' is in it), drafts
 * never (they are not public, and not yet a project of the territory), whose day — start, else creation — is in span.
 */
export function scopedProjectsCte(scope: ResolvedScope): SQL {
  const day = sql`coalesce(pr.starts_on, ${parisDay(sql`pr.created_at`)})`;
  return sql`scoped_projects as (
    select pr.id, pr.sdgs from projects pr
    where pr.status <> 'draft' and ${inDaySpan(scope, day)} and (pr.commune_codes && ${textArray(scope.communeCodes)} or exists (
      select 1 from project_carriers pc join actors a on a.id = pc.actor_id
      where pc.project_id = pr.id and a.commune_code = any(${textArray(scope.communeCodes)}))))`;
}

/**
 * `scoped_events (id, kind, commune_code, status, ends_at, day)`: the programme's events not cancelled whose day is in
 * the span; for a territory, those of that territory, or programme-wide ones held in one of its communes.
 */
export function scopedEventsCte(scope: ResolvedScope): SQL {
  const territory =
    scope.territoryId === null
      ? sql`true`
      : sql`(pe.territory_id = ${scope.territoryId} or (pe.territory_id is null and e.commune_code = any(${textArray(scope.communeCodes)})))`;
  return sql`scoped_events as (
    select e.id, e.kind, e.commune_code, e.status, e.ends_at, ${parisDay(sql`e.starts_at`)} as day
    from programme_events pe join events e on e.id = pe.event_id
    where pe.programme_id = ${scope.programmeId} and e.status <> 'cancelled' and ${inSpan(scope, sql`e.starts_at`)} and ${territory})`;
}

/** The directory's actors located in the scope's area (the directory as it stands: no date). */
export const directoryInArea = (scope: ResolvedScope, a: SQL = sql`a`) =>
  sql`${a}.commune_code = any(${textArray(scope.communeCodes)})`;
