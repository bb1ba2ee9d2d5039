import type { FormEvent } from 'react';
import { type ProgrammeDetail, programmeRoutes } from '../../../../src/modules/programmes/contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormStatus, nextKey, RowLabel } from '../parts';
import { RemoveRow, rowFieldShown, useRowsEditor } from './rows';

interface Row {
  id?: string;
  key: number;
  name: string;
  startsOn: string;
  endsOn: string;
  objectives: string;
}

const rowsOf = (p: ProgrammeDetail): Row[] => p.phases.map((ph) => ({ ...ph, key: nextKey() }));

/** The phases, in order, with their dates and objectives; saved together (the server refuses overlaps). */
export function PhasesEditor({ p, onSaved }: { p: ProgrammeDetail; onSaved(p: ProgrammeDetail): void }) {
  const { t } = useI18n();
  const { form, rows, setRow, add, remove, save } = useRowsEditor(p, rowsOf, onSaved);
  const what = t('programme.edit.phase');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      for (const f of ['name', 'startsOn', 'endsOn'] as const) {
        if (!r[f].trim()) found[`phases.${i}.${f}`] = t('programme.form.required');
      }
    });
    if (form.refuse(found)) return;
    const phases = rows.map(({ key: _key, ...r }) => r);
    save(() => callApi(programmeRoutes.putPhases, { params: { id: p.id }, body: { phases } }));
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <p className="hint">{t('programme.edit.phasesHint')}</p>
      <FormStatus form={form} shown={rowFieldShown('phases', ['name', 'startsOn', 'endsOn', 'objectives'])} />
      <ol className="programme-rows">
        {rows.map((r, i) => {
          const n = i + 1;
          const id = `phase-${r.key}`;
          return (
            <li key={r.key} className="programme-row">
              <Field
                id={`${id}-name`}
                label={<RowLabel text={t('programme.edit.phaseName')} what={what} n={n} />}
                required
                error={form.err(`phases.${i}.name`)}
              >
                {(control) => (
                  <input {...control} value={r.name} onChange={(e) => setRow(r.key, { name: e.target.value })} />
                )}
              </Field>
              <div className="grid-2">
                <Field
                  id={`${id}-starts`}
                  label={<RowLabel text={t('programme.form.startsOn')} what={what} n={n} />}
                  required
                  error={form.err(`phases.${i}.startsOn`)}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      value={r.startsOn}
                      onChange={(e) => setRow(r.key, { startsOn: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  id={`${id}-ends`}
                  label={<RowLabel text={t('programme.form.endsOn')} what={what} n={n} />}
                  required
                  error={form.err(`phases.${i}.endsOn`)}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      value={r.endsOn}
                      min={r.startsOn || undefined}
                      onChange={(e) => setRow(r.key, { endsOn: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <Field
                id={`${id}-objectives`}
                label={<RowLabel text={t('programme.edit.phaseObjectives')} what={what} n={n} />}
                error={form.err(`phases.${i}.objectives`)}
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={r.objectives}
                    onChange={(e) => setRow(r.key, { objectives: e.target.value })}
                  />
                )}
              </Field>
              <RemoveRow what={what} n={n} onRemove={() => remove(r.key)} />
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => add({ name: '', startsOn: '', endsOn: '', objectives: '' })}
        >
          {t('programme.edit.addPhase')}
        </button>
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? t('programme.form.saving') : t('programme.form.save')}
        </button>
      </div>
    </form>
  );
}
