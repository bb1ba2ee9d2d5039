import type { FormEvent } from 'react';
import { type ProgrammeDetail, programmeRoutes } from '../../../../src/modules/programmes/contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { TextField } from '../../ui/TextField';
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
          const label = (text: string) => <RowLabel text={text} what={what} n={n} />;
          return (
            <li key={r.key} className="programme-row">
              <TextField
                id={`${id}-name`}
                label={label(t('programme.edit.phaseName'))}
                required
                error={form.err(`phases.${i}.name`)}
                value={r.name}
                onChange={(name) => setRow(r.key, { name })}
              />
              <div className="grid-2">
                <TextField
                  id={`${id}-starts`}
                  kind="date"
                  label={label(t('programme.form.startsOn'))}
                  required
                  error={form.err(`phases.${i}.startsOn`)}
                  value={r.startsOn}
                  onChange={(startsOn) => setRow(r.key, { startsOn })}
                />
                <TextField
                  id={`${id}-ends`}
                  kind="date"
                  label={label(t('programme.form.endsOn'))}
                  required
                  error={form.err(`phases.${i}.endsOn`)}
                  value={r.endsOn}
                  min={r.startsOn}
                  onChange={(endsOn) => setRow(r.key, { endsOn })}
                />
              </div>
              <TextField
                id={`${id}-objectives`}
                kind="textarea"
                label={label(t('programme.edit.phaseObjectives'))}
                error={form.err(`phases.${i}.objectives`)}
                value={r.objectives}
                onChange={(objectives) => setRow(r.key, { objectives })}
              />
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
