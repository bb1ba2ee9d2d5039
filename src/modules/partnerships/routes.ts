import type { AppContext } from '../../app.js';
import { invalid } from '../../errors.js';
import { contentDisposition } from '../../http/download.js';
import { registerListExport } from '../../http/list-export.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import * as c from './contract.js';
import { addDocument, bareMediaType, deleteDocument, readDocument } from './documents.js';
import { partnershipsExport } from './list-export.js';
import * as q from './queries.js';
import * as s from './service.js';

export function registerPartnershipRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const detail = (user: Parameters<typeof q.getPartnership>[1], id: string) => q.getPartnership(db, user, id);

  registerRoute(app, c.listPartnerships, ({ query, auth }) => q.listPartnerships(db, auth.user, query));
  registerListExport(app, c.partnershipListExport, ({ query, auth }, format) =>
    partnershipsExport(db, auth.user, query, format),
  );
  registerRoute(app, c.partnershipBoard, ({ query, auth }) => q.partnershipBoard(db, auth.user, query.mode));
  registerRoute(app, c.showcasePartnerships, ({ query }) => q.showcase(db, query));
  registerRoute(app, c.draftFromNeed, ({ params }) => q.draftFromNeed(db, params.needOfferId));
  registerRoute(app, c.getPartnership, ({ params, auth }) => detail(auth.user, params.id));
  registerRoute(app, c.partnershipTimeline, async ({ params, auth }) => ({
    items: await q.partnershipTimeline(db, auth.user, params.id),
  }));

  registerRoute(app, c.createPartnership, async ({ body, auth }) => {
    const user = signedIn(auth.user);
    return detail(user, await s.openPartnership(db, user, body));
  });

  /** The write routes on one partnership answer the partnership as it now is. */
  const write =
    <I extends { params: { id: string }; auth: { user: Parameters<typeof s.requireEdit>[1] | null } }>(
      run: (user: Parameters<typeof s.requireEdit>[1], input: I) => Promise<unknown>,
    ) =>
    async (input: I) => {
      const user = signedIn(input.auth.user);
      await run(user, input);
      return detail(user, input.params.id);
    };

  registerRoute(
    app,
    c.updatePartnership,
    write((u, { params, body }) => s.updatePartnership(db, u, params.id, body)),
  );
  registerRoute(
    app,
    c.addPartner,
    write((u, { params, body }) => s.addPartner(db, u, params.id, body)),
  );
  registerRoute(
    app,
    c.updatePartner,
    write((u, { params, body }) => s.updatePartner(db, u, params.id, params.actorId, body)),
  );
  registerRoute(
    app,
    c.removePartner,
    write((u, { params }) => s.removePartner(db, u, params.id, params.actorId)),
  );
  registerRoute(
    app,
    c.setConsent,
    write((u, { params, body }) => s.setConsent(db, u, params.id, params.actorId, body.consent)),
  );
  registerRoute(
    app,
    c.addContribution,
    write((u, { params, body }) => s.addContribution(db, u, params.id, body)),
  );
  registerRoute(
    app,
    c.updateContribution,
    write((u, { params, body }) => s.updateContribution(db, u, params.id, params.itemId, body)),
  );
  registerRoute(
    app,
    c.deleteContribution,
    write((u, { params }) => s.deleteContribution(db, u, params.id, params.itemId)),
  );
  registerRoute(
    app,
    c.addBenefit,
    write((u, { params, body }) => s.addBenefit(db, u, params.id, body)),
  );
  registerRoute(
    app,
    c.updateBenefit,
    write((u, { params, body }) => s.updateBenefit(db, u, params.id, params.itemId, body)),
  );
  registerRoute(
    app,
    c.deleteBenefit,
    write((u, { params }) => s.deleteBenefit(db, u, params.id, params.itemId)),
  );
  registerRoute(
    app,
    c.realiseBenefit,
    write((u, { params, body }) => s.realiseBenefit(db, u, params.id, params.itemId, body)),
  );
  registerRoute(
    app,
    c.updateStepRecord,
    write((u, { params, body }) => s.updateStepRecord(db, u, params.id, params.step, body)),
  );
  registerRoute(
    app,
    c.moveStep,
    write((u, { params, body }) => s.moveToStep(db, u, params.id, body)),
  );
  registerRoute(
    app,
    c.setStatus,
    write((u, { params, body }) => s.setStatus(db, u, params.id, body.status)),
  );
  registerRoute(app, c.renewPartnership, async ({ params, auth }) => {
    const user = signedIn(auth.user);
    return detail(user, await s.renewPartnership(db, user, params.id));
  });
  registerRoute(
    app,
    c.deleteDocument,
    write((u, { params }) => deleteDocument(db, u, params.id, params.docId)),
  );

  registerRoute(app, c.downloadDocument, async ({ params, auth, reply }) => {
    const doc = await readDocument(db, signedIn(auth.user), params.id, params.docId);
    reply
      .header('content-disposition', contentDisposition(doc.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .type(doc.mediaType);
    // A Buffer is sent as it is (Fastify does not serialise buffers).
    return doc.content as unknown as string;
  });

  // The upload reads the raw body: in its own encapsulated scope, every content type is read as a Buffer of at most
  // 10 MB (a larger body is refused with 413 before reaching the handler); other routes keep JSON parsing.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: c.maxDocumentBytes }, (_req, body, done) =>
      done(null, body),
    );
    registerRoute(scope, c.uploadDocument, async ({ params, query, auth, reply }) => {
      const body = reply.request.body;
      if (!Buffer.isBuffer(body)) throw invalid([{ field: 'file', code: 'fileEmpty' }]);
      return addDocument(db, signedIn(auth.user), params.id, {
        ...query,
        mediaType: bareMediaType(reply.request.headers['content-type']),
        content: body,
      });
    });
  });
}
