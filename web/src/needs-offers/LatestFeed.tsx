import { Link } from 'react-router';
import { latestNeedOffers } from '../../../src/modules/needs-offers/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Loading } from '../ui/feedback';
import { KindBadge } from './parts';
import './needs-offers.css';

/** The home page's « Derniers besoins et offres »: a compact list of the latest open ones. */
export function LatestNeedOffers({ limit = 5 }: { limit?: number }) {
  const { t } = useI18n();
  const feed = useApiQuery(latestNeedOffers, { query: { limit } });
  // A failure here should not disturb the directory below: the feed then simply stays away.
  if (feed.error) return null;
  const items = feed.data?.items;
  return (
    <section className="card need-offer-feed" aria-labelledby="need-offer-feed-heading">
      <div className="need-offer-feed-head">
        <h2 id="need-offer-feed-heading">{t('needOffer.feed.title')}</h2>
        <Link to="/besoins-offres">{t('needOffer.feed.all')}</Link>
      </div>
      {!items ? <Loading /> : null}
      {items && items.length === 0 ? <p className="muted">{t('needOffer.feed.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="need-offer-feed-list">
          {items.map((item) => (
            <li key={item.id}>
              <KindBadge kind={item.kind} />
              <span className="need-offer-feed-text">
                <Link to={`/besoins-offres/${item.id}`}>{item.title}</Link>
                <span className="muted small">
                  {' — '}
                  {item.actor.name}
                  {item.communes[0] ? ` · ${item.communes[0].name}` : ''}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
