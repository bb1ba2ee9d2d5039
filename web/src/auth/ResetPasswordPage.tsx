import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { resetPassword } from '../../../src/modules/accounts/contract';
import { asApiError, callApi } from '../api/client';
import { useI18n } from '../i18n';
import { Alert, fieldTexts, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import { type PasswordErrors, PasswordFields, type PasswordValues, usePasswordCheck } from './PasswordFields';
import './auth.css';

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  usePageTitle(t('reset.title'));
  const [values, setValues] = useState<PasswordValues>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<PasswordErrors>({});
  const check = usePasswordCheck();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const issues = check(values);
    setErrors(issues);
    if (Object.keys(issues).length) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      await callApi(resetPassword, { body: { token, password: values.password } });
      setDone(true);
    } catch (err) {
      const apiError = asApiError(err);
      const password = fieldTexts(apiError, locale).password;
      if (password) {
        setErrors({ password });
        focusFirstInvalid();
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
            <PasswordFields values={values} onChange={setValues} errors={errors} onErrors={setErrors} />
            <button type="submit" className="button button-block" disabled={busy}>
              {t('reset.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
