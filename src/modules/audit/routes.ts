import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

export function registerAuditRoutes(_app: App, _ctx: AppContext) {
  // Filled in by the audit work package.
}
