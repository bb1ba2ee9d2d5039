// The directory's state lives in the URL query string, so that a search can be shared and the back button works.
import { actorSorts } from '../../../src/modules/actors/contract';

export const listFilters = ['family', 'commune', 'theme', 'sdg', 'contribution', 'benefit'] as const;
export type ListFilter = (typeof listFilters)[number];
export type Sort = (typeof actorSorts)[number];

export interface DirectoryState {
  q: string;
  territory: string;
  sort: Sort | '';
  page: number;
  view: 'list' | 'map';
  filters: Record<ListFilter, string[]>;
}

export const pageSize = 20;

export function parseState(params: URLSearchParams): DirectoryState {
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page') ?? '1');
  const filters = Object.fromEntries(
    listFilters.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]]),
  ) as Record<ListFilter, string[]>;
  return {
    q: params.get('q') ?? '',
    territory: params.get('territory') ?? '',
    sort: (actorSorts as readonly string[]).includes(sort) ? (sort as Sort) : '',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    view: params.get('view') === 'map' ? 'map' : 'list',
    filters,
  };
}

export function toSearchParams(state: DirectoryState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of listFilters) for (const v of state.filters[name]) params.append(name, v);
  if (state.territory) params.set('territory', state.territory);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.view === 'map') params.set('view', 'map');
  return params;
}

/** The API's filter query (shared by the list and the map). */
export function filterQuery(state: DirectoryState) {
  return {
    q: state.q || undefined,
    territory: state.territory || undefined,
    ...state.filters,
  };
}

export const activeFilterCount = (state: DirectoryState) =>
  listFilters.reduce((n, name) => n + state.filters[name].length, 0) + (state.territory ? 1 : 0);

const storageKey = 'alliances.directorySearch';

/** The directory's last query string, so that "back to the directory" finds the same search. */
export function lastDirectorySearch(): string {
  try {
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}

export function rememberDirectorySearch(search: string) {
  try {
    sessionStorage.setItem(storageKey, search);
  } catch {
    // storage refused (private mode): the link goes to the plain directory
  }
}
