import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { allows, readers } from '../../../../src/auth/roles';
import { applicationRoutes } from '../../../../src/modules/funding/applications/contract';
import { fundingDocumentRoutes } from '../../../../src/modules/funding/applications/documents-contract';
import { asApiError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../../ui/feedback';
import { usePageTitle } from '../../ui/usePageTitle';
import { ApplicationBudget } from '../budget/ApplicationBudget';
import { FundingNav } from '../FundingNav';
import { FundingDocuments } from './FundingDocuments';
import { Payments } from './Payments';
import { ApplicationStatusText, useTargetText } from './parts';
import { Reports } from './Reports';
import { StatusPanel } from './StatusPanel';

/**
 * One application: its facts, pipeline and history, payments, reports, documents and, for staff and observers, the
 * programme's budget lines it funds. A member following it reads it all but the budget (the programme's business).
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, formatEuros } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const target = useTargetText();
  const { role } = useSession();
  const query = useApiQuery(applicationRoutes.get, { params: { id } });
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle(query.data?.title ?? (query.error ? t('funding.app.page.notFound') : t('funding.app.list.title')));
  const onError = (e: unknown) => setFailure(errorText(asApiError(e)));

  if (query.error) {
    return (
      <div className="funding-page">
        <h1>{query.error.status === 404 ? t('funding.app.page.notFound') : t('funding.app.list.title')}</h1>
        <FundingNav />
        <ApiErrorAlert error={query.error} />
      </div>
    );
  }
  if (!query.data) return <Loading />;
  const a = query.data;
  const changed = (next: typeof a) => {
    setFailure(null);
    query.setData(next);
  };
  const remove = async () => {
    if (!window.confirm(t('funding.app.page.deleteConfirm', { title: a.title }))) return;
    try {
      await callApi(applicationRoutes.remove, { params: { id: a.id } });
      navigate('/financements/dossiers');
    } catch (e) {
      onError(e);
    }
  };

  return (
    <div className="funding-page">
      <h1>{a.title}</h1>
      <FundingNav />
      <p>
        <Link to="/financements/dossiers">← {t('funding.app.page.back')}</Link>
      </p>
      <p>
        <ApplicationStatusText status={a.status} />
      </p>
      {a.canEdit ? (
        <div className="form-actions">
          <Link className="button button-secondary" to={`/financements/dossiers/${a.id}/modifier`}>
            {t('funding.app.page.edit')}
          </Link>
          <button type="button" className="button button-secondary" onClick={remove}>
            {t('funding.app.page.delete')}
          </button>
        </div>
      ) : null}
      {failure ? <Alert>{failure}</Alert> : null}

      <section className="card" aria-labelledby="app-facts">
        <h2 id="app-facts">{t('funding.app.page.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('funding.app.col.funder')}</dt>
            <dd>{a.funder.name}</dd>
          </div>
          <div>
            <dt>{t('funding.app.page.call')}</dt>
            <dd>
              {a.call ? (
                <Link to={`/financements/appels/${a.call.id}`}>{a.call.title}</Link>
              ) : (
                t('funding.app.page.noCall')
              )}
            </dd>
          </div>
          <div>
            <dt>{t('funding.app.col.target')}</dt>
            <dd>{target(a)}</dd>
          </div>
          <div>
            <dt>{t('funding.app.col.year')}</dt>
            <dd>{a.year}</dd>
          </div>
          <div>
            <dt>{t('funding.app.col.requested')}</dt>
            <dd>{formatEuros(a.amountRequested)}</dd>
          </div>
          {a.amountGranted !== null ? (
            <div>
              <dt>{t('funding.app.col.granted')}</dt>
              <dd>{formatEuros(a.amountGranted)}</dd>
            </div>
          ) : null}
        </dl>
        <h3>{t('funding.app.page.coFunding')}</h3>
        {a.coFunding.length === 0 ? (
          <p className="muted">{t('funding.app.page.noCoFunding')}</p>
        ) : (
          <ul className="funding-list">
            {a.coFunding.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines have no id; their order is their identity
              <li key={i}>
                {l.name} · {formatEuros(l.amount)} ·{' '}
                {l.secured ? t('funding.app.page.secured') : t('funding.app.page.expected')}
              </li>
            ))}
          </ul>
        )}
        {a.notes ? (
          <>
            <h3>{t('funding.app.page.notes')}</h3>
            <p className="funding-description">{a.notes}</p>
          </>
        ) : null}
      </section>

      <StatusPanel app={a} onChanged={changed} />
      <Payments app={a} onChanged={changed} onError={onError} />
      <Reports app={a} reload={query.reload} onChanged={changed} onError={onError} />

      <section className="card" aria-labelledby="app-documents">
        <h2 id="app-documents">{t('funding.app.documents.title')}</h2>
        <FundingDocuments
          idPrefix="app-doc"
          documents={a.documents}
          upload={{ route: fundingDocumentRoutes.uploadToApplication, params: { id: a.id } }}
          canDownload
          canEdit={a.canEdit}
          onChanged={query.reload}
          onError={onError}
        />
      </section>

      {allows(readers, role) ? <ApplicationBudget applicationId={a.id} /> : null}
    </div>
  );
}
