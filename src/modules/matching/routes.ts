import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { suggestAllianceMembers, suggestForAlliance } from './alliance.js';
import { matchingRoutes as r } from './contract.js';
import { refreshSuggestions } from './refresh.js';
import * as matching from './service.js';

export function registerMatchingRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;

  registerRoute(app, r.suggestions, ({ query, auth }) => matching.suggestPartners(db, signedIn(auth.user), query));

  registerRoute(app, r.decide, ({ body, auth }) => matching.decide(db, signedIn(auth.user), body, config.publicUrl));

  registerRoute(app, r.requests, async ({ query, auth }) => ({
    items: await matching.listRequests(db, signedIn(auth.user), query),
  }));

  registerRoute(app, r.answerRequest, ({ params, body, auth }) =>
    matching.answerRequest(db, signedIn(auth.user), params.id, body, config.publicUrl),
  );

  registerRoute(app, r.allianceSuggestions, ({ body, auth }) => suggestAllianceMembers(db, signedIn(auth.user), body));

  registerRoute(app, r.allianceSuggestionsFor, ({ params, query, auth }) =>
    suggestForAlliance(db, signedIn(auth.user), params.id, query.size),
  );

  registerRoute(app, r.feedback, () => matching.feedbackStats(db));

  registerRoute(app, r.refresh, () => refreshSuggestions(db, { publicUrl: config.publicUrl }));
}
