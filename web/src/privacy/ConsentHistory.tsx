import type { ConsentScopeView } from '../../../src/modules/privacy/contract';
import { useI18n } from '../i18n';

/** The consent in force (with its date) and, folded, every record with its source and who recorded it. */
export function ConsentState({ view }: { view: ConsentScopeView }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <span className="hint block">
        {view.at
          ? t(view.granted ? 'privacy.consents.since' : 'privacy.consents.withdrawnSince', {
              date: formatDateTime(view.at),
            })
          : t('privacy.consents.never')}
      </span>
      {view.history.length > 0 ? (
        <details className="small">
          <summary>{t('privacy.consents.history')}</summary>
          <ul>
            {view.history.map((h) => (
              <li key={`${h.at}-${h.granted}`}>
                {formatDateTime(h.at)} — {t(h.granted ? 'privacy.consents.granted' : 'privacy.consents.withdrawn')}
                {h.source ? ` (${h.source})` : ''}
                {h.recordedByName ? ` ${t('privacy.consents.by', { name: h.recordedByName })}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
