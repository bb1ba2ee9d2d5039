import type { AppContext } from '../../app.js';
import { registerListExport } from '../../http/list-export.js';
import { type App, registerRoute } from '../../http/route.js';
import { auditRoutes as r } from './contract.js';
import { auditExport, listAuditEntries } from './service.js';

/** The audit log, read by admins: the list and its files. No route changes or deletes an entry. */
export function registerAuditRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  registerRoute(app, r.list, ({ query }) => listAuditEntries(db, query));
  registerListExport(app, r.exports, ({ query }, format) => auditExport(db, query, format));
}
