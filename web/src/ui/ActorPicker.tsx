import { useState } from 'react';
import { listActors } from '../../../src/modules/actors/contract';
import type { ActorFamily } from '../../../src/modules/reference/families';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Combobox } from './Combobox';
import { useDebounced } from './useDebounced';

export interface ActorChoice {
  id: string | null;
  text: string;
}

/** Chooses an organisation of the directory by name (search on GET /api/v1/actors). */
export function ActorPicker({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  required,
  families,
}: {
  id: string;
  label: string;
  hint?: string;
  value: ActorChoice;
  onChange(value: ActorChoice): void;
  error?: string | undefined;
  required?: boolean;
  /** Only organisations of these families (e.g. public authorities, associations). */
  families?: readonly ActorFamily[];
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(false);
  const q = useDebounced(value.text.trim(), 250);
  const search = useApiQuery(
    listActors,
    { query: { q, pageSize: 8, sort: 'relevance', family: families ? [...families] : undefined } },
    { enabled: typed && q.length > 0 },
  );
  const options = (typed && q.length > 0 ? (search.data?.items ?? []) : []).map((a) => ({
    value: a.id,
    label: a.name,
    detail: [t(`family.${a.family}`), a.communeName].filter(Boolean).join(' · '),
  }));
  return (
    <Combobox
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      inputValue={value.text}
      selected={value.id !== null}
      loading={search.loading}
      options={options}
      onInputChange={(text) => {
        setTyped(true);
        onChange({ id: null, text });
      }}
      onSelect={(option) => onChange({ id: option.value, text: option.label })}
    />
  );
}
