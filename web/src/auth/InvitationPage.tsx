import { useParams } from 'react-router';
import { acceptInvitation, getInvitation } from '../../../src/modules/accounts/contract';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { LinkFailure, plausibleToken } from './LinkFailure';
import { NewAccountForm } from './NewAccountForm';
import './auth.css';

export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  usePageTitle(t('invitation.title'));
  const validToken = plausibleToken(token);
  const invitation = useApiQuery(getInvitation, { params: { token } }, { enabled: validToken });

  if (!validToken || invitation.error) {
    return <LinkFailure title={t('invitation.title')} error={invitation.error ?? null} />;
  }
  if (!invitation.data) return <Loading />;
  const offer = invitation.data;

  return (
    <div className="auth-page">
      <h1>{t('invitation.title')}</h1>
      <div className="card invitation-offer">
        <p>{t('invitation.intro')}</p>
        <dl className="facts">
          <div>
            <dt>{t('invitation.email')}</dt>
            <dd>{offer.email}</dd>
          </div>
          <div>
            <dt>{t('invitation.role')}</dt>
            <dd>{t(`role.${offer.role}`)}</dd>
          </div>
          {offer.actorName ? (
            <div>
              <dt>{t('invitation.organisation')}</dt>
              <dd>{offer.actorName}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <NewAccountForm
        create={(values) => callApi(acceptInvitation, { body: { token, ...values } })}
        then={offer.role === 'citizen' ? '/dialogue' : '/'}
        initialName={offer.displayName ?? ''}
      />
    </div>
  );
}
