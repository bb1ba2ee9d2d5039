import type { Handle } from '../../../db/client.js';
import { participationFigures } from '../../dialogue/figures.js';
import { evaluationFigures } from '../../evaluation/figures.js';
import type { Dashboard } from '../figures.js';
import { type FigureScope, resolveProgrammeScope } from '../scope.js';
import { actorFigures } from './actors.js';
import { allianceFigures } from './alliances.js';
import { eventFigures } from './events.js';
import { fundingFigures } from './funding.js';
import { mapFigures } from './map.js';
import { partnershipFigures } from './partnerships.js';
import { programmePhasesOf, programmeTerritoriesOf } from './programme.js';
import { sdgFigures } from './sdgs.js';
import { volunteerFigures } from './volunteers.js';

/**
 * Every figure of the dashboard for a scope, resolved here (ScopeNotFound for a programme, territory or phase that is
 * not found in the programme), with what the filters offer: the programme's territories, phases and years.
 */
export async function dashboard(db: Handle, scope: FigureScope): Promise<Dashboard> {
  const { resolved, programme } = await resolveProgrammeScope(db, scope);
  // One after the other: PGlite serves one query at a time anyway, and a pool stays free for other requests.
  const actors = await actorFigures(db, resolved);
  const partnerships = await partnershipFigures(db, resolved);
  const alliances = await allianceFigures(db, resolved);
  const events = await eventFigures(db, resolved);
  const funding = await fundingFigures(db, resolved);
  const volunteers = await volunteerFigures(db, resolved);
  const evaluation = await evaluationFigures(db, resolved);
  const sdgs = await sdgFigures(db, resolved);
  const map = await mapFigures(db, resolved);
  const dialogue = await participationFigures(db, resolved);
  const first = Number(programme.startsOn.slice(0, 4));
  const last = Number(programme.endsOn.slice(0, 4));
  return {
    programme: { id: programme.id, name: programme.name },
    audience: resolved.audience,
    filters: { territoryId: scope.territoryId ?? null, phaseId: scope.phaseId ?? null, year: scope.year ?? null },
    territories: await programmeTerritoriesOf(db, programme.id),
    phases: await programmePhasesOf(db, programme.id),
    years: Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i),
    keyFigures: {
      participants: actors.participantsTotal,
      directoryActors: actors.directoryTotal,
      partnerships: partnerships.total,
      alliances: alliances.total,
      eventsHeld: events.held,
      attendance: events.attendance,
      fundingSecured: funding.secured,
      volunteerValue: volunteers.value,
      averageScore: evaluation.overall,
      dialogueContributions: dialogue.totals.contributions,
    },
    actors,
    partnerships,
    alliances,
    events,
    funding,
    volunteers,
    evaluation,
    sdgs,
    map,
    dialogue,
  };
}
