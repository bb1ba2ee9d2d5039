import { Link, useParams } from 'react-router';
import { allows, staff as staffRoles } from '../../../../src/auth/roles';
import { eventRoutes } from '../../../../src/modules/events/contract';
import {
  type MySchedule,
  type ScheduleView,
  type SpeedDatingParty,
  speedDatingRoutes,
} from '../../../../src/modules/events/speed-dating/contract';
import { useApiQuery } from '../../api/useApi';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { usePageTitle } from '../../ui/usePageTitle';
import { formatEventDates } from '../parts';
import { partyName, roundSpan } from './format';
import { MyRoundsTable } from './ParticipantPanel';
import './speed-dating.css';

/** Back link and « Imprimer », hidden on paper. */
function Toolbar({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  return (
    <p className="sd-print-toolbar">
      <Link to={`/evenements/${eventId}`}>
        <span aria-hidden="true">← </span>
        {t('sd.print.back')}
      </Link>{' '}
      <button type="button" className="button button-secondary" onClick={() => window.print()}>
        {t('sd.print.button')}
      </button>
    </p>
  );
}

/** Each seated participant's rounds, derived from the full schedule (staff print everyone's). */
function programmesOf(plan: ScheduleView): { party: SpeedDatingParty; schedule: MySchedule }[] {
  const parties = new Map<string, SpeedDatingParty>();
  for (const r of plan.rounds) {
    for (const m of r.meetings) for (const p of [m.a, m.b]) parties.set(p.registrationId, p);
    for (const p of r.breaks) parties.set(p.registrationId, p);
  }
  return [...parties.values()].map((party) => ({
    party,
    schedule: {
      registrationId: party.registrationId,
      scheduled: true,
      followUpsOpen: false,
      followUps: [],
      rounds: plan.rounds.map((r) => {
        const m = r.meetings.find(
          (x) => x.a.registrationId === party.registrationId || x.b.registrationId === party.registrationId,
        );
        const other = m ? (m.a.registrationId === party.registrationId ? m.b : m.a) : null;
        // Printed for the participant themselves: the organisation met, not the person.
        return {
          round: r.round,
          startsAt: r.startsAt,
          endsAt: r.endsAt,
          tableNumber: m?.tableNumber ?? null,
          other: other ? { ...other, displayName: null } : null,
        };
      }),
    },
  }));
}

function useEventHead(id: string) {
  const { locale } = useI18n();
  const event = useApiQuery(eventRoutes.get, { params: { id } });
  const head = event.data ? (
    <p className="muted">
      {event.data.title} — {formatEventDates(event.data.startsAt, event.data.endsAt, locale)}
    </p>
  ) : null;
  return { title: event.data?.title ?? '', head };
}

/** `/evenements/:id/speed-dating/programmes`: staff print every personal schedule, a participant their own. */
export function ProgrammesPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const staff = allows(staffRoles, user?.role ?? null);
  const { title, head } = useEventHead(id);
  usePageTitle(`${t('sd.print.programmes')} — ${title}`);
  const all = useApiQuery(speedDatingRoutes.schedule, { params: { id } }, { enabled: staff });
  const mine = useApiQuery(speedDatingRoutes.mySchedule, { params: { id } }, { enabled: Boolean(user) && !staff });
  const error = staff ? all.error : mine.error;
  const unknown = t('sd.unknownOrganisation');
  let sheets: { party: SpeedDatingParty | null; schedule: MySchedule }[] | null = null;
  if (staff && all.data) sheets = programmesOf(all.data);
  if (!staff && mine.data) sheets = [{ party: null, schedule: mine.data }];
  return (
    <div className="sd-print">
      <Toolbar eventId={id} />
      {error ? <ApiErrorAlert error={error} /> : null}
      {!sheets && !error ? <Loading /> : null}
      {sheets?.length === 0 || (sheets && !sheets[0]?.schedule.scheduled) ? <p>{t('sd.print.notScheduled')}</p> : null}
      {sheets?.map(({ party, schedule }) => {
        const headingId = `sd-sheet-${schedule.registrationId}`;
        return (
          <section key={schedule.registrationId} className="sd-sheet" aria-labelledby={headingId}>
            <h1 id={headingId}>
              {party ? t('sd.print.programmeOf', { name: partyName(party, unknown) }) : t('sd.mine.title')}
            </h1>
            {head}
            <MyRoundsTable schedule={schedule} headingId={headingId} />
          </section>
        );
      })}
    </div>
  );
}

/** `/evenements/:id/speed-dating/tables`: one sheet per table, its rounds, times and the two organisations. */
export function TablesPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { title, head } = useEventHead(id);
  usePageTitle(`${t('sd.print.tables')} — ${title}`);
  const all = useApiQuery(speedDatingRoutes.schedule, { params: { id } });
  const unknown = t('sd.unknownOrganisation');
  const plan = all.data;
  return (
    <div className="sd-print">
      <Toolbar eventId={id} />
      {all.error ? <ApiErrorAlert error={all.error} /> : null}
      {!plan && !all.error ? <Loading /> : null}
      {plan
        ? Array.from({ length: plan.tables }, (_, k) => k + 1).map((table) => {
            const headingId = `sd-table-${table}`;
            return (
              <section key={table} className="sd-sheet" aria-labelledby={headingId}>
                <h1 id={headingId}>{t('sd.print.tableSheet', { table })}</h1>
                {head}
                <table className="sd-mine">
                  <thead>
                    <tr>
                      <th scope="col">{t('sd.mine.round')}</th>
                      <th scope="col">{t('sd.mine.time')}</th>
                      <th scope="col">{t('sd.mine.meeting')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.rounds.map((r) => {
                      const m = r.meetings.find((x) => x.tableNumber === table);
                      return (
                        <tr key={r.round}>
                          <th scope="row">{r.round}</th>
                          <td>{roundSpan(r, locale)}</td>
                          <td>
                            {m ? `${m.a.actorName ?? unknown} × ${m.b.actorName ?? unknown}` : t('sd.grid.empty')}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            );
          })
        : null}
    </div>
  );
}
