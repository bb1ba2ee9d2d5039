// Uploads a register file as the request body (see importRoutes.upload in the contract) with XMLHttpRequest, whose
// upload events report the bytes sent (fetch has none for a request body). The browser streams the file from disk.
import { csrfHeader } from '../../../src/auth/names';
import type { ResponseOf } from '../../../src/http/contract';
import { importRoutes } from '../../../src/modules/imports/contract';
import { ApiError, type ApiFieldError, buildUrl } from '../api/client';

export type Uploaded = ResponseOf<typeof importRoutes.upload>;

/** Sends `file`; `signal` aborts the sending (the page left): the promise then rejects with status 0, `aborted`. */
export function uploadFile(
  file: File,
  csrf: string | null,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError(0, 'aborted'));
    const xhr = new XMLHttpRequest();
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.open('POST', buildUrl(importRoutes.upload.path, undefined, { fileName: file.name }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    if (csrf) xhr.setRequestHeader(csrfHeader, csrf);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.ontimeout = () => reject(new ApiError(0, 'network'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted'));
    xhr.onload = () => {
      let doc: { title?: string; errors?: ApiFieldError[] } & Partial<Uploaded> = {};
      try {
        doc = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(doc as Uploaded);
      else reject(new ApiError(xhr.status, doc.title ?? xhr.statusText, doc.errors ?? []));
    };
    xhr.send(file);
  });
}
