import type { Readable } from 'node:stream';
import type { AppContext } from '../../app.js';
import { DomainError, invalid } from '../../errors.js';
import { type App, registerRoute } from '../../http/route.js';
import { importRoutes as r } from './contract.js';
import { ImportJobs, uploadsDir } from './jobs.js';
import { getRun, listRejections, listRuns, pendingReviews, rejectionsCsv } from './report.js';
import { acceptMatch, rejectMatch } from './reviews.js';
import { UploadStore } from './uploads.js';

/** The register imports from the admin web UI: uploads, runs with their progress and report, the review queue. */
export function registerImportRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;
  const jobs = new ImportJobs(db, new UploadStore(uploadsDir(config.dataDir), config.importMaxBytes), app.log);
  jobs.startSweeping();
  // Closing the server stops the live run at once; it stays resumable.
  app.addHook('onClose', () => jobs.close());

  // The upload's body is the file itself, of any type, handed over as the request's stream (never buffered: a
  // register weighs gigabytes); UploadStore writes it to disk and enforces the size limit. Own scope: other routes
  // keep JSON parsing.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    registerRoute(scope, r.upload, async ({ query, auth, reply }) => {
      const body = reply.request.body as Readable | undefined;
      if (!body) throw invalid([{ field: 'file', code: 'fileEmpty' }]);
      const length = reply.request.headers['content-length'];
      try {
        return await jobs.uploads.save(auth.user, {
          fileName: query.fileName,
          body,
          declaredLength: length === undefined ? null : Number(length),
        });
      } catch (error) {
        // An oversized body is not read to its end (it may be endless): the answer closes the connection, and the
        // request's stream is destroyed once the answer is out.
        if (error instanceof DomainError && error.kind === 'tooLarge') {
          reply.header('connection', 'close');
          reply.raw.once('finish', () => reply.request.raw.destroy());
        }
        throw error;
      }
    });
  });

  registerRoute(app, r.listRuns, ({ query, auth }) => listRuns(db, auth.user, jobs, query));
  registerRoute(app, r.startRun, async ({ body, auth }) => ({ id: await jobs.start(auth.user, body) }));
  registerRoute(app, r.getRun, ({ params, auth }) => getRun(db, auth.user, jobs, params.id));
  registerRoute(app, r.resumeRun, async ({ params, auth }) => ({ id: await jobs.resume(auth.user, params.id) }));
  registerRoute(app, r.rejections, ({ params, query, auth }) => listRejections(db, auth.user, params.id, query));
  registerRoute(app, r.rejectionsCsv, async ({ params, auth, reply }) => {
    const csv = await rejectionsCsv(db, auth.user, params.id);
    // A stream is sent as it comes, past the response schema's serializer.
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${params.id}-rejets.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csv);
  });

  registerRoute(app, r.reviews, ({ query, auth }) => pendingReviews(db, auth.user, query));
  registerRoute(app, r.acceptReview, async ({ params, auth }) => ({
    actorId: await acceptMatch(db, auth.user, params.id),
  }));
  registerRoute(app, r.rejectReview, async ({ params, auth }) => ({
    actorId: await rejectMatch(db, auth.user, params.id),
  }));
}
