import type { ReactNode } from 'react';
import type { ProgrammeDetail } from '../../../../src/modules/programmes/contract';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';

/** One of the programme's territories, or none (value ''). */
export function TerritorySelect({
  id,
  label,
  p,
  value,
  onChange,
  error,
}: {
  id: string;
  label: ReactNode;
  p: Pick<ProgrammeDetail, 'territories'>;
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('programme.action.noneM')}</option>
          {p.territories.map((tr) => (
            <option key={tr.id} value={tr.id}>
              {tr.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One of the programme's phases, or none (value ''). */
export function PhaseSelect({
  id,
  label,
  p,
  value,
  onChange,
  error,
  noneLabel,
}: {
  id: string;
  label: ReactNode;
  p: Pick<ProgrammeDetail, 'phases'>;
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
  noneLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{noneLabel ?? t('programme.action.none')}</option>
          {p.phases.map((ph) => (
            <option key={ph.id} value={ph.id}>
              {ph.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
