import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

/** Slot: filled by the evaluation work. */
export function registerEvaluationRoutes(_app: App, _ctx: AppContext) {}
