import type { FormEvent } from 'react';
import { type ProgrammeDetail, programmeRoutes } from '../../../../src/modules/programmes/contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormStatus, nextKey } from '../parts';
import { RemoveRow, rowFieldShown, useRowsEditor } from './rows';
import { TerritoryFields, type TerritoryValues, territoryBody } from './TerritoryFields';

const rowsOf = (p: ProgrammeDetail): TerritoryValues[] =>
  p.territories.map((tr) => ({
    id: tr.id,
    key: nextKey(),
    name: tr.name,
    themeId: tr.themeId ?? '',
    themeLabel: tr.themeLabel,
    communes: tr.communes,
  }));

/** The programme's territories: rows added and removed, saved together. */
export function TerritoriesEditor({ p, onSaved }: { p: ProgrammeDetail; onSaved(p: ProgrammeDetail): void }) {
  const { t } = useI18n();
  const { form, rows, setRow, add, remove, save } = useRowsEditor(p, rowsOf, onSaved);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.name.trim()) found[`territories.${i}.name`] = t('programme.form.required');
      if (r.communes.length === 0) found[`territories.${i}.communeCodes`] = t('programme.form.required');
    });
    if (form.refuse(found)) return;
    save(() =>
      callApi(programmeRoutes.putTerritories, {
        params: { id: p.id },
        body: { territories: rows.map(territoryBody) },
      }),
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <p className="hint">{t('programme.edit.territoriesHint')}</p>
      <FormStatus form={form} shown={rowFieldShown('territories', ['name', 'themeId', 'themeLabel', 'communeCodes'])} />
      <ol className="programme-rows">
        {rows.map((r, i) => (
          <li key={r.key} className="programme-row">
            <TerritoryFields
              idPrefix={`territory-${r.key}`}
              n={i + 1}
              value={r}
              onChange={(patch) => setRow(r.key, patch)}
              err={form.err}
              path={`territories.${i}.`}
            />
            <RemoveRow what={t('programme.edit.territory')} n={i + 1} onRemove={() => remove(r.key)} />
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => add({ name: '', themeId: '', themeLabel: '', communes: [] })}
        >
          {t('programme.edit.addTerritory')}
        </button>
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? t('programme.form.saving') : t('programme.form.save')}
        </button>
      </div>
    </form>
  );
}
