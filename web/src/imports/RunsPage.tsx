import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { importRoutes } from '../../../src/modules/imports/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import { stateOf, useImportFormat } from './format';
import { StartForm } from './StartForm';
import './imports.css';

const pageSize = 50;

export function RunsPage() {
  const { t, tn, formatDateTime } = useI18n();
  const format = useImportFormat();
  usePageTitle(t('import.title'));
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const runs = useApiQuery(importRoutes.listRuns, { query: { page, pageSize } });
  const items = runs.data?.items ?? [];
  const liveRunId = runs.data?.liveRunId ?? null;
  const pages = Math.ceil((runs.data?.total ?? 0) / pageSize);

  // While a run is live, the list follows its counters.
  const { reload, loading } = runs;
  const anyLive = liveRunId !== null;
  useEffect(() => {
    if (!anyLive || loading) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [anyLive, loading, reload]);

  return (
    <div className="admin-page imports-page">
      <div className="page-head">
        <h1>{t('import.title')}</h1>
        <Link to="/admin/imports/rapprochements" className="button button-secondary">
          {t('import.reviewsLink')}
        </Link>
      </div>
      <p className="muted">{t('import.intro')}</p>
      <StartForm liveRunId={liveRunId} />
      <section>
        <h2 id="import-runs-heading">{t('import.runs.title')}</h2>
        {runs.error ? <ApiErrorAlert error={runs.error} /> : null}
        {!runs.data && runs.loading ? <Loading /> : null}
        {runs.data && items.length === 0 ? <p className="muted">{t('import.runs.empty')}</p> : null}
        {items.length > 0 ? (
          <TableWrap labelledBy="import-runs-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('import.runs.date')}</th>
                  <th scope="col">{t('import.runs.source')}</th>
                  <th scope="col">{t('import.runs.file')}</th>
                  <th scope="col">{t('import.runs.scope')}</th>
                  <th scope="col">{t('import.runs.status')}</th>
                  <th scope="col">{t('import.runs.results')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <Link to={`/admin/imports/${run.id}`}>{formatDateTime(run.startedAt)}</Link>
                    </td>
                    <td>{t(`import.source.${run.source}`)}</td>
                    <td className="import-file-name">{run.fileName}</td>
                    <td>{format.scope(run)}</td>
                    <td>
                      <span className={`import-state import-state-${stateOf(run)}`}>{format.state(run)}</span>
                    </td>
                    <td>
                      {[
                        tn('import.runs.created', run.counters.created),
                        tn('import.runs.updated', run.counters.updated),
                        tn('import.runs.rejected', run.counters.rejected),
                      ].join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
        <Pagination
          page={page}
          pages={pages}
          onPage={(p) => setSearch({ page: String(p) })}
          hrefFor={(p) => `?page=${p}`}
        />
      </section>
    </div>
  );
}
