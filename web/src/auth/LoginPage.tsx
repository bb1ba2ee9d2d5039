import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { asApiError } from '../api/client';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { useSession } from './session';
import './auth.css';

/** Only paths of this site are followed after signing in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t, locale } = useI18n();
  const { login, user, ready } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const errorText = useErrorText();
  usePageTitle(t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError(fieldMessage('badCredentials', locale));
      return;
    }
    setBusy(true);
    try {
      await login(email.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.status === 429) {
        setError(locale === 'fr' && apiError.title ? apiError.title : t('error.tooManyRequests'));
      } else if (apiError.status === 401 || apiError.status === 400 || apiError.status === 422) {
        setError(fieldMessage('badCredentials', locale));
      } else {
        setError(errorText(apiError));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1>{t('login.title')}</h1>
      {ready && user ? <Alert kind="info">{t('login.already', { name: user.displayName })}</Alert> : null}
      {error ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </div>
      ) : null}
      <form onSubmit={submit} className="card auth-form" noValidate>
        <Field id="login-email" label={t('login.email')}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="login-password" label={t('login.password')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-block" disabled={busy}>
          {t('login.submit')}
        </button>
        <p className="auth-links">
          <Link to="/mot-de-passe-oublie">{t('login.forgot')}</Link>
        </p>
      </form>
      <p className="muted small">{t('login.invitationOnly')}</p>
      <p>
        <Link to="/inscription">{t('signup.fromLogin')}</Link>
      </p>
    </div>
  );
}
