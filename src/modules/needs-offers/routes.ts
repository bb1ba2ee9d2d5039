import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import {
  changeNeedOfferStatus,
  createNeedOffer,
  deleteNeedOffer,
  getNeedOffer,
  latestNeedOffers,
  listNeedOffers,
  updateNeedOffer,
} from './contract.js';
import * as needsOffers from './service.js';

export function registerNeedOfferRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, listNeedOffers, ({ query }) => needsOffers.searchNeedOffers(db, query));

  registerRoute(app, latestNeedOffers, async ({ query }) => ({
    items: await needsOffers.latestNeedOffers(db, query.limit),
  }));

  registerRoute(app, getNeedOffer, ({ params, auth }) => needsOffers.getNeedOffer(db, auth.user, params.id));

  registerRoute(app, createNeedOffer, async ({ body, auth }) => {
    const user = signedIn(auth.user);
    const id = await needsOffers.createNeedOffer(db, user, body);
    return needsOffers.getNeedOffer(db, user, id);
  });

  registerRoute(app, updateNeedOffer, async ({ params, body, auth }) => {
    const user = signedIn(auth.user);
    await needsOffers.updateNeedOffer(db, user, params.id, body);
    return needsOffers.getNeedOffer(db, user, params.id);
  });

  registerRoute(app, changeNeedOfferStatus, async ({ params, body, auth }) => {
    const user = signedIn(auth.user);
    await needsOffers.changeNeedOfferStatus(db, user, params.id, body.status);
    return needsOffers.getNeedOffer(db, user, params.id);
  });

  registerRoute(app, deleteNeedOffer, async ({ params, auth }) => {
    await needsOffers.deleteNeedOffer(db, signedIn(auth.user), params.id);
    return null;
  });
}
