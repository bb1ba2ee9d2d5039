import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * After a refused submit: once the error messages are rendered, the focus goes to the first invalid control of the
 * container, or else to the element `fallbackId` (an error summary). Returns the function to call when the errors are
 * set.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>, fallbackId?: string): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const first = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else if (fallbackId) document.getElementById(fallbackId)?.focus();
  }, [request, container, fallbackId]);
  return useCallback(() => setRequest((n) => n + 1), []);
}
