import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { readers } from '../../../src/auth/roles';
import { type ActorDetail, deleteActor, getActor } from '../../../src/modules/actors/contract';
import { ActorAlliances } from '../alliances/ActorSection';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { ClaimNotice } from '../claims/ClaimNotice';
import { ActorContacts } from '../contacts/ActorSection';
import { lastDirectorySearch } from '../directory/urlState';
import { useI18n } from '../i18n';
import { ActorNeedOffers } from '../needs-offers/ActorSection';
import { ActorPartnerships } from '../partnerships/ActorSection';
import { PersonConsentsButton } from '../privacy/PersonConsentsButton';
import { ActorProjects } from '../projects/ActorSection';
import { useReference } from '../reference/reference';
import { Chip, SdgChip } from '../ui/chips';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { ActorHistory } from './ActorHistory';
import { useEnumLabel, useFieldLabel } from './labels';
import './actors.css';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ActorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const validId = uuidPattern.test(id);
  const actor = useApiQuery(getActor, { params: { id } }, { enabled: validId });
  const ref = useReference();
  usePageTitle(actor.data?.name ?? t('actor.title'));
  if (!validId || actor.error?.status === 404 || actor.error?.status === 400) {
    return (
      <div className="narrow">
        <h1>{t('actor.notFound')}</h1>
        <p>
          <Link to="/">{t('actor.backToDirectory')}</Link>
        </p>
      </div>
    );
  }
  if (actor.error) return <ApiErrorAlert error={actor.error} />;
  // The page waits for the reference data too, so that themes and contributions appear with their labels at once.
  if (!actor.data || (!ref.data && !ref.failed)) return <Loading />;
  return <ActorView actor={actor.data} />;
}

