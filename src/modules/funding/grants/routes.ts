import type { AppContext } from '../../../app.js';
import { invalid, tooLarge } from '../../../errors.js';
import { contentDisposition } from '../../../http/download.js';
import { type App, registerRoute, signedIn } from '../../../http/route.js';
import { formatBytes } from '../../imports/bytes.js';
import { grantRoutes as c, maxScdlFileBytes } from './contract.js';
import { grantsCsv, listGrants } from './grants.js';
import { importGrantFile } from './imports.js';
import { importReport, issuesCsv, listImports } from './report.js';

const tooLargeFile = () =>
  tooLarge([{ field: 'file', code: 'importFileTooLarge', params: { max: formatBytes(maxScdlFileBytes) } }]);

/** The grants of local authorities in the SCDL format: import with its report, list, export. */
export function registerGrantRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  // The upload's body is the file itself (as the partnerships' documents): in its own scope, any content type is read
  // as a Buffer of at most 10 MB; a larger declared length is refused before reading, naming the field.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxScdlFileBytes }, (_req, body, done) =>
      done(null, body),
    );
    scope.addHook('onRequest', async (request, reply) => {
      if (Number(request.headers['content-length'] ?? 0) <= maxScdlFileBytes) return;
      reply.header('connection', 'close');
      throw tooLargeFile();
    });
    scope.setErrorHandler((error) => {
      // Fastify's own refusal of a body over the limit (sent without a length): the same problem, naming the field.
      throw (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? tooLargeFile() : error;
    });
    registerRoute(scope, c.importGrants, async ({ query, auth, reply }) => {
      const body = reply.request.body;
      if (!Buffer.isBuffer(body)) throw invalid([{ field: 'file', code: 'fileEmpty' }]);
      return importGrantFile(db, signedIn(auth.user), { fileName: query.fileName, content: body });
    });
  });

  registerRoute(app, c.listImports, ({ query, auth }) => listImports(db, auth.user, query));
  registerRoute(app, c.importReport, ({ params, query, auth }) => importReport(db, auth.user, params.id, query));
  registerRoute(app, c.importIssuesCsv, async ({ params, auth, reply }) => {
    const { fileName, csv } = await issuesCsv(db, auth.user, params.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(fileName))
      .header('cache-control', 'private, no-store')
      .send(csv);
  });
  registerRoute(app, c.listGrants, ({ query, auth }) => listGrants(db, auth.user, query));
  registerRoute(app, c.exportGrants, async ({ query, auth, reply }) => {
    const { csv, excluded } = await grantsCsv(db, auth.user, query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('x-scdl-excluded', String(excluded.total))
      .header('x-scdl-excluded-missing', excluded.missing.map((m) => m.field).join(', '))
      .header('content-disposition', contentDisposition('subventions-scdl.csv'))
      .header('cache-control', 'private, no-store')
      .send(csv);
  });
}
