import { Link } from 'react-router';
import { listPartnerships, showcasePartnerships } from '../../../src/modules/partnerships/contract';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ModeBadge } from './parts';

/**
 * This feature's section on an actor's page: the actor's partnerships this viewer may see (signed in: the list as
 * access.ts allows; anonymous: the published ones). Nothing when there is none.
 */
export function ActorPartnerships({ actorId }: { actorId: string }) {
  const { t } = useI18n();
  const { ready, user } = useSession();
  const signed = useApiQuery(
    listPartnerships,
    { query: { actor: actorId, pageSize: 10 } },
    { enabled: ready && !!user },
  );
  const published = useApiQuery(
    showcasePartnerships,
    { query: { actor: actorId, pageSize: 10 } },
    { enabled: ready && !user },
  );
  const items = (user ? signed.data?.items : published.data?.items) ?? [];
  const total = (user ? signed.data?.total : published.data?.total) ?? 0;
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="actor-partnerships-heading">
      <h2 id="actor-partnerships-heading">{t('partnership.actor.title')}</h2>
      <ul className="actor-partnerships">
        {items.map((p) => (
          <li key={p.id}>
            <Link to={`/partenariats/${p.id}`}>{p.title}</Link> <ModeBadge mode={p.mode} />
            <span className="muted small">
              {' '}
              ·{' '}
              {p.partners
                .filter((x) => x.actorId !== actorId)
                .map((x) => x.name)
                .join(', ')}
              {'currentStep' in p ? ` · ${t(`step.${p.currentStep}`)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {user && total > items.length ? (
        <p>
          <Link to={`/partenariats?actor=${actorId}`}>{t('partnership.actor.all')}</Link>
        </p>
      ) : null}
    </section>
  );
}
