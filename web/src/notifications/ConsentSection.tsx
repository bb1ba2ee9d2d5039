import { useEffect, useId, useState } from 'react';
import { useLocation } from 'react-router';
import { notificationRoutes } from '../../../src/modules/notifications/contract';
import { type NotificationChoice, notificationChoices } from '../../../src/modules/notifications/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import './notifications.css';

/**
 * The account page's « Être prévenu·e des mises en relation »: off (the default, until one consents), at once, or
 * with a weekly digest by e-mail.
 */
export function NotificationConsentSection() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const errorText = useErrorText();
  const name = useId();
  const settings = useApiQuery(notificationRoutes.settings, {});
  const [choice, setChoice] = useState<NotificationChoice>('off');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = settings.data;

  useEffect(() => {
    if (current) setChoice(current.matching);
  }, [current]);

  // Reached from a notification's « Choisir comment être prévenu·e » (`/compte#notifications`): scrolled into view.
  const { hash } = useLocation();
  const loaded = current !== undefined;
  useEffect(() => {
    if (loaded && hash === '#notifications') document.getElementById('notifications')?.scrollIntoView();
  }, [loaded, hash]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      settings.setData(await callApi(notificationRoutes.updateSettings, { body: { matching: choice } }));
      setSaved(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card notification-consent" id="notifications" aria-labelledby="notification-consent-title">
      <h2 id="notification-consent-title">{t('notifications.consent.title')}</h2>
      <p>{t('notifications.consent.intro')}</p>
      {user && (user.role !== 'member' || !user.actorId) ? (
        <p className="muted small">{t('notifications.consent.membersOnly')}</p>
      ) : null}
      {settings.error ? <ApiErrorAlert error={settings.error} /> : null}
      {!current && settings.loading ? <Loading /> : null}
      {current ? (
        <form onSubmit={save}>
          <fieldset className="consent-choices">
            <legend>{t('notifications.consent.legend')}</legend>
            {notificationChoices.map((c) => (
              <div key={c} className="consent-choice">
                <input
                  type="radio"
                  id={`${name}-${c}`}
                  name={name}
                  value={c}
                  checked={choice === c}
                  aria-describedby={`${name}-${c}-hint`}
                  onChange={() => {
                    setChoice(c);
                    setSaved(false);
                  }}
                />
                <label htmlFor={`${name}-${c}`}>
                  {t(`notifications.consent.${c}`)}
                  <span className="hint block" id={`${name}-${c}-hint`}>
                    {t(`notifications.consent.${c}Hint`)}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          <p className="small muted">{t('notifications.consent.privacy')}</p>
          {current.consentedAt && current.matching !== 'off' ? (
            <p className="small">{t('notifications.consent.since', { date: formatDate(current.consentedAt) })}</p>
          ) : null}
          {error ? <Alert>{errorText(error)}</Alert> : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('notifications.consent.save')}
            </button>
          </div>
          <p role="status" className="status-line">
            {saved ? t('notifications.consent.saved') : ''}
          </p>
        </form>
      ) : null}
    </section>
  );
}
