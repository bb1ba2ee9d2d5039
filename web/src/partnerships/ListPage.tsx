import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listPartnerships, partnershipListExport } from '../../../src/modules/partnerships/contract';
import { partnershipModes, partnershipStatuses, partnershipSteps } from '../../../src/modules/partnerships/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { ExportLinks } from '../ui/export/ExportLinks';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { usePageTitle } from '../ui/usePageTitle';
import { DateRange, ModeBadge, StatusBadge } from './parts';

const filterNames = ['mode', 'step', 'status', 'theme'] as const;
const pageSize = 20;

/** The partnerships the viewer may see, with search and filters kept in the URL. */
export function ListPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  const ref = useReference();
  usePageTitle(t('partnership.list.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const filters = Object.fromEntries(filterNames.map((f) => [f, params.get(f) ?? ''])) as Record<
    (typeof filterNames)[number],
    string
  >;
  const filterQuery = {
    q: q || undefined,
    mode: (filters.mode || undefined) as never,
    step: (filters.step || undefined) as never,
    status: (filters.status || undefined) as never,
    theme: filters.theme || undefined,
    actor: params.get('actor') || undefined,
  };
  const list = useApiQuery(listPartnerships, { query: { ...filterQuery, page, pageSize } });

  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: text.trim() });
  };
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `?${next.toString()}`;
  };
  const options: Record<(typeof filterNames)[number], { value: string; label: string }[]> = {
    mode: partnershipModes.map((m) => ({ value: m, label: t(`mode.${m}`) })),
    step: partnershipSteps.map((s) => ({ value: s, label: t(`step.${s}`) })),
    status: partnershipStatuses.map((s) => ({ value: s, label: t(`partnership.status.${s}`) })),
    theme: (ref.data?.themes ?? []).map((th) => ({ value: th.id, label: ref.themeLabel(th.id) })),
  };
  const pages = list.data ? Math.ceil(list.data.total / pageSize) : 0;

  return (
    <div className="partnerships-page">
      <header className="page-head partnership-list-head">
        <div>
          <h1>{t('partnership.list.title')}</h1>
          <p className="tagline">{t('partnership.list.intro')}</p>
        </div>
        <div className="partnership-actions">
          <Link className="button button-secondary" to="/partenariats/tableau">
            {t('partnership.list.board')}
          </Link>
          <Link className="button button-secondary" to="/vitrine">
            {t('partnership.list.showcase')}
          </Link>
          {role !== 'observer' && role !== 'citizen' ? (
            <Link className="button" to="/partenariats/nouveau">
              {t('partnership.list.new')}
            </Link>
          ) : null}
        </div>
      </header>

      <form className="card partnership-filters" onSubmit={submit}>
        <div className="field partnership-search">
          <label htmlFor="partnership-q">{t('partnership.list.search')}</label>
          <div className="search-row">
            <input
              id="partnership-q"
              type="search"
              value={text}
              placeholder={t('partnership.list.searchHint')}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button">
              {t('partnership.list.search')}
            </button>
          </div>
        </div>
        {filterNames.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`partnership-${f}`}>{t(`partnership.list.${f}`)}</label>
            <select id={`partnership-${f}`} value={filters[f]} onChange={(e) => set({ [f]: e.target.value })}>
              <option value="">{t('partnership.list.all')}</option>
              {options[f].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {params.toString() ? (
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>
            {t('partnership.list.reset')}
          </button>
        ) : null}
      </form>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="partnership-results">
          <h2 id="partnership-results" className="results-count" aria-live="polite">
            {tn('partnership.list.count', list.data.total)}
          </h2>
          <ExportLinks routes={partnershipListExport} query={filterQuery} count={list.data.total} />
          {list.data.items.length === 0 ? (
            <p className="muted">{t('partnership.list.empty')}</p>
          ) : (
            <ul className="partnership-cards">
              {list.data.items.map((p) => (
                <li key={p.id} className="card partnership-card">
                  <h3>
                    <Link to={`/partenariats/${p.id}`}>{p.title}</Link>
                  </h3>
                  <p className="partnership-meta">
                    <ModeBadge mode={p.mode} />
                    <span className="step-label">{t(`step.${p.currentStep}`)}</span>
                    {p.status !== 'active' ? <StatusBadge status={p.status} /> : null}
                    {p.published ? (
                      <span className="badge badge-published">{t('partnership.list.published')}</span>
                    ) : null}
                  </p>
                  <p className="partner-names">
                    <span className="visually-hidden">
                      {t('partnership.labelled', { label: t('partnership.list.partners') })}{' '}
                    </span>
                    {p.partners.map((x) => x.name).join(' · ')}
                  </p>
                  <p className="muted small">
                    <DateRange start={p.startsOn} end={p.endsOn} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pages={pages} onPage={(p) => set({ page: String(p) })} hrefFor={hrefFor} />
        </section>
      ) : null}
    </div>
  );
}
