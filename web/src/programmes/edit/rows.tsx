import { useI18n } from '../../i18n';

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
