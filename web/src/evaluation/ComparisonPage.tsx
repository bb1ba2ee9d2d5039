import { Link, useSearchParams } from 'react-router';
import { evaluationRoutes } from '../../../src/modules/evaluation/contract';
import { type PartnershipMode, partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ModeBadge } from '../partnerships/parts';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { ScoreCells, ScoreHeads } from './parts';
import './evaluation.css';

/** Readers compare the partnerships evaluated a year (`?annee=`, the latest by default), by mode (`?mode=`). */
export function ComparisonPage() {
  const { t } = useI18n();
  usePageTitle(t('evaluation.compare.title'));
  const [search, setSearch] = useSearchParams();
  const year = /^\d{4}$/.test(search.get('annee') ?? '') ? Number(search.get('annee')) : undefined;
  const mode = partnershipModes.find((m) => m === search.get('mode'));
  const comparison = useApiQuery(evaluationRoutes.compare, { query: { year, mode } });
  const choose = (change: { annee?: string; mode?: string }) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
  };
  const data = comparison.data;
  return (
    <div className="evaluation-page">
      <h1>{t('evaluation.compare.title')}</h1>
      <p className="muted">{t('evaluation.compare.intro')}</p>
      {comparison.error ? <ApiErrorAlert error={comparison.error} /> : null}
      {!data && !comparison.error ? <Loading /> : null}
      {data ? (
        data.year === null ? (
          <p className="empty-state">{t('evaluation.compare.empty')}</p>
        ) : (
          <>
            <form
              className="evaluation-inline"
              onSubmit={(e) => e.preventDefault()}
              aria-label={t('evaluation.compare.title')}
            >
              <div className="field">
                <label htmlFor="compare-year">{t('evaluation.year')}</label>
                <select id="compare-year" value={data.year} onChange={(e) => choose({ annee: e.target.value })}>
                  {data.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="compare-mode">{t('evaluation.compare.mode')}</label>
                <select id="compare-mode" value={mode ?? ''} onChange={(e) => choose({ mode: e.target.value })}>
                  <option value="">{t('evaluation.compare.allModes')}</option>
                  {partnershipModes.map((m: PartnershipMode) => (
                    <option key={m} value={m}>
                      {t(`mode.${m}`)}
                    </option>
                  ))}
                </select>
              </div>
            </form>
            {data.rows.length === 0 ? (
              <p className="empty-state">{t('evaluation.compare.emptyFilter')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption>{t('evaluation.compare.caption', { year: data.year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('evaluation.compare.partnership')}</th>
                      <th scope="col">{t('evaluation.responses')}</th>
                      <ScoreHeads />
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((r) => (
                      <tr key={r.evaluationId}>
                        <th scope="row">
                          <Link to={`/partenariats/${r.partnership.id}/evaluation?annee=${r.year}`}>
                            {r.partnership.title}
                          </Link>
                          <br />
                          <ModeBadge mode={r.partnership.mode} />
                        </th>
                        <td>{t('evaluation.responsesOf', { count: r.responses, total: r.partners })}</td>
                        <ScoreCells scores={r.scores} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )
      ) : null}
    </div>
  );
}
