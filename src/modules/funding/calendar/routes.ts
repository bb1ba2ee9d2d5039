import type { AppContext } from '../../../app.js';
import { type App, registerRoute } from '../../../http/route.js';
import { parisDay } from '../../programmes/common.js';
import { fundingCalendarRoutes as r } from './contract.js';
import { listDeadlines } from './deadlines.js';
import { deadlinesIcs } from './feed.js';
import { callsOfProgramme, callsOfProject, matchesOfCall } from './matching.js';

export function registerFundingCalendarRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.deadlines, ({ query }) => listDeadlines(db, query));

  // A file: bytes sent as they are (see the contract). Not cached by proxies: the feed is for readers only.
  registerRoute(app, r.deadlinesIcs, async ({ reply }) => {
    const ics = await deadlinesIcs(db, ctx.config.publicUrl);
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="echeances-financements.ics"')
      .header('cache-control', 'private, max-age=300');
    return ics;
  });

  registerRoute(app, r.callMatches, ({ params }) => matchesOfCall(db, params.id, parisDay(new Date())));

  registerRoute(app, r.projectCalls, ({ params, auth }) =>
    callsOfProject(db, auth.user, params.id, parisDay(new Date())),
  );

  registerRoute(app, r.programmeCalls, ({ params }) => callsOfProgramme(db, params.id, parisDay(new Date())));
}
