import { useState } from 'react';
import type { ProgrammeDetail } from '../../../../src/modules/programmes/contract';
import { useI18n } from '../../i18n';
import { nextKey, useSaveForm } from '../parts';

/**
 * A replace-all row editor of a programme (territories, phases, seats, objectives): its keyed rows, editing, adding
 * and removing one, and saving them all — the saved programme's rows then replace the form's.
 */
export function useRowsEditor<R extends { key: number }>(
  p: ProgrammeDetail,
  rowsOf: (p: ProgrammeDetail) => R[],
  onSaved: (p: ProgrammeDetail) => void,
) {
  const form = useSaveForm();
  const [rows, setRows] = useState(() => rowsOf(p));
  return {
    form,
    rows,
    setRow: (key: number, patch: Partial<R>) =>
      setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r))),
    add: (row: Omit<R, 'key'>) => setRows((rs) => [...rs, { ...row, key: nextKey() } as R]),
    remove: (key: number) => setRows((rs) => rs.filter((r) => r.key !== key)),
    save: (call: () => Promise<ProgrammeDetail>) =>
      void form.run(call, (saved) => {
        setRows(rowsOf(saved));
        onSaved(saved);
      }),
  };
}

/** Whether a server error path (`phases.1.endsOn`) is shown on a field of a row editor (else in the summary). */
export const rowFieldShown =
  (list: string, fields: string[]) =>
  (path: string): boolean => {
    const m = new RegExp(`^${list}\\.\\d+\\.(\\w+)`).exec(path);
    return Boolean(m?.[1] && fields.includes(m[1]));
  };

/** « Retirer », named with its row for screen readers (« Retirer phase 2 »). */
export function RemoveRow({ what, n, onRemove }: { what: string; n: number | string; onRemove(): void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="link-button programme-remove"
      onClick={onRemove}
      aria-label={t('programme.form.removeNamed', { what, n })}
    >
      {t('programme.form.remove')}
    </button>
  );
}
