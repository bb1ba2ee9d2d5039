import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

/** Slot: filled by the diagnostics work. */
export function registerDiagnosticRoutes(_app: App, _ctx: AppContext) {}
