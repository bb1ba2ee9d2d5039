import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf, RouteContract } from '../../../src/http/contract';
import { type ApiError, asApiError, type CallInput, callApi } from './client';

export interface ApiQuery<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a request is in flight (the previous data stays available meanwhile). */
  loading: boolean;
  reload(): void;
  setData(update: T | ((previous: T | undefined) => T | undefined)): void;
}

/**
 * Loads a GET route and reloads it when its input changes (compared by value). Earlier requests are aborted, so a
 * slow answer never overwrites a newer one. `enabled: false` skips the call (e.g. a role that may not read it).
 */
export function useApiQuery<C extends RouteContract>(
  contract: C,
  input: Omit<CallInput<C>, 'signal'>,
  options: { enabled?: boolean } = {},
): ApiQuery<ResponseOf<C>> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(input);
  const [data, setData] = useState<ResponseOf<C> | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the input is compared by its JSON key; tick forces reloads
  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    callApi(contract, { ...inputRef.current, signal: controller.signal } as CallInput<C>)
      .then((result) => {
        setData(result);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(asApiError(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [contract, key, enabled, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
