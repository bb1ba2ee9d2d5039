import { useState } from 'react';
import { Link } from 'react-router';
import { diagnosticRoutes, diagnosticSorts } from '../../../src/modules/diagnostics/contract';
import { diagnosticKinds } from '../../../src/modules/diagnostics/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { SearchBar } from '../ui/SearchBar';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import { useUrlFilters } from '../ui/useUrlFilters';
import { ScoreBar, useText } from './parts';
import './diagnostics.css';

const pageSize = 20;
const isKind = (v: string | null): v is (typeof diagnosticKinds)[number] =>
  (diagnosticKinds as readonly (string | null)[]).includes(v);

/** `/diagnostics`: every completed diagnostic for staff and the steering committee, filtered in the address. */
export function DiagnosticListPage() {
  const { t, tn, formatDate } = useI18n();
  const text = useText();
  usePageTitle(t('diagnostic.list.title'));
  const { params, setFilter, page, pageHref, goToPage } = useUrlFilters();
  const kind = params.get('type');
  const filters = {
    kind: isKind(kind) ? kind : undefined,
    q: params.get('q') ?? undefined,
    from: params.get('du') ?? undefined,
    to: params.get('au') ?? undefined,
    latest: params.get('derniers') === '1' ? ('true' as const) : undefined,
    sort: params.get('tri') === 'score' ? ('score' as const) : undefined,
  };
  const [search, setSearch] = useState(filters.q ?? '');
  const list = useApiQuery(diagnosticRoutes.list, { query: { ...filters, page, pageSize } });
  const data = list.data;

  return (
    <div className="diagnostic-list-page">
      <h1>{t('diagnostic.list.title')}</h1>
      <p className="tagline">{t('diagnostic.list.intro')}</p>
      <SearchBar
        id="diagnostics-q"
        label={t('diagnostic.list.q')}
        placeholder={t('diagnostic.list.q')}
        buttonLabel={t('diagnostic.list.search')}
        value={search}
        onChange={setSearch}
        onSearch={() => setFilter('q', search.trim())}
      />
      <form
        className="card diagnostic-filters"
        aria-label={t('diagnostic.list.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field id="diagnostics-kind" label={t('diagnostic.list.kind')}>
          {(control) => (
            <select {...control} value={filters.kind ?? ''} onChange={(e) => setFilter('type', e.target.value)}>
              <option value="">{t('diagnostic.list.anyKind')}</option>
              {diagnosticKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`diagnostic.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="diagnostics-from" label={t('diagnostic.list.from')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={filters.from ?? ''}
              onChange={(e) => setFilter('du', e.target.value)}
            />
          )}
        </Field>
        <Field id="diagnostics-to" label={t('diagnostic.list.to')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={filters.to ?? ''}
              onChange={(e) => setFilter('au', e.target.value)}
            />
          )}
        </Field>
        <Field id="diagnostics-sort" label={t('diagnostic.list.sort')}>
          {(control) => (
            <select
              {...control}
              value={filters.sort ?? 'date'}
              onChange={(e) => setFilter('tri', e.target.value === 'score' ? 'score' : '')}
            >
              {diagnosticSorts.map((s) => (
                <option key={s} value={s}>
                  {t(`diagnostic.list.sort.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="diagnostic-latest">
          <input
            type="checkbox"
            checked={filters.latest === 'true'}
            onChange={(e) => setFilter('derniers', e.target.checked ? '1' : '')}
          />
          {t('diagnostic.list.latest')}
        </label>
      </form>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!data && list.loading ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="diagnostics-results">
          <h2 id="diagnostics-results">{tn('diagnostic.list.count', data.total)}</h2>
          {data.items.length === 0 ? (
            <p className="muted">{t('diagnostic.list.empty')}</p>
          ) : (
            <TableWrap labelledBy="diagnostics-results">
              <table className="diagnostic-table">
                <thead>
                  <tr>
                    <th scope="col">{t('diagnostic.col.actor')}</th>
                    <th scope="col">{t('diagnostic.list.kind')}</th>
                    <th scope="col">{t('diagnostic.col.date')}</th>
                    <th scope="col">{t('diagnostic.results.overall')}</th>
                    <th scope="col">{t('diagnostic.col.axes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">
                        <Link to={`/acteurs/${d.actorId}/diagnostic`}>{d.actorName}</Link>
                      </th>
                      <td>{t(`diagnostic.kind.${d.kind}`)}</td>
                      <td>{formatDate(d.completedAt)}</td>
                      <td>
                        <ScoreBar score={d.overall} label={t('diagnostic.results.overall')} thresholds={d.thresholds} />
                      </td>
                      <td className="small">
                        {d.axes.map((a) => `${text(a.label)} ${t('diagnostic.score', { score: a.score })}`).join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pagination page={page} pages={Math.ceil(data.total / pageSize)} onPage={goToPage} hrefFor={pageHref} />
        </section>
      ) : null}
    </div>
  );
}
