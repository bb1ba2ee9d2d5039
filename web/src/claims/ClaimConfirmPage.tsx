import { useParams } from 'react-router';
import { acceptClaim, getClaim } from '../../../src/modules/imports/claims/contract';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { LinkFailure, plausibleToken } from '../auth/LinkFailure';
import { NewAccountForm } from '../auth/NewAccountForm';
import { useI18n } from '../i18n';
import { Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import '../auth/auth.css';

/** /revendiquer/:token: the mailed link; creates the member account of the claimed organisation. */
export function ClaimConfirmPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  usePageTitle(t('claim.confirmTitle'));
  const validToken = plausibleToken(token);
  const claim = useApiQuery(getClaim, { params: { token } }, { enabled: validToken });

  if (!validToken || claim.error) return <LinkFailure title={t('claim.confirmTitle')} error={claim.error ?? null} />;
  if (!claim.data) return <Loading />;
  const offer = claim.data;

  return (
    <div className="auth-page">
      <h1>{t('claim.confirmTitle')}</h1>
      <div className="card invitation-offer">
        <p>{t('claim.confirmIntro')}</p>
        <dl className="facts">
          <div>
            <dt>{t('claim.organisation')}</dt>
            <dd>{offer.actorName}</dd>
          </div>
          <div>
            <dt>{t('claim.email.short')}</dt>
            <dd>{offer.email}</dd>
          </div>
        </dl>
      </div>
      <NewAccountForm
        create={(values) => callApi(acceptClaim, { body: { token, ...values } })}
        then={`/acteurs/${offer.actorId}`}
      />
    </div>
  );
}
