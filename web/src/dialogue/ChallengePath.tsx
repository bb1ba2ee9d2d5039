import { Link } from 'react-router';
import type { ProposalPath } from '../../../src/modules/dialogue/contract';
import { useI18n } from '../i18n';
import { OutcomeBadge } from './parts';

/** « Du défi au partenariat »: for each answered proposal, proposed → answer → project or alliance → partnerships. */
export function ChallengePath({ path }: { path: ProposalPath[] }) {
  const { t, tn, formatDate } = useI18n();
  return (
    <section aria-labelledby="challenge-path" className="dialogue-path">
      <h2 id="challenge-path">{t('dialogue.path.title')}</h2>
      <p className="muted">{t('dialogue.path.intro')}</p>
      {path.length === 0 ? (
        <p className="muted">{t('dialogue.path.empty')}</p>
      ) : (
        <ul className="dialogue-path-list">
          {path.map((p) => (
            <li key={p.proposalId} className="card">
              <h3>
                <Link to={`/dialogue/propositions/${p.proposalId}`}>{p.title}</Link>
              </h3>
              <ol className="dialogue-timeline">
                <li>
                  {t('dialogue.path.proposed', { date: formatDate(p.proposedAt) })} ·{' '}
                  {tn('dialogue.counts.supports', p.supports)}
                </li>
                {p.outcome && p.answeredAt ? (
                  <li>
                    <OutcomeBadge outcome={p.outcome} />{' '}
                    {t('dialogue.path.answered', { date: formatDate(p.answeredAt) })}
                  </li>
                ) : null}
                {p.project ? (
                  <li>
                    {t('dialogue.path.project')} <Link to={`/projets/${p.project.id}`}>{p.project.title}</Link> (
                    {t(`project.status.${p.project.status}`)})
                  </li>
                ) : p.alliance ? (
                  <li>
                    {t('dialogue.path.alliance')} <Link to={`/alliances/${p.alliance.id}`}>{p.alliance.name}</Link> (
                    {t(`alliance.status.${p.alliance.status}`)})
                  </li>
                ) : p.outcome !== 'notRetained' ? (
                  // A proposal not retained goes no further: no « not yet » for it.
                  <li className="muted">{t('dialogue.path.notConverted')}</li>
                ) : null}
                {p.project || p.alliance ? (
                  <li>
                    {p.partnerships.length === 0 ? (
                      <span className="muted">{t('dialogue.path.noPartnership')}</span>
                    ) : (
                      <>
                        {t('dialogue.path.partnerships')}{' '}
                        {p.partnerships.map((x, i) => (
                          <span key={x.id}>
                            {i > 0 ? ', ' : null}
                            <Link to={`/partenariats/${x.id}`}>{x.title}</Link> ({t(`step.${x.step}`)})
                          </span>
                        ))}
                      </>
                    )}
                  </li>
                ) : null}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
