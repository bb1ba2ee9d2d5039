// Small pieces shared by the partnership pages.

import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { getPartnership } from '../../../src/modules/partnerships/contract';
import type { PartnershipMode, PartnershipStatus } from '../../../src/modules/partnerships/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Chip } from '../ui/chips';
import { ApiErrorAlert, Loading } from '../ui/feedback';
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

/** A zod issue's message code in the current locale, with its placeholders ({min}, {max}) filled in. */
function issueText(issue: { message: string }, locale: 'fr' | 'en'): string {
  const extra = issue as { minimum?: unknown; maximum?: unknown };
  return fieldMessage(issue.message, locale, { min: extra.minimum, max: extra.maximum });
}

/** Zod issues as the first message of each field, in the current locale; `fieldOf` names the field of a path. */
export function issueErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
  locale: 'fr' | 'en',
  fieldOf: (path: string) => string = (path) => path,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of issues) found[fieldOf(issue.path.join('.'))] ??= issueText(issue, locale);
  return found;
}

/** A partnership's themes as chips, or nothing. */
export function ThemeChips({ themes }: { themes: string[] }) {
  const ref = useReference();
  if (!themes.length) return null;
  return (
    <ul className="chips">
      {themes.map((th) => (
        <li key={th}>
          <Chip>{ref.themeLabel(th)}</Chip>
        </li>
      ))}
    </ul>
  );
}

/**
 * The partnership named by the route's `:id`, and what to show while it is not there: a not-found page (for an id
 * that is not one, or an unknown one), the error, or the loading sign; `pending` is null once it has come.
 */
export function useRoutePartnership() {
  const { id = '' } = useParams();
  const valid = uuidPattern.test(id);
  const detail = useApiQuery(getPartnership, { params: { id } }, { enabled: valid });
  let pending: ReactNode = null;
  if (!valid || detail.error?.status === 404 || detail.error?.status === 400) pending = <PartnershipNotFound />;
  else if (detail.error) pending = <ApiErrorAlert error={detail.error} />;
  else if (!detail.data) pending = <Loading />;
  return { detail, pending };
}

function PartnershipNotFound() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t('partnership.page.notFound')}</h1>
      <p>
        <Link to="/partenariats">{t('partnership.page.back')}</Link>
      </p>
    </div>
  );
}
