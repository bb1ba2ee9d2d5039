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
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'unhandled error');
  return send(reply, { type: 'about:blank', title: status === 500 ? 'Erreur interne' : error.message, status });
}
