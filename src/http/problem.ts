import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind, type FieldIssue, RateLimited } from '../errors.js';
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

/** Seconds a client should wait before retrying when the database is out of reach (a restart takes about that). */
export const retryAfterSeconds = 5;

/**
 * Titles of the framework's own 4xx answers (malformed JSON, body too large, unknown content type…): its messages are
 * English and name its internals, so the caller gets ours.
 */
const titleOfStatus: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Connexion requise',
  403: 'Action non autorisée',
  404: 'Introuvable',
  405: 'Méthode non autorisée',
  406: 'Format de réponse non disponible',
  408: 'Requête trop lente',
  411: 'Longueur de la requête requise',
  413: 'Requête trop volumineuse',
  414: 'Adresse trop longue',
  415: 'Type de contenu non pris en charge',
  429: 'Trop de requêtes : réessayez dans un moment.',
  431: 'En-têtes trop volumineux',
  500: 'Erreur interne',
};

/** The one place where errors become HTTP answers (RFC 9457 problem details naming the fields). */
export function problemErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
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
  const database = databaseErrorOf(error);
  if (database?.kind === 'unavailable') {
    // The code only: a driver's message may name the host or the user.
    request.log.warn({ code: database.code }, 'database unavailable');
    reply.header('retry-after', String(retryAfterSeconds));
    return send(reply, { type: 'about:blank#unavailable', title: unavailableTitle, status: 503 });
  }
  if (database?.kind === 'conflict') {
    return send(reply, { type: 'about:blank#conflict', title: database.title, status: 409 });
  }
  if (database?.kind === 'rejected') {
    const field = database.column ?? 'body';
    return send(reply, {
      type: 'about:blank#invalid',
      title: 'Requête invalide',
      status: 400,
      errors: toFieldErrors([{ field, code: 'valueRejected' }]),
    });
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'unhandled error');
  // Never the error's own message: it is written for developers and may describe the server's insides.
  return send(reply, { type: 'about:blank', title: titleOfStatus[status] ?? titleOfStatus[400] ?? '', status });
}

const unavailableTitle = 'Service momentanément indisponible : réessayez dans quelques secondes.';

/**
 * PostgreSQL's answers to a write that raced another one (a row referenced was deleted meanwhile, a unique value taken
 * meanwhile, two transactions waiting on each other): the request was valid when checked, so the caller is told to
 * reload and retry (409) rather than shown an internal error.
 */
const raceMessages: Record<string, string> = {
  '23503': 'Un élément lié vient d’être supprimé ou modifié : rechargez la page puis réessayez.',
  '23505': 'Cet élément vient d’être enregistré par ailleurs : rechargez la page.',
  '40001': 'Modification simultanée : réessayez.',
  '40P01': 'Modification simultanée : réessayez.',
};

/**
 * The database cannot be reached or is restarting: refused or cut connections (node's socket codes), PostgreSQL's
 * connection exceptions (class 08), its shutdown and start-up (57P01-57P03), too many connections (53300).
 */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
/** The same from node-postgres, pg-pool and PGlite, which say it in words only. */
const unavailableMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|Client was closed and is not queryable|PGlite is closed)/i;

type DatabaseError =
  | { kind: 'unavailable'; code: string }
  | { kind: 'conflict'; title: string }
  | { kind: 'rejected'; column: string | undefined };

/**
 * What a database failure means for the caller. Drizzle wraps the driver's error in `cause`; a connection attempt to
 * several addresses fails with an AggregateError listing each.
 */
export function databaseErrorOf(error: unknown): DatabaseError | null {
  const seen: unknown[] = [error];
  for (let i = 0; i < seen.length && i < 10; i++) {
    const e = seen[i];
    if (!e || typeof e !== 'object') continue;
    const { code, message, cause, errors, column } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
      column?: unknown;
    };
    if (typeof code === 'string') {
      if (unavailableCodes.has(code) || code.startsWith('08')) return { kind: 'unavailable', code };
      if (Object.hasOwn(raceMessages, code)) return { kind: 'conflict', title: raceMessages[code] ?? '' };
      // Data exceptions (a text with a NUL byte, a value too long, a number or date out of range) and program limits
      // (an index row too big): the input was the problem, the checks before the database let it through.
      if (/^(22|54)[0-9A-Z]{3}$/.test(code)) {
        return { kind: 'rejected', column: typeof column === 'string' ? column : undefined };
      }
    }
    if (typeof message === 'string' && unavailableMessages.test(message))
      return { kind: 'unavailable', code: 'closed' };
    seen.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return null;
}
