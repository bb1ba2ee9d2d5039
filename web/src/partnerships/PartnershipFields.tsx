import type { ReactNode } from 'react';
import { type PartnershipMode, partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Field, FieldError } from '../ui/Field';

/** A partnership's own fields, as typed (dates as `YYYY-MM-DD` or empty). */
export interface PartnershipFieldValues {
  title: string;
  summary: string;
  mode: PartnershipMode;
  themes: string[];
  startsOn: string;
  endsOn: string;
  renewalOn: string;
}

/**
 * The fields a new partnership and an edited one share: title, summary, mode, themes and dates.
 * `partners` stands between the mode and the themes (a new partnership names them), `communes` between the themes
 * and the dates (read only on a new partnership, editable on an existing one).
 */
export function PartnershipFields({
  values,
  onChange,
  errors,
  partners,
  communes,
}: {
  values: PartnershipFieldValues;
  onChange(patch: Partial<PartnershipFieldValues>): void;
  errors: Record<string, string>;
  partners?: ReactNode;
  communes?: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useReference();
  const toggleTheme = (id: string, on: boolean) =>
    onChange({ themes: on ? [...values.themes, id] : values.themes.filter((x) => x !== id) });
  const date = (field: 'startsOn' | 'endsOn' | 'renewalOn', id: string) => (
    <Field id={id} label={t(`partnership.form.${field}`)} error={errors[field]}>
      {(control) => (
        <input {...control} type="date" value={values[field]} onChange={(e) => onChange({ [field]: e.target.value })} />
      )}
    </Field>
  );

  return (
    <>
      <Field id="p-title" label={t('partnership.form.titleField')} error={errors.title} required>
        {(control) => <input {...control} value={values.title} onChange={(e) => onChange({ title: e.target.value })} />}
      </Field>
      <Field
        id="p-summary"
        label={t('partnership.form.summary')}
        hint={t('partnership.form.summaryHint')}
        error={errors.summary}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={values.summary}
            onChange={(e) => onChange({ summary: e.target.value })}
          />
        )}
      </Field>
      <Field id="p-mode" label={t('partnership.form.mode')} error={errors.mode} required>
        {(control) => (
          <select
            {...control}
            value={values.mode}
            onChange={(e) => onChange({ mode: e.target.value as PartnershipMode })}
          >
            {partnershipModes.map((m) => (
              <option key={m} value={m}>
                {t(`mode.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      {partners}

      <fieldset
        className={`theme-choices${errors.themes ? ' field-invalid' : ''}`}
        aria-describedby={errors.themes ? 'p-themes-error' : undefined}
      >
        <legend>{t('partnership.form.themes')}</legend>
        <div className="checkbox-grid">
          {(ref.data?.themes ?? []).map((th) => (
            <label key={th.id} className="checkbox">
              <input
                type="checkbox"
                checked={values.themes.includes(th.id)}
                aria-invalid={errors.themes ? true : undefined}
                onChange={(e) => toggleTheme(th.id, e.target.checked)}
              />
              {ref.themeLabel(th.id)}
            </label>
          ))}
        </div>
        {errors.themes ? <FieldError id="p-themes-error">{errors.themes}</FieldError> : null}
      </fieldset>

      {communes}

      <div className="grid-3">
        {date('startsOn', 'p-starts')}
        {date('endsOn', 'p-ends')}
        {date('renewalOn', 'p-renewal')}
      </div>
    </>
  );
}
