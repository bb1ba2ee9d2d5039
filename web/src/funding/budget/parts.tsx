// Small pieces shared by the budget's components: amounts in table cells, the staff check, a source's
// words, a row's edit and delete buttons.
import { useState } from 'react';
import { staff } from '../../../../src/auth/roles';
import type { SourceView } from '../../../../src/modules/funding/budget/contract';
import { asApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Alert, useErrorText } from '../../ui/feedback';
import './budget.css';
import { Field } from '../../ui/Field';

/** Whether the signed-in user may edit the budget (admins and animators; the steering committee reads). */
export function useCanEdit(): boolean {
  const { role } = useSession();
  return role !== null && (staff as readonly string[]).includes(role);
}

/** An amount in a table cell: right-aligned, French euros. */
export function Money({ value, as: Cell = 'td' }: { value: number; as?: 'td' | 'th' }) {
  const { formatEuros } = useI18n();
  return <Cell className="budget-num">{formatEuros(value)}</Cell>;
}

/** Column headers of amounts, right-aligned like their cells. */
export function AmountHeads({ labels }: { labels: string[] }) {
  return (
    <>
      {labels.map((label) => (
        <th key={label} scope="col" className="budget-num">
          {label}
        </th>
      ))}
    </>
  );
}

/** The figure columns of the budget, in the seeds' order. */
export const figureKeys = ['forecast', 'committed', 'actual', 'funded', 'expected', 'remaining'] as const;

/** « Dossier de financement », « Fonds propres »… and the application's status (« accordé »). */
export function useSourceWords() {
  const { t } = useI18n();
  return {
    kind: (s: Pick<SourceView, 'kind'>) => t(`budget.kind.${s.kind}`),
    status: (s: Pick<SourceView, 'applicationStatus'>) =>
      s.applicationStatus ? t(`budget.status.${s.applicationStatus}`) : null,
  };
}

/** The years of a programme (from its start to its end). */
export function programmeYears(p: { startsOn: string; endsOn: string }): number[] {
  const first = Number(p.startsOn.slice(0, 4));
  const last = Number(p.endsOn.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * Deleting a row through the API after the user confirms it; a failure is kept to be shown above the table. `onDone`
 * reloads the view.
 */
export function useConfirmedRemove(onDone: () => void) {
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async (question: string, call: () => Promise<unknown>) => {
    if (!window.confirm(question)) return;
    setFailure(null);
    try {
      await call();
      onDone();
    } catch (e) {
      setFailure(errorText(asApiError(e)));
    }
  };
  const failureAlert = failure ? <Alert>{failure}</Alert> : null;
  return { failureAlert, remove };
}

/** A row's « Modifier » and « Supprimer » buttons, each named for screen readers with what the row is. */
export function RowActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit(): void;
  onDelete(): void;
}) {
  const { t } = useI18n();
  return (
    <td className="budget-actions">
      <button type="button" className="button button-small button-secondary" aria-label={editLabel} onClick={onEdit}>
        {t('budget.edit')}
      </button>
      <button type="button" className="button button-small button-danger" aria-label={deleteLabel} onClick={onDelete}>
        {t('budget.delete')}
      </button>
    </td>
  );
}

/** The territory of a line or of volunteer hours: one of the programme's, or transversal (empty value). */
export function TerritorySelect({
  id,
  label,
  territories,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  territories: { id: string; name: string }[];
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('budget.transversal')}</option>
          {territories.map((tr) => (
            <option key={tr.id} value={tr.id}>
              {tr.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
