import { Link } from 'react-router';
import { listNeedOffers } from '../../../src/modules/needs-offers/contract';
import { useApiQuery } from '../api/useApi';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { NeedOfferCard } from './parts';
import './needs-offers.css';

/** The actor's open needs and offers on its page, with « Publier » for staff and the actor's own members. */
export function ActorNeedOffers({ actorId }: { actorId: string }) {
  const { t } = useI18n();
  const { user, role } = useSession();
  const list = useApiQuery(listNeedOffers, { query: { actor: actorId, pageSize: 10 } });
  const mayPublish = isStaff(role) || (role === 'member' && user?.actorId === actorId);
  const items = list.data?.items ?? [];
  if (!mayPublish && items.length === 0) return null;
  return (
    <section className="card need-offer-section" aria-labelledby="actor-need-offers-heading">
      <div className="need-offer-feed-head">
        <h2 id="actor-need-offers-heading">{t('needOffer.section.title')}</h2>
        {mayPublish ? (
          <span className="need-offer-section-actions">
            <Link
              className="button button-secondary button-small"
              to={`/suggestions?subjectKind=actor&subjectId=${actorId}`}
            >
              {t('matching.suggestions.link')}
            </Link>
            <Link className="button button-small" to={`/besoins-offres/nouveau?acteur=${actorId}`}>
              {t('needOffer.publish')}
            </Link>
          </span>
        ) : null}
      </div>
      {list.data && items.length === 0 ? <p className="muted">{t('needOffer.section.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="result-list">
          {items.map((item) => (
            <NeedOfferCard key={item.id} item={item} showActor={false} />
          ))}
        </ul>
      ) : null}
      {list.data && list.data.total > items.length ? (
        <p>
          <Link to={`/besoins-offres?actor=${actorId}`}>{t('needOffer.section.all')}</Link>
        </p>
      ) : null}
    </section>
  );
}
