import { useState } from 'react';
import { type DeadLetter, mailRoutes } from '../../../src/modules/mail/contract';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import { useUrlFilters } from '../ui/useUrlFilters';

const pageSize = 20;

/**
 * « Courriels non distribués » (admin): the e-mails given up after their delivery attempts, recipients masked, each
 * with the server's last answer and a button that puts it back in the outbox.
 */
export function DeadLettersPage() {
  const { t } = useI18n();
  usePageTitle(t('mail.title'));
  const { page, pageHref, goToPage } = useUrlFilters();
  const list = useApiQuery(mailRoutes.deadLetters, { query: { page, pageSize } });
  const [retried, setRetried] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const retry = async (letter: DeadLetter) => {
    setBusy(letter.id);
    setError(null);
    setRetried(null);
    try {
      await callApi(mailRoutes.retry, { params: { id: letter.id } });
      setRetried(letter.subject);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="dead-letters-page">
      <header className="page-head">
        <div>
          <h1>{t('mail.title')}</h1>
          <p className="tagline">{t('mail.intro')}</p>
        </div>
      </header>
      <p role="status" className="status-line">
        {retried ? t('mail.retried', { subject: retried }) : ''}
      </p>
      <div aria-live="polite">
        {list.error ? <ApiErrorAlert error={list.error} /> : null}
        {error ? <ApiErrorAlert error={error} /> : null}
        {!list.data && list.loading ? <Loading /> : null}
      </div>
      {list.data ? (
        list.data.items.length === 0 ? (
          <p className="empty-state">{t('mail.empty')}</p>
        ) : (
          <>
            <DeadLetterTable items={list.data.items} busy={busy} onRetry={retry} />
            <Pagination
              page={page}
              pages={Math.ceil(list.data.total / pageSize)}
              onPage={goToPage}
              hrefFor={pageHref}
            />
          </>
        )
      ) : null}
    </div>
  );
}

function DeadLetterTable({
  items,
  busy,
  onRetry,
}: {
  items: DeadLetter[];
  busy: string | null;
  onRetry(letter: DeadLetter): void;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <TableWrap labelledBy="dead-letters-caption">
      <table>
        <caption id="dead-letters-caption">{t('mail.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mail.col.subject')}</th>
            <th scope="col">{t('mail.col.recipient')}</th>
            <th scope="col">{t('mail.col.attempts')}</th>
            <th scope="col">{t('mail.col.lastError')}</th>
            <th scope="col">{t('mail.col.dates')}</th>
            <th scope="col">{t('mail.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.subject}</th>
              <td>{d.recipient}</td>
              <td>{d.attempts}</td>
              <td className="small">{d.lastError ?? '—'}</td>
              <td className="small">
                {t('mail.queuedAt', { date: formatDateTime(d.createdAt) })}
                <br />
                {t('mail.deadAt', { date: formatDateTime(d.deadAt) })}
              </td>
              <td>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onRetry(d)}
                  disabled={busy !== null}
                  aria-busy={busy === d.id}
                  aria-label={t('mail.retryLabel', { subject: d.subject })}
                >
                  {t('mail.retry')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
