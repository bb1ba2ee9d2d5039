// The one way the web app talks to the API: typed from the shared route contracts (src/http/contract.ts).
import { csrfHeader } from '../../../src/auth/names';
import {
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type RouteContract,
  unsafeMethods,
} from '../../../src/http/contract';
import { fieldMessage } from '../../../src/http/messages';

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** An API failure: the problem+json document's status, title and field errors (status 0 when the network failed). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: ApiFieldError[];
  constructor(status: number, title: string, errors: ApiFieldError[] = []) {
    super(title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.errors = errors;
  }
  /** The first error's code, if any (e.g. `badCredentials`). */
  get code(): string | undefined {
    return this.errors[0]?.code;
  }
}

/** Any failure of a call as an ApiError (a network failure has status 0). */
export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'network');

/** The problem's field errors, field → message in the locale (the API writes French; codes give the English). */
export function fieldErrorsOf(error: ApiError, locale: 'fr' | 'en'): Record<string, string> {
  return Object.fromEntries(
    error.errors.map((x) => [x.field, locale === 'fr' ? x.message : fieldMessage(x.code, locale)]),
  );
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// The CSRF token of the current session, set by the session context (web/src/auth/session.tsx).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Defined<T, K extends string> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: T };
type OptionalDefined<T, K extends string> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]?: T };

/** What a call needs: `params` and `body` when the contract declares them, `query` optionally. */
export type CallInput<C> = Defined<ParamsOf<C>, 'params'> &
  OptionalDefined<QueryOf<C>, 'query'> &
  Defined<BodyOf<C>, 'body'> & { signal?: AbortSignal };

type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** `/api/v1/actors/:id` + `{ id }` → `/api/v1/actors/3f…`; arrays in the query become repeated keys. */
export function buildUrl(path: string, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries(query ?? {})) {
    const value = raw as QueryValue;
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/** The API failure a non-2xx response describes (its problem+json document, else its status). */
export async function problemOf(response: Response): Promise<ApiError> {
  let title = response.statusText || `HTTP ${response.status}`;
  let errors: ApiFieldError[] = [];
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const doc = (await response.json()) as { title?: unknown; errors?: unknown };
      if (typeof doc.title === 'string') title = doc.title;
      if (Array.isArray(doc.errors)) {
        errors = doc.errors
          .filter((e): e is ApiFieldError => typeof e === 'object' && e !== null && 'field' in e)
          .map((e) => ({
            field: String(e.field),
            code: String(e.code ?? 'invalid'),
            message: String(e.message ?? ''),
          }));
      }
    } catch {
      // not JSON after all: keep the status text
    }
  }
  return new ApiError(response.status, title, errors);
}

/**
 * Calls a route of the API. Types come from the contract; JSON in and out, cookies included, the session's CSRF
 * token on unsafe methods. Resolves with the response body (null for 204), rejects with an ApiError.
 */
export async function callApi<C extends RouteContract>(contract: C, input: CallInput<C>): Promise<ResponseOf<C>> {
  const { params, query, body, signal } = input as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const url = buildUrl(contract.path, params, query);
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasBody = body !== undefined && contract.method !== 'GET';
  if (hasBody) headers['content-type'] = 'application/json';
  if (unsafeMethods.has(contract.method) && csrfToken) headers[csrfHeader] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method: contract.method,
      headers,
      credentials: 'include',
      body: hasBody ? JSON.stringify(body) : undefined,
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return null as ResponseOf<C>;
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as ResponseOf<C>;
}
