import { useState } from 'react';
import { Link } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { citizenSignup } from '../../../src/modules/accounts/contract';
import { asApiError, callApi } from '../api/client';
import { useI18n } from '../i18n';
import { type CommuneChoice, CommuneField } from '../ui/CommuneField';
import { Field } from '../ui/Field';
import { Alert, fieldTexts, useErrorText } from '../ui/feedback';
import { TextField } from '../ui/TextField';
import { usePageTitle } from '../ui/usePageTitle';
import '../auth/auth.css';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const fieldIds: Record<string, string> = {
  email: 'signup-email',
  displayName: 'signup-name',
  communeCode: 'signup-commune',
  acceptsCodeOfConduct: 'signup-accepts',
};

/** A citizen's self sign-up: e-mail, name, commune, the code of conduct accepted; the link to set a password is mailed. */
export function SignupPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  usePageTitle(t('signup.title'));
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [commune, setCommune] = useState<CommuneChoice>({ code: null, text: '' });
  const [accepts, setAccepts] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  /** Typing in a field takes its error away; the next submit checks again. */
  const clear = (field: string) => setErrors(({ [field]: _, ...rest }) => rest);

  const focusFirst = (found: Record<string, string>) => {
    const first = Object.keys(fieldIds).find((f) => found[f]);
    if (first) document.getElementById(fieldIds[first] ?? '')?.focus();
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (!emailPattern.test(email.trim()))
      found.email = fieldMessage(email.trim() ? 'invalidEmail' : 'required', locale);
    if (displayName.trim().length < 2) {
      found.displayName = displayName.trim()
        ? fieldMessage('tooShort', locale, { min: 2 })
        : fieldMessage('required', locale);
    }
    if (commune.text.trim() && !commune.code) found.communeCode = fieldMessage('unknownCommune', locale);
    if (!accepts) found.acceptsCodeOfConduct = fieldMessage('codeOfConductRequired', locale);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      await callApi(citizenSignup, {
        body: {
          email: email.trim(),
          displayName: displayName.trim(),
          communeCode: commune.code,
          acceptsCodeOfConduct: true,
          locale,
        },
      });
      setSent(true);
    } catch (err) {
      const apiError = asApiError(err);
      const byField = fieldTexts(apiError, locale);
      const known = Object.fromEntries(Object.entries(byField).filter(([f]) => f in fieldIds));
      if (Object.keys(known).length > 0) {
        setErrors(known);
        focusFirst(known);
      } else setFailure(errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1>{t('signup.title')}</h1>
      <div aria-live="polite">
        {sent ? <Alert kind="success">{t('signup.sent')}</Alert> : null}
        {failure ? <Alert>{failure}</Alert> : null}
      </div>
      {sent ? null : (
        <>
          <p>{t('signup.intro')}</p>
          <form onSubmit={submit} className="card auth-form" noValidate>
            <Field id="signup-email" label={t('signup.email')} required error={errors.email}>
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="email"
                  value={email}
                  onChange={(e) => {
                    setEmail(e.target.value);
                    clear('email');
                  }}
                />
              )}
            </Field>
            <TextField
              id="signup-name"
              label={t('signup.displayName')}
              hint={t('signup.displayNameHint')}
              required
              maxLength={120}
              value={displayName}
              onChange={(v) => {
                setDisplayName(v);
                clear('displayName');
              }}
              error={errors.displayName}
            />
            <CommuneField
              id="signup-commune"
              value={commune}
              onChange={(v) => setCommune(v)}
              error={errors.communeCode}
            />
            <p className="muted small">{t('signup.communeHint')}</p>
            <div className={`field${errors.acceptsCodeOfConduct ? ' field-invalid' : ''}`}>
              <label className="checkbox-line">
                <input
                  id="signup-accepts"
                  type="checkbox"
                  checked={accepts}
                  aria-invalid={errors.acceptsCodeOfConduct ? true : undefined}
                  aria-describedby={errors.acceptsCodeOfConduct ? 'signup-accepts-error' : undefined}
                  onChange={(e) => {
                    setAccepts(e.target.checked);
                    clear('acceptsCodeOfConduct');
                  }}
                />{' '}
                {/* One flex item, so that the mark stays right after the words. */}
                <span>
                  {t('signup.accepts')}{' '}
                  <span className="required" aria-hidden="true">
                    *
                  </span>
                </span>
              </label>
              {errors.acceptsCodeOfConduct ? (
                <p id="signup-accepts-error" className="field-error">
                  {errors.acceptsCodeOfConduct}
                </p>
              ) : null}
              <p className="small">
                <Link to="/charte" target="_blank" rel="noopener">
                  {t('signup.charterLink')}
                </Link>
              </p>
            </div>
            <button type="submit" className="button button-block" disabled={busy}>
              {t('signup.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">{t('signup.login')}</Link>
      </p>
    </div>
  );
}
