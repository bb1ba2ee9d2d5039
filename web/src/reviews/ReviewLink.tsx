import { Link } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { reviewRoutes } from '../../../src/modules/reviews/contract';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';

/** The year a programme's review opens on: the current one while the programme runs, else its nearest year. */
export function defaultReviewYear(startsOn: string, endsOn: string): number {
  const first = Number(startsOn.slice(0, 4));
  const last = Number(endsOn.slice(0, 4));
  return Math.min(Math.max(new Date().getFullYear(), first), last);
}

/**
 * On the programme's page: « Bilan annuel » for those who may read the reviews (staff and steering committee), and
 * for everyone the published reviews' public pages.
 */
export function ReviewLink({ p }: { p: { id: string; slug: string; startsOn: string; endsOn: string } }) {
  const { t } = useI18n();
  const { user } = useSession();
  const published = useApiQuery(reviewRoutes.publishedYears, { params: { slug: p.slug } });
  const years = published.data?.years ?? [];
  const isReader = user !== null && user !== undefined && (readers as readonly string[]).includes(user.role);
  if (!isReader && years.length === 0) return null;
  return (
    <p>
      {isReader ? (
        <Link to={`/programmes/${p.id}/bilans/${defaultReviewYear(p.startsOn, p.endsOn)}`}>{t('review.link')}</Link>
      ) : null}
      {isReader && years.length > 0 ? ' · ' : null}
      {years.length > 0 ? `${t('review.publishedReviews')} ` : null}
      {years.map((year, i) => (
        <span key={year}>
          {i > 0 ? ', ' : null}
          <Link to={`/bilans/${p.slug}/${year}`}>{t('review.publishedYear', { year })}</Link>
        </span>
      ))}
    </p>
  );
}
