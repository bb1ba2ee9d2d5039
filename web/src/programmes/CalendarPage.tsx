import { Link, useParams } from 'react-router';
import { programmeRoutes, type TimelineView } from '../../../src/modules/programmes/contract';
import { actionStatuses } from '../../../src/modules/programmes/vocabulary';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { formatEventDates, KindBadge } from '../events/parts';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { formatDay, ProgrammeShell, StatusBadge } from './parts';
import { Timeline } from './Timeline';

/** The programme's timeline, drawn, then as tables (the same data for screen readers and keyboard users). */
export function CalendarPage() {
  const { t } = useI18n();
  return (
    <ProgrammeShell section="calendar" title={t('programme.calendar.title')}>
      {() => <Calendar />}
    </ProgrammeShell>
  );
}

function Calendar() {
  const { t } = useI18n();
  const { user } = useSession();
  const { id = '' } = useParams();
  const timeline = useApiQuery(programmeRoutes.timeline, { params: { id } });
  if (timeline.error) return <ApiErrorAlert error={timeline.error} />;
  if (!timeline.data) return <Loading />;
  const view = timeline.data;
  return (
    <>
      <p className="tagline">{t('programme.calendar.intro')}</p>
      {user ? null : <p className="muted">{t('programme.calendar.actionsSignIn')}</p>}
      <Legend />
      <Timeline view={view} />
      <TimelineTables view={view} />
    </>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="programme-legend" aria-label={t('programme.calendar.legend')}>
      {actionStatuses.map((s) => (
        <li key={s}>
          <span className={`legend-swatch timeline-status-${s}`} aria-hidden="true" />
          {t(`programme.status.${s}`)}
        </li>
      ))}
      <li>
        <span className="legend-swatch legend-late" aria-hidden="true" />
        {t('programme.status.late')}
      </li>
      <li>
        <span className="legend-diamond" aria-hidden="true" />
        {t('programme.calendar.event')}
      </li>
      <li>
        <span className="legend-today" aria-hidden="true" />
        {t('programme.calendar.today')}
      </li>
    </ul>
  );
}

function TimelineTables({ view }: { view: TimelineView }) {
  const { t, locale } = useI18n();
  const phaseName = (id: string | null) => view.phases.find((ph) => ph.id === id)?.name ?? '';
  return (
    <section aria-labelledby="timeline-list" className="programme-timeline-tables">
      <h3 id="timeline-list">{t('programme.calendar.listTitle')}</h3>
      <TableWrap labelledBy="timeline-phases">
        <table>
          <caption id="timeline-phases">{t('programme.calendar.phases')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programme.plan.col.phase')}</th>
              <th scope="col">{t('programme.calendar.col.start')}</th>
              <th scope="col">{t('programme.calendar.col.end')}</th>
            </tr>
          </thead>
          <tbody>
            {view.phases.map((ph) => (
              <tr key={ph.id}>
                <th scope="row">{ph.name}</th>
                <td>{formatDay(ph.startsOn, locale)}</td>
                <td>{formatDay(ph.endsOn, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {view.actions.length === 0 ? (
        <p className="muted">{t('programme.calendar.noActions')}</p>
      ) : (
        <TableWrap labelledBy="timeline-actions">
          <table>
            <caption id="timeline-actions">{t('programme.calendar.actions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.plan.col.title')}</th>
                <th scope="col">{t('programme.plan.col.phase')}</th>
                <th scope="col">{t('programme.calendar.col.start')}</th>
                <th scope="col">{t('programme.plan.col.due')}</th>
                <th scope="col">{t('programme.plan.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.title}</th>
                  <td>{phaseName(a.phaseId)}</td>
                  <td>{formatDay(a.startsOn, locale)}</td>
                  <td>{formatDay(a.dueOn, locale)}</td>
                  <td>
                    <StatusBadge status={a.status} late={a.late} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {view.events.length === 0 ? (
        <p className="muted">{t('programme.calendar.noEvents')}</p>
      ) : (
        <TableWrap labelledBy="timeline-events">
          <table>
            <caption id="timeline-events">{t('programme.calendar.events')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.meetings.title')}</th>
                <th scope="col">{t('programme.meetings.kind')}</th>
                <th scope="col">{t('programme.meetings.when')}</th>
              </tr>
            </thead>
            <tbody>
              {view.events.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/evenements/${e.id}`}>{e.title}</Link>
                  </th>
                  <td>
                    <KindBadge kind={e.kind} />
                  </td>
                  <td>{formatEventDates(e.startsAt, e.endsAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
