import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';
import { registerRoute } from '../../http/route.js';
import { mailRoutes as r } from './contract.js';
import { listDeadLetters, retryDeadLetter } from './dead-letters.js';

export function registerMailRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.deadLetters, ({ query }) => listDeadLetters(db, query));

  registerRoute(app, r.retry, async ({ params }) => {
    await retryDeadLetter(db, params.id);
    return null;
  });
}
