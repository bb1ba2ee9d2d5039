import { Link } from 'react-router';
import { fundingCalendarRoutes } from '../../../../src/modules/funding/calendar/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { LevelBadge, Reasons } from './parts';

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
                  <li key={p.id} className="card suited-call">
                    <p className="suited-call-head">
                      <Link to={`/projets/${p.id}`}>{p.title}</Link>
                      <LevelBadge level={p.level} />
                    </p>
                    <Reasons reasons={p.reasons} />
                  </li>
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
                  <li key={x.id} className="card suited-call">
                    <p className="suited-call-head">
                      <Link to={`/programmes/${x.programme.id}`}>
                        {x.name} — {x.programme.name}
                      </Link>
                      <LevelBadge level={x.level} />
                    </p>
                    {x.themeLabel ? <p className="muted">{x.themeLabel}</p> : null}
                    <Reasons reasons={x.reasons} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
