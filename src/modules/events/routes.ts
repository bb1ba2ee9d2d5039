import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { eventRoutes as r } from './contract.js';
import * as events from './service.js';

export function registerEventRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.list, ({ query }) => events.listEvents(db, query));

  registerRoute(app, r.get, ({ params, auth }) => events.getEvent(db, auth.user, params.id));

  registerRoute(app, r.create, async ({ body, auth }) => {
    const id = await events.createEvent(db, auth.user, body);
    return events.getEvent(db, auth.user, id);
  });

  registerRoute(app, r.update, async ({ params, body, auth }) => {
    await events.updateEvent(db, auth.user, params.id, body);
    return events.getEvent(db, auth.user, params.id);
  });

  registerRoute(app, r.cancel, async ({ params, auth }) => {
    await events.cancelEvent(db, auth.user, params.id);
    return events.getEvent(db, auth.user, params.id);
  });

  registerRoute(app, r.register, ({ params, auth }) => events.register(db, signedIn(auth.user), params.id));

  registerRoute(app, r.unregister, async ({ params, auth }) => {
    await events.unregister(db, signedIn(auth.user), params.id);
    return null;
  });

  registerRoute(app, r.registrations, ({ params, auth }) => events.listRegistrations(db, auth.user, params.id));

  registerRoute(app, r.checkIn, ({ params, body, auth }) =>
    events.checkIn(db, auth.user, params.id, params.registrationId, body.present),
  );
}
