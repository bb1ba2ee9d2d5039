import type { AppContext } from '../../app.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { createProject, deleteProject, getProject, listProjects, projectSheet, updateProject } from './contract.js';
import * as projects from './service.js';
import { projectSheetPdf } from './sheet.js';

export function registerProjectRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, listProjects, ({ query, auth }) => projects.searchProjects(db, auth.user, query));

  registerRoute(app, getProject, ({ params, auth }) => projects.getProject(db, auth.user, params.id));

  // The binary exception of the contract system (see projectSheet in contract.ts): a Buffer is sent as it is.
  registerRoute(app, projectSheet, async ({ params, auth, reply }) => {
    const { filename, pdf } = await projectSheetPdf(db, auth.user, params.id);
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store');
    return pdf;
  });

  registerRoute(app, createProject, async ({ body, auth }) => {
    const user = signedIn(auth.user);
    const id = await projects.createProject(db, user, body);
    return projects.getProject(db, user, id);
  });

  registerRoute(app, updateProject, async ({ params, body, auth }) => {
    const user = signedIn(auth.user);
    await projects.updateProject(db, user, params.id, body);
    return projects.getProject(db, user, params.id);
  });

  registerRoute(app, deleteProject, async ({ params, auth }) => {
    await projects.deleteProject(db, signedIn(auth.user), params.id);
    return null;
  });
}
