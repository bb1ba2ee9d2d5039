import { fieldMessage } from '../../../src/http/messages';
import { passwordSchema } from '../../../src/modules/accounts/contract';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';

export interface PasswordValues {
  password: string;
  confirm: string;
}

/** The messages shown under the two fields, by field. */
export type PasswordErrors = Partial<Record<keyof PasswordValues, string>>;

/** The password rules of the API (passwordSchema), then the confirmation: field → message code. */
function passwordIssues(v: PasswordValues): PasswordErrors {
  const out: PasswordErrors = {};
  const result = passwordSchema.safeParse(v.password);
  if (!result.success) out.password = result.error.issues[0]?.message ?? 'invalid';
  else if (v.confirm !== v.password) out.confirm = 'passwordMismatch';
  return out;
}

/** Checks a new password and its confirmation as the API does: field → message in the current locale. */
export function usePasswordCheck(): (values: PasswordValues) => PasswordErrors {
  const { t, locale } = useI18n();
  return (values) =>
    Object.fromEntries(
      Object.entries(passwordIssues(values)).map(([field, code]) => [
        field,
        code === 'passwordMismatch' ? t('password.mismatch') : fieldMessage(code, locale),
      ]),
    );
}

/**
 * A new password typed twice. The rules are checked on blur; while typing, the errors shown that still hold are
 * updated and the fixed ones disappear (also those the server sent after a refused submit).
 */
export function PasswordFields({
  values,
  onChange,
  errors,
  onErrors,
}: {
  values: PasswordValues;
  onChange(values: PasswordValues): void;
  errors: PasswordErrors;
  onErrors(errors: PasswordErrors): void;
}) {
  const { t } = useI18n();
  const check = usePasswordCheck();
  const change = (next: PasswordValues) => {
    onChange(next);
    if (Object.keys(errors).length === 0) return;
    const now = check(next);
    onErrors(
      Object.fromEntries(Object.keys(errors).flatMap((k) => (k in now ? [[k, now[k as keyof PasswordValues]]] : []))),
    );
  };
  const blur = (field: keyof PasswordValues) => {
    if (field === 'confirm' && !values.confirm) return;
    onErrors({ ...errors, [field]: check(values)[field] });
  };
  return (
    <>
      <Field id="new-password" label={t('password.new')} hint={t('password.hint')} required error={errors.password}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => change({ ...values, password: e.target.value })}
            onBlur={() => blur('password')}
          />
        )}
      </Field>
      <Field id="confirm-password" label={t('password.confirm')} required error={errors.confirm}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={values.confirm}
            onChange={(e) => change({ ...values, confirm: e.target.value })}
            onBlur={() => blur('confirm')}
          />
        )}
      </Field>
    </>
  );
}
