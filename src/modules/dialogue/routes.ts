import type { AppContext } from '../../app.js';
import type { App } from '../../http/route.js';

export function registerDialogueRoutes(_app: App, _ctx: AppContext) {}
