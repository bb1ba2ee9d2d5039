import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  changeNeedOfferStatus,
  deleteNeedOffer,
  getNeedOffer,
  type NeedOfferDetail,
} from '../../../src/modules/needs-offers/contract';
import { type NeedOfferStatus, needOfferStatuses } from '../../../src/modules/needs-offers/vocabulary';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Chip } from '../ui/chips';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { KindBadge, StatusBadge } from './parts';
import '../actors/actors.css';
import './needs-offers.css';

/** `/besoins-offres/:id`: the need or offer, its actor, and for those who may: edit, status, partnership. */
export function NeedOfferDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useApiQuery(getNeedOffer, { params: { id } });
  usePageTitle(query.data?.title ?? t('needOffer.title'));
  if (query.error) {
    return (
      <div className="narrow">
        {query.error.status === 404 ? <Alert>{t('needOffer.notFound')}</Alert> : <ApiErrorAlert error={query.error} />}
        <p>
          <Link to="/besoins-offres">{t('needOffer.back')}</Link>
        </p>
      </div>
    );
  }
  if (!query.data) return <Loading />;
  return <Detail item={query.data} onChange={(item) => query.setData(item)} />;
}

function Detail({ item, onChange }: { item: NeedOfferDetail; onChange(item: NeedOfferDetail): void }) {
  const { t, formatDate } = useI18n();
  const ref = useReference();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const statusId = useId();
  const [status, setStatus] = useState<NeedOfferStatus>(item.status);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const saveStatus = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChange(await callApi(changeNeedOfferStatus, { params: { id: item.id }, body: { status } }));
      setNotice(t('needOffer.statusChanged'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('needOffer.deleteConfirm', { title: item.title }))) return;
    setBusy(true);
    try {
      await callApi(deleteNeedOffer, { params: { id: item.id } });
      navigate('/besoins-offres', { replace: true });
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <article className="need-offer-page">
      <p className="breadcrumb">
        <Link to="/besoins-offres">
          <span aria-hidden="true">← </span>
          {t('needOffer.back')}
        </Link>
      </p>
      <header className="need-offer-head">
        <div>
          <p className="need-offer-badges">
            <KindBadge kind={item.kind} />
            <StatusBadge status={item.status} />
          </p>
          <h1>{item.title}</h1>
          <p className="actor-kind">
            <Link to={`/acteurs/${item.actor.id}`}>{item.actor.name}</Link>
            {' · '}
            {t(`family.${item.actor.family}`)}
            {item.actor.communeName ? ` · ${item.actor.communeName}` : ''}
          </p>
        </div>
        {item.canEdit ? (
          <div className="need-offer-actions">
            <Link className="button" to={`/partenariats/nouveau?besoin=${item.id}`}>
              {t('needOffer.openPartnership')}
            </Link>
            <Link className="button button-secondary" to={`/suggestions?subjectKind=${item.kind}&subjectId=${item.id}`}>
              {t('matching.suggestions.link')}
            </Link>
            <Link className="button button-secondary" to={`/besoins-offres/${item.id}/modifier`}>
              {t('needOffer.edit')}
            </Link>
            <button type="button" className="button button-danger" onClick={remove} disabled={busy}>
              {t('needOffer.delete')}
            </button>
          </div>
        ) : null}
      </header>

      {error ? <Alert>{errorText(error)}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}

      <div className="two-columns">
        <section className="card" aria-labelledby="need-offer-description">
          <h2 id="need-offer-description" className="visually-hidden">
            {t('needOffer.form.description')}
          </h2>
          {item.description ? (
            item.description.split(/\n{2,}/).map((para) => <p key={para}>{para}</p>)
          ) : (
            <p className="muted">—</p>
          )}
          <p className="muted small">{t('needOffer.publishedOn', { date: formatDate(item.createdAt) })}</p>
        </section>

        <aside className="card" aria-label={t('needOffer.title')}>
          <dl className="facts">
            <div>
              <dt>{t('needOffer.resources')}</dt>
              <dd>
                <ul className="chips">
                  {item.resources.map((r) => (
                    <li key={r}>
                      <span className="chip chip-resource">{t(`needOffer.resource.${r}`)}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            {item.themes.length ? (
              <div>
                <dt>{t('needOffer.themes')}</dt>
                <dd>
                  <ul className="chips">
                    {item.themes.map((th) => (
                      <li key={th}>
                        <Chip>{ref.themeLabel(th)}</Chip>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {item.communes.length ? (
              <div>
                <dt>{t('needOffer.communes')}</dt>
                <dd>{item.communes.map((c) => c.name).join(', ')}</dd>
              </div>
            ) : null}
            {item.modes.length ? (
              <div>
                <dt>{t('needOffer.modes')}</dt>
                <dd>{item.modes.map((m) => t(`mode.${m}`)).join(' · ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('needOffer.form.deadline')}</dt>
              <dd>{item.deadline ? formatDate(`${item.deadline}T12:00:00`) : t('needOffer.noDeadline')}</dd>
            </div>
          </dl>

          {item.canEdit ? (
            <form className="need-offer-status" onSubmit={saveStatus}>
              <label htmlFor={statusId}>{t('needOffer.statusLabel')}</label>
              <select
                id={statusId}
                value={status}
                onChange={(e) => {
                  setNotice('');
                  setStatus(e.target.value as NeedOfferStatus);
                }}
              >
                {needOfferStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`needOffer.status.${s}`)}
                  </option>
                ))}
              </select>
              <button
                type="submit"
                className="button button-secondary button-small"
                disabled={busy || status === item.status}
              >
                {t('needOffer.changeStatus')}
              </button>
            </form>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
