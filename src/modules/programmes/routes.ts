import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { getAction } from './actions.js';
import { programmeRoutes as r } from './contract.js';
import { getProgramme, listProgrammes } from './detail.js';
import { programmeFeedIcs } from './feed.js';
import { replaceObjectives } from './objectives.js';
import { createAction, deleteAction, listActions, listDecisions, setActionStatus, updateAction } from './plan.js';
import { replicateProgramme } from './replicate.js';
import { createProgramme, updateProgramme } from './service.js';
import { replacePhases, replaceTerritories } from './structure.js';
import { deleteParticipant, putParticipant, replaceSteering } from './team.js';
import { timelineOf } from './timeline.js';

export function registerProgrammeRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.list, () => listProgrammes(db));

  registerRoute(app, r.get, ({ params, auth }) => getProgramme(db, auth.user, params.id));

  registerRoute(app, r.create, async ({ body, auth }) => {
    const id = await createProgramme(db, auth.user, body);
    return getProgramme(db, auth.user, id);
  });

  registerRoute(app, r.update, async ({ params, body, auth }) => {
    await updateProgramme(db, auth.user, params.id, body);
    return getProgramme(db, auth.user, params.id);
  });

  // The programme's parts, each replaced as a whole; the answer is the programme as its page shows it.
  for (const [contract, replace] of [
    [r.putTerritories, replaceTerritories],
    [r.putPhases, replacePhases],
    [r.putSteering, replaceSteering],
    [r.putObjectives, replaceObjectives],
  ] as const) {
    registerRoute(app, contract, async ({ params, body, auth }) => {
      await replace(db, auth.user, params.id, body);
      return getProgramme(db, auth.user, params.id);
    });
  }

  registerRoute(app, r.putParticipant, async ({ params, body, auth }) => {
    await putParticipant(db, auth.user, params.id, params.actorId, body);
    return getProgramme(db, auth.user, params.id);
  });

  registerRoute(app, r.deleteParticipant, async ({ params, auth }) => {
    await deleteParticipant(db, auth.user, params.id, params.actorId);
    return null;
  });

  registerRoute(app, r.decisions, ({ params, auth }) => listDecisions(db, auth.user, params.id));

  registerRoute(app, r.actions, ({ params, query, auth }) => listActions(db, auth.user, params.id, query));

  registerRoute(app, r.createAction, async ({ params, body, auth }) => {
    const id = await createAction(db, signedIn(auth.user), params.id, body);
    return getAction(db, auth.user, id);
  });

  registerRoute(app, r.updateAction, async ({ params, body, auth }) => {
    await updateAction(db, auth.user, params.id, body);
    return getAction(db, auth.user, params.id);
  });

  registerRoute(app, r.setActionStatus, async ({ params, body, auth }) => {
    await setActionStatus(db, auth.user, params.id, body);
    return getAction(db, auth.user, params.id);
  });

  registerRoute(app, r.deleteAction, async ({ params, auth }) => {
    await deleteAction(db, auth.user, params.id);
    return null;
  });

  registerRoute(app, r.timeline, ({ params, auth }) => timelineOf(db, auth.user, params.id));

  registerRoute(app, r.replicate, async ({ params, body, auth }) => {
    const id = await replicateProgramme(db, auth.user, params.id, body);
    return getProgramme(db, auth.user, id);
  });

  // A file: bytes sent as they are (see the contract).
  registerRoute(app, r.feedIcs, async ({ params, reply }) => {
    const { filename, ics } = await programmeFeedIcs(db, ctx.config.publicUrl, params.id);
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${filename}"`)
      .header('cache-control', 'public, max-age=300');
    return ics;
  });
}
