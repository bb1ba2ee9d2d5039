import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind, type FieldIssue } from '../errors.js';
import { boundsOf, fieldMessage } from './messages.js';

const statusOf: Record<DomainErrorKind, number> = {
  invalid: 422,
  notFound: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  tooManyRequests: 429,
  tooLarge: 413,
  unavailable: 503,
};

export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
}

const toFieldErrors = (issues: FieldIssue[]): ProblemFieldError[] =>
  issues.map((i) => ({ field: i.field, code: i.code, message: fieldMessage(i.code, 'fr', i.params) }));

function send(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** The one place where errors become HTTP answers (RFC 9457 problem details naming the fields). */
export function problemErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return send(reply, {
      type: `about:blank#${error.kind}`,
      title: error.message,
      status: statusOf[error.kind],
      ...(error.issues.length ? { errors: toFieldErrors(error.issues) } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
      code: v.message ?? 'invalid',
      params: boundsOf(v.params),
    }));
    return send(reply, {
      type: 'about:blank#invalid',
      title: 'Requête invalide',
      status: 400,
      errors: toFieldErrors(issues),
    });
  }
  const database = databaseConflictOf(error);
  if (database) return send(reply, { type: 'about:blank#conflict', title: database, status: 409 });
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'unhandled error');
  return send(reply, { type: 'about:blank', title: status === 500 ? 'Erreur interne' : error.message, status });
}

/**
 * PostgreSQL's answers to a write that raced another one (a row referenced was deleted meanwhile, a unique value taken
 * meanwhile, two transactions waiting on each other): the request was valid when checked, so the caller is told to
 * reload and retry (409) rather than shown an internal error. Drizzle wraps the driver's error in `cause`.
 */
const raceMessages: Record<string, string> = {
  '23503': 'Un élément lié vient d’être supprimé ou modifié : rechargez la page puis réessayez.',
  '23505': 'Cet élément vient d’être enregistré par ailleurs : rechargez la page.',
  '40001': 'Modification simultanée : réessayez.',
  '40P01': 'Modification simultanée : réessayez.',
};

function databaseConflictOf(error: unknown): string | null {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && Object.hasOwn(raceMessages, code)) return raceMessages[code] ?? null;
  }
  return null;
}
