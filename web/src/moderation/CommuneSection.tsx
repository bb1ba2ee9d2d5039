import { useState } from 'react';
import { fieldMessage } from '../../../src/http/messages';
import { updateMe } from '../../../src/modules/accounts/contract';
import { asApiError, callApi } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { type CommuneChoice, CommuneField } from '../ui/CommuneField';
import { Alert, fieldTexts, useErrorText } from '../ui/feedback';

/** The account page's « Ma commune » (citizens): set or clear one's commune with PATCH /api/v1/me. */
export function CommuneSection() {
  const { t, locale } = useI18n();
  const { user, refresh } = useSession();
  const errorText = useErrorText();
  const [commune, setCommune] = useState<CommuneChoice>({
    code: user?.communeCode ?? null,
    text: user?.communeName ?? '',
  });
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return null;

  const save = async (code: string | null) => {
    setFailure(null);
    setStatus(null);
    setBusy(true);
    try {
      const me = await callApi(updateMe, { body: { communeCode: code } });
      setCommune({ code: me.communeCode, text: me.communeName ?? '' });
      setError(undefined);
      setStatus(t(code ? 'account.commune.saved' : 'account.commune.cleared'));
      await refresh();
    } catch (err) {
      const apiError = asApiError(err);
      const byField = fieldTexts(apiError, locale);
      if (byField.communeCode) setError(byField.communeCode);
      else setFailure(errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="commune-heading">
      <h2 id="commune-heading">{t('account.commune.title')}</h2>
      <p className="muted small">{t('account.commune.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (commune.text.trim() && !commune.code) {
            setError(fieldMessage('unknownCommune', locale));
            return;
          }
          void save(commune.code);
        }}
      >
        <CommuneField id="account-commune" value={commune} onChange={(v) => setCommune(v)} error={error} />
        <div className="dialog-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('account.commune.save')}
          </button>
          {user.communeCode ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void save(null)}>
              {t('account.commune.clear')}
            </button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite">
        {status ? <Alert kind="success">{status}</Alert> : null}
        {failure ? <Alert>{failure}</Alert> : null}
      </div>
    </section>
  );
}
