// Uploading a file as the raw request body (the routes whose contract says « the body is the file, its type the
// Content-Type »): the browser streams it, its name goes in the query, the session's CSRF token in its header as for
// every unsafe call. The API answers JSON, or a problem+json document on failure.
import { csrfHeader } from '../../../src/auth/names';
import type { QueryOf, ResponseOf, RouteContract } from '../../../src/http/contract';
import { ApiError, type ApiFieldError, buildUrl } from './client';

/** Sends `file` to an upload route; resolves with the route's response, rejects with an ApiError. */
export async function uploadRawFile<C extends RouteContract>(
  contract: C,
  input: { params?: Record<string, string>; query: QueryOf<C> },
  file: File,
  options: { csrf: string | null; defaultType?: string },
): Promise<ResponseOf<C>> {
  let response: Response;
  try {
    response = await fetch(buildUrl(contract.path, input.params, input.query ?? undefined), {
      method: 'POST',
      credentials: 'include',
      headers: {
        accept: 'application/json',
        'content-type': file.type || options.defaultType || 'application/octet-stream',
        ...(options.csrf ? { [csrfHeader]: options.csrf } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const doc = (await response.json().catch(() => ({}))) as { title?: string; errors?: ApiFieldError[] };
  if (!response.ok) throw new ApiError(response.status, doc.title ?? response.statusText, doc.errors ?? []);
  return doc as ResponseOf<C>;
}
