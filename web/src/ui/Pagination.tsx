import { useI18n } from '../i18n';

/** Page numbers around the current one, with the first and last, and gaps between. */
export function pageWindow(page: number, pages: number): (number | 'gap')[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last > 1) out.push('gap');
    out.push(p);
  }
  return out;
}

export function Pagination({
  page,
  pages,
  onPage,
  hrefFor,
}: {
  page: number;
  pages: number;
  onPage(page: number): void;
  hrefFor(page: number): string;
}) {
  const { t, formatNumber } = useI18n();
  if (pages <= 1) return null;
  const link = (p: number, label: string, extra?: { rel?: string; ariaLabel?: string; current?: boolean }) => (
    <a
      href={hrefFor(p)}
      rel={extra?.rel}
      aria-label={extra?.ariaLabel}
      aria-current={extra?.current ? 'page' : undefined}
      className={extra?.current ? 'current' : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onPage(p);
      }}
    >
      {label}
    </a>
  );
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <ul>
        {page > 1 ? <li>{link(page - 1, t('pagination.previous'), { rel: 'prev' })}</li> : null}
        {pageWindow(page, pages).map((p, i) =>
          p === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity
            <li key={`gap-${i}`} className="gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {link(p, formatNumber(p), {
                ariaLabel: t('pagination.page', { page: formatNumber(p) }),
                current: p === page,
              })}
            </li>
          ),
        )}
        {page < pages ? <li>{link(page + 1, t('pagination.next'), { rel: 'next' })}</li> : null}
      </ul>
    </nav>
  );
}
