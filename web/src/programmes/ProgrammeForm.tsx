import { type FormEvent, useState } from 'react';
import type { ProgrammeDetail, ProgrammeInput } from '../../../src/modules/programmes/contract';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { FormStatus, useSaveForm } from './parts';

/** A programme's own fields (name, description, dates): creating one, or editing them. */
export function ProgrammeForm({
  initial,
  submitLabel,
  save,
  onSaved,
}: {
  initial?: ProgrammeInput;
  submitLabel: string;
  save(body: ProgrammeInput): Promise<ProgrammeDetail>;
  onSaved(p: ProgrammeDetail): void;
}) {
  const { t } = useI18n();
  const form = useSaveForm();
  const [values, setValues] = useState<ProgrammeInput>(
    initial ?? { name: '', description: '', startsOn: '', endsOn: '' },
  );
  const set = (patch: Partial<ProgrammeInput>) => setValues((v) => ({ ...v, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('programme.form.required');
    if (!values.startsOn) found.startsOn = t('programme.form.required');
    if (!values.endsOn) found.endsOn = t('programme.form.required');
    if (form.refuse(found)) return;
    void form.run(() => save(values), onSaved);
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormStatus form={form} shown={(f) => ['name', 'description', 'startsOn', 'endsOn'].includes(f)} />
      <Field id="programme-name" label={t('programme.form.name')} required error={form.err('name')}>
        {(control) => (
          <input {...control} value={values.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
        )}
      </Field>
      <Field id="programme-description" label={t('programme.form.description')} error={form.err('description')}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={values.description ?? ''}
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </Field>
      <div className="grid-2">
        <Field id="programme-starts" label={t('programme.form.startsOn')} required error={form.err('startsOn')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.startsOn}
              onChange={(e) => set({ startsOn: e.target.value })}
            />
          )}
        </Field>
        <Field id="programme-ends" label={t('programme.form.endsOn')} required error={form.err('endsOn')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.endsOn}
              min={values.startsOn || undefined}
              onChange={(e) => set({ endsOn: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? t('programme.form.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
