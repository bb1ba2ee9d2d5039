import { Link } from 'react-router';
import { listActorAlliances } from '../../../src/modules/alliances/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';

/** This feature's section on an actor's page: the alliances it belongs to that the viewer may see. */
export function ActorAlliances({ actorId }: { actorId: string }) {
  const { t } = useI18n();
  const list = useApiQuery(listActorAlliances, { params: { id: actorId } });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="actor-alliances-title">
      <h2 id="actor-alliances-title">{t('actorAlliances.title')}</h2>
      <ul>
        {items.map((a) => (
          <li key={a.id}>
            <Link to={`/alliances/${a.id}`}>{a.name}</Link>
            <span className="muted small block">
              {t(`alliance.status.${a.status}`)}
              {a.communeNames.length ? ` · ${a.communeNames.join(', ')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
