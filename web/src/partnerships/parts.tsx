// Small pieces shared by the partnership pages.

import type { PartnershipMode, PartnershipStatus } from '../../../src/modules/partnerships/vocabulary';
import { useI18n } from '../i18n';
import './partnerships.css';

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ModeBadge({ mode }: { mode: PartnershipMode }) {
  const { t } = useI18n();
  return <span className={`mode-badge mode-${mode}`}>{t(`mode.${mode}`)}</span>;
}

export function StatusBadge({ status }: { status: PartnershipStatus }) {
  const { t } = useI18n();
  return <span className={`status-badge status-${status}`}>{t(`partnership.status.${status}`)}</span>;
}

/** « 1 janvier 2026 → 31 décembre 2026 », or one side, or nothing. */
export function DateRange({ start, end }: { start: string | null; end: string | null }) {
  const { t, formatDate } = useI18n();
  if (!start && !end) return null;
  return (
    <span className="date-range">
      {t('partnership.list.dates', { start: start ? formatDate(start) : '…', end: end ? formatDate(end) : '…' })}
    </span>
  );
}
