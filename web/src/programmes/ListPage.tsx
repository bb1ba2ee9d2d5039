import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { ProgrammeForm } from './ProgrammeForm';
import { usePeriod } from './parts';

/** The programmes, with their territories and current phase; staff may start a new one. */
export function ListPage() {
  const { t, tn } = useI18n();
  const { role } = useSession();
  const navigate = useNavigate();
  const period = usePeriod();
  usePageTitle(t('programme.list.title'));
  const list = useApiQuery(programmeRoutes.list, {});
  const [creating, setCreating] = useState(false);

  return (
    <div className="programmes-page">
      <header className="page-head">
        <div>
          <h1>{t('programme.list.title')}</h1>
          <p className="tagline">{t('programme.list.intro')}</p>
        </div>
        {isStaff(role) && !creating ? (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('programme.list.new')}
          </button>
        ) : null}
      </header>

      {creating ? (
        <section className="card" aria-labelledby="programme-new">
          <h2 id="programme-new">{t('programme.form.newTitle')}</h2>
          <ProgrammeForm
            submitLabel={t('programme.form.create')}
            save={(body) => callApi(programmeRoutes.create, { body })}
            onSaved={(p) => navigate(`/programmes/${p.id}/modifier`)}
          />
          <button type="button" className="link-button" onClick={() => setCreating(false)}>
            {t('programme.action.cancel')}
          </button>
        </section>
      ) : null}

      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="programme-results">
          <h2 id="programme-results" className="results-count">
            {tn('programme.list.count', list.data.items.length)}
          </h2>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('programme.list.empty')}</p>
          ) : (
            <ul className="programme-cards">
              {list.data.items.map((p) => (
                <li key={p.id} className="card programme-card">
                  <h3>
                    <Link to={`/programmes/${p.id}`}>{p.name}</Link>
                  </h3>
                  <p className="programme-dates">{period(p.startsOn, p.endsOn)}</p>
                  {p.replicatedFrom ? (
                    <p className="muted small">{t('programme.list.replicatedFrom', { name: p.replicatedFrom.name })}</p>
                  ) : null}
                  <dl className="facts">
                    <div>
                      <dt>{t('programme.list.currentPhase')}</dt>
                      <dd>{p.currentPhase ? p.currentPhase.name : t('programme.list.noCurrentPhase')}</dd>
                    </div>
                    {p.territories.length ? (
                      <div>
                        <dt>{t('programme.list.territories')}</dt>
                        <dd>
                          <ul className="programme-inline-list">
                            {p.territories.map((tr) => (
                              <li key={tr.id}>
                                {tr.name}
                                {tr.themeLabel ? <span className="muted"> — {tr.themeLabel}</span> : null}
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
