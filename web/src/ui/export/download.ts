// A file downloaded through fetch rather than by following a link: a refusal (422 past the cap, 401 once the session
// has expired) then comes back as an ApiError the page can show, instead of replacing the page with a JSON problem.
import { ApiError, problemOf } from '../../api/client';

/** The file name of a `content-disposition` header: the exact UTF-8 name, else the ASCII fallback. */
export function fileNameOf(header: string | null, fallback: string): string {
  const exact = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (exact) {
    try {
      return decodeURIComponent(exact);
    } catch {
      // a malformed name: the fallback below
    }
  }
  return header?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/** Downloads `url` as a file named as the server names it; rejects with an ApiError on failure. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include' });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await problemOf(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
