import { Link } from 'react-router';
import type { NeedOfferSummary } from '../../../src/modules/needs-offers/contract';
import type { NeedOfferKind, NeedOfferStatus } from '../../../src/modules/needs-offers/vocabulary';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { Chip } from '../ui/chips';

export function KindBadge({ kind }: { kind: NeedOfferKind }) {
  const { t } = useI18n();
  return <span className={`badge kind-badge kind-${kind}`}>{t(`needOffer.kind.${kind}`)}</span>;
}

export function StatusBadge({ status }: { status: NeedOfferStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-badge status-${status}`}>{t(`needOffer.status.${status}`)}</span>;
}

/** A result of the list: kind, title, actor and commune, resources, deadline, status. */
export function NeedOfferCard({ item, showActor = true }: { item: NeedOfferSummary; showActor?: boolean }) {
  const { t, formatDate } = useI18n();
  const ref = useReference();
  const place = item.communes.map((c) => c.name).join(', ') || item.actor.communeName;
  return (
    <li className="result need-offer-card">
      <p className="need-offer-badges">
        <KindBadge kind={item.kind} />
        <StatusBadge status={item.status} />
      </p>
      <h3>
        <Link to={`/besoins-offres/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="result-meta">
        {showActor ? (
          <>
            <Link to={`/acteurs/${item.actor.id}`}>{item.actor.name}</Link>
            {place ? ' · ' : ''}
          </>
        ) : null}
        {place}
      </p>
      {item.excerpt ? <p className="result-excerpt">{item.excerpt}</p> : null}
      <ul className="chips" aria-label={t('needOffer.resources')}>
        {item.resources.map((r) => (
          <li key={r}>
            <span className="chip chip-resource">{t(`needOffer.resource.${r}`)}</span>
          </li>
        ))}
        {ref.data || ref.failed
          ? item.themes.map((id) => (
              <li key={id}>
                <Chip>{ref.themeLabel(id)}</Chip>
              </li>
            ))
          : null}
      </ul>
      <p className="muted small">
        {item.deadline
          ? t('needOffer.deadline', { date: formatDate(`${item.deadline}T12:00:00`) })
          : t('needOffer.noDeadline')}
      </p>
    </li>
  );
}
