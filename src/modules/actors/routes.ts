import type { AppContext } from '../../app.js';
import { registerListExport } from '../../http/list-export.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import {
  actorHistory,
  actorListExport,
  actorsMap,
  createActor,
  deleteActor,
  getActor,
  listActors,
  updateActor,
} from './contract.js';
import { directoryExport } from './list-export.js';
import * as actors from './service.js';

export function registerActorRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, listActors, ({ query, auth }) => actors.searchActors(db, auth.user, query));

  registerListExport(app, actorListExport, ({ query, auth }, format) => directoryExport(db, auth.user, query, format));

  registerRoute(app, actorsMap, ({ query, auth }) => actors.actorsMap(db, auth.user, query));

  registerRoute(app, getActor, ({ params, auth }) => actors.getActor(db, auth.user, params.id));

  registerRoute(app, createActor, async ({ body, auth }) => {
    const user = signedIn(auth.user);
    const id = await actors.createActor(db, user, body);
    return actors.getActor(db, user, id);
  });

  registerRoute(app, updateActor, async ({ params, body, auth }) => {
    const user = signedIn(auth.user);
    await actors.updateActor(db, user, params.id, body);
    return actors.getActor(db, user, params.id);
  });

  registerRoute(app, deleteActor, async ({ params, auth }) => {
    await actors.deleteActor(db, signedIn(auth.user), params.id);
    return null;
  });

  registerRoute(app, actorHistory, async ({ params, auth }) => ({
    items: await actors.listActorHistory(db, auth.user, params.id),
  }));
}
