import { Link } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';

/** The year a programme's review opens on: the current one while the programme runs, else its nearest year. */
export function defaultReviewYear(startsOn: string, endsOn: string): number {
  const first = Number(startsOn.slice(0, 4));
  const last = Number(endsOn.slice(0, 4));
  return Math.min(Math.max(new Date().getFullYear(), first), last);
}

/** « Bilan annuel », from the programme's page, for those who may read the reviews (staff and steering committee). */
export function ReviewLink({ p }: { p: { id: string; startsOn: string; endsOn: string } }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user || !(readers as readonly string[]).includes(user.role)) return null;
  return (
    <p>
      <Link to={`/programmes/${p.id}/bilans/${defaultReviewYear(p.startsOn, p.endsOn)}`}>{t('review.link')}</Link>
    </p>
  );
}
