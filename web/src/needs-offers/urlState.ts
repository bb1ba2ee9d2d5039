// The list's state lives in the URL query string, so that a search can be shared and the back button works.
import { type NeedOfferSort, needOfferSorts } from '../../../src/modules/needs-offers/contract';

export const listFilters = ['kind', 'resource', 'status', 'theme', 'commune', 'mode'] as const;
export type ListFilter = (typeof listFilters)[number];

export interface NeedOfferState {
  q: string;
  territory: string;
  allStatuses: boolean;
  sort: NeedOfferSort | '';
  page: number;
  filters: Record<ListFilter, string[]>;
}

export const pageSize = 20;

export function parseState(params: URLSearchParams): NeedOfferState {
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? '',
    territory: params.get('territory') ?? '',
    allStatuses: params.get('allStatuses') === 'true',
    sort: (needOfferSorts as readonly string[]).includes(sort) ? (sort as NeedOfferSort) : '',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    filters: Object.fromEntries(
      listFilters.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]]),
    ) as Record<ListFilter, string[]>,
  };
}

export function toSearchParams(state: NeedOfferState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of listFilters) for (const v of state.filters[name]) params.append(name, v);
  if (state.territory) params.set('territory', state.territory);
  if (state.allStatuses) params.set('allStatuses', 'true');
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

export const activeFilterCount = (state: NeedOfferState) =>
  listFilters.reduce((n, name) => n + state.filters[name].length, 0) +
  (state.territory ? 1 : 0) +
  (state.allStatuses ? 1 : 0);
