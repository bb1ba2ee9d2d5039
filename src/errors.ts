/**
 * Typed domain errors. Services throw these; src/http/problem.ts turns them into application/problem+json.
 * A service never chooses an HTTP status.
 */
import type { output, ZodType } from 'zod';
import { boundsOf } from './http/messages.js';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `siret` or `people.0.email`. */
  field: string;
  /** A message code of src/http/messages.ts (`invalidSiret`); the problem document adds its French text. */
  code: string;
  /** Values for the message's placeholders (`{min}`). */
  params?: Record<string, unknown>;
}

export type DomainErrorKind =
  | 'invalid'
  | 'notFound'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'tooManyRequests'
  | 'tooLarge'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (issues: FieldIssue[], message = 'Données invalides') =>
  new DomainError('invalid', message, issues);
export const notFound = (what: string) => new DomainError('notFound', `${what} introuvable`);
export const forbidden = (message = 'Action non autorisée pour votre rôle') => new DomainError('forbidden', message);
export const unauthenticated = (message = 'Connexion requise') => new DomainError('unauthenticated', message);
export const conflict = (message: string, issues: FieldIssue[] = []) => new DomainError('conflict', message, issues);
/**
 * A rate limit reached (429), the only way to throw one: the answer's Retry-After header says how many seconds to wait
 * (src/http/security.ts).
 */
export class RateLimited extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    issues: FieldIssue[] = [],
  ) {
    super('tooManyRequests', message, issues);
  }
}
/** The server is busy with this kind of work right now: try again in a moment (503). */
export const unavailable = (message: string) => new DomainError('unavailable', message);
/** A request body over its size limit (an uploaded file): 413, naming the field. */
export const tooLarge = (issues: FieldIssue[]) => new DomainError('tooLarge', 'Fichier trop volumineux', issues);

/**
 * Validates again with a contract's zod schema, so that callers other than the routes (demo data, imports) get the
 * same rules; zod's messages are our codes (src/http/messages.ts) and its paths the field names. One for all services.
 */
export function parseInput<S extends ZodType>(schema: S, data: unknown): output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw invalid(
    parsed.error.issues.map((i) => {
      const params = boundsOf(i);
      return { field: i.path.join('.') || 'body', code: i.message, ...(Object.keys(params).length ? { params } : {}) };
    }),
  );
}
