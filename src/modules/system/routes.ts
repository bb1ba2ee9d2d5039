import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app.js';
import { type App, registerRoute } from '../../http/route.js';
import { health } from './contract.js';

export function registerSystemRoutes(app: App, ctx: AppContext) {
  registerRoute(app, health, async () => {
    await ctx.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: ctx.databaseKind };
  });
}
