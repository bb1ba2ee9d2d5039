import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { acceptInvitation, getInvitation } from '../../../src/modules/accounts/contract';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { PasswordFields, type PasswordValues, passwordIssues, remainingIssues } from './PasswordFields';
import { useSession } from './session';
import './auth.css';

export function InvitationPage() {
  const { token = '' } = useParams();
  const { t, locale } = useI18n();
  const { apply } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  usePageTitle(t('invitation.title'));
  const validToken = token.length >= 10 && token.length <= 200;
  const invitation = useApiQuery(getInvitation, { params: { token } }, { enabled: validToken });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [passwords, setPasswords] = useState<PasswordValues>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof PasswordValues, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const nameIssue = (v: string) => (v.trim().length < 2 ? (v.trim() ? 'tooShort' : 'required') : undefined);

  if (!validToken || invitation.error) {
    return (
      <div className="auth-page">
        <h1>{t('invitation.title')}</h1>
        <Alert>
          {!validToken ||
          invitation.error?.status === 404 ||
          invitation.error?.status === 400 ||
          invitation.error?.status === 422
            ? fieldMessage('tokenInvalid', locale)
            : invitation.error
              ? errorText(invitation.error)
              : null}
        </Alert>
        <p>
          <Link to="/connexion">{t('nav.login')}</Link>
        </p>
      </div>
    );
  }
  if (!invitation.data) return <Loading />;
  const offer = invitation.data;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const issues = passwordIssues(passwords);
    const nIssue = nameIssue(name);
    setErrors(issues);
    setNameError(nIssue);
    if (nIssue || Object.keys(issues).length) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const session = await callApi(acceptInvitation, {
        body: { token, displayName: name.trim(), password: passwords.password },
      });
      apply(session);
      navigate('/', { replace: true });
    } catch (err) {
      const apiError = asApiError(err);
      const byField = Object.fromEntries(apiError.errors.map((x) => [x.field, x.code]));
      if (byField.password) setErrors({ password: byField.password });
      if (byField.displayName) setNameError(byField.displayName);
      if (byField.token || apiError.code === 'tokenInvalid') setFailure(fieldMessage('tokenInvalid', locale));
      else if (!byField.password && !byField.displayName) setFailure(errorText(apiError));
      setFocusRequest((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1>{t('invitation.title')}</h1>
      <div className="card invitation-offer">
        <p>{t('invitation.intro')}</p>
        <dl className="facts">
          <div>
            <dt>{t('invitation.email')}</dt>
            <dd>{offer.email}</dd>
          </div>
          <div>
            <dt>{t('invitation.role')}</dt>
            <dd>{t(`role.${offer.role}`)}</dd>
          </div>
          {offer.actorName ? (
            <div>
              <dt>{t('invitation.organisation')}</dt>
              <dd>{offer.actorName}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      {failure ? <Alert>{failure}</Alert> : null}
      <form ref={formRef} onSubmit={submit} className="card auth-form" noValidate>
        <Field
          id="invitation-name"
          label={t('invitation.name')}
          hint={t('invitation.nameHint')}
          required
          error={nameError ? fieldMessage(nameError, locale, { min: 2 }) : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                if (nameError && !nameIssue(e.target.value)) setNameError(undefined);
              }}
              onBlur={() => setNameError(nameIssue(name))}
            />
          )}
        </Field>
        <PasswordFields
          values={passwords}
          onChange={(v) => {
            setPasswords(v);
            if (Object.keys(errors).length) setErrors((prev) => remainingIssues(prev, v));
          }}
          errors={errors}
          onBlur={(field) => {
            const now = passwordIssues(passwords);
            if (field === 'confirm' && !passwords.confirm) return;
            setErrors((prev) => ({ ...prev, [field]: now[field] }));
          }}
        />
        <button type="submit" className="button button-block" disabled={busy}>
          {t('invitation.submit')}
        </button>
      </form>
    </div>
  );
}
