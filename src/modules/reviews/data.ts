// Everything the annual review shows, gathered once for (programme, year, audience): the dashboard's figure functions
// (the same numbers as the dashboard's charts), the budget's figures, the evaluation's figures, and the lists that
// name what the figures count (actions, meetings, partnerships, alliances). Public audiences get public records
// only and never a person: organisations and roles.
import { and, eq, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { Viewer } from '../actors/visibility.js';
import { scopedEventsCte, scopedPartnershipsCte } from '../dashboard/figures/common.js';
import type {
  ActorsFigure,
  AlliancesFigure,
  EvaluationFigures,
  EventsFigure,
  FundingFigure,
  PartnershipsFigure,
  TerritoryRef,
  VolunteersFigure,
} from '../dashboard/figures.js';
import {
  actorFigures,
  allianceFigures,
  eventFigures,
  fundingFigures,
  partnershipFigures,
  programmeTerritoriesOf,
  volunteerFigures,
} from '../dashboard/figures.js';
import { type Audience, type ResolvedScope, resolveScope } from '../dashboard/scope.js';
import { type ParticipationFigures, participationFigures } from '../dialogue/figures.js';
import { evaluationFigures } from '../evaluation/figures.js';
import { type BudgetFigures, budgetFigures } from '../funding/budget/figures.js';
import type { PartnershipMode, PartnershipStep } from '../partnerships/vocabulary.js';
import { actionViews } from '../programmes/actions.js';
import type { ActionView, ProgrammeDetail } from '../programmes/contract.js';
import { getProgramme } from '../programmes/detail.js';
import { eventHeld } from '../programmes/indicators.js';
import { programmeActions } from '../programmes/schema.js';

export interface PartnershipListItem {
  id: string;
  title: string;
  mode: PartnershipMode;
  step: PartnershipStep;
  startsOn: string | null;
  /** Partner organisations, by name. */
  partners: string[];
}

export interface ReviewData {
  year: number;
  audience: Audience;
  programme: ProgrammeDetail;
  /** Actions whose span (start → due, or done) meets the year, and those of the next year. */
  actions: ActionView[];
  nextActions: ActionView[];
  /** Pilot groups as they stand at the year's end (every participant who joined by then). */
  actors: ActorsFigure;
  events: EventsFigure;
  /** Ids of the programme's meetings counted in `events.held`: the lists mark held exactly those. */
  heldMeetingIds: Set<string>;
  partnerships: PartnershipsFigure;
  partnershipList: PartnershipListItem[];
  alliances: AlliancesFigure;
  budget: BudgetFigures;
  funding: FundingFigure;
  /** The programme's territories as the dashboard's charts name them. */
  territoryRefs: TerritoryRef[];
  volunteers: VolunteersFigure;
  evaluation: EvaluationFigures;
  /** The territorial dialogue's participation in the year. */
  dialogue: ParticipationFigures;
}

/** Actions of the programme meeting the calendar year: started, due or done in it, or spanning it. */
async function actionsOfYear(db: Handle, viewer: Viewer, programmeId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const start = sql`coalesce(${programmeActions.startsOn}, ${programmeActions.dueOn}, ${programmeActions.doneOn})`;
  const end = sql`coalesce(${programmeActions.doneOn}, ${programmeActions.dueOn}, ${programmeActions.startsOn})`;
  return actionViews(
    db,
    viewer,
    and(
      eq(programmeActions.programmeId, programmeId),
      sql`${start} <= ${to}::date and ${end} >= ${from}::date`,
      sql`${programmeActions.status} <> 'cancelled'`,
    ),
  );
}

/**
 * Partnerships the dashboard counts for the scope (its `scoped_partnerships`: same area, publication and day rules),
 * with their partners: the list names exactly what the « Partenariats engagés » figure counts.
 */
async function partnershipsOfYear(db: Handle, scope: ResolvedScope): Promise<PartnershipListItem[]> {
  const rows = await rowsOf<{
    id: string;
    title: string;
    mode: PartnershipMode;
    step: PartnershipStep;
    starts_on: string | null;
    partners: string[];
  }>(
    db,
    sql`with ${scopedPartnershipsCte(scope)}
      select p.id, p.title, p.mode::text as mode, p.current_step::text as step, sp.day::text as starts_on,
        coalesce((select array_agg(a.name order by a.name) from partnership_partners pp
          join actors a on a.id = pp.actor_id where pp.partnership_id = p.id), '{}') as partners
      from scoped_partnerships sp join partnerships p on p.id = sp.id
      order by sp.day, p.title`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    mode: r.mode,
    step: r.step,
    startsOn: r.starts_on,
    partners: r.partners,
  }));
}

/** The programme's events the dashboard counts as held in the scope (same CTE and `eventHeld` rule as eventFigures). */
async function heldEventIds(db: Handle, scope: ResolvedScope): Promise<Set<string>> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`with ${scopedEventsCte(scope)} select se.id from scoped_events se where ${eventHeld(sql`se`)}`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function reviewData(
  db: Handle,
  viewer: Viewer,
  programmeId: string,
  year: number,
  audience: Audience,
): Promise<ReviewData> {
  const scope = await resolveScope(db, { programmeId, year, audience });
  // The pilot groups are who has joined by the year's end, not only who joined during it.
  const untilYearEnd: ResolvedScope = { ...scope, from: null };
  const readerViewer = audience === 'public' ? null : viewer;
  const [programme, actions, nextActions, actors, events, partnerships, partnershipList, alliances] = await Promise.all(
    [
      getProgramme(db, readerViewer, programmeId),
      actionsOfYear(db, readerViewer, programmeId, year),
      actionsOfYear(db, readerViewer, programmeId, year + 1),
      actorFigures(db, untilYearEnd),
      eventFigures(db, scope),
      partnershipFigures(db, scope),
      partnershipsOfYear(db, scope),
      allianceFigures(db, scope),
    ],
  );
  const [budget, funding, volunteers, evaluation, territoryRefs, heldMeetingIds, dialogue] = await Promise.all([
    budgetFigures(db, programmeId, { from: year, to: year }),
    fundingFigures(db, scope),
    volunteerFigures(db, scope),
    evaluationFigures(db, scope),
    programmeTerritoriesOf(db, programmeId),
    heldEventIds(db, scope),
    participationFigures(db, scope),
  ]);
  return {
    year,
    audience,
    programme,
    actions,
    nextActions,
    actors,
    events,
    heldMeetingIds,
    partnerships,
    partnershipList,
    alliances,
    budget,
    funding,
    territoryRefs,
    volunteers,
    evaluation,
    dialogue,
  };
}

/** The calendar years a programme spans, for the year select. */
export function yearsOf(programme: { startsOn: string; endsOn: string }): number[] {
  const first = Number(programme.startsOn.slice(0, 4));
  const last = Number(programme.endsOn.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
