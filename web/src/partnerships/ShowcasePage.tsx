import { Link, useSearchParams } from 'react-router';
import { showcasePartnerships } from '../../../src/modules/partnerships/contract';
import { type PartnershipMode, partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { usePageTitle } from '../ui/usePageTitle';
import { ModeBadge, ThemeChips } from './parts';

const pageSize = 24;

/** The public showcase: partnerships every partner agreed to publish; no names of people, no notes, no documents. */
export function ShowcasePage() {
  const { t, tn } = useI18n();
  const ref = useReference();
  usePageTitle(t('partnership.showcase.title'));
  const [params, setParams] = useSearchParams();
  const wanted = params.get('mode') ?? '';
  const mode = (partnershipModes as readonly string[]).includes(wanted) ? (wanted as PartnershipMode) : undefined;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const list = useApiQuery(showcasePartnerships, { query: { mode, page, pageSize } });
  const pages = list.data ? Math.ceil(list.data.total / pageSize) : 0;
  const hrefFor = (p: number) => `?${new URLSearchParams({ ...(mode ? { mode } : {}), page: String(p) }).toString()}`;

  return (
    <div className="partnerships-page">
      <header className="page-head">
        <h1>{t('partnership.showcase.title')}</h1>
        <p className="tagline">{t('partnership.showcase.intro')}</p>
      </header>
      <div className="field showcase-filter">
        <label htmlFor="showcase-mode">{t('partnership.list.mode')}</label>
        <select
          id="showcase-mode"
          value={mode ?? ''}
          onChange={(e) => setParams(e.target.value ? { mode: e.target.value } : {})}
        >
          <option value="">{t('partnership.list.all')}</option>
          {partnershipModes.map((m) => (
            <option key={m} value={m}>
              {t(`mode.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {(!list.data && list.loading) || (!ref.data && !ref.failed) ? <Loading /> : null}
      {list.data && (ref.data || ref.failed) ? (
        <section aria-labelledby="showcase-count">
          <h2 id="showcase-count" className="results-count" aria-live="polite">
            {tn('partnership.list.count', list.data.total)}
          </h2>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('partnership.showcase.empty')}</p>
          ) : (
            <ul className="showcase-grid">
              {list.data.items.map((p) => (
                <li key={p.id} className="card showcase-card">
                  <p>
                    <ModeBadge mode={p.mode} />
                  </p>
                  <h3>
                    <Link to={`/partenariats/${p.id}`}>{p.title}</Link>
                  </h3>
                  <p className="partner-names">
                    <span className="muted">{t('partnership.showcase.with')} </span>
                    {p.partners.map((x, i) => (
                      <span key={x.actorId}>
                        {i > 0 ? ' · ' : ''}
                        <Link to={`/acteurs/${x.actorId}`}>{x.name}</Link>
                      </span>
                    ))}
                  </p>
                  {p.summary ? <p className="showcase-summary">{p.summary}</p> : null}
                  <ThemeChips themes={p.themes} />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            pages={pages}
            onPage={(p) => setParams({ ...(mode ? { mode } : {}), page: String(p) })}
            hrefFor={hrefFor}
          />
        </section>
      ) : null}
    </div>
  );
}
