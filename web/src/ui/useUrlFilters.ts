import { useSearchParams } from 'react-router';
import { withPage } from './ListLayout';

/**
 * A list's filters and page kept in the address, so that a filtered list can be linked to and comes back with the
 * browser's history: a filter set (or cleared, when empty) goes back to the first page.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  return {
    params,
    setParams,
    setFilter,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageHref: (page: number) => `?${withPage(params, page)}`,
    goToPage: (page: number) => setParams(withPage(params, page)),
  };
}
