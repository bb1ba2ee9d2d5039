import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference/reference';
import { type CommuneChoice, CommuneField } from '../../ui/CommuneField';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { RowLabel } from '../parts';

export interface TerritoryValues {
  id?: string;
  key: number;
  name: string;
  themeId: string;
  themeLabel: string;
  communes: { code: string; name: string }[];
}

export const territoryBody = (v: TerritoryValues) => ({
  ...(v.id ? { id: v.id } : {}),
  name: v.name,
  themeId: v.themeId || null,
  themeLabel: v.themeLabel,
  communeCodes: v.communes.map((c) => c.code),
});

/**
 * The fields of one territory: name, reference theme (its label filled in when empty), theme label, communes
 * (chosen one by one, shown as removable chips). `path` prefixes the server's error paths (`territories.0.`).
 */
export function TerritoryFields({
  idPrefix,
  n,
  value,
  onChange,
  err,
  path,
}: {
  idPrefix: string;
  n?: number;
  value: TerritoryValues;
  onChange(patch: Partial<TerritoryValues>): void;
  err(field: string): string | undefined;
  path: string;
}) {
  const { t } = useI18n();
  const ref = useReference();
  const [commune, setCommune] = useState<CommuneChoice>({ code: null, text: '' });
  const what = t('programme.edit.territory');
  const label = (text: string) => (n === undefined ? text : <RowLabel text={text} what={what} n={n} />);
  const communesError =
    err(`${path}communeCodes`) ??
    value.communes.map((_, i) => err(`${path}communeCodes.${i}`)).find((m) => m !== undefined);
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label={label(t('programme.edit.territoryName'))}
        required
        error={err(`${path}name`)}
        value={value.name}
        onChange={(name) => onChange({ name })}
      />
      <div className="grid-2">
        <Field id={`${idPrefix}-theme`} label={label(t('programme.edit.themeId'))} error={err(`${path}themeId`)}>
          {(control) => (
            <select
              {...control}
              value={value.themeId}
              onChange={(e) => {
                const themeId = e.target.value;
                onChange(value.themeLabel || !themeId ? { themeId } : { themeId, themeLabel: ref.themeLabel(themeId) });
              }}
            >
              <option value="">{t('programme.edit.noTheme')}</option>
              {(ref.data?.themes ?? []).map((th) => (
                <option key={th.id} value={th.id}>
                  {ref.themeLabel(th.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id={`${idPrefix}-theme-text`}
          label={label(t('programme.edit.themeLabel'))}
          hint={t('programme.edit.themeLabelHint')}
          error={err(`${path}themeLabel`)}
          value={value.themeLabel}
          onChange={(themeLabel) => onChange({ themeLabel })}
        />
      </div>
      <fieldset className="programme-communes">
        <legend>
          {label(t('programme.edit.communes'))}
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        <CommuneField
          id={`${idPrefix}-commune`}
          value={commune}
          error={communesError}
          onChange={(choice) => {
            if (choice.code && !value.communes.some((c) => c.code === choice.code)) {
              onChange({ communes: [...value.communes, { code: choice.code, name: choice.text }] });
              setCommune({ code: null, text: '' });
            } else {
              setCommune(choice);
            }
          }}
        />
        {value.communes.length === 0 ? (
          <p className="muted small">{t('programme.edit.noCommunes')}</p>
        ) : (
          <ul className="programme-chips">
            {value.communes.map((c) => (
              <li key={c.code}>
                <button
                  type="button"
                  className="active-filter"
                  onClick={() => onChange({ communes: value.communes.filter((x) => x.code !== c.code) })}
                >
                  {c.name}
                  <span aria-hidden="true"> ×</span>
                  <span className="visually-hidden"> ({t('programme.edit.communeRemove', { name: c.name })})</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </>
  );
}
