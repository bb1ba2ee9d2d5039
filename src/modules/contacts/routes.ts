import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import {
  actorContacts,
  contactPartnerships,
  createContact,
  deleteContact,
  myFollowUps,
  nextStepOwners,
  partnershipContacts,
  patchNextStep,
  updateContact,
} from './contract.js';
import * as contacts from './service.js';

export function registerContactRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, createContact, async ({ body, auth }) => {
    const user = signedIn(auth.user);
    const id = await contacts.createContact(db, user, body);
    return contacts.getContact(db, user, id);
  });

  registerRoute(app, updateContact, async ({ params, body, auth }) => {
    const user = signedIn(auth.user);
    await contacts.updateContact(db, user, params.id, body);
    return contacts.getContact(db, user, params.id);
  });

  registerRoute(app, deleteContact, async ({ params, auth }) => {
    await contacts.deleteContact(db, signedIn(auth.user), params.id);
    return null;
  });

  registerRoute(app, actorContacts, ({ params, query, auth }) =>
    contacts.listActorContacts(db, auth.user, params.id, query),
  );

  registerRoute(app, partnershipContacts, ({ params, query, auth }) =>
    contacts.listPartnershipContacts(db, auth.user, params.id, query),
  );

  registerRoute(app, patchNextStep, ({ params, body, auth }) =>
    contacts.patchNextStep(db, signedIn(auth.user), params.id, body),
  );

  registerRoute(app, myFollowUps, ({ query, auth }) => contacts.listFollowUps(db, auth.user, query));

  registerRoute(app, nextStepOwners, async ({ query, auth }) => ({
    items: await contacts.listOwners(db, signedIn(auth.user), query),
  }));

  registerRoute(app, contactPartnerships, async ({ query, auth }) => ({
    items: await contacts.listContactPartnerships(db, signedIn(auth.user), query),
  }));
}
