import type { AppContext } from '../../../app.js';
import type { App } from '../../../http/route.js';

/** Claiming an imported (unclaimed) actor: by an animator's invitation or an e-mail at the website's domain. */
export function registerClaimRoutes(_app: App, _ctx: AppContext) {}
