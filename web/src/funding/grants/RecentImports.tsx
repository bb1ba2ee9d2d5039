import { Link } from 'react-router';
import { grantRoutes } from '../../../../src/modules/funding/grants/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { ApiErrorAlert } from '../../ui/feedback';

/** The last files imported, each linked to its report. */
export function RecentImports() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const list = useApiQuery(grantRoutes.listImports, { query: { pageSize: 5 } });
  return (
    <section className="card grants-recent" aria-labelledby="grants-recent-heading">
      <h2 id="grants-recent-heading">{t('grants.imports.title')}</h2>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {list.data?.items.length === 0 ? <p className="muted">{t('grants.imports.empty')}</p> : null}
      <ul>
        {(list.data?.items ?? []).map((i) => (
          <li key={i.id}>
            <Link to={`/financements/subventions/imports/${i.id}`}>{i.fileName}</Link>
            <span className="muted small">
              {' '}
              · {formatDateTime(i.importedAt)} ·{' '}
              {t('grants.imports.summary', {
                imported: formatNumber(i.imported),
                rejected: formatNumber(i.rejected),
                rows: formatNumber(i.rows),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
