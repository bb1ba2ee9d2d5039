// Small pieces shared by the budget's components: amounts in table cells, the staff check, a source's words.
import { staff } from '../../../../src/auth/roles';
import type { SourceView } from '../../../../src/modules/funding/budget/contract';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import './budget.css';

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
