import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { notificationRoutes } from '../../../src/modules/notifications/contract';
import {
  type NotificationChoice,
  type NotificationKind,
  notificationChoices,
} from '../../../src/modules/notifications/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import './notifications.css';

type Choices = Partial<Record<NotificationKind, NotificationChoice>>;

/**
 * The account page's « Notifications » table: for each kind the user's role receives, off, at once (in Alliances and
 * by e-mail) or in the weekly digest. Only the changed rows are saved; the server records the e-mail consent.
 */
export function NotificationPreferencesSection() {
  const { t } = useI18n();
  const preferences = useApiQuery(notificationRoutes.preferences, {});
  const [choices, setChoices] = useState<Choices>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = preferences.data;

  useEffect(() => {
    if (current) setChoices(Object.fromEntries(current.items.map((p) => [p.kind, p.choice])));
  }, [current]);

  // Reached from a notification's « Choisir comment être prévenu·e » (`/compte#notifications`): scrolled into view.
  const { hash } = useLocation();
  const loaded = current !== undefined;
  useEffect(() => {
    if (loaded && hash === '#notifications') document.getElementById('notifications')?.scrollIntoView();
  }, [loaded, hash]);

  const changed = Object.fromEntries(
    (current?.items ?? []).filter((p) => choices[p.kind] !== p.choice).map((p) => [p.kind, choices[p.kind]]),
  ) as Record<string, NotificationChoice>;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      preferences.setData(await callApi(notificationRoutes.updatePreferences, { body: changed }));
      setSaved(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card notification-preferences" id="notifications" aria-labelledby="notification-prefs-title">
      <h2 id="notification-prefs-title">{t('notifications.prefs.title')}</h2>
      <p>{t('notifications.prefs.intro')}</p>
      {preferences.error ? <ApiErrorAlert error={preferences.error} /> : null}
      {!current && preferences.loading ? <Loading /> : null}
      {current ? (
        <form onSubmit={save}>
          <TableWrap labelledBy="notification-prefs-title">
            <table className="notification-prefs-table">
              <caption className="visually-hidden">{t('notifications.prefs.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('notifications.prefs.kind')}</th>
                  {notificationChoices.map((c) => (
                    <th scope="col" key={c} className="choice-col">
                      {t(`notifications.choice.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {current.items.map((p) => (
                  <tr key={p.kind}>
                    <th scope="row">
                      <span id={`pref-${p.kind}`}>{t(`notifications.kind.${p.kind}`)}</span>
                      <span className="hint block">{t(`notifications.kindHint.${p.kind}`)}</span>
                    </th>
                    {notificationChoices.map((c) => (
                      <td key={c} className="choice-col">
                        <input
                          type="radio"
                          name={`pref-${p.kind}`}
                          value={c}
                          checked={choices[p.kind] === c}
                          aria-label={`${t(`notifications.kind.${p.kind}`)} : ${t(`notifications.choice.${c}`)}`}
                          onChange={() => {
                            setChoices((all) => ({ ...all, [p.kind]: c }));
                            setSaved(false);
                          }}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="small muted">{t('notifications.prefs.privacy')}</p>
          {error ? <ApiErrorAlert error={error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy || Object.keys(changed).length === 0}>
              {t('notifications.prefs.save')}
            </button>
          </div>
          <p role="status" className="status-line">
            {saved ? t('notifications.prefs.saved') : ''}
          </p>
        </form>
      ) : null}
    </section>
  );
}
