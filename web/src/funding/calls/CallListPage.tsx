import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { callRoutes } from '../../../../src/modules/funding/calls/contract';
import { callStatuses } from '../../../../src/modules/funding/vocabulary';
import { useApiQuery } from '../../api/useApi';
import { isStaff, useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference/reference';
import { type CommuneChoice, CommuneField } from '../../ui/CommuneField';
import { Field } from '../../ui/Field';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { Pagination } from '../../ui/Pagination';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import { useUrlFilters } from '../../ui/useUrlFilters';
import { FundingNav } from '../FundingNav';
import { CallFacts, CallStatusBadge, useCallDates } from './parts';

const pageSize = 20;

/** The calls for projects, for everyone: filters in the address (shareable), open calls first. */
export function CallListPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  const reference = useReference();
  const dates = useCallDates();
  usePageTitle(t('funding.call.list.title'));
  const { params, setParams, page, pageHref, goToPage } = useUrlFilters();
  const query = {
    q: params.get('q') ?? undefined,
    theme: params.getAll('theme'),
    status: params.getAll('status') as (typeof callStatuses)[number][],
    commune: params.getAll('commune'),
    page,
    pageSize,
  };
  const list = useApiQuery(callRoutes.list, { query });
  const [q, setQ] = useState(query.q ?? '');
  const [theme, setTheme] = useState(query.theme[0] ?? '');
  const [status, setStatus] = useState(query.status[0] ?? '');
  const [commune, setCommune] = useState<CommuneChoice>({
    code: query.commune[0] ?? null,
    text: query.commune[0] ? (reference.communeName(query.commune[0]) ?? query.commune[0]) : '',
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (theme) next.set('theme', theme);
    if (status) next.set('status', status);
    if (commune.code) next.set('commune', commune.code);
    setParams(next);
  };
  const reset = () => {
    setQ('');
    setTheme('');
    setStatus('');
    setCommune({ code: null, text: '' });
    setParams(new URLSearchParams());
  };

  return (
    <div className="funding-page">
      <header className="page-head">
        <div>
          <h1>{t('funding.call.list.title')}</h1>
          <p className="tagline">{t('funding.call.list.intro')}</p>
        </div>
        {isStaff(role) ? (
          <Link className="button" to="/financements/appels/nouveau">
            {t('funding.call.list.new')}
          </Link>
        ) : null}
      </header>
      <FundingNav />

      <form className="card funding-filters" onSubmit={apply} aria-labelledby="call-filters">
        <h2 id="call-filters" className="visually-hidden">
          {t('funding.call.filter.title')}
        </h2>
        <TextField id="call-q" label={t('funding.call.filter.q')} value={q} onChange={setQ} />
        <Field id="call-theme" label={t('funding.call.filter.theme')}>
          {(control) => (
            <select {...control} value={theme} onChange={(e) => setTheme(e.target.value)}>
              <option value="">{t('funding.call.filter.any')}</option>
              {(reference.data?.themes ?? []).map((th) => (
                <option key={th.id} value={th.id}>
                  {reference.themeLabel(th.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="call-status" label={t('funding.call.filter.status')}>
          {(control) => (
            <select {...control} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('funding.call.filter.any')}</option>
              {callStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`funding.call.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CommuneField id="call-commune" value={commune} onChange={setCommune} />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('funding.call.filter.apply')}
          </button>
          <button type="button" className="link-button" onClick={reset}>
            {t('funding.call.filter.reset')}
          </button>
        </div>
      </form>

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="call-results">
          <h2 id="call-results" className="results-count">
            {tn('funding.call.list.count', list.data.total)}
          </h2>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('funding.call.list.empty')}</p>
          ) : (
            <ul className="funding-cards">
              {list.data.items.map((c) => (
                <li key={c.id} className="card funding-card">
                  <h3>
                    <Link to={`/financements/appels/${c.id}`}>{c.title}</Link>
                  </h3>
                  <p>
                    <CallStatusBadge status={c.status} /> <strong>{dates(c)}</strong>
                  </p>
                  <CallFacts call={c} />
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pages={Math.ceil(list.data.total / pageSize)} hrefFor={pageHref} onPage={goToPage} />
        </section>
      ) : null}
    </div>
  );
}
