import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listNeedOffers, type NeedOfferPage, needOfferSorts } from '../../../src/modules/needs-offers/contract';
import { needOfferKinds, needOfferStatuses, resourceTypes } from '../../../src/modules/needs-offers/vocabulary';
import { partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { FilterGroup, TerritoryFilter } from '../ui/FilterGroup';
import { ApiErrorAlert } from '../ui/feedback';
import { FiltersPanel, ResultList, ResultsHeading } from '../ui/ListLayout';
import { SearchBar } from '../ui/SearchBar';
import { useDebounced } from '../ui/useDebounced';
import { usePageTitle } from '../ui/usePageTitle';
import { NeedOfferCard } from './parts';
import {
  activeFilterCount,
  type ListFilter,
  listFilters,
  type NeedOfferState,
  pageSize,
  parseState,
  toSearchParams,
} from './urlState';
import '../directory/directory.css';
import './needs-offers.css';

/** `/besoins-offres`: search, filters with counts, results as cards; the state is in the URL. */
export function NeedOfferListPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  const ref = useReference();
  usePageTitle(t('needOffer.title'));
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = parseState(params);
  const stateRef = useRef(state);
  stateRef.current = state;
  const sortId = useId();
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);

  const update = (patch: Partial<NeedOfferState>, options: { replace?: boolean; keepPage?: boolean } = {}) => {
    const next = { ...stateRef.current, ...(options.keepPage ? {} : { page: 1 }), ...patch };
    stateRef.current = next;
    setParams(toSearchParams(next), { replace: options.replace ?? false });
  };

  // The search box follows the typing (debounced); Enter searches at once. The URL wins when it changes by itself.
  const [text, setText] = useState(state.q);
  const lastSentQ = useRef(state.q);
  useEffect(() => {
    const q = parseState(new URLSearchParams(search)).q;
    if (q !== lastSentQ.current) {
      lastSentQ.current = q;
      setText(q);
    }
  }, [search]);
  const debounced = useDebounced(text, 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text triggers a search
  useEffect(() => {
    const q = debounced.trim();
    if (q === stateRef.current.q) return;
    lastSentQ.current = q;
    update({ q }, { replace: true });
  }, [debounced]);

  const list = useApiQuery(listNeedOffers, {
    query: {
      q: state.q || undefined,
      territory: state.territory || undefined,
      allStatuses: state.allStatuses ? 'true' : undefined,
      sort: state.sort || undefined,
      page: state.page,
      pageSize,
      ...state.filters,
    },
  });
  useEffect(() => {
    for (const c of list.data?.facets.commune ?? []) if (c.label) ref.rememberCommune(c.value, c.label);
  }, [list.data, ref]);

  const toggle = (name: ListFilter, value: string) => {
    const current = state.filters[name];
    const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    update({ filters: { ...state.filters, [name]: values } });
  };
  const clearAll = () => {
    lastSentQ.current = '';
    setText('');
    update({
      q: '',
      territory: '',
      allStatuses: false,
      filters: Object.fromEntries(listFilters.map((n) => [n, []])) as never,
    });
  };

  const data = list.data;
  const filterCount = activeFilterCount(state);
  const hasCriteria = filterCount > 0 || state.q !== '';
  const mayPublish = role === 'admin' || role === 'animator' || role === 'member';

  return (
    <div className="directory need-offers">
      <div className="page-head">
        <div>
          <h1>{t('needOffer.title')}</h1>
          <p className="tagline">{t('needOffer.tagline')}</p>
        </div>
        {mayPublish ? (
          <Link className="button" to="/besoins-offres/nouveau">
            {t('needOffer.publish')}
          </Link>
        ) : null}
      </div>

      <SearchBar
        id="need-offer-q"
        label={t('needOffer.search')}
        placeholder={t('needOffer.searchPlaceholder')}
        buttonLabel={t('needOffer.searchButton')}
        value={text}
        onChange={setText}
        onSearch={() => {
          const q = text.trim();
          lastSentQ.current = q;
          update({ q });
        }}
      />

      <div className="directory-layout">
        <FiltersPanel
          headingId="need-offer-filters-heading"
          title={t('filters.title')}
          activeCount={filterCount}
          clear={hasCriteria ? { label: t('filters.clear'), onClick: clearAll } : null}
        >
          <NeedOfferFilters
            state={state}
            facets={data?.facets}
            onToggle={toggle}
            onTerritory={(territory) => update({ territory })}
            onAllStatuses={(allStatuses) => update({ allStatuses })}
          />
        </FiltersPanel>

        <section className="directory-results" aria-labelledby="need-offer-results-heading">
          <div className="results-head">
            <ResultsHeading id="need-offer-results-heading" ref={resultsHeadingRef}>
              {data ? tn('needOffer.count', data.total) : t('common.loading')}
            </ResultsHeading>
            <div className="results-tools">
              <div className="sort">
                <label htmlFor={sortId} className="sort-label">
                  {t('needOffer.sort')}
                </label>
                <select
                  id={sortId}
                  value={state.sort || (state.q ? 'relevance' : 'recent')}
                  onChange={(e) => update({ sort: e.target.value as NeedOfferState['sort'] })}
                >
                  {needOfferSorts.map((s) => (
                    <option key={s} value={s}>
                      {t(`needOffer.sort.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </div>

          {list.error ? <ApiErrorAlert error={list.error} /> : null}
          <ResultList
            data={data}
            loading={list.loading}
            emptyMessage={hasCriteria ? t('needOffer.emptyFiltered') : t('needOffer.empty')}
            clearLabel={hasCriteria ? t('filters.clear') : null}
            onClear={clearAll}
            renderItem={(item) => <NeedOfferCard key={item.id} item={item} />}
            page={state.page}
            hrefFor={(p) => `?${toSearchParams({ ...state, page: p }).toString()}`}
            onPage={(p) => {
              update({ page: p }, { keepPage: true });
              resultsHeadingRef.current?.focus();
              resultsHeadingRef.current?.scrollIntoView({ block: 'start' });
            }}
          />
        </section>
      </div>
    </div>
  );
}

function NeedOfferFilters({
  state,
  facets,
  onToggle,
  onTerritory,
  onAllStatuses,
}: {
  state: NeedOfferState;
  facets: NeedOfferPage['facets'] | undefined;
  onToggle(name: ListFilter, value: string): void;
  onTerritory(id: string): void;
  onAllStatuses(all: boolean): void;
}) {
  const { t } = useI18n();
  const ref = useReference();
  const allStatusesId = useId();
  const f = state.filters;
  const countOf = (name: ListFilter, value: string) =>
    facets ? (facets[name].find((x) => x.value === value)?.count ?? 0) : undefined;
  const fixed = (name: ListFilter, values: readonly string[], label: (v: string) => string) =>
    values.map((value) => ({ value, label: label(value), count: countOf(name, value) }));
  /** Values met in the results (themes, communes), selected ones always shown. */
  const open = (name: 'theme' | 'commune', label: (v: string) => string) => {
    const values = new Set([...(facets?.[name] ?? []).map((x) => x.value), ...f[name]]);
    return [...values]
      .map((value) => ({ value, label: label(value), count: countOf(name, value) }))
      .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label, 'fr'));
  };
  return (
    <div className="filters">
      <FilterGroup
        title={t('needOffer.filters.kind')}
        options={fixed('kind', needOfferKinds, (v) => t(`needOffer.kind.${v}`))}
        selected={f.kind}
        onToggle={(value) => onToggle('kind', value)}
        defaultOpen
      />
      <FilterGroup
        title={t('needOffer.filters.resource')}
        options={fixed('resource', resourceTypes, (v) => t(`needOffer.resource.${v}`))}
        selected={f.resource}
        onToggle={(value) => onToggle('resource', value)}
        defaultOpen
      />
      <FilterGroup
        title={t('needOffer.filters.status')}
        options={fixed('status', needOfferStatuses, (v) => t(`needOffer.status.${v}`))}
        selected={f.status}
        onToggle={(value) => onToggle('status', value)}
        defaultOpen={state.allStatuses}
      >
        <p className="facet-all-statuses">
          <input
            type="checkbox"
            id={allStatusesId}
            checked={state.allStatuses}
            onChange={(e) => onAllStatuses(e.target.checked)}
          />
          <label htmlFor={allStatusesId}>{t('needOffer.filters.allStatuses')}</label>
        </p>
      </FilterGroup>
      <TerritoryFilter value={state.territory} onChange={onTerritory} />
      <FilterGroup
        title={t('needOffer.filters.commune')}
        options={open('commune', (v) => ref.communeName(v) ?? v)}
        selected={f.commune}
        onToggle={(value) => onToggle('commune', value)}
        defaultOpen={false}
      />
      <FilterGroup
        title={t('needOffer.filters.theme')}
        options={open('theme', (v) => ref.themeLabel(v))}
        selected={f.theme}
        onToggle={(value) => onToggle('theme', value)}
        defaultOpen={false}
      />
      <FilterGroup
        title={t('needOffer.filters.mode')}
        options={fixed('mode', partnershipModes, (v) => t(`mode.${v}`))}
        selected={f.mode}
        onToggle={(value) => onToggle('mode', value)}
        defaultOpen={false}
      />
    </div>
  );
}
