import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * After a refused submit: once the error messages are rendered, the focus goes to the first invalid control of the
 * container. Returns the function to call when the errors are set.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request, container]);
  return useCallback(() => setRequest((n) => n + 1), []);
}
