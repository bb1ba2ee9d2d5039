import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

/** The register imports from the admin web UI: uploads, runs with their progress and report, the review queue. */
export function registerImportRoutes(_app: App, _ctx: AppContext) {}
