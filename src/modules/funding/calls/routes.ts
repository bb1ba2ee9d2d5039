import type { AppContext } from '../../../app.js';
import { type App, registerRoute } from '../../../http/route.js';
import { callRoutes as r } from './contract.js';
import { getCall, listCalls } from './queries.js';
import { createCall, deleteCall, updateCall } from './service.js';

export function registerFundingCallRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  registerRoute(app, r.list, ({ query, auth }) => listCalls(db, auth.user, query));
  registerRoute(app, r.get, ({ params, auth }) => getCall(db, auth.user, params.id));
  registerRoute(app, r.create, async ({ body, auth }) => getCall(db, auth.user, await createCall(db, auth.user, body)));
  registerRoute(app, r.update, async ({ params, body, auth }) => {
    await updateCall(db, auth.user, params.id, body);
    return getCall(db, auth.user, params.id);
  });
  registerRoute(app, r.remove, async ({ params, auth }) => {
    await deleteCall(db, auth.user, params.id);
    return null;
  });
}
