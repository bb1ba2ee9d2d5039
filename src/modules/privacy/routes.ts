import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

export function registerPrivacyRoutes(_app: App, _ctx: AppContext) {
  // Filled in by the privacy work package.
}
