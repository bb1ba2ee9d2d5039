import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { evaluationRoutes as r } from './contract.js';
import { answerEvaluation, measureIndicator, openEvaluation, setEvaluationStatus, setIndicators } from './service.js';
import { comparisonOf, evaluationViewOf, partnershipEvaluationsOf } from './view.js';

export function registerEvaluationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.ofPartnership, ({ params, auth }) => partnershipEvaluationsOf(db, auth.user, params.id));

  registerRoute(app, r.open, async ({ params, body, auth }) =>
    evaluationViewOf(db, auth.user, await openEvaluation(db, signedIn(auth.user), params.id, body)),
  );

  registerRoute(app, r.compare, ({ query }) => comparisonOf(db, query));

  registerRoute(app, r.get, ({ params, auth }) => evaluationViewOf(db, auth.user, params.id));

  registerRoute(app, r.setStatus, async ({ params, body, auth }) => {
    await setEvaluationStatus(db, signedIn(auth.user), params.id, body);
    return evaluationViewOf(db, auth.user, params.id);
  });

  registerRoute(app, r.answer, async ({ params, body, auth }) => {
    await answerEvaluation(db, signedIn(auth.user), params.id, params.actorId, body);
    return evaluationViewOf(db, auth.user, params.id);
  });

  registerRoute(app, r.setIndicators, async ({ params, body, auth }) => {
    await setIndicators(db, signedIn(auth.user), params.id, body);
    return evaluationViewOf(db, auth.user, params.id);
  });

  registerRoute(app, r.measure, async ({ params, body, auth }) => {
    await measureIndicator(db, signedIn(auth.user), params.id, params.key, body);
    return evaluationViewOf(db, auth.user, params.id);
  });
}
