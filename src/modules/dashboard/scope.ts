// What a dashboard figure (and the annual review, which reuses the same functions) is about: one programme, optionally
// one of its pilot territories, one of its phases or one calendar year, for readers or for the public.
//
// A territory is its communes, and the programme's area is all its territories' communes: a record is in it when it
// is located in one of them (an actor's commune, an event's commune) or, for a partnership or an alliance, when one of
// its communes or one of its members' communes is. Records the programme links itself (its events, participants and
// actions) count whatever their commune, filtered by territory through their own territory when they have one. A phase
// or a year is a date span: a record counts in it when its own date (start, signature, event day…) falls inside.

import type { SQL } from 'drizzle-orm';
import { and, eq, sql } from 'drizzle-orm';
import { textArray } from '../../db/arrays.js';
import type { Handle } from '../../db/client.js';
import { programmePhases, programmes, programmeTerritories } from '../programmes/schema.js';
import type { Audience, FigureFilters } from './filters.js';

// Who looks and the filters live in filters.ts (zod only, so that the web app imports them without the database).
export { type Audience, audiences, type FigureFilters, figureFilters } from './filters.js';

export interface FigureScope extends FigureFilters {
  programmeId: string;
  audience: Audience;
}

/** A scope resolved once into what the queries filter on. */
export interface ResolvedScope {
  programmeId: string;
  audience: Audience;
  /** The chosen territory's communes, else all the programme's territories' communes (INSEE codes). */
  communeCodes: string[];
  /** The chosen territory, if any. */
  territoryId: string | null;
  /** Inclusive ISO dates; null = open. */
  from: string | null;
  to: string | null;
}

export class ScopeNotFound extends Error {
  constructor(readonly field: 'programmeId' | 'territoryId' | 'phaseId') {
    super(`${field} not found in this programme`);
  }
}

/**
 * The scope's communes and dates. A territory or phase of another programme is refused (ScopeNotFound naming the
 * field). A phase and a year together keep the days both hold — possibly none (from > to): every dated figure is then
 * empty (partnerships, alliances, events, funding, volunteers, evaluation), while the figures that have no date of
 * their own stay as they stand: the directory's actors of the area, and the participants who joined by the span's end.
 */
export async function resolveScope(db: Handle, scope: FigureScope): Promise<ResolvedScope> {
  return (await resolveProgrammeScope(db, scope)).resolved;
}

/** The programme a scope is about, as the dashboard heads and bounds it (its name, its years). */
export interface ScopedProgramme {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** resolveScope, with the programme read on the way (so that the dashboard does not read it twice). */
export async function resolveProgrammeScope(
  db: Handle,
  scope: FigureScope,
): Promise<{ resolved: ResolvedScope; programme: ScopedProgramme }> {
  const [programme] = await db
    .select({ id: programmes.id, name: programmes.name, startsOn: programmes.startsOn, endsOn: programmes.endsOn })
    .from(programmes)
    .where(eq(programmes.id, scope.programmeId));
  if (!programme) throw new ScopeNotFound('programmeId');
  let communeCodes: string[];
  if (scope.territoryId) {
    const [territory] = await db
      .select({ communeCodes: programmeTerritories.communeCodes })
      .from(programmeTerritories)
      .where(
        and(eq(programmeTerritories.id, scope.territoryId), eq(programmeTerritories.programmeId, scope.programmeId)),
      );
    if (!territory) throw new ScopeNotFound('territoryId');
    communeCodes = territory.communeCodes;
  } else {
    const territories = await db
      .select({ communeCodes: programmeTerritories.communeCodes })
      .from(programmeTerritories)
      .where(eq(programmeTerritories.programmeId, scope.programmeId));
    communeCodes = [...new Set(territories.flatMap((t) => t.communeCodes))];
  }
  let from: string | null = scope.year ? `${scope.year}-01-01` : null;
  let to: string | null = scope.year ? `${scope.year}-12-31` : null;
  if (scope.phaseId) {
    const [phase] = await db
      .select({ startsOn: programmePhases.startsOn, endsOn: programmePhases.endsOn })
      .from(programmePhases)
      .where(and(eq(programmePhases.id, scope.phaseId), eq(programmePhases.programmeId, scope.programmeId)));
    if (!phase) throw new ScopeNotFound('phaseId');
    from = from === null || phase.startsOn > from ? phase.startsOn : from;
    to = to === null || phase.endsOn < to ? phase.endsOn : to;
  }
  const resolved: ResolvedScope = {
    programmeId: scope.programmeId,
    audience: scope.audience,
    communeCodes,
    territoryId: scope.territoryId ?? null,
    from,
    to,
  };
  return { resolved, programme };
}

/** A timestamp's Paris calendar day (an event at 23:30 UTC on 31 December is on 1 January in Paris). */
export const parisDay = (ts: SQL) => sql`(${ts} at time zone 'Europe/Paris')::date`;

/** `date` (an SQL timestamp expression) falls in the scope's span, as a Paris calendar day. */
export function inSpan(scope: ResolvedScope, date: SQL): SQL {
  return inDaySpan(scope, parisDay(date));
}

/**
 * `day` (an SQL `date` expression: a calendar day already, such as a start date) falls in the scope's span. A `date`
 * column must not go through `inSpan`: `at time zone` would first read it as a midnight in the session's time zone.
 */
export function inDaySpan(scope: ResolvedScope, day: SQL): SQL {
  const parts: SQL[] = [];
  if (scope.from !== null) parts.push(sql`${day} >= ${scope.from}::date`);
  if (scope.to !== null) parts.push(sql`${day} <= ${scope.to}::date`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * The partnership (row alias `p`) is in the scope's territory (or the programme's area): one of its communes is, or one of its partners' is.
 * Public audiences only count published partnerships.
 */
export function partnershipInScope(scope: ResolvedScope, p: SQL = sql`p`): SQL {
  const published = scope.audience === 'public' ? sql`${p}.published_at is not null` : sql`true`;
  return sql`${published} and (${p}.commune_codes && ${textArray(scope.communeCodes)} or exists (
    select 1 from partnership_partners pp join actors a on a.id = pp.actor_id
    where pp.partnership_id = ${p}.id and a.commune_code = any(${textArray(scope.communeCodes)})))`;
}
