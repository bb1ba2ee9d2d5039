// The Gantt-like view: phases, actions (start → due, inferred from their phase when undated) and events. Actions are
// internal work: only signed-in viewers see them.
import { asc, eq } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import type { Viewer } from '../actors/visibility.js';
import { lateSql } from './actions.js';
import { maxDay, minDay, parisDay, requireProgramme } from './common.js';
import type { TimelineView } from './contract.js';
import { meetingsOf, phasesOf, phaseViewOf } from './detail.js';
import { programmeActions } from './schema.js';

export async function timelineOf(db: Handle, viewer: Viewer, programmeId: string): Promise<TimelineView> {
  const programme = await requireProgramme(db, programmeId);
  const phases = await phasesOf(db, programmeId);
  const rows = viewer
    ? await db
        .select({ action: programmeActions, late: lateSql })
        .from(programmeActions)
        .where(eq(programmeActions.programmeId, programmeId))
        .orderBy(asc(programmeActions.dueOn), asc(programmeActions.createdAt))
    : [];
  const actions = rows.map(({ action: a, late }) => {
    const phase = phases.find((p) => p.id === a.phaseId);
    const startsOn = a.startsOn ?? phase?.startsOn ?? a.createdAt.toISOString().slice(0, 10);
    const dueOn = a.dueOn ?? phase?.endsOn ?? startsOn;
    return {
      id: a.id,
      title: a.title,
      phaseId: a.phaseId,
      territoryId: a.territoryId,
      startsOn: minDay([startsOn, dueOn]),
      dueOn: maxDay([startsOn, dueOn]),
      status: a.status,
      late: Boolean(late),
    };
  });
  const meetings = await meetingsOf(db, programmeId);
  const starts = [programme.startsOn, ...phases.map((p) => p.startsOn), ...actions.map((a) => a.startsOn)];
  const ends = [programme.endsOn, ...phases.map((p) => p.endsOn), ...actions.map((a) => a.dueOn)];
  for (const m of meetings) {
    starts.push(parisDay(new Date(m.startsAt)));
    ends.push(parisDay(new Date(m.endsAt)));
  }
  return {
    from: minDay(starts),
    to: maxDay(ends),
    phases: phases.map(phaseViewOf),
    actions,
    events: meetings,
  };
}
