import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

/** Slot: filled by the dashboard work. */
export function registerDashboardRoutes(_app: App, _ctx: AppContext) {}
