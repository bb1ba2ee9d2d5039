import type { AppContext } from '../../app.js';
import { type App, registerRoute } from '../../http/route.js';
import { getReference, searchCommunes } from './contract.js';
import { searchCommunes as findCommunes, getReferenceData } from './service.js';

export function registerReferenceRoutes(app: App, ctx: AppContext) {
  registerRoute(app, getReference, async ({ reply }) => {
    reply.header('cache-control', 'public, max-age=300');
    return getReferenceData(ctx.db);
  });

  registerRoute(app, searchCommunes, async ({ query }) => ({
    items: await findCommunes(ctx.db, query.q, query.limit),
  }));
}
