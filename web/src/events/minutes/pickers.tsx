// Search-as-you-type pickers for what a decision links to: a partnership, a need or offer (their list APIs).
import { useState } from 'react';
import { listNeedOffers } from '../../../../src/modules/needs-offers/contract';
import { listPartnerships } from '../../../../src/modules/partnerships/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import type { ActorChoice } from '../../ui/ActorPicker';
import { Combobox, type ComboOption } from '../../ui/Combobox';
import { useDebounced } from '../../ui/useDebounced';

/** A chosen record (id) or the text typed so far (id null), as ActorPicker's value. */
export type Choice = ActorChoice;
export const noChoice: Choice = { id: null, text: '' };

interface PickerProps {
  id: string;
  label: string;
  value: Choice;
  onChange(value: Choice): void;
  error?: string | undefined;
}

/** The debounced text once the user typed (not a choice shown back), or '' to skip the search. */
function useSearchText(value: Choice, typed: boolean) {
  const q = useDebounced(value.text.trim(), 250);
  return typed && value.id === null ? q : '';
}

function Picker({
  props,
  options,
  loading,
  onTyped,
}: {
  props: PickerProps;
  options: ComboOption[];
  loading: boolean;
  onTyped(): void;
}) {
  const { t } = useI18n();
  return (
    <Combobox
      id={props.id}
      label={props.label}
      hint={t('event-minutes.searchHint')}
      error={props.error}
      inputValue={props.value.text}
      selected={props.value.id !== null}
      loading={loading}
      options={options}
      onInputChange={(text) => {
        onTyped();
        props.onChange({ id: null, text });
      }}
      onSelect={(option) => props.onChange({ id: option.value, text: option.label })}
    />
  );
}

export function PartnershipPicker(props: PickerProps) {
  const [typed, setTyped] = useState(false);
  const q = useSearchText(props.value, typed);
  const search = useApiQuery(listPartnerships, { query: { q, pageSize: 8 } }, { enabled: q.length > 0 });
  const options = q ? (search.data?.items ?? []).map((p) => ({ value: p.id, label: p.title })) : [];
  return <Picker props={props} options={options} loading={search.loading} onTyped={() => setTyped(true)} />;
}

export function NeedOfferPicker(props: PickerProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(false);
  const q = useSearchText(props.value, typed);
  const search = useApiQuery(
    listNeedOffers,
    { query: { q, pageSize: 8, allStatuses: 'true' } },
    { enabled: q.length > 0 },
  );
  const options = q
    ? (search.data?.items ?? []).map((n) => ({
        value: n.id,
        label: n.title,
        detail: t(n.kind === 'need' ? 'event-minutes.need' : 'event-minutes.offer', { title: n.actor.name }),
      }))
    : [];
  return <Picker props={props} options={options} loading={search.loading} onTyped={() => setTyped(true)} />;
}
