import { fieldMessage } from '../../../src/http/messages';
import { passwordSchema } from '../../../src/modules/accounts/contract';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';

export interface PasswordValues {
  password: string;
  confirm: string;
}

/** The password rules of the API (passwordSchema), then the confirmation: field → message code. */
export function passwordIssues(v: PasswordValues): Partial<Record<keyof PasswordValues, string>> {
  const out: Partial<Record<keyof PasswordValues, string>> = {};
  const result = passwordSchema.safeParse(v.password);
  if (!result.success) out.password = result.error.issues[0]?.message ?? 'invalid';
  else if (v.confirm !== v.password) out.confirm = 'passwordMismatch';
  return out;
}

/** While typing: the errors already shown that still hold, with their current message; fixed ones disappear. */
export function remainingIssues<E extends Partial<Record<string, string>>>(shown: E, values: PasswordValues): E {
  const now = passwordIssues(values);
  return Object.fromEntries(
    Object.keys(shown).flatMap((k) => (now[k as keyof PasswordValues] ? [[k, now[k as keyof PasswordValues]]] : [])),
  ) as E;
}

/** A new password typed twice, with the API's rules checked on blur. */
export function PasswordFields({
  values,
  onChange,
  errors,
  onBlur,
}: {
  values: PasswordValues;
  onChange(values: PasswordValues): void;
  errors: Partial<Record<keyof PasswordValues, string>>;
  onBlur(field: keyof PasswordValues): void;
}) {
  const { t, locale } = useI18n();
  const message = (code: string | undefined) =>
    code === undefined ? undefined : code === 'passwordMismatch' ? t('password.mismatch') : fieldMessage(code, locale);
  return (
    <>
      <Field
        id="new-password"
        label={t('password.new')}
        hint={t('password.hint')}
        required
        error={message(errors.password)}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => onChange({ ...values, password: e.target.value })}
            onBlur={() => onBlur('password')}
          />
        )}
      </Field>
      <Field id="confirm-password" label={t('password.confirm')} required error={message(errors.confirm)}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={values.confirm}
            onChange={(e) => onChange({ ...values, confirm: e.target.value })}
            onBlur={() => onBlur('confirm')}
          />
        )}
      </Field>
    </>
  );
}
