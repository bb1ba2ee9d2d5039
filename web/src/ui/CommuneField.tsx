import { useState } from 'react';
import { type CommuneView, searchCommunes } from '../../../src/modules/reference/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Combobox } from './Combobox';
import { useDebounced } from './useDebounced';

export interface CommuneChoice {
  code: string | null;
  /** What the field shows: the chosen commune's name, or the text being typed. */
  text: string;
}

/** A commune chosen by name, postal code or INSEE code, searched on GET /api/v1/communes. */
export function CommuneField({
  id,
  value,
  onChange,
  onBlur,
  error,
}: {
  id: string;
  value: CommuneChoice;
  onChange(value: CommuneChoice, commune?: CommuneView): void;
  onBlur?(): void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(false);
  const q = useDebounced(value.text.trim(), 200);
  const search = useApiQuery(searchCommunes, { query: { q, limit: 8 } }, { enabled: typed && q.length > 0 });
  const options = (typed && q.length > 0 ? (search.data?.items ?? []) : []).map((c) => ({
    value: c.code,
    label: c.name,
    detail: [c.postalCodes.slice(0, 3).join(', '), c.code].filter(Boolean).join(' · '),
    commune: c,
  }));
  return (
    <Combobox
      id={id}
      label={t('field.commune')}
      hint={t('actorForm.communeHint')}
      error={error}
      inputValue={value.text}
      selected={value.code !== null}
      loading={search.loading}
      options={options}
      onInputChange={(text) => {
        setTyped(true);
        onChange({ code: null, text });
      }}
      onSelect={(option) => {
        const chosen = options.find((o) => o.value === option.value);
        onChange({ code: option.value, text: option.label }, chosen?.commune);
      }}
      onBlur={onBlur}
    />
  );
}
