import { useParams } from 'react-router';
import { reviewRoutes } from '../../../src/modules/reviews/contract';
import { buildUrl } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { ReviewDocumentView } from './ReviewDocumentView';
import './reviews.css';

/** A published annual review for anyone (`/bilans/:slug/:year`): readable, printable, downloadable. */
export function PublicReviewPage() {
  const { slug = '', year = '' } = useParams();
  const { t, formatDate } = useI18n();
  const params = { slug, year: Number(year) };
  const review = useApiQuery(reviewRoutes.publicGet, { params });
  const doc = review.data;
  usePageTitle(doc ? t('review.title', { year: doc.year, programme: doc.programmeName }) : t('review.link'));
  if (review.error?.status === 404) {
    return (
      <div className="narrow">
        <h1>{t('review.link')}</h1>
        <Alert kind="info">{t('review.public.notFound')}</Alert>
      </div>
    );
  }
  return (
    <div className="review-page review-public">
      {review.error ? <ApiErrorAlert error={review.error} /> : null}
      {!doc && !review.error ? <Loading /> : null}
      {doc ? (
        <>
          <div className="review-toolbar">
            <span className="muted">{t('review.public.publishedOn', { date: formatDate(doc.publishedAt) })}</span>
            <a className="button" href={buildUrl(reviewRoutes.publicPdf.path, params)} download>
              {t('review.pdf')}
            </a>
            <a className="button button-secondary" href={buildUrl(reviewRoutes.publicDocx.path, params)} download>
              {t('review.docx')}
            </a>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('review.public.print')}
            </button>
          </div>
          <ReviewDocumentView
            document={doc}
            titleAsPageHeading
            chartUrl={(name) => buildUrl(reviewRoutes.publicChart.path, { ...params, name })}
          />
        </>
      ) : null}
    </div>
  );
}
