import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { diagnosticRoutes as r } from './contract.js';
import { actorDiagnostics, completeDiagnostic, discardDraft, listDiagnostics, saveDraft } from './service.js';

export function registerDiagnosticRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.list, ({ query }) => listDiagnostics(db, query));

  registerRoute(app, r.ofActor, ({ params, auth }) => actorDiagnostics(db, signedIn(auth.user), params.id));

  registerRoute(app, r.saveDraft, ({ params, body, auth }) => saveDraft(db, signedIn(auth.user), params.id, body));

  registerRoute(app, r.discardDraft, async ({ params, auth }) => {
    await discardDraft(db, signedIn(auth.user), params.id);
    return null;
  });

  registerRoute(app, r.complete, ({ params, body, auth }) =>
    completeDiagnostic(db, signedIn(auth.user), params.id, body),
  );
}
