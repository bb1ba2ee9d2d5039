import { Link } from 'react-router';
import { getClaimStatus } from '../../../src/modules/imports/claims/contract';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useSourcesText } from './sources';
import './claims.css';

/**
 * On an actor's page: that it was pre-filled from a register and nobody has claimed it yet, with the way to claim it
 * (visitors) or to invite the organisation (staff). Nothing once claimed (or managed by members), for organisations
 * that have ceased, nor for actors typed in by hand.
 */
export function ClaimNotice({ actorId }: { actorId: string }) {
  const { t, formatDate } = useI18n();
  const { user, role } = useSession();
  const sourcesText = useSourcesText();
  const status = useApiQuery(getClaimStatus, { params: { id: actorId } });
  const s = status.data;
  if (!s?.imported || s.claimed || s.ended || !s.importedAt) return null;
  return (
    <aside className="notice claim-notice" aria-label={t('claim.title')}>
      <p>{t('claim.notice', { sources: sourcesText(s.sources), date: formatDate(s.importedAt) })}</p>
      {isStaff(role) ? (
        <p>
          <Link to={`/admin/invitations?acteur=${actorId}`}>{t('claim.invite')}</Link>
        </p>
      ) : !user ? (
        <p>
          {t('claim.yours')} <Link to={`/acteurs/${actorId}/revendiquer`}>{t('claim.claimIt')}</Link>
        </p>
      ) : null}
    </aside>
  );
}
