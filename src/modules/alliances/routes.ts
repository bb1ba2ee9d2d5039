import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import {
  addAllianceBenefit,
  addAllianceContribution,
  addAllianceMember,
  createAlliance,
  deleteAllianceBenefit,
  deleteAllianceContribution,
  getAlliance,
  getAllianceBalance,
  getEcosystem,
  linkAlliancePartnership,
  listActorAlliances,
  listAlliances,
  removeAllianceMember,
  setAllianceConsent,
  unlinkAlliancePartnership,
  updateAlliance,
  updateAllianceBenefit,
  updateAllianceContribution,
  updateAllianceMember,
} from './contract.js';
import * as alliances from './service.js';

export function registerAllianceRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, listAlliances, ({ query, auth }) => alliances.listAlliances(db, auth.user, query));

  registerRoute(app, listActorAlliances, ({ params, auth }) => alliances.listActorAlliances(db, auth.user, params.id));

  registerRoute(app, getAlliance, ({ params, auth }) => alliances.getAlliance(db, auth.user, params.id));

  registerRoute(app, createAlliance, async ({ body, auth }) => {
    const id = await alliances.createAlliance(db, auth.user, body);
    return alliances.getAlliance(db, auth.user, id);
  });

  registerRoute(app, updateAlliance, async ({ params, body, auth }) => {
    await alliances.updateAlliance(db, auth.user, params.id, body);
    return alliances.getAlliance(db, auth.user, params.id);
  });

  registerRoute(app, addAllianceMember, async ({ params, body, auth }) => {
    await alliances.addMember(db, auth.user, params.id, body);
    return alliances.getAlliance(db, auth.user, params.id);
  });

  registerRoute(app, updateAllianceMember, async ({ params, body, auth }) => {
    await alliances.updateMember(db, auth.user, params.id, params.actorId, body);
    return alliances.getAlliance(db, auth.user, params.id);
  });

  registerRoute(app, removeAllianceMember, async ({ params, auth }) => {
    await alliances.removeMember(db, auth.user, params.id, params.actorId);
    return null;
  });

  registerRoute(app, setAllianceConsent, async ({ params, body, auth }) => {
    await alliances.setConsent(db, signedIn(auth.user), params.id, params.actorId, body.consent);
    return alliances.getAlliance(db, auth.user, params.id);
  });

  registerRoute(app, linkAlliancePartnership, async ({ params, body, auth }) => {
    await alliances.linkPartnership(db, auth.user, params.id, body.partnershipId);
    return alliances.getAlliance(db, auth.user, params.id);
  });

  registerRoute(app, unlinkAlliancePartnership, async ({ params, auth }) => {
    await alliances.unlinkPartnership(db, auth.user, params.id, params.partnershipId);
    return null;
  });

  registerRoute(app, addAllianceContribution, ({ params, body, auth }) =>
    alliances.addContribution(db, signedIn(auth.user), params.id, body),
  );

  registerRoute(app, updateAllianceContribution, ({ params, body, auth }) =>
    alliances.updateContribution(db, signedIn(auth.user), params.id, params.itemId, body),
  );

  registerRoute(app, deleteAllianceContribution, async ({ params, auth }) => {
    await alliances.deleteContribution(db, signedIn(auth.user), params.id, params.itemId);
    return null;
  });

  registerRoute(app, addAllianceBenefit, ({ params, body, auth }) =>
    alliances.addBenefit(db, signedIn(auth.user), params.id, body),
  );

  registerRoute(app, updateAllianceBenefit, ({ params, body, auth }) =>
    alliances.updateBenefit(db, signedIn(auth.user), params.id, params.itemId, body),
  );

  registerRoute(app, deleteAllianceBenefit, async ({ params, auth }) => {
    await alliances.deleteBenefit(db, signedIn(auth.user), params.id, params.itemId);
    return null;
  });

  registerRoute(app, getAllianceBalance, ({ params, auth }) => alliances.allianceBalance(db, auth.user, params.id));

  registerRoute(app, getEcosystem, ({ query, auth }) => alliances.ecosystemGraph(db, auth.user, query));
}
