import type { AppContext } from '../../../app.js';
import { xlsxContentType } from '../../../http/contract.js';
import { type App, registerRoute } from '../../../http/route.js';
import { budgetRoutes as r } from './contract.js';
import { budgetFile } from './export.js';
import { createLine, deleteLine, updateLine } from './lines.js';
import { applicationBudgetOf, budgetView, sourceChoicesOf } from './view.js';
import { volunteerRoutes as v } from './volunteer-contract.js';
import {
  createHours,
  createRate,
  deleteHours,
  deleteRate,
  getHours,
  updateHours,
  updateRate,
  volunteersView,
} from './volunteers.js';

/** The line as the budget page shows it (its year only, so its figures are computed with the same rules). */
async function lineViewOf(ctx: AppContext, id: string, programmeId: string, year: number) {
  const view = await budgetView(ctx.db, { programmeId, from: year, to: year });
  const line = view.lines.find((l) => l.id === id);
  if (!line) throw new Error('line just written not found');
  return line;
}

export function registerBudgetRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.get, ({ query }) => budgetView(db, query));

  registerRoute(app, r.xlsx, async ({ query, reply }) => {
    const { filename, body } = await budgetFile(db, query);
    reply
      .header('content-type', xlsxContentType)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store');
    return body;
  });

  registerRoute(app, r.sources, ({ query }) => sourceChoicesOf(db, query.programmeId));

  registerRoute(app, r.ofApplication, ({ params }) => applicationBudgetOf(db, params.id));

  registerRoute(app, r.createLine, async ({ body, auth }) => {
    const id = await createLine(db, auth.user, body);
    return lineViewOf(ctx, id, body.programmeId, body.year);
  });

  registerRoute(app, r.updateLine, async ({ params, body, auth }) => {
    const programmeId = await updateLine(db, auth.user, params.id, body);
    return lineViewOf(ctx, params.id, programmeId, body.year);
  });

  registerRoute(app, r.deleteLine, async ({ params, auth }) => {
    await deleteLine(db, auth.user, params.id);
    return null;
  });

  registerRoute(app, v.volunteers, ({ query }) => volunteersView(db, query.programmeId, query));

  registerRoute(app, v.createRate, ({ body, auth }) => createRate(db, auth.user, body));
  registerRoute(app, v.updateRate, ({ params, body, auth }) => updateRate(db, auth.user, params.id, body));
  registerRoute(app, v.deleteRate, async ({ params, auth }) => {
    await deleteRate(db, auth.user, params.id);
    return null;
  });

  registerRoute(app, v.createHours, async ({ body, auth }) => getHours(db, await createHours(db, auth.user, body)));
  registerRoute(app, v.updateHours, async ({ params, body, auth }) => {
    await updateHours(db, auth.user, params.id, body);
    return getHours(db, params.id);
  });
  registerRoute(app, v.deleteHours, async ({ params, auth }) => {
    await deleteHours(db, auth.user, params.id);
    return null;
  });
}
