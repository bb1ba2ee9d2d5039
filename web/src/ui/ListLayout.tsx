import { type ReactNode, type Ref, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { Loading } from './feedback';
import { Pagination } from './Pagination';

/** The filters column of a list page; on small screens a button shows or hides it. */
export function FiltersPanel({
  headingId,
  title,
  activeCount,
  clear,
  children,
}: {
  headingId: string;
  title: string;
  /** How many filters are set, said on the toggle button. */
  activeCount?: number;
  /** Set when criteria are applied: a link below the filters clears them. */
  clear: { label: string; onClick(): void } | null;
  children: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <aside className="directory-filters" aria-labelledby={headingId}>
      <div className="filters-head">
        <h2 id={headingId} className="filters-heading">
          {title}
        </h2>
        <button
          type="button"
          className="button button-secondary filters-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('filters.hide') : t('filters.show')}
          {activeCount ? ` (${formatNumber(activeCount)})` : ''}
        </button>
      </div>
      <div id={panelId} className={`filters-panel${open ? ' open' : ''}`}>
        {children}
        {clear ? (
          <button type="button" className="link-button" onClick={clear.onClick}>
            {clear.label}
          </button>
        ) : null}
      </div>
    </aside>
  );
}

/** The heading that counts the results; focused after a page change, read out when it changes. */
export function ResultsHeading({
  id,
  ref,
  children,
}: {
  id: string;
  ref: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <h2 id={id} ref={ref} tabIndex={-1} aria-live="polite" aria-atomic="true">
      {children}
    </h2>
  );
}

/** The number of pages of a list answer. */
export const pageCount = (data: { total: number; pageSize: number }) =>
  Math.max(1, Math.ceil(data.total / data.pageSize));

/** The query string of the same list at another page. */
export function withPage(params: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('page', String(page));
  return next;
}

/**
 * The results of a list page: loading, the empty state (with a button that clears the criteria), the items and the
 * pagination.
 */
export function ResultList<T>({
  data,
  loading,
  className,
  emptyMessage,
  clearLabel,
  onClear,
  renderItem,
  page,
  hrefFor,
  onPage,
}: {
  data: { items: T[]; total: number; pageSize: number } | undefined;
  loading: boolean;
  className?: string;
  emptyMessage: string;
  /** Set when criteria are applied: the empty state then offers to clear them. */
  clearLabel: string | null;
  onClear(): void;
  renderItem(item: T): ReactNode;
  page: number;
  hrefFor(page: number): string;
  onPage(page: number): void;
}) {
  return (
    <div className={className} aria-busy={loading}>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length === 0 ? (
        <div className="empty-state">
          <p>{emptyMessage}</p>
          {clearLabel ? (
            <button type="button" className="button button-secondary" onClick={onClear}>
              {clearLabel}
            </button>
          ) : null}
        </div>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className={`result-list${loading ? ' stale' : ''}`}>{data.items.map(renderItem)}</ul>
      ) : null}
      {data ? <Pagination page={page} pages={pageCount(data)} hrefFor={hrefFor} onPage={onPage} /> : null}
    </div>
  );
}
