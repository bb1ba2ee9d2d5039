import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allows } from '../auth/roles.js';
import type { AuthState } from '../auth/session.js';
import { forbidden, invalid, unauthenticated } from '../errors.js';
import {
  type BodyOf,
  nulCharacterFields,
  type ParamsOf,
  problemSchema,
  type ResponseOf,
  type RouteContract,
} from './contract.js';

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract's `personalData` flag, read by the audit hook (modules/audit/hook.ts). */
    personalData?: boolean;
  }
}

export interface RouteInput<C> {
  params: ParamsOf<C>;
  query: C extends RouteContract<infer _P, infer Q> ? import('zod').infer<Q> : never;
  body: C extends RouteContract<infer _P, infer _Q, infer B> ? import('zod').infer<B> : BodyOf<C>;
  auth: AuthState;
  ip: string;
  reply: FastifyReply;
}

/**
 * Routes restricted to roles run after registerRoute's access check, so a user is there; this narrows the type
 * (one helper for every module's routes).
 */
export function signedIn<U>(user: U | null): U {
  if (user === null) throw unauthenticated();
  return user;
}

/** Every registered contract, so that the role × route matrix test and the docs can walk them all. */
export const registeredContracts: RouteContract[] = [];

/**
 * Registers a contract's handler: zod validation of request and response, the access rule checked before the
 * handler runs (401 for anonymous, 403 for a role that may not), OpenAPI metadata from the same contract.
 */
export function registerRoute<C extends RouteContract>(
  app: App,
  contract: C,
  handler: (input: RouteInput<C>) => Promise<ResponseOf<C>>,
) {
  if (!registeredContracts.includes(contract)) registeredContracts.push(contract);
  const status = contract.status ?? 200;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.path,
    config: { personalData: contract.personalData === true },
    schema: {
      summary: contract.summary,
      tags: contract.tags,
      description: `Access: ${typeof contract.access === 'string' ? contract.access : contract.access.join(', ')}`,
      ...(contract.access === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { [status]: contract.response, '4xx': problemSchema },
    },
    // Before validation: a caller who may not use the route learns nothing about its input rules.
    preValidation: async (request) => {
      const role = request.auth.user?.role ?? null;
      if (!allows(contract.access, role)) throw role === null ? unauthenticated() : forbidden();
      const nul = nulCharacterFields({ params: request.params, query: request.query, body: request.body });
      if (nul.length) throw invalid(nul.map((field) => ({ field: field.replace(/^\w+\./, ''), code: 'nulCharacter' })));
    },
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params as never,
        query: request.query as never,
        body: request.body as never,
        auth: request.auth,
        ip: request.ip,
        reply,
      });
      reply.status(status);
      return status === 204 ? reply.send() : result;
    },
  });
}
