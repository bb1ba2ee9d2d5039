import type { AppContext } from '../../../app.js';
import { type App, registerRoute, signedIn } from '../../../http/route.js';
import { speedDatingRoutes as r } from './contract.js';
import { setMyFollowUps } from './follow-ups.js';
import { computeSchedule, mySchedule, scheduleView } from './planning.js';
import { getSpeedDating, saveSettings, setMyWishes, setWishesOf } from './session.js';

export function registerSpeedDatingRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.get, ({ params, auth }) => getSpeedDating(db, auth.user, params.id));

  registerRoute(app, r.settings, async ({ params, body, auth }) => {
    await saveSettings(db, auth.user, params.id, body);
    return getSpeedDating(db, auth.user, params.id);
  });

  registerRoute(app, r.myWishes, async ({ params, body, auth }) => {
    await setMyWishes(db, signedIn(auth.user), params.id, body);
    return getSpeedDating(db, auth.user, params.id);
  });

  registerRoute(app, r.wishesOf, async ({ params, body, auth }) => {
    await setWishesOf(db, auth.user, params.id, params.registrationId, body);
    return getSpeedDating(db, auth.user, params.id);
  });

  registerRoute(app, r.compute, async ({ params, auth }) => {
    await computeSchedule(db, auth.user, params.id);
    return scheduleView(db, auth.user, params.id);
  });

  registerRoute(app, r.schedule, ({ params, auth }) => scheduleView(db, auth.user, params.id));

  registerRoute(app, r.mySchedule, ({ params, auth }) => mySchedule(db, signedIn(auth.user), params.id));

  registerRoute(app, r.myFollowUps, ({ params, body, auth }) =>
    setMyFollowUps(db, signedIn(auth.user), params.id, body, ctx.config.publicUrl),
  );
}
