import type { Db } from '../../../db/client.js';
import { invalid } from '../../../errors.js';
import { contentDisposition } from '../../../http/download.js';
import { type App, registerRoute, signedIn } from '../../../http/route.js';
import { bareMediaType } from '../../partnerships/documents.js';
import { addFundingDocument, deleteFundingDocument, readFundingDocument } from './documents.js';
import { maxDocumentBytes, fundingDocumentRoutes as r } from './documents-contract.js';

/** The files of calls, applications and reports: upload (raw body), download, delete. */
export function registerFundingDocumentRoutes(app: App, db: Db) {
  registerRoute(app, r.download, async ({ params, auth, reply }) => {
    const doc = await readFundingDocument(db, auth.user, params.id);
    reply
      .header('content-disposition', contentDisposition(doc.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .type(doc.mediaType);
    // A Buffer is sent as it is (Fastify does not serialise buffers).
    return doc.content as unknown as string;
  });

  registerRoute(app, r.remove, async ({ params, auth }) => {
    await deleteFundingDocument(db, auth.user, params.id);
    return null;
  });

  // As for the partnerships' documents: in an encapsulated scope every content type is read as a Buffer of at most
  // 10 MB (a larger body is refused with 413 before the handler); the other routes keep JSON parsing.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxDocumentBytes }, (_req, body, done) =>
      done(null, body),
    );
    const fileOf = (body: unknown, type: string | undefined, fileName: string) => {
      if (!Buffer.isBuffer(body)) throw invalid([{ field: 'file', code: 'fileEmpty' }]);
      return { fileName, mediaType: bareMediaType(type), content: body };
    };
    // A report's files are attached within its application (`/applications/:id/reports/:itemId/documents`).
    const uploads = [
      [r.uploadToCall, 'call'],
      [r.uploadToApplication, 'application'],
      [r.uploadToReport, 'report'],
    ] as const;
    for (const [route, owner] of uploads) {
      registerRoute(scope, route, ({ params, query, auth, reply }) => {
        const { id, itemId }: { id: string; itemId?: string } = params;
        const file = fileOf(reply.request.body, reply.request.headers['content-type'], query.fileName);
        return itemId
          ? addFundingDocument(db, signedIn(auth.user), owner, itemId, file, id)
          : addFundingDocument(db, signedIn(auth.user), owner, id, file);
      });
    }
  });
}
