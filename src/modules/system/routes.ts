import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app.js';
import { type App, registerRoute } from '../../http/route.js';
import { health, openApiDocument } from './contract.js';

export function registerSystemRoutes(app: App, ctx: AppContext) {
  registerRoute(app, health, async () => {
    await ctx.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: ctx.databaseKind };
  });
  registerRoute(app, openApiDocument, async () => app.swagger() as unknown as Record<string, unknown>);
}
