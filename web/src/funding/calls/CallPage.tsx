import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { allows, readers } from '../../../../src/auth/roles';
import { fundingDocumentRoutes } from '../../../../src/modules/funding/applications/documents-contract';
import { callRoutes } from '../../../../src/modules/funding/calls/contract';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../../ui/feedback';
import { usePageTitle } from '../../ui/usePageTitle';
import { FundingDocuments } from '../applications/FundingDocuments';
import { ApplicationStatusText } from '../applications/parts';
import { CallMatches } from '../calendar/CallMatches';
import { FundingNav } from '../FundingNav';
import { CallFacts, CallStatusBadge, useCallDates } from './parts';

/** One call for projects: for everyone; its applications for staff and observers; edit, delete, prepare for staff. */
export function CallPage() {
  const { id = '' } = useParams();
  const { t, tn, formatEuros } = useI18n();
  const { role } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const dates = useCallDates();
  const query = useApiQuery(callRoutes.get, { params: { id } });
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle(query.data?.title ?? (query.error ? t('funding.call.page.notFound') : t('funding.call.list.title')));
  const reader = allows(readers, role);

  if (query.error) {
    return (
      <div className="funding-page">
        <h1>{query.error.status === 404 ? t('funding.call.page.notFound') : t('funding.call.list.title')}</h1>
        <FundingNav />
        <ApiErrorAlert error={query.error} />
      </div>
    );
  }
  if (!query.data) return <Loading />;
  const c = query.data;
  const remove = async () => {
    if (!window.confirm(t('funding.call.page.deleteConfirm', { title: c.title }))) return;
    try {
      await callApi(callRoutes.remove, { params: { id: c.id } });
      navigate('/financements/appels');
    } catch (e) {
      setFailure(errorText(e as never));
    }
  };

  return (
    <div className="funding-page">
      <h1>{c.title}</h1>
      <FundingNav />
      <p>
        <Link to="/financements/appels">← {t('funding.call.page.back')}</Link>
      </p>
      <p className="funding-call-head">
        <CallStatusBadge status={c.status} /> <strong>{dates(c)}</strong>
      </p>
      {c.canEdit ? (
        <div className="form-actions">
          {c.status === 'closed' ? null : (
            <Link className="button" to={`/financements/dossiers/nouveau?appel=${c.id}`}>
              {t('funding.call.page.prepare')}
            </Link>
          )}
          <Link className="button button-secondary" to={`/financements/appels/${c.id}/modifier`}>
            {t('funding.call.page.edit')}
          </Link>
          <button type="button" className="button button-secondary" onClick={remove}>
            {t('funding.call.page.delete')}
          </button>
        </div>
      ) : null}
      {failure ? <Alert>{failure}</Alert> : null}

      <section className="card" aria-labelledby="call-facts">
        <h2 id="call-facts">{t('funding.call.page.description')}</h2>
        {c.description ? <p className="funding-description">{c.description}</p> : null}
        <CallFacts call={c} detail={c} />
      </section>

      <section className="card" aria-labelledby="call-documents">
        <h2 id="call-documents">{t('funding.docs.title')}</h2>
        <FundingDocuments
          idPrefix="call-doc"
          documents={c.documents}
          upload={{ route: fundingDocumentRoutes.uploadToCall, params: { id: c.id } }}
          canDownload={reader}
          canEdit={c.canEdit}
          onChanged={query.reload}
          onError={(e) => setFailure(errorText(e as never))}
        />
      </section>

      {c.applications ? (
        <section className="card" aria-labelledby="call-applications">
          <h2 id="call-applications">{t('funding.call.page.applications')}</h2>
          <p className="muted">{tn('funding.call.applicationCount', c.applications.length)}</p>
          {c.applications.length === 0 ? (
            <p className="muted">{t('funding.call.page.noApplications')}</p>
          ) : (
            <ul className="funding-list">
              {c.applications.map((a) => (
                <li key={a.id}>
                  <Link to={`/financements/dossiers/${a.id}`}>{a.title}</Link> ·{' '}
                  <ApplicationStatusText status={a.status} /> ·{' '}
                  {a.amountGranted === null
                    ? t('funding.call.page.requested', { amount: formatEuros(a.amountRequested) })
                    : t('funding.call.page.granted', { amount: formatEuros(a.amountGranted) })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section className="card" aria-labelledby="call-matches">
        <h2 id="call-matches">{t('funding.call.page.matches')}</h2>
        <CallMatches callId={c.id} />
      </section>
    </div>
  );
}
