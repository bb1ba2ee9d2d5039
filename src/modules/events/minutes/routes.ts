import type { AppContext } from '../../../app.js';
import { type App, registerRoute } from '../../../http/route.js';
import { minutesRoutes as r } from './contract.js';
import * as minutes from './service.js';

export function registerMinutesRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.get, ({ params, auth }) => minutes.getMinutes(db, auth.user, params.id));

  registerRoute(app, r.updateNotes, async ({ params, body, auth }) => {
    await minutes.updateNotes(db, auth.user, params.id, body);
    return minutes.getMinutes(db, auth.user, params.id);
  });

  registerRoute(app, r.addItem, ({ params, body, auth }) => minutes.addItem(db, auth.user, params.id, body));

  registerRoute(app, r.updateItem, ({ params, body, auth }) =>
    minutes.updateItem(db, auth.user, params.id, params.itemId, body),
  );

  registerRoute(app, r.deleteItem, async ({ params, auth }) => {
    await minutes.deleteItem(db, auth.user, params.id, params.itemId);
    return null;
  });
}
