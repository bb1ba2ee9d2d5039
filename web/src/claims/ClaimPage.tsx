import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { getActor } from '../../../src/modules/actors/contract';
import { getClaimStatus, requestClaim } from '../../../src/modules/imports/claims/contract';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, fieldTexts, Loading, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import '../auth/auth.css';
import './claims.css';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** /acteurs/:id/revendiquer: asks for a claim link at an address of the organisation's website domain. */
export function ClaimPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  usePageTitle(t('claim.title'));
  const actor = useApiQuery(getActor, { params: { id } });
  const status = useApiQuery(getClaimStatus, { params: { id } });
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, 'claim-failure');

  const error = actor.error ?? status.error;
  if (error) return <ApiErrorAlert error={error} />;
  if (!actor.data || !status.data) return <Loading />;
  const s = status.data;
  const back = (
    <p>
      <Link to={`/acteurs/${id}`}>{t('claim.backToActor')}</Link>
    </p>
  );

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const value = email.trim();
    if (!emailPattern.test(value)) {
      setEmailError(fieldMessage(value ? 'invalidEmail' : 'required', locale));
      focusFirstInvalid();
      return;
    }
    setEmailError(undefined);
    setBusy(true);
    try {
      await callApi(requestClaim, { params: { id }, body: { email: value } });
      setSent(true);
    } catch (err) {
      const apiError = asApiError(err);
      const texts = fieldTexts(apiError, locale);
      setEmailError(texts.email);
      // Issues of the profile itself (its website, already claimed) and the limits not tied to the address typed.
      if (!texts.email) setFailure(errorText(apiError));
      focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page claim-page">
      <h1>{t('claim.title')}</h1>
      <p className="claim-actor">{actor.data.name}</p>
      {!s.imported || s.claimed || s.ended ? (
        <>
          <Alert kind="info">
            {s.claimed || !s.imported
              ? t(s.claimed ? 'claim.alreadyClaimed' : 'claim.notImported')
              : fieldMessage('actorEnded', locale)}
          </Alert>
          {back}
        </>
      ) : s.websiteIssue ? (
        <>
          <p>{t('claim.intro', { name: actor.data.name })}</p>
          <Alert kind="info">{fieldMessage(s.websiteIssue, locale)}</Alert>
          {back}
        </>
      ) : sent ? (
        <>
          <Alert kind="success">{t('claim.sent')}</Alert>
          {back}
        </>
      ) : (
        <>
          <p>{t('claim.intro', { name: actor.data.name })}</p>
          <p>{t('claim.how')}</p>
          <p className="claim-expected">
            {s.expectedDomain ? t('claim.expected', { domain: s.expectedDomain }) : t('claim.expectedHidden')}
          </p>
          {failure ? (
            <div id="claim-failure" tabIndex={-1}>
              <Alert>{failure}</Alert>
            </div>
          ) : null}
          <form ref={formRef} onSubmit={submit} className="card auth-form" noValidate>
            <Field id="claim-email" label={t('claim.email')} hint={t('claim.emailHint')} required error={emailError}>
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="email"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="button button-block" disabled={busy}>
              {t('claim.submit')}
            </button>
          </form>
          <p className="muted">{t('claim.otherWay')}</p>
          {back}
        </>
      )}
    </div>
  );
}
