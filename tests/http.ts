import type { FastifyInstance } from 'fastify';
import type { SignedIn } from './auth.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the app under test as someone (or anonymously): the status, the JSON body (null when there is none or it is
 * not JSON), the content type, the raw text, the headers and the bytes. The app is read when called, so tests can
 * create it in `beforeAll`.
 */
export function callerOf(app: () => FastifyInstance) {
  return async (who: SignedIn | null, method: Method, url: string, payload?: unknown) => {
    const res = await app().inject({
      method,
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      body: res.body && type.includes('json') ? res.json() : null,
      type,
      text: res.body,
      headers: res.headers,
      /** The bytes as sent (a file's byte order mark, a workbook). */
      raw: res.rawPayload,
    };
  };
}

/** The (field, code) pairs of a problem document's errors, in order. */
export const fieldsOf = (body: { errors?: { field: string; code: string }[] } | null) =>
  (body?.errors ?? []).map((e) => [e.field, e.code]);
