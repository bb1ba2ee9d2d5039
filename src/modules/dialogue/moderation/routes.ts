import type { AppContext } from '../../../app.js';
import { type App, registerRoute, signedIn } from '../../../http/route.js';
import { moderationRoutes as r } from './contract.js';
import { decide, moderationHistory, moderationQueue, openReportCount, reportContent } from './service.js';

export function registerModerationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.report, ({ body, auth }) => reportContent(db, signedIn(auth.user), body));

  registerRoute(app, r.queue, ({ query, auth }) => moderationQueue(db, signedIn(auth.user), query));

  registerRoute(app, r.openCount, async () => ({ open: await openReportCount(db) }));

  registerRoute(app, r.decide, ({ body, auth }) => decide(db, signedIn(auth.user), body, ctx.config.publicUrl));

  registerRoute(app, r.history, async ({ query }) => ({
    items: await moderationHistory(db, query.target, query.id),
  }));
}
