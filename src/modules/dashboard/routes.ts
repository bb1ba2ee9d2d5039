import type { AppContext } from '../../app.js';
import type { Db } from '../../db/client.js';
import { invalid, notFound } from '../../errors.js';
import { type App, registerRoute } from '../../http/route.js';
import { dashboardRoutes as r } from './contract.js';
import { dashboard } from './figures.js';
import { type Audience, type FigureFilters, ScopeNotFound } from './scope.js';

/** The dashboard of a scope; a territory or phase of another programme is a bad filter, named on its field. */
export async function dashboardFor(db: Db, programmeId: string, audience: Audience, filters: FigureFilters) {
  try {
    return await dashboard(db, { programmeId, audience, ...filters });
  } catch (error) {
    if (!(error instanceof ScopeNotFound)) throw error;
    if (error.field === 'programmeId') throw notFound('Programme');
    throw invalid([{ field: error.field, code: 'notInProgramme' }]);
  }
}

export function registerDashboardRoutes(app: App, ctx: AppContext) {
  registerRoute(app, r.get, ({ params, query }) => dashboardFor(ctx.db, params.id, 'readers', query));
  registerRoute(app, r.getPublic, ({ params, query }) => dashboardFor(ctx.db, params.id, 'public', query));
}
