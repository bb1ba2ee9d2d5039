import { useState } from 'react';
import { Link } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { requestPasswordReset } from '../../../src/modules/accounts/contract';
import { asApiError, callApi } from '../api/client';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import './auth.css';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ForgotPasswordPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!emailPattern.test(email.trim())) {
      setError(fieldMessage(email.trim() ? 'invalidEmail' : 'required', locale));
      document.getElementById('forgot-email')?.focus();
      return;
    }
    setBusy(true);
    try {
      await callApi(requestPasswordReset, { body: { email: email.trim() } });
      setSent(true);
    } catch (err) {
      const apiError = asApiError(err);
      const issue = apiError.errors.find((x) => x.field === 'email');
      if (issue) setError(locale === 'fr' ? issue.message : fieldMessage(issue.code, locale));
      else setFailure(errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1>{t('forgot.title')}</h1>
      {sent ? (
        <Alert kind="success">{t('forgot.sent')}</Alert>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          {failure ? <Alert>{failure}</Alert> : null}
          <form onSubmit={submit} className="card auth-form" noValidate>
            <Field id="forgot-email" label={t('login.email')} required error={error}>
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="email"
                  value={email}
                  onChange={(e) => {
                    setEmail(e.target.value);
                    if (error && emailPattern.test(e.target.value.trim())) setError(undefined);
                  }}
                />
              )}
            </Field>
            <button type="submit" className="button button-block" disabled={busy}>
              {t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">{t('forgot.back')}</Link>
      </p>
    </div>
  );
}
