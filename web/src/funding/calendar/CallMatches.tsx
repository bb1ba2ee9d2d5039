import { Link } from 'react-router';
import { fundingCalendarRoutes } from '../../../../src/modules/funding/calendar/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { MatchCard } from './parts';

/**
 * The flagship projects and programme territories that a call for projects suits, best first: the body of the call
 * page's section (the page gives it its heading).
 */
export function CallMatches({ callId }: { callId: string }) {
  const { t } = useI18n();
  const matches = useApiQuery(fundingCalendarRoutes.callMatches, { params: { id: callId } });
  return (
    <div className="call-matches">
      <p className="muted">{t('fundingCalendar.matches.intro')}</p>
      {matches.error ? <ApiErrorAlert error={matches.error} /> : null}
      {!matches.data && !matches.error ? <Loading /> : null}
      {matches.data ? (
        <div className="call-matches-columns">
          <section aria-labelledby="call-matches-projects">
            <h3 id="call-matches-projects">{t('fundingCalendar.matches.projects')}</h3>
            {matches.data.projects.length === 0 ? (
              <p className="muted">{t('fundingCalendar.matches.noProjects')}</p>
            ) : (
              <ul className="suited-calls">
                {matches.data.projects.map((p) => (
                  <MatchCard
                    key={p.id}
                    link={<Link to={`/projets/${p.id}`}>{p.title}</Link>}
                    level={p.level}
                    reasons={p.reasons}
                  />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="call-matches-territories">
            <h3 id="call-matches-territories">{t('fundingCalendar.matches.territories')}</h3>
            {matches.data.territories.length === 0 ? (
              <p className="muted">{t('fundingCalendar.matches.noTerritories')}</p>
            ) : (
              <ul className="suited-calls">
                {matches.data.territories.map((x) => (
                  <MatchCard
                    key={x.id}
                    link={
                      <Link to={`/programmes/${x.programme.id}`}>
                        {x.name} — {x.programme.name}
                      </Link>
                    }
                    level={x.level}
                    reasons={x.reasons}
                  >
                    {x.themeLabel ? <p className="muted">{x.themeLabel}</p> : null}
                  </MatchCard>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