function ActorView({ actor }: { actor: ActorDetail }) {
  const { t, formatDate } = useI18n();
  const { user, role } = useSession();
  const ref = useReference();
  const enumLabel = useEnumLabel();
  const fieldLabel = useFieldLabel();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);

  const canSeeHistory =
    role !== null &&
    ((readers as readonly string[]).includes(role) || (role === 'member' && user?.actorId === actor.id));

  // The diagnostic (associations and companies): the organisation's members, staff and the steering committee.
  const canSeeDiagnostic = canSeeHistory && (actor.family === 'association' || actor.family === 'company');

  const kind = [
    enumLabel('family', actor.family),
    actor.subtype ? enumLabel('subtype', actor.subtype) : null,
    actor.companySize ? enumLabel('companySize', actor.companySize) : null,
    actor.companyStatus ? enumLabel('companyStatus', actor.companyStatus) : null,
  ].filter(Boolean);

  const remove = async () => {
    if (!window.confirm(t('actor.deleteConfirm', { name: actor.name }))) return;
    try {
      await callApi(deleteActor, { params: { id: actor.id } });
      navigate('/', { replace: true });
    } catch (e) {
      setDeleteError(asApiError(e));
    }
  };

  const addressLines = [actor.address, [actor.postalCode, actor.communeName].filter(Boolean).join(' ')].filter(Boolean);
  const contacts: { field: string; value: React.ReactNode }[] = [];
  if (addressLines.length && (actor.address || actor.postalCode)) {
    contacts.push({
      field: 'address',
      value: (
        <address>
          {addressLines.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </address>
      ),
    });
  }
  if (actor.website) {
    contacts.push({
      field: 'website',
      value: (
        <a href={actor.website} rel="noopener noreferrer" target="_blank">
          {actor.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
          <span className="visually-hidden"> ({t('common.newWindow')})</span>
        </a>
      ),
    });
  }
  if (actor.email) contacts.push({ field: 'email', value: <a href={`mailto:${actor.email}`}>{actor.email}</a> });
  if (actor.phone) {
    contacts.push({ field: 'phone', value: <a href={`tel:${actor.phone.replace(/[^+\d]/g, '')}`}>{actor.phone}</a> });
  }
  const identifiers = (['rna', 'siren', 'siret'] as const).filter((f) => actor[f]);
  const contributions = actor.contributions.length > 0 || actor.contributionsText !== '';
  const benefits = actor.benefits.length > 0 || actor.benefitsText !== '';

  return (
    <article className="actor-page">
      <p className="breadcrumb">
        <Link to={`/${lastDirectorySearch()}`}>
          <span aria-hidden="true">← </span>
          {t('actor.backToDirectory')}
        </Link>
      </p>
      <header className="actor-head">
        <div>
          <h1>{actor.name}</h1>
          <p className="actor-kind">
            <span className={`family-badge family-${actor.family}`}>{kind[0]}</span>
            {kind.slice(1).join(' · ')}
            {actor.communeName ? (
              <>
                {kind.length > 1 ? ' · ' : ''}
                <span className="actor-commune">{actor.communeName}</span>
              </>
            ) : null}
          </p>
        </div>
        <div className="actor-actions">
          {canSeeDiagnostic ? (
            <Link className="button button-secondary" to={`/acteurs/${actor.id}/diagnostic`}>
              {t('diagnostic.actorLink')}
            </Link>
          ) : null}
          {actor.canEdit ? (
            <button type="button" className="button" onClick={() => navigate(`/acteurs/${actor.id}/modifier`)}>
              {t('actor.edit')}
            </button>
          ) : null}
          {isStaff(role) ? (
            <button type="button" className="button button-danger" onClick={remove}>
              {t('actor.delete')}
            </button>
          ) : null}
        </div>
      </header>
      {deleteError ? <Alert>{errorText(deleteError)}</Alert> : null}

      {actor.hiddenFields.length > 0 ? (
        <div className="notice" role="note">
          <p>
            {t('actor.hiddenNote')} <span className="muted">({actor.hiddenFields.map(fieldLabel).join(', ')})</span>
            {!user ? (
              <>
                {' '}
                <Link to={`/connexion?next=${encodeURIComponent(location.pathname)}`}>{t('actor.signInToSee')}</Link>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      <ClaimNotice actorId={actor.id} />

      <div className="actor-layout">
        <div className="actor-main">
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('actor.about')}</h2>
            {actor.description ? (
              <p className="description">{actor.description}</p>
            ) : (
              <p className="muted">{t('actor.noDescription')}</p>
            )}
          </section>

          {actor.themes.length || actor.sdgs.length ? (
            <section className="card" aria-labelledby="themes-heading">
              <h2 id="themes-heading">{t('actor.themesAndSdgs')}</h2>
              {actor.themes.length ? (
                <>
                  <h3>{t('field.themes')}</h3>
                  <ul className="chips">
                    {actor.themes.map((id) => (
                      <li key={id}>
                        <Chip>{ref.themeLabel(id)}</Chip>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {actor.sdgs.length ? (
                <>
                  <h3>{t('field.sdgs')}</h3>
                  <ul className="chips">
                    {actor.sdgs.map((n) => (
                      <li key={n}>
                        <SdgChip number={n} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}

          {contributions || benefits ? (
            <section className="card" aria-labelledby="exchange-heading">
              <h2 id="exchange-heading">{t('actor.exchange')}</h2>
              <div className="two-columns">
                <div>
                  <h3>{t('field.contributions')}</h3>
                  <StakeholderList ids={actor.contributions} text={actor.contributionsText} />
                </div>
                <div>
                  <h3>{t('field.benefits')}</h3>
                  <StakeholderList ids={actor.benefits} text={actor.benefitsText} />
                </div>
              </div>
            </section>
          ) : null}

          <ActorNeedOffers actorId={actor.id} />
          <ActorProjects actorId={actor.id} family={actor.family} />
          <ActorPartnerships actorId={actor.id} />
          <ActorAlliances actorId={actor.id} />
          <ActorContacts actorId={actor.id} />
        </div>

        <aside className="actor-aside" aria-label={t('actor.details')}>
          <section className="card" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t('actor.contact')}</h2>
            {contacts.length ? (
              <dl className="facts">
                {contacts.map((c) => (
                  <div key={c.field}>
                    <dt>{fieldLabel(c.field)}</dt>
                    <dd>{c.value}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">{actor.communeName ?? t('actor.noContact')}</p>
            )}
          </section>

          {identifiers.length ? (
            <section className="card" aria-labelledby="identifiers-heading">
              <h2 id="identifiers-heading">{t('actor.identifiers')}</h2>
              <dl className="facts">
                {identifiers.map((f) => (
                  <div key={f}>
                    <dt>{fieldLabel(f)}</dt>
                    <dd className="mono">{formatIdentifier(f, actor[f] ?? '')}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}

          {actor.people.length ? (
            <section className="card" aria-labelledby="people-heading">
              <h2 id="people-heading">{t('actor.people')}</h2>
              <ul className="people">
                {actor.people.map((p) => (
                  <li key={p.id}>
                    <p className="person-name">
                      {p.name}
                      {p.role ? <span className="muted"> — {p.role}</span> : null}
                    </p>
                    {p.email ? (
                      <p>
                        <a href={`mailto:${p.email}`}>{p.email}</a>
                      </p>
                    ) : null}
                    {p.phone ? (
                      <p>
                        <a href={`tel:${p.phone.replace(/[^+\d]/g, '')}`}>{p.phone}</a>
                      </p>
                    ) : null}
                    {actor.canEdit ? (
                      <p className="muted small">
                        {t('field.visibility')} : {enumLabel('visibility', p.visibility)} ·{' '}
                        <PersonConsentsButton personId={p.id} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <p className="muted small">
            {t('actor.dates', { created: formatDate(actor.createdAt), updated: formatDate(actor.updatedAt) })}
          </p>
        </aside>
      </div>
      {canSeeHistory ? <ActorHistory actorId={actor.id} /> : null}
    </article>
  );
}

function StakeholderList({ ids, text }: { ids: string[]; text: string }) {
  const { t } = useI18n();
  const ref = useReference();
  if (ids.length === 0 && !text) return <p className="muted">{t('actor.nothingYet')}</p>;
  return (
    <>
      {ids.length ? (
        <ul className="tick-list">
          {ids.map((id) => (
            <li key={id}>{ref.itemLabel(id)}</li>
          ))}
        </ul>
      ) : null}
      {text ? <p className="description">{text}</p> : null}
    </>
  );
}

/** Identifiers grouped the way they are printed in France: SIREN 3-3-3, SIRET 3-3-3-5. */
export function formatIdentifier(field: 'rna' | 'siren' | 'siret', value: string): string {
  if (field === 'siren' && /^\d{9}$/.test(value)) return value.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3');
  if (field === 'siret' && /^\d{14}$/.test(value)) return value.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4');
  return value;
}
