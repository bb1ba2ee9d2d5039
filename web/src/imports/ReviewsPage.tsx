import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { importRoutes, type ReviewView } from '../../../src/modules/imports/contract';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { Pagination } from '../ui/Pagination';
import { usePageTitle } from '../ui/usePageTitle';
import './imports.css';

type Compared = ReviewView['organisation'];

const pageSize = 20;

const rows = ['name', 'commune', 'address', 'rna', 'siren', 'siret'] as const;

function shown(o: Compared, row: (typeof rows)[number]): string | null {
  if (row === 'commune') return o.communeName ?? o.communeCode;
  if (row === 'address') return [o.address, o.postalCode].filter(Boolean).join(', ') || null;
  return o[row];
}

export function ReviewsPage() {
  const { t, tn } = useI18n();
  const errorText = useErrorText();
  usePageTitle(t('import.reviews.title'));
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const reviews = useApiQuery(importRoutes.reviews, { query: { page, pageSize } });
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = reviews.data?.items ?? [];
  const total = reviews.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);

  const decide = async (review: ReviewView, accept: boolean) => {
    setFailure(null);
    setDone(null);
    setBusy(review.id);
    try {
      await callApi(accept ? importRoutes.acceptReview : importRoutes.rejectReview, { params: { id: review.id } });
      reviews.setData((prev) =>
        prev ? { items: prev.items.filter((r) => r.id !== review.id), total: prev.total - 1 } : prev,
      );
      // The next page's first review moves up into this one.
      if (total > items.length) reviews.reload();
      setDone(t(accept ? 'import.reviews.accepted' : 'import.reviews.rejected', { name: review.organisation.name }));
      // The decided card is gone: focus goes back to the page's heading rather than to nowhere.
      headingRef.current?.focus();
    } catch (err) {
      setFailure(errorText(asApiError(err)));
      reviews.reload();
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="admin-page imports-page">
      <nav aria-label={t('import.run.back')} className="breadcrumb">
        <Link to="/admin/imports">{t('import.run.back')}</Link>
      </nav>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('import.reviews.title')}
      </h1>
      <p className="muted">{t('import.reviews.intro')}</p>
      <div role="status">{done ? <p className="status-line">{done}</p> : null}</div>
      {failure ? <Alert>{failure}</Alert> : null}
      {reviews.error ? <ApiErrorAlert error={reviews.error} /> : null}
      {!reviews.data && reviews.loading ? <Loading /> : null}
      {reviews.data && items.length === 0 ? <p className="notice">{t('import.reviews.empty')}</p> : null}
      {items.length > 0 ? <p>{tn('import.reviews.count', total)}</p> : null}
      <ul className="import-reviews">
        {items.map((review) => {
          const headingId = `review-${review.id}`;
          return (
            <li key={review.id} className="card" aria-labelledby={headingId}>
              <h2 id={headingId}>{review.organisation.name}</h2>
              <p className="muted small">
                {t('import.reviews.item', {
                  line: review.line,
                  source: t(`import.source.${review.source}`),
                })}
              </p>
              <table className="import-compare">
                <colgroup>
                  <col className="import-compare-label" />
                  <col />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <td />
                    <th scope="col">{t('import.reviews.imported')}</th>
                    <th scope="col">
                      {t('import.reviews.candidate')} —{' '}
                      <Link to={`/acteurs/${review.candidate.id}`}>{review.candidate.name}</Link>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const imported = shown(review.organisation, row);
                    const candidate = shown(review.candidate, row);
                    return (
                      <tr key={row}>
                        <th scope="row">{t(`import.reviews.${row}`)}</th>
                        <td>{imported ?? <span className="muted">{t('import.reviews.none')}</span>}</td>
                        <td>{candidate ?? <span className="muted">{t('import.reviews.none')}</span>}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div className="form-actions">
                <button type="button" className="button" disabled={busy !== null} onClick={() => decide(review, true)}>
                  {t('import.reviews.accept')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy !== null}
                  onClick={() => decide(review, false)}
                >
                  {t('import.reviews.reject')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <Pagination
        page={page}
        pages={pages}
        onPage={(p) => setSearch({ page: String(p) })}
        hrefFor={(p) => `?page=${p}`}
      />
    </div>
  );
}
