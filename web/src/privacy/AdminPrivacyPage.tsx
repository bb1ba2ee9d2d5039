import { useState } from 'react';
import { fieldMessage } from '../../../src/http/messages';
import { type ErasureQueueItem, erasureReasonMax, privacyRoutes } from '../../../src/modules/privacy/contract';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { TextField } from '../ui/TextField';
import { usePageTitle } from '../ui/usePageTitle';
import { ConfirmDialog } from './ConfirmDialog';
import { RetentionReview } from './RetentionReview';
import '../admin/admin.css';
import './privacy.css';

/** `/admin/donnees-personnelles` (staff): erasure requests to decide, and the retention review. */
export function AdminPrivacyPage() {
  const { t } = useI18n();
  usePageTitle(t('privacy.admin.title'));
  return (
    <div className="admin-page">
      <h1>{t('privacy.admin.title')}</h1>
      <p className="muted">{t('privacy.admin.intro')}</p>
      <ErasureRequests />
      <RetentionReview />
    </div>
  );
}

type Pending = { item: ErasureQueueItem; decision: 'erase' | 'refuse' } | null;

function ErasureRequests() {
  const { t, locale, formatDate } = useI18n();
  const errorText = useErrorText();
  const [status, setStatus] = useState<'pending' | 'decided'>('pending');
  const queue = useApiQuery(privacyRoutes.erasureQueue, { query: { status } });
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const open = (item: ErasureQueueItem, decision: 'erase' | 'refuse') => {
    setPending({ item, decision });
    setReason('');
    setReasonError(undefined);
    setNotice(null);
    setFailure(null);
  };

  const decide = async () => {
    if (!pending) return;
    if (pending.decision === 'refuse' && !reason.trim()) {
      setReasonError(fieldMessage('required', locale));
      return;
    }
    setBusy(true);
    try {
      await callApi(privacyRoutes.decideErasure, {
        params: { id: pending.item.id },
        body: { decision: pending.decision, reason: reason.trim() },
      });
      setNotice(t(pending.decision === 'erase' ? 'privacy.admin.erased' : 'privacy.admin.refused'));
      setPending(null);
      queue.reload();
    } catch (err) {
      setFailure(errorText(asApiError(err)));
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  const items = queue.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="erasure-requests-title">
      <h2 id="erasure-requests-title">{t('privacy.admin.requests')}</h2>
      <nav className="privacy-tabs" aria-label={t('privacy.admin.requests')}>
        {(['pending', 'decided'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className="link-button"
            aria-pressed={status === s}
            onClick={() => setStatus(s)}
          >
            {t(`privacy.admin.${s}`)}
          </button>
        ))}
      </nav>
      <div aria-live="polite">
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        {failure ? <Alert>{failure}</Alert> : null}
      </div>
      {queue.error ? <ApiErrorAlert error={queue.error} /> : null}
      {!queue.data && queue.loading ? <Loading /> : null}
      {queue.data && items.length === 0 ? (
        <p className="empty-state">
          {t(status === 'pending' ? 'privacy.admin.noRequests' : 'privacy.admin.noDecided')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <TableWrap labelledBy="erasure-requests-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('privacy.admin.person')}</th>
                <th scope="col">{t('privacy.admin.email')}</th>
                <th scope="col">{t('privacy.admin.role')}</th>
                <th scope="col">{t('privacy.admin.askedOn')}</th>
                <th scope="col">{status === 'pending' ? t('common.actions') : t('privacy.admin.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.displayName}</td>
                  <td>{item.email}</td>
                  <td>{t(`role.${item.role}`)}</td>
                  <td>{formatDate(item.createdAt)}</td>
                  <td>
                    {item.status === 'pending' ? (
                      <>
                        <button type="button" className="button button-danger" onClick={() => open(item, 'erase')}>
                          {t('privacy.admin.erase')}
                        </button>{' '}
                        <button type="button" className="button button-secondary" onClick={() => open(item, 'refuse')}>
                          {t('privacy.admin.refuse')}
                        </button>
                      </>
                    ) : (
                      <>
                        {t(`privacy.admin.status.${item.status}`)}
                        {item.decidedAt ? ` — ${formatDate(item.decidedAt)}` : ''}
                        {item.decidedByName ? `, ${item.decidedByName}` : ''}
                        {item.reason ? ` : ${item.reason}` : ''}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.decision === 'refuse'
            ? t('privacy.admin.refuseTitle', { name: pending.item.displayName })
            : t('privacy.admin.confirmErase', { name: pending?.item.displayName ?? '' })
        }
        confirmLabel={t(pending?.decision === 'refuse' ? 'privacy.admin.refuse' : 'privacy.admin.erase')}
        danger={pending?.decision === 'erase'}
        busy={busy}
        onConfirm={decide}
        onClose={() => setPending(null)}
      >
        {pending?.decision === 'refuse' ? (
          <TextField
            id="erasure-refusal-reason"
            label={t('privacy.admin.reason')}
            kind="textarea"
            required
            maxLength={erasureReasonMax}
            value={reason}
            onChange={(v) => {
              setReason(v);
              if (v.trim()) setReasonError(undefined);
            }}
            error={reasonError}
          />
        ) : (
          <p>{t('privacy.admin.confirmEraseText')}</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
