import { Link, useSearchParams } from 'react-router';
import { listAlliances } from '../../../src/modules/alliances/contract';
import { allianceStatuses } from '../../../src/modules/alliances/vocabulary';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Chip } from '../ui/chips';
import { FilterSelect } from '../ui/FilterGroup';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { pageCount, withPage } from '../ui/ListLayout';
import { Pagination } from '../ui/Pagination';
import { usePageTitle } from '../ui/usePageTitle';
import './alliances.css';

export function AllianceListPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  const ref = useReference();
  const [params, setParams] = useSearchParams();
  const theme = params.get('theme') ?? '';
  const status = (params.get('status') ?? '') as (typeof allianceStatuses)[number] | '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  usePageTitle(t('alliance.list.title'));
  const list = useApiQuery(listAlliances, {
    query: { theme: theme || undefined, status: status || undefined, page, pageSize: 20 },
  });

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <div className="alliances-page">
      <div className="page-head">
        <h1>{t('alliance.list.title')}</h1>
        {isStaff(role) ? (
          <Link className="button" to="/alliances/nouvelle">
            {t('alliance.list.new')}
          </Link>
        ) : null}
      </div>
      <p className="tagline">{t('alliance.list.intro')}</p>
      <form className="alliance-filters" aria-label={t('alliance.list.title')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          look="field"
          id="alliance-theme"
          label={t('alliance.filter.theme')}
          value={theme}
          onChange={(value) => update('theme', value)}
          allLabel={t('alliance.filter.all')}
          options={(ref.data?.themes ?? []).map((th) => ({ value: th.id, label: ref.themeLabel(th.id) }))}
        />
        <FilterSelect
          look="field"
          id="alliance-status"
          label={t('alliance.filter.status')}
          value={status}
          onChange={(value) => update('status', value)}
          allLabel={t('alliance.filter.all')}
          options={allianceStatuses.map((s) => ({ value: s, label: t(`alliance.status.${s}`) }))}
        />
      </form>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data ? (
        <>
          <p className="muted" role="status">
            {tn('alliance.list.count', list.data.total)}
          </p>
          {list.data.items.length === 0 ? (
            <p className="notice">{role ? t('alliance.list.empty') : t('alliance.list.emptyPublic')}</p>
          ) : (
            <ul className="alliance-cards">
              {list.data.items.map((a) => (
                <li key={a.id} className="card">
                  <h2>
                    <Link to={`/alliances/${a.id}`}>{a.name}</Link>
                  </h2>
                  <p className="status-line">
                    <span className="badge">{t(`alliance.status.${a.status}`)}</span>
                    {role ? (
                      <span className={a.published ? 'badge' : 'badge badge-muted'}>
                        {a.published ? t('alliance.published') : t('alliance.unpublished')}
                      </span>
                    ) : null}
                    {a.communeNames.length ? <span className="muted"> {a.communeNames.join(', ')}</span> : null}
                  </p>
                  {a.challenge ? <p>{a.challenge}</p> : null}
                  <p className="muted small">
                    {t('alliance.list.members', {
                      members: a.memberCount,
                      families: a.familyCount,
                      partnerships: a.partnershipCount,
                    })}
                  </p>
                  {a.themes.length ? (
                    <p className="chips">
                      {a.themes.map((th) => (
                        <Chip key={th}>{ref.themeLabel(th)}</Chip>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            pages={pageCount(list.data)}
            onPage={(p) => update('page', String(p))}
            hrefFor={(p) => `?${withPage(params, p).toString()}`}
          />
        </>
      ) : null}
    </div>
  );
}
