import type { AppContext } from '../../app.js';
import { registerListExport, sendListExport } from '../../http/list-export.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { eventRoutes as r } from './contract.js';
import { participantsExport } from './exports.js';
import { eventIcs, eventsFeedIcs } from './ics.js';
import { eventsExport } from './list-export.js';
import * as events from './service.js';

export function registerEventRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.list, ({ query }) => events.listEvents(db, query));

  registerListExport(app, r.listExport, ({ query }, format) => eventsExport(db, query, format));

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

  // Files: bytes sent as they are (see the contract). Never logged: the logger writes method, route and status only.
  registerRoute(app, r.feedIcs, async ({ reply }) => {
    const ics = await eventsFeedIcs(db, ctx.config.publicUrl);
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="alliances-evenements.ics"')
      .header('cache-control', 'public, max-age=300');
    return ics;
  });

  registerRoute(app, r.eventIcs, async ({ params, reply }) => {
    const { filename, ics } = await eventIcs(db, ctx.config.publicUrl, params.id);
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'public, max-age=300');
    return ics;
  });

  for (const [contract, format] of [
    [r.participantsCsv, 'csv'],
    [r.participantsXlsx, 'xlsx'],
  ] as const) {
    registerRoute(app, contract, async ({ params, auth, reply }) =>
      sendListExport(reply, format, await participantsExport(db, auth.user, params.id)),
    );
  }
}
