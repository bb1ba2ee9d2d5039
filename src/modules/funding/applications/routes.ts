import type { AppContext } from '../../../app.js';
import { registerListExport } from '../../../http/list-export.js';
import { type App, registerRoute } from '../../../http/route.js';
import { applicationRoutes as r } from './contract.js';
import { registerFundingDocumentRoutes } from './document-routes.js';
import { applicationsExport } from './list-export.js';
import { addPayment, deletePayment } from './payments.js';
import { moveApplication } from './pipeline.js';
import { getApplication, listApplications } from './queries.js';
import { addReport, deleteReport, updateReport } from './reports.js';
import { createApplication, deleteApplication, updateApplication } from './service.js';

export function registerFundingApplicationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  registerRoute(app, r.list, ({ query, auth }) => listApplications(db, auth.user, query));
  registerListExport(app, r.listExport, ({ query, auth }, format) => applicationsExport(db, auth.user, query, format));
  registerRoute(app, r.get, ({ params, auth }) => getApplication(db, auth.user, params.id));
  registerRoute(app, r.create, async ({ body, auth }) =>
    getApplication(db, auth.user, await createApplication(db, auth.user, body)),
  );
  registerRoute(app, r.remove, async ({ params, auth }) => {
    await deleteApplication(db, auth.user, params.id);
    return null;
  });

  // The writes on one application answer the application as it now is.
  const then = async (user: Parameters<typeof getApplication>[1], id: string, write: Promise<unknown>) => {
    await write;
    return getApplication(db, user, id);
  };
  registerRoute(app, r.update, ({ params, body, auth }) =>
    then(auth.user, params.id, updateApplication(db, auth.user, params.id, body)),
  );
  registerRoute(app, r.move, ({ params, body, auth }) =>
    then(auth.user, params.id, moveApplication(db, auth.user, params.id, body)),
  );
  registerRoute(app, r.addPayment, ({ params, body, auth }) =>
    then(auth.user, params.id, addPayment(db, auth.user, params.id, body)),
  );
  registerRoute(app, r.deletePayment, ({ params, auth }) =>
    then(auth.user, params.id, deletePayment(db, auth.user, params.id, params.itemId)),
  );
  registerRoute(app, r.addReport, ({ params, body, auth }) =>
    then(auth.user, params.id, addReport(db, auth.user, params.id, body)),
  );
  registerRoute(app, r.updateReport, ({ params, body, auth }) =>
    then(auth.user, params.id, updateReport(db, auth.user, params.id, params.itemId, body)),
  );
  registerRoute(app, r.deleteReport, ({ params, auth }) =>
    then(auth.user, params.id, deleteReport(db, auth.user, params.id, params.itemId)),
  );

  registerFundingDocumentRoutes(app, db);
}
