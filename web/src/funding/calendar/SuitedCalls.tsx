import { fundingCalendarRoutes } from '../../../../src/modules/funding/calendar/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { SuitedCallList } from './parts';

/** The project page's « Appels à projets correspondants »: the open or announced calls that suit the project. */
export function ProjectCallsSection({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const calls = useApiQuery(fundingCalendarRoutes.projectCalls, { params: { id: projectId } });
  return (
    <section aria-labelledby="project-calls" className="suited-calls-section no-print">
      <h2 id="project-calls">{t('fundingCalendar.suited.title')}</h2>
      <p className="muted">{t('fundingCalendar.suited.intro')}</p>
      {calls.error ? <ApiErrorAlert error={calls.error} /> : null}
      {!calls.data && !calls.error ? <Loading /> : null}
      {calls.data?.items.length === 0 ? <p className="muted">{t('fundingCalendar.suited.empty')}</p> : null}
      {calls.data?.items.length ? <SuitedCallList calls={calls.data.items} /> : null}
    </section>
  );
}

/** The programme page's « Appels à projets correspondants »: per territory, the open or announced calls that suit it. */
export function ProgrammeCallsSection({ programmeId }: { programmeId: string }) {
  const { t } = useI18n();
  const calls = useApiQuery(fundingCalendarRoutes.programmeCalls, { params: { id: programmeId } });
  return (
    <section aria-labelledby="programme-calls" className="suited-calls-section">
      <h2 id="programme-calls">{t('fundingCalendar.suited.title')}</h2>
      <p className="muted">{t('fundingCalendar.suited.intro')}</p>
      {calls.error ? <ApiErrorAlert error={calls.error} /> : null}
      {!calls.data && !calls.error ? <Loading /> : null}
      {calls.data?.territories.length === 0 ? <p className="muted">{t('fundingCalendar.suited.empty')}</p> : null}
      {calls.data?.territories.map((territory) => (
        <section key={territory.id} aria-labelledby={`programme-calls-${territory.id}`}>
          <h3 id={`programme-calls-${territory.id}`}>{territory.name}</h3>
          {territory.calls.length ? (
            <SuitedCallList calls={territory.calls} />
          ) : (
            <p className="muted">{t('fundingCalendar.suited.territoryEmpty')}</p>
          )}
        </section>
      ))}
    </section>
  );
}
