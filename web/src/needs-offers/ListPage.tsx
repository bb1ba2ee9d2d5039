import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listNeedOffers, type NeedOfferPage, needOfferSorts } from '../../../src/modules/needs-offers/contract';
import { needOfferKinds, needOfferStatuses, resourceTypes } from '../../../src/modules/needs-offers/vocabulary';
import { partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
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
  const { t, tn, formatNumber } = useI18n();
  const { role } = useSession();
  const ref = useReference();
  usePageTitle(t('needOffer.title'));
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = parseState(params);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersPanelId = useId();
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
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
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

      <search className="search-bar">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const q = text.trim();
            lastSentQ.current = q;
            update({ q });
          }}
        >
          <label htmlFor="need-offer-q" className="visually-hidden">
            {t('needOffer.search')}
          </label>
          <input
            id="need-offer-q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('needOffer.searchPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className="button">
            {t('needOffer.searchButton')}
          </button>
        </form>
      </search>

      <div className="directory-layout">
        <aside className="directory-filters" aria-labelledby="need-offer-filters-heading">
          <div className="filters-head">
            <h2 id="need-offer-filters-heading" className="filters-heading">
              {t('filters.title')}
            </h2>
            <button
              type="button"
              className="button button-secondary filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls={filtersPanelId}
              onClick={() => setFiltersOpen((o) => !o)}
            >
              {filtersOpen ? t('filters.hide') : t('filters.show')}
              {filterCount ? ` (${formatNumber(filterCount)})` : ''}
            </button>
          </div>
          <div id={filtersPanelId} className={`filters-panel${filtersOpen ? ' open' : ''}`}>
            <NeedOfferFilters
              state={state}
              facets={data?.facets}
              onToggle={toggle}
              onTerritory={(territory) => update({ territory })}
              onAllStatuses={(allStatuses) => update({ allStatuses })}
            />
            {hasCriteria ? (
              <button type="button" className="link-button" onClick={clearAll}>
                {t('filters.clear')}
              </button>
            ) : null}
          </div>
        </aside>

        <section className="directory-results" aria-labelledby="need-offer-results-heading">
          <div className="results-head">
            <h2
              id="need-offer-results-heading"
              ref={resultsHeadingRef}
              tabIndex={-1}
              aria-live="polite"
              aria-atomic="true"
            >
              {data ? tn('needOffer.count', data.total) : t('common.loading')}
            </h2>
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
          <div aria-busy={list.loading}>
            {!data && list.loading ? <Loading /> : null}
            {data && data.items.length === 0 ? (
              <div className="empty-state">
                <p>{hasCriteria ? t('needOffer.emptyFiltered') : t('needOffer.empty')}</p>
                {hasCriteria ? (
                  <button type="button" className="button button-secondary" onClick={clearAll}>
                    {t('filters.clear')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {data && data.items.length > 0 ? (
              <ul className={`result-list${list.loading ? ' stale' : ''}`}>
                {data.items.map((item) => (
                  <NeedOfferCard key={item.id} item={item} />
                ))}
              </ul>
            ) : null}
            {data ? (
              <Pagination
                page={state.page}
                pages={pages}
                hrefFor={(p) => `?${toSearchParams({ ...state, page: p }).toString()}`}
                onPage={(p) => {
                  update({ page: p }, { keepPage: true });
                  resultsHeadingRef.current?.focus();
                  resultsHeadingRef.current?.scrollIntoView({ block: 'start' });
                }}
              />
            ) : null}
          </div>
        </section>
      </div>
    </div>
  );
}

interface Option {
  value: string;
  label: string;
  count: number | undefined;
}

/** One filter: a group of checkboxes with the result count each would give. */
function FacetGroup({
  name,
  title,
  options,
  selected,
  onToggle,
  defaultOpen,
  children,
}: {
  name: ListFilter;
  title: string;
  options: Option[];
  selected: string[];
  onToggle(name: ListFilter, value: string): void;
  defaultOpen: boolean;
  children?: React.ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const idBase = useId();
  const [open, setOpen] = useState(defaultOpen || selected.length > 0);
  const hasSelection = selected.length > 0;
  useEffect(() => {
    if (hasSelection) setOpen(true);
  }, [hasSelection]);
  return (
    <details className="facet" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}
        {selected.length ? <span className="facet-selected-count"> ({formatNumber(selected.length)})</span> : null}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{title}</legend>
        {options.length === 0 ? <p className="muted small">{t('filters.noValue')}</p> : null}
        <ul className="facet-options">
          {options.map((o) => {
            const id = `${idBase}-${o.value}`;
            const checked = selected.includes(o.value);
            return (
              <li key={o.value}>
                <input
                  type="checkbox"
                  id={id}
                  checked={checked}
                  onChange={() => onToggle(name, o.value)}
                  disabled={!checked && o.count === 0}
                />
                <label htmlFor={id}>
                  <span className="facet-label">{o.label}</span>
                  {o.count === undefined ? null : (
                    <span className="facet-count">
                      <span className="visually-hidden">, </span>
                      {t('filters.resultCount', { count: formatNumber(o.count) })}
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
        {children}
      </fieldset>
    </details>
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
  const territoryId = useId();
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
      <FacetGroup
        name="kind"
        title={t('needOffer.filters.kind')}
        options={fixed('kind', needOfferKinds, (v) => t(`needOffer.kind.${v}`))}
        selected={f.kind}
        onToggle={onToggle}
        defaultOpen
      />
      <FacetGroup
        name="resource"
        title={t('needOffer.filters.resource')}
        options={fixed('resource', resourceTypes, (v) => t(`needOffer.resource.${v}`))}
        selected={f.resource}
        onToggle={onToggle}
        defaultOpen
      />
      <FacetGroup
        name="status"
        title={t('needOffer.filters.status')}
        options={fixed('status', needOfferStatuses, (v) => t(`needOffer.status.${v}`))}
        selected={f.status}
        onToggle={onToggle}
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
      </FacetGroup>
      <div className="facet facet-static">
        <label htmlFor={territoryId} className="facet-title">
          {t('filters.territory')}
        </label>
        <select id={territoryId} value={state.territory} onChange={(e) => onTerritory(e.target.value)}>
          <option value="">{t('filters.allTerritories')}</option>
          {(ref.data?.territories ?? []).map((territory) => (
            <option key={territory.id} value={territory.id}>
              {territory.name}
            </option>
          ))}
        </select>
      </div>
      <FacetGroup
        name="commune"
        title={t('needOffer.filters.commune')}
        options={open('commune', (v) => ref.communeName(v) ?? v)}
        selected={f.commune}
        onToggle={onToggle}
        defaultOpen={false}
      />
      <FacetGroup
        name="theme"
        title={t('needOffer.filters.theme')}
        options={open('theme', (v) => ref.themeLabel(v))}
        selected={f.theme}
        onToggle={onToggle}
        defaultOpen={false}
      />
      <FacetGroup
        name="mode"
        title={t('needOffer.filters.mode')}
        options={fixed('mode', partnershipModes, (v) => t(`mode.${v}`))}
        selected={f.mode}
        onToggle={onToggle}
        defaultOpen={false}
      />
    </div>
  );
}
