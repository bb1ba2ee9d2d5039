import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { notificationRoutes as r } from './contract.js';
import { getPreferences, updatePreferences } from './preferences.js';
import * as notifications from './service.js';

export function registerNotificationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.list, ({ query, auth }) => notifications.listNotifications(db, signedIn(auth.user), query));

  registerRoute(app, r.read, async ({ params, auth }) => {
    await notifications.markRead(db, signedIn(auth.user), params.id);
    return null;
  });

  registerRoute(app, r.readAll, async ({ auth }) => {
    await notifications.markAllRead(db, signedIn(auth.user));
    return null;
  });

  registerRoute(app, r.preferences, ({ auth }) => getPreferences(db, signedIn(auth.user)));

  registerRoute(app, r.updatePreferences, ({ body, auth }) => updatePreferences(db, signedIn(auth.user), body));
}
