import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../app.js';
import { contentDisposition } from '../../http/download.js';
import { type App, registerRoute, signedIn } from '../../http/route.js';
import { consentsOf, personConsents, recordPersonConsent, setMyConsents } from './consent-views.js';
import { privacyRoutes as r } from './contract.js';
import {
  decideErasure,
  eraseAccount,
  erasePerson,
  erasureQueue,
  myErasureRequests,
  requestErasure,
} from './erasure-requests.js';
import { collectPersonalData, personalDataFileName } from './export.js';
import { renderPersonalDataHtml } from './export-html.js';
import { markPersonReviewed, retentionReport } from './retention.js';

export function registerPrivacyRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  registerRoute(app, r.myConsents, ({ auth }) => consentsOf(db, { userId: signedIn(auth.user).id }));
  registerRoute(app, r.setMyConsents, ({ auth, body }) => setMyConsents(db, signedIn(auth.user), body));
  registerRoute(app, r.personConsents, ({ auth, params }) => personConsents(db, signedIn(auth.user), params.id));
  registerRoute(app, r.recordPersonConsent, ({ auth, params, body }) =>
    recordPersonConsent(db, signedIn(auth.user), params.id, body),
  );

  /** The download, as a JSON file or a readable page: the same data, never cached. */
  const personalDataFile = async (userId: string, reply: FastifyReply, ext: 'json' | 'html') => {
    const now = new Date();
    const data = await collectPersonalData(db, userId, now);
    reply
      .header('content-type', ext === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition(personalDataFileName(now, ext)));
    return Buffer.from(ext === 'json' ? JSON.stringify(data, null, 2) : renderPersonalDataHtml(data));
  };
  registerRoute(app, r.myPersonalData, ({ auth, reply }) => personalDataFile(signedIn(auth.user).id, reply, 'json'));
  registerRoute(app, r.myPersonalDataHtml, ({ auth, reply }) =>
    personalDataFile(signedIn(auth.user).id, reply, 'html'),
  );

  registerRoute(app, r.myErasureRequests, ({ auth }) => myErasureRequests(db, signedIn(auth.user)));
  registerRoute(app, r.requestErasure, ({ auth }) => requestErasure(db, signedIn(auth.user)));
  registerRoute(app, r.erasureQueue, ({ auth, query }) => erasureQueue(db, signedIn(auth.user), query.status));
  registerRoute(app, r.decideErasure, ({ auth, params, body }) =>
    decideErasure(db, signedIn(auth.user), params.id, body),
  );
  registerRoute(app, r.erasePerson, ({ auth, params }) => erasePerson(db, signedIn(auth.user), params.id));
  registerRoute(app, r.eraseAccount, ({ auth, params }) => eraseAccount(db, signedIn(auth.user), params.id));

  registerRoute(app, r.retention, ({ auth }) => retentionReport(db, signedIn(auth.user)));
  registerRoute(app, r.reviewPerson, ({ auth, params }) => markPersonReviewed(db, signedIn(auth.user), params.id));
}
