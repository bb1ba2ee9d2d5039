import { useState } from 'react';
import { privacyRoutes } from '../../../src/modules/privacy/contract';
import type { ConsentScope } from '../../../src/modules/privacy/vocabulary';
import type { ApiError } from '../api/client';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { ConfirmDialog } from './ConfirmDialog';
import { ConsentState } from './ConsentHistory';
import './privacy.css';

/** « Mes données personnelles » on the account page: consents, download, erasure request. */
export function PrivacySection() {
  const { t } = useI18n();
  return (
    <section className="card privacy-section" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('privacy.section.title')}</h2>
      <p className="muted">{t('privacy.section.intro')}</p>
      <MyConsents />
      <h3>{t('privacy.download.title')}</h3>
      <p className="small">{t('privacy.download.intro')}</p>
      <p>
        <a className="button button-secondary" href={privacyRoutes.myPersonalDataHtml.path} download>
          {t('privacy.download.html')}
        </a>{' '}
        <a className="button button-secondary" href={privacyRoutes.myPersonalData.path} download>
          {t('privacy.download.json')}
        </a>
      </p>
      <ErasureRequest />
    </section>
  );
}

function MyConsents() {
  const { t } = useI18n();
  const consents = useApiQuery(privacyRoutes.myConsents, {});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const change = async (scope: ConsentScope, granted: boolean) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      consents.setData(await callApi(privacyRoutes.setMyConsents, { body: { [scope]: granted } }));
      setSaved(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="privacy-consents">
      <legend>{t('privacy.consents.title')}</legend>
      {consents.error ? <ApiErrorAlert error={consents.error} /> : null}
      {!consents.data && consents.loading ? <Loading /> : null}
      {consents.data?.scopes.map((view) => (
        <div key={view.scope} className="privacy-choice">
          <input
            type="checkbox"
            id={`consent-${view.scope}`}
            checked={view.granted}
            disabled={busy}
            onChange={(e) => change(view.scope, e.target.checked)}
          />
          <label htmlFor={`consent-${view.scope}`}>
            {t(`privacy.scope.${view.scope}`)}
            <ConsentState view={view} />
          </label>
        </div>
      ))}
      {error ? <ApiErrorAlert error={error} /> : null}
      <p role="status" className="status-line">
        {saved ? t('privacy.consents.saved') : ''}
      </p>
    </fieldset>
  );
}

function ErasureRequest() {
  const { t, formatDate } = useI18n();
  const requests = useApiQuery(privacyRoutes.myErasureRequests, {});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = requests.data?.items[0];

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await callApi(privacyRoutes.requestErasure, {});
      requests.setData((prev) => ({ items: [created, ...(prev?.items ?? [])] }));
      setConfirming(false);
    } catch (err) {
      setError(asApiError(err));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{t('privacy.erasure.title')}</h3>
      <p className="small">{t('privacy.erasure.intro')}</p>
      {requests.error ? <ApiErrorAlert error={requests.error} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <div aria-live="polite">
        {latest?.status === 'pending' ? (
          <p className="alert alert-info">{t('privacy.erasure.pending', { date: formatDate(latest.createdAt) })}</p>
        ) : null}
        {latest?.status === 'refused' ? (
          <p className="alert alert-warning">
            {t('privacy.erasure.refused', { date: formatDate(latest.createdAt), reason: latest.reason })}
          </p>
        ) : null}
      </div>
      {requests.data && latest?.status !== 'pending' ? (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('privacy.erasure.ask')}
        </button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('privacy.erasure.confirmTitle')}
        confirmLabel={t('privacy.erasure.confirm')}
        busy={busy}
        danger
        onConfirm={send}
        onClose={() => setConfirming(false)}
      >
        <p>{t('privacy.erasure.confirmText')}</p>
      </ConfirmDialog>
    </>
  );
}
