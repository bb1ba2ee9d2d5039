import type { ReactNode } from 'react';
import { fieldMessage, fieldMessages, isFieldMessageCode } from '../../../src/http/messages';
import type { ApiError } from '../api/client';
import { type Locale, useI18n } from '../i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function Alert({
  kind = 'error',
  children,
  title,
}: {
  kind?: 'error' | 'success' | 'info' | 'warning';
  children?: ReactNode;
  title?: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

/** A validation issue the server sent about one field. */
export type ServerIssue = { code: string; message: string };

/**
 * The text of a server issue in the locale: in English the text of its code, unless it needs values only the server
 * knew (`{min}`); then, as in French, the server's sentence.
 */
export function serverIssueText(issue: ServerIssue, locale: Locale): string {
  return locale === 'en' && isFieldMessageCode(issue.code) && !fieldMessages[issue.code].en.includes('{')
    ? fieldMessage(issue.code, 'en')
    : issue.message || fieldMessage(issue.code, locale);
}

/** The server's field issues, the first one of each field; `fieldOf` may group paths (`communeCodes.2`). */
export function issuesByField(
  error: ApiError,
  fieldOf: (path: string) => string = (path) => path,
): Record<string, ServerIssue> {
  const byField: Record<string, ServerIssue> = {};
  for (const issue of error.errors) byField[fieldOf(issue.field)] ??= { code: issue.code, message: issue.message };
  return byField;
}

/** The server's field issues as texts in a locale, by field (the first issue of each field). */
export function fieldTexts(error: ApiError, locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(issuesByField(error)).map(([field, issue]) => [field, serverIssueText(issue, locale)]),
  );
}

/** Explains an API failure in the current locale: network, sign-in needed, forbidden, not found, or the title. */
export function useErrorText() {
  const { t, locale } = useI18n();
  return (error: ApiError) => {
    if (error.status === 0) return t('error.network');
    // Field errors not shown on a field (e.g. "you cannot disable your own account"): their messages.
    if (error.errors.length > 0) {
      return error.errors.map((e) => serverIssueText(e, locale)).join(' ');
    }
    if (error.status === 401) return t('error.unauthenticated');
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return t('error.notFound');
    if (error.status === 429) return t('error.tooManyRequests');
    if (error.status >= 500) return t('common.error');
    return locale === 'fr' && error.title ? error.title : t('common.error');
  };
}

export function ApiErrorAlert({ error }: { error: ApiError }) {
  const text = useErrorText();
  return <Alert>{text(error)}</Alert>;
}
