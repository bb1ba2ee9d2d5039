import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

/** Slot: filled by the reviews work. */
export function registerReviewRoutes(_app: App, _ctx: AppContext) {}
