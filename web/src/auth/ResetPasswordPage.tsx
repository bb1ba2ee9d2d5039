import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { resetPassword } from '../../../src/modules/accounts/contract';
import { asApiError, callApi } from '../api/client';
import { useI18n } from '../i18n';
import { Alert, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { PasswordFields, type PasswordValues, passwordIssues, remainingIssues } from './PasswordFields';
import './auth.css';

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  usePageTitle(t('reset.title'));
  const [values, setValues] = useState<PasswordValues>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof PasswordValues, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const issues = passwordIssues(values);
    setErrors(issues);
    if (Object.keys(issues).length) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await callApi(resetPassword, { body: { token, password: values.password } });
      setDone(true);
    } catch (err) {
      const apiError = asApiError(err);
      const password = apiError.errors.find((x) => x.field === 'password');
      if (password) {
        setErrors({ password: password.code });
        setFocusRequest((n) => n + 1);
      } else if (apiError.status === 400 || apiError.status === 404 || apiError.status === 422) {
        setFailure(fieldMessage('tokenInvalid', locale));
      } else {
        setFailure(errorText(apiError));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1>{t('reset.title')}</h1>
      {done ? (
        <>
          <Alert kind="success">{t('reset.done')}</Alert>
          <p>
            <Link to="/connexion">{t('nav.login')}</Link>
          </p>
        </>
      ) : (
        <>
          {failure ? <Alert>{failure}</Alert> : null}
          <form ref={formRef} onSubmit={submit} className="card auth-form" noValidate>
            <PasswordFields
              values={values}
              onChange={(v) => {
                setValues(v);
                if (Object.keys(errors).length) setErrors((prev) => remainingIssues(prev, v));
              }}
              errors={errors}
              onBlur={(field) => {
                if (field === 'confirm' && !values.confirm) return;
                const now = passwordIssues(values);
                setErrors((prev) => ({ ...prev, [field]: now[field] }));
              }}
            />
            <button type="submit" className="button button-block" disabled={busy}>
              {t('reset.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
