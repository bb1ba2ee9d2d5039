import { Link, useSearchParams } from 'react-router';
import { moderationRoutes } from '../../../src/modules/dialogue/moderation/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import './moderation.css';

/** The decisions taken on one content, newest first, with their reasons (staff). */
export function HistoryPage() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('moderation.controls.history'));
  const [params] = useSearchParams();
  const target = params.get('cible') === 'comment' ? 'comment' : 'proposal';
  const id = params.get('id') ?? '';
  const history = useApiQuery(moderationRoutes.history, { query: { target, id } }, { enabled: id !== '' });
  return (
    <div className="moderation-page">
      <h1>{t('moderation.controls.history')}</h1>
      <p>
        <Link to="/moderation">{t('moderation.queue.title')}</Link>
      </p>
      <div aria-live="polite">
        {history.error ? <ApiErrorAlert error={history.error} /> : null}
        {history.loading && !history.data ? <Loading /> : null}
      </div>
      {history.data && history.data.items.length === 0 ? (
        <p className="empty-state">{t('moderation.history.empty')}</p>
      ) : null}
      <ol className="moderation-history">
        {history.data?.items.map((d) => (
          <li key={d.id}>
            {t('moderation.history.by', {
              action: t(`moderation.action.${d.action}`),
              date: formatDateTime(d.decidedAt),
              name: d.decidedByName ?? t('moderation.history.someone'),
              reason: d.reason,
            })}
          </li>
        ))}
      </ol>
    </div>
  );
}
