import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { asApiError } from '../api/client';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, fieldTexts, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { type PasswordErrors, PasswordFields, type PasswordValues, usePasswordCheck } from './PasswordFields';
import { type SessionView, useSession } from './session';

/**
 * The name and password of an account a single-use link creates (an accepted invitation, a claim): checked as the
 * API does, sent by `create`, then the new session is adopted and the browser goes to `then`.
 */
export function NewAccountForm({
  create,
  then,
  initialName = '',
}: {
  create(values: { displayName: string; password: string }): Promise<SessionView>;
  then: string;
  /** The name given earlier (a citizen's sign-up), to start from. */
  initialName?: string;
}) {
  const { t, locale } = useI18n();
  const { apply } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const checkPasswords = usePasswordCheck();
  const [name, setName] = useState(initialName);
  const [nameError, setNameError] = useState<string | undefined>();
  const [passwords, setPasswords] = useState<PasswordValues>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  const nameIssue = (v: string) =>
    v.trim().length < 2 ? fieldMessage(v.trim() ? 'tooShort' : 'required', locale, { min: 2 }) : undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const issues = checkPasswords(passwords);
    const nIssue = nameIssue(name);
    setErrors(issues);
    setNameError(nIssue);
    if (nIssue || Object.keys(issues).length) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      apply(await create({ displayName: name.trim(), password: passwords.password }));
      navigate(then, { replace: true });
    } catch (err) {
      const apiError = asApiError(err);
      const texts = fieldTexts(apiError, locale);
      if (texts.password) setErrors({ password: texts.password });
      if (texts.displayName) setNameError(texts.displayName);
      if (texts.token) setFailure(texts.token);
      else if (!texts.password && !texts.displayName) setFailure(errorText(apiError));
      focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {failure ? <Alert>{failure}</Alert> : null}
      <form ref={formRef} onSubmit={submit} className="card auth-form" noValidate>
        <Field
          id="invitation-name"
          label={t('invitation.name')}
          hint={t('invitation.nameHint')}
          required
          error={nameError}
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
        <PasswordFields values={passwords} onChange={setPasswords} errors={errors} onErrors={setErrors} />
        <button type="submit" className="button button-block" disabled={busy}>
          {t('invitation.submit')}
        </button>
      </form>
    </>
  );
}
