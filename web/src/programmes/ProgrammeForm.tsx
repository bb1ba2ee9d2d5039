import { type FormEvent, useState } from 'react';
import type { ProgrammeDetail, ProgrammeInput } from '../../../src/modules/programmes/contract';
import { useI18n } from '../i18n';
import { TextField } from '../ui/TextField';
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
      <ProgrammeFields idPrefix="programme" values={values} set={set} err={form.err} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? t('programme.form.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}

interface ProgrammeFieldValues {
  name: string;
  description?: string | undefined;
  startsOn: string;
  /** Absent when the form does not ask for it (a replication's end is computed from its model's). */
  endsOn?: string;
}

/** A programme's name, description and start, with its end when the values hold one: created, edited or replicated. */
export function ProgrammeFields({
  idPrefix,
  values,
  set,
  err,
}: {
  idPrefix: string;
  values: ProgrammeFieldValues;
  set(patch: Partial<ProgrammeFieldValues>): void;
  err(field: string): string | undefined;
}) {
  const { t } = useI18n();
  const starts = (
    <TextField
      id={`${idPrefix}-starts`}
      kind="date"
      label={t('programme.form.startsOn')}
      required
      error={err('startsOn')}
      value={values.startsOn}
      onChange={(startsOn) => set({ startsOn })}
    />
  );
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label={t('programme.form.name')}
        required
        error={err('name')}
        value={values.name}
        maxLength={200}
        onChange={(name) => set({ name })}
      />
      <TextField
        id={`${idPrefix}-description`}
        kind="textarea"
        rows={4}
        label={t('programme.form.description')}
        error={err('description')}
        value={values.description ?? ''}
        onChange={(description) => set({ description })}
      />
      {values.endsOn === undefined ? (
        starts
      ) : (
        <div className="grid-2">
          {starts}
          <TextField
            id={`${idPrefix}-ends`}
            kind="date"
            label={t('programme.form.endsOn')}
            required
            error={err('endsOn')}
            value={values.endsOn}
            min={values.startsOn}
            onChange={(endsOn) => set({ endsOn })}
          />
        </div>
      )}
    </>
  );
}
