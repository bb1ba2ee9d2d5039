import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { answerProposal } from './answers.js';
import { getChallenge, listChallenges } from './challenge-views.js';
import { closeChallenge, createChallenge, updateChallenge } from './challenges.js';
import { dialogueRoutes as r } from './contract.js';
import { commentProposal, pledge, supportProposal, withdrawSupport } from './contributions.js';
import { convertProposal } from './conversion.js';
import { getProposal, listProposals } from './proposal-views.js';
import { createProposal, updateProposal } from './proposals.js';

export function registerDialogueRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const done = (id: string) => ({ id });

  registerRoute(app, r.listChallenges, ({ query, auth }) => listChallenges(db, auth.user, query));
  registerRoute(app, r.getChallenge, ({ params, auth }) => getChallenge(db, auth.user, params.id));
  registerRoute(app, r.createChallenge, async ({ body, auth }) =>
    done(await createChallenge(db, signedIn(auth.user), body)),
  );
  registerRoute(app, r.updateChallenge, async ({ params, body, auth }) => {
    await updateChallenge(db, signedIn(auth.user), params.id, body);
    return done(params.id);
  });
  registerRoute(app, r.closeChallenge, async ({ params, body, auth }) => {
    await closeChallenge(db, signedIn(auth.user), params.id, body);
    return done(params.id);
  });

  registerRoute(app, r.listProposals, ({ query, auth }) => listProposals(db, auth.user, query));
  registerRoute(app, r.getProposal, ({ params, auth }) => getProposal(db, auth.user, params.id));
  registerRoute(app, r.createProposal, async ({ params, body, auth }) =>
    done(await createProposal(db, signedIn(auth.user), params.id, body)),
  );
  registerRoute(app, r.updateProposal, async ({ params, body, auth }) => {
    await updateProposal(db, signedIn(auth.user), params.id, body);
    return done(params.id);
  });

  registerRoute(app, r.support, async ({ params, body, auth }) => {
    await supportProposal(db, signedIn(auth.user), params.id, body);
    return done(params.id);
  });
  registerRoute(app, r.withdrawSupport, async ({ params, auth }) => {
    await withdrawSupport(db, signedIn(auth.user), params.id);
    return done(params.id);
  });
  registerRoute(app, r.pledge, async ({ params, body, auth }) =>
    done(await pledge(db, signedIn(auth.user), params.id, body)),
  );
  registerRoute(app, r.comment, async ({ params, body, auth }) =>
    done(await commentProposal(db, signedIn(auth.user), params.id, body)),
  );
  registerRoute(app, r.answer, async ({ params, body, auth }) => {
    await answerProposal(db, signedIn(auth.user), params.id, body, ctx.config.publicUrl);
    return done(params.id);
  });
  registerRoute(app, r.convert, ({ params, body, auth }) => convertProposal(db, signedIn(auth.user), params.id, body));
}
