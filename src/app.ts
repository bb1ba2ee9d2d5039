import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sessionCookie } from './auth/names.js';
import { registerAuth } from './auth/session.js';
import type { Config } from './config.js';
import type { DatabaseKind, Db } from './db/client.js';
import { problemErrorHandler } from './http/problem.js';
import { registerSecurityHeaders } from './http/security.js';
import { registerAccountRoutes } from './modules/accounts/routes.js';
import { registerActorRoutes } from './modules/actors/routes.js';
import { registerAllianceRoutes } from './modules/alliances/routes.js';
import { registerAuditHook } from './modules/audit/hook.js';
import { registerAuditRoutes } from './modules/audit/routes.js';
import { registerContactRoutes } from './modules/contacts/routes.js';
import { registerDashboardRoutes } from './modules/dashboard/routes.js';
import { registerDiagnosticRoutes } from './modules/diagnostics/routes.js';
import { registerModerationRoutes } from './modules/dialogue/moderation/routes.js';
import { registerDialogueRoutes } from './modules/dialogue/routes.js';
import { registerEvaluationRoutes } from './modules/evaluation/routes.js';
import { registerInvitationRoutes } from './modules/events/invitations/routes.js';
import { registerMinutesRoutes } from './modules/events/minutes/routes.js';
import { registerEventRoutes } from './modules/events/routes.js';
import { registerSpeedDatingRoutes } from './modules/events/speed-dating/routes.js';
import { registerFundingApplicationRoutes } from './modules/funding/applications/routes.js';
import { registerBudgetRoutes } from './modules/funding/budget/routes.js';
import { registerFundingCalendarRoutes } from './modules/funding/calendar/routes.js';
import { registerFundingCallRoutes } from './modules/funding/calls/routes.js';
import { registerGrantRoutes } from './modules/funding/grants/routes.js';
import { registerClaimRoutes } from './modules/imports/claims/routes.js';
import { registerImportRoutes } from './modules/imports/routes.js';
import { registerMailRoutes } from './modules/mail/routes.js';
import { registerMatchingRoutes } from './modules/matching/routes.js';
import { registerNeedOfferRoutes } from './modules/needs-offers/routes.js';
import { registerNotificationRoutes } from './modules/notifications/routes.js';
import { registerOpenDataRoutes } from './modules/open-data/routes.js';
import { registerPartnershipRoutes } from './modules/partnerships/routes.js';
import { registerPrivacyRoutes } from './modules/privacy/routes.js';
import { registerProgrammeRoutes } from './modules/programmes/routes.js';
import { registerProjectRoutes } from './modules/projects/routes.js';
import { registerReferenceRoutes } from './modules/reference/routes.js';
import { registerReviewRoutes } from './modules/reviews/routes.js';
import { registerSystemRoutes } from './modules/system/routes.js';

export interface AppContext {
  db: Db;
  databaseKind: DatabaseKind;
  config: Config;
}

const webDist = path.resolve(import.meta.dirname, '../web/dist');

/** Personal data never reaches the logs: request lines carry method, route and status only. */
const logger = (level: string): FastifyServerOptions['logger'] =>
  level === 'silent'
    ? false
    : {
        level,
        redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body'],
        serializers: { req: (req) => ({ method: req.method, url: req.routeOptions?.url ?? 'unmatched' }) },
      };

export async function buildApp(ctx: AppContext) {
  const app = Fastify({
    logger: logger(ctx.config.logLevel),
    trustProxy: (_address: string, hop: number) => hop < ctx.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Alliances API', version: '1', description: 'API de la plateforme Alliances' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          bearer: { type: 'http', scheme: 'bearer', description: 'Jeton d’API personnel' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, ctx.db);
  registerAuditHook(app, ctx.db);

  registerSystemRoutes(app, ctx);
  registerReferenceRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerActorRoutes(app, ctx);
  registerNeedOfferRoutes(app, ctx);
  registerProjectRoutes(app, ctx);
  registerPartnershipRoutes(app, ctx);
  registerAllianceRoutes(app, ctx);
  registerContactRoutes(app, ctx);
  registerMatchingRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerMailRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerMinutesRoutes(app, ctx);
  registerSpeedDatingRoutes(app, ctx);
  registerProgrammeRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerClaimRoutes(app, ctx);
  registerFundingCallRoutes(app, ctx);
  registerFundingApplicationRoutes(app, ctx);
  registerFundingCalendarRoutes(app, ctx);
  registerBudgetRoutes(app, ctx);
  registerGrantRoutes(app, ctx);
  registerOpenDataRoutes(app, ctx);
  registerEvaluationRoutes(app, ctx);
  registerDiagnosticRoutes(app, ctx);
  registerDialogueRoutes(app, ctx);
  registerModerationRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPrivacyRoutes(app, ctx);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !fs.existsSync(path.join(webDist, 'index.html'))) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Introuvable', status: 404 });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }
  return app;
}
