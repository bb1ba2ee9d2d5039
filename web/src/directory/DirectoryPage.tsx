import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type ActorSummary,
  actorListExport,
  actorSorts,
  actorsMap,
  listActors,
} from '../../../src/modules/actors/contract';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { LatestNeedOffers } from '../needs-offers/LatestFeed';
import { useReference } from '../reference/reference';
import { Chip, SdgChip } from '../ui/chips';
import { ExportLinks } from '../ui/export/ExportLinks';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { FiltersPanel, ResultList, ResultsHeading } from '../ui/ListLayout';
import { SearchBar } from '../ui/SearchBar';
import { useDebounced } from '../ui/useDebounced';
import { usePageTitle } from '../ui/usePageTitle';
import type { MapPoint } from './ActorsMap';
import { Filters } from './Filters';
import {
  activeFilterCount,
  type DirectoryState,
  filterQuery,
  type ListFilter,
  listFilters,
  pageSize,
  parseState,
  rememberDirectorySearch,
  toSearchParams,
} from './urlState';
import './directory.css';

const ActorsMap = lazy(() => import('./ActorsMap'));

export function DirectoryPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  const ref = useReference();
  usePageTitle(t('directory.title'));
  const [params, setParams] = useSearchParams();
  // The controls show the wanted state at once; the URL (updated in a transition) follows, and wins when it changes
  // by itself (back button, link).
  const search = params.toString();
  const [state, setState] = useState(() => parseState(params));
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    const fromUrl = parseState(new URLSearchParams(search));
    if (toSearchParams(fromUrl).toString() !== toSearchParams(stateRef.current).toString()) setState(fromUrl);
  }, [search]);
  const typingRef = useRef(false);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);

  const update = (patch: Partial<DirectoryState>, options: { replace?: boolean; keepPage?: boolean } = {}) => {
    const next = { ...stateRef.current, ...(options.keepPage ? {} : { page: 1 }), ...patch };
    stateRef.current = next;
    setState(next);
    setParams(toSearchParams(next), { replace: options.replace ?? false });
  };

  // The search box: results follow the typing (debounced); Enter searches at once.
  const [text, setText] = useState(state.q);
  const lastSentQ = useRef(state.q);
  useEffect(() => {
    if (state.q !== lastSentQ.current) {
      lastSentQ.current = state.q;
      setText(state.q);
    }
  }, [state.q]);
  const debouncedText = useDebounced(text, 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text triggers a search
  useEffect(() => {
    const q = debouncedText.trim();
    if (q === stateRef.current.q) return;
    lastSentQ.current = q;
    update(
      { q, sort: q ? stateRef.current.sort : stateRef.current.sort === 'relevance' ? '' : stateRef.current.sort },
      { replace: typingRef.current },
    );
    typingRef.current = true;
  }, [debouncedText]);

  useEffect(() => rememberDirectorySearch(search ? `?${search}` : ''), [search]);

  const filters = filterQuery(state);
  const list = useApiQuery(listActors, {
    query: { ...filters, sort: state.sort || undefined, page: state.page, pageSize },
  });
  const map = useApiQuery(actorsMap, { query: filters });

  // Commune names given by the facets (and seen in results) label the commune filter.
  useEffect(() => {
    for (const c of list.data?.facets.commune ?? []) if (c.label) ref.rememberCommune(c.value, c.label);
    for (const a of list.data?.items ?? []) if (a.communeCode) ref.rememberCommune(a.communeCode, a.communeName);
  }, [list.data, ref]);
  useEffect(() => {
    for (const p of map.data?.points ?? []) ref.rememberCommune(p.communeCode, p.communeName);
  }, [map.data, ref]);

  const toggle = (name: ListFilter, value: string) => {
    typingRef.current = false;
    const current = state.filters[name];
    const nextValues = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    update({ filters: { ...state.filters, [name]: nextValues } });
  };
  const clearAll = () => {
    typingRef.current = false;
    lastSentQ.current = '';
    setText('');
    update({ q: '', territory: '', filters: Object.fromEntries(listFilters.map((n) => [n, []])) as never });
  };

  const data = list.data;
  const total = data?.total ?? 0;
  const filterCount = activeFilterCount(state);
  const hasCriteria = filterCount > 0 || state.q !== '';
  const sortId = useId();

  return (
    <div className="directory">
      <div className="page-head">
        <div>
          <h1>{t('directory.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        {isStaff(role) ? (
          <Link className="button" to="/acteurs/nouveau">
            {t('nav.newActor')}
          </Link>
        ) : null}
      </div>

      <SearchBar
        id="directory-q"
        label={t('directory.search')}
        placeholder={t('directory.searchPlaceholder')}
        buttonLabel={t('directory.searchButton')}
        value={text}
        onChange={setText}
        onSearch={() => {
          typingRef.current = false;
          const q = text.trim();
          lastSentQ.current = q;
          update({ q });
        }}
      />

      <LatestNeedOffers />

      <div className="directory-layout">
        <FiltersPanel
          headingId="filters-heading"
          title={t('filters.title')}
          activeCount={filterCount}
          clear={hasCriteria ? { label: t('filters.clear'), onClick: clearAll } : null}
        >
          <Filters
            state={state}
            facets={data?.facets}
            onToggle={toggle}
            onTerritory={(territory) => {
              typingRef.current = false;
              update({ territory });
            }}
          />
        </FiltersPanel>

        <section className="directory-results" aria-labelledby="results-heading">
          <div className="results-head">
            <ResultsHeading id="results-heading" ref={resultsHeadingRef}>
              {data
                ? data.exact
                  ? tn('directory.count', total)
                  : t('directory.approximately', { count: tn('directory.count', total) })
                : t('common.loading')}
            </ResultsHeading>
            <div className="results-tools">
              <div className="sort">
                <label htmlFor={sortId} className="sort-label">
                  {t('directory.sort')}
                </label>
                <select
                  id={sortId}
                  value={state.sort || (state.q ? 'relevance' : 'name')}
                  onChange={(e) => {
                    typingRef.current = false;
                    update({ sort: e.target.value as DirectoryState['sort'] });
                  }}
                >
                  {actorSorts.map((s) => (
                    <option key={s} value={s}>
                      {t(`sort.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className="view-toggle">
                <legend className="visually-hidden">{t('directory.view')}</legend>
                <button
                  type="button"
                  aria-pressed={state.view === 'list'}
                  onClick={() => update({ view: 'list' }, { keepPage: true, replace: true })}
                >
                  {t('directory.viewList')}
                </button>
                <button
                  type="button"
                  aria-pressed={state.view === 'map'}
                  onClick={() => update({ view: 'map' }, { keepPage: true, replace: true })}
                >
                  {t('directory.viewMap')}
                </button>
              </fieldset>
            </div>
          </div>

          <ActiveFilters state={state} onRemove={toggle} onClearTerritory={() => update({ territory: '' })} />

          <ExportLinks
            routes={actorListExport}
            query={{ ...filters, sort: state.sort || undefined }}
            count={data?.total}
            exact={data?.exact ?? true}
          />

          {list.error ? <ApiErrorAlert error={list.error} /> : null}

          <div className={`results-panes view-${state.view}`}>
            <ResultList
              className="results-list-pane"
              data={data}
              loading={list.loading}
              emptyMessage={hasCriteria ? t('directory.emptyFiltered') : t('directory.empty')}
              clearLabel={hasCriteria ? t('filters.clear') : null}
              onClear={clearAll}
              renderItem={(actor) => <ResultItem key={actor.id} actor={actor} />}
              page={state.page}
              hrefFor={(p) => `?${toSearchParams({ ...state, page: p }).toString()}`}
              onPage={(p) => {
                typingRef.current = false;
                update({ page: p }, { keepPage: true });
                resultsHeadingRef.current?.focus();
                resultsHeadingRef.current?.scrollIntoView({ block: 'start' });
              }}
            />
            <MapPane
              points={map.data?.points ?? []}
              unplaced={map.data?.unplaced ?? 0}
              loading={map.loading}
              visible={state.view === 'map'}
            />
          </div>
        </section>
      </div>
    </div>
  );
}

function ResultItem({ actor }: { actor: ActorSummary }) {
  const { t } = useI18n();
  const ref = useReference();
  const kind = [
    t(`family.${actor.family}`),
    actor.subtype ? t(`subtype.${actor.subtype}`) : null,
    actor.communeName,
  ].filter(Boolean);
  return (
    <li className="result">
      <h3>
        <Link to={`/acteurs/${actor.id}`}>{actor.name}</Link>
      </h3>
      <p className="result-meta">
        <span className={`family-badge family-${actor.family}`}>{kind[0]}</span>
        {kind.slice(1).join(' · ')}
      </p>
      {actor.excerpt ? <p className="result-excerpt">{actor.excerpt}</p> : null}
      {(ref.data || ref.failed) && (actor.themes.length || actor.sdgs.length) ? (
        <ul className="chips" aria-label={t('actor.themesAndSdgs')}>
          {actor.themes.map((id) => (
            <li key={id}>
              <Chip>{ref.themeLabel(id)}</Chip>
            </li>
          ))}
          {actor.sdgs.map((n) => (
            <li key={n}>
              <SdgChip number={n} compact />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function ActiveFilters({
  state,
  onRemove,
  onClearTerritory,
}: {
  state: DirectoryState;
  onRemove(name: ListFilter, value: string): void;
  onClearTerritory(): void;
}) {
  const { t } = useI18n();
  const ref = useReference();
  const label = (name: ListFilter, value: string) => {
    switch (name) {
      case 'family':
        return t(`family.${value}`);
      case 'commune':
        return ref.communeName(value) ?? value;
      case 'theme':
        return ref.themeLabel(value);
      case 'sdg':
        return `${t('actor.sdgShort')} ${value} · ${ref.sdgLabel(Number(value))}`;
      default:
        return ref.itemLabel(value);
    }
  };
  const chips = listFilters.flatMap((name) => state.filters[name].map((value) => ({ name, value })));
  const territory = ref.data?.territories.find((x) => x.id === state.territory);
  if (chips.length === 0 && !state.territory) return null;
  return (
    <ul className="active-filters" aria-label={t('filters.active')}>
      {state.territory ? (
        <li>
          <button type="button" className="active-filter" onClick={onClearTerritory}>
            {territory?.name ?? state.territory}
            <span aria-hidden="true"> ×</span>
            <span className="visually-hidden"> ({t('filters.remove')})</span>
          </button>
        </li>
      ) : null}
      {chips.map(({ name, value }) => (
        <li key={`${name}-${value}`}>
          <button type="button" className="active-filter" onClick={() => onRemove(name, value)}>
            {label(name, value)}
            <span aria-hidden="true"> ×</span>
            <span className="visually-hidden"> ({t('filters.remove')})</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The map, and the same points as a list for keyboard and screen-reader users. */
function MapPane({
  points,
  unplaced,
  loading,
  visible,
}: {
  points: MapPoint[];
  unplaced: number;
  loading: boolean;
  visible: boolean;
}) {
  const { t, tn } = useI18n();
  const [wide, setWide] = useState(() => window.matchMedia('(min-width: 960px)').matches);
  useEffect(() => {
    const query = window.matchMedia('(min-width: 960px)');
    const listener = () => setWide(query.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);
  return (
    <section className="map-pane" aria-labelledby="map-heading" aria-busy={loading}>
      <h2 id="map-heading" className="visually-hidden">
        {t('map.title')}
      </h2>
      <div className="map-frame">
        <Suspense fallback={<Loading />}>
          <ActorsMap points={points} visible={visible || wide} />
        </Suspense>
      </div>
      {unplaced > 0 ? <p className="muted small">{tn('map.unplaced', unplaced)}</p> : null}
      <details className="map-list">
        <summary>{t('map.listTitle')}</summary>
        {points.length === 0 ? <p className="muted small">{t('map.none')}</p> : null}
        <ul>
          {points.map((p) => (
            <li key={p.communeCode}>
              <span className="map-list-commune">
                {p.communeName} ({tn('directory.count', p.count)})
              </span>
              <ul>
                {p.actors.map((a) => (
                  <li key={a.id}>
                    <Link to={`/acteurs/${a.id}`}>{a.name}</Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
