import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type EventDetail, eventRoutes, type RegistrationLine } from '../../../src/modules/events/contract';
import { asApiError, buildUrl, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import { InvitationsSection } from './invitations/InvitationsSection';
import { MinutesSection } from './minutes/MinutesSection';
import { formatAgendaTime, formatEventDates, KindBadge, useSeatsText } from './parts';
import { SpeedDatingSection } from './speed-dating/SpeedDatingSection';

/** One event: dates, place, agenda, seats; registering for signed-in users; registrations and attendance for staff. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { user } = useSession();
  const event = useApiQuery(eventRoutes.get, { params: { id } });
  const registrations = useApiQuery(eventRoutes.registrations, { params: { id } }, { enabled: Boolean(user) });
  usePageTitle(event.data?.title ?? (event.error ? t('event.page.notFound') : t('event.list.title')));
  const seatsText = useSeatsText();

  const reloadAll = () => {
    event.reload();
    if (user) registrations.reload();
  };

  if (event.error) {
    return (
      <div className="narrow">
        <Back />
        <h1>{event.error.status === 404 ? t('event.page.notFound') : t('event.list.title')}</h1>
        <ApiErrorAlert error={event.error} />
      </div>
    );
  }
  if (!event.data) return <Loading />;
  const e = event.data;
  const over = e.status === 'held' || Date.parse(e.endsAt) <= Date.now();

  return (
    <div className="event-page">
      <Back />
      <header className="page-head">
        <div>
          <p className="event-meta">
            <KindBadge kind={e.kind} />
            {e.status !== 'planned' ? <span className="badge badge-muted">{t(`event.status.${e.status}`)}</span> : null}
          </p>
          <h1>{e.title}</h1>
        </div>
        {e.canEdit && e.status !== 'cancelled' ? <StaffActions event={e} onCancelled={reloadAll} /> : null}
      </header>
      {e.status === 'cancelled' ? <Alert kind="warning">{t('event.page.cancelled')}</Alert> : null}
      {e.status !== 'cancelled' && over ? <Alert kind="info">{t('event.page.past')}</Alert> : null}

      <div className="event-layout">
        <div className="event-main">
          <dl className="card event-facts">
            <div>
              <dt>{t('event.page.when')}</dt>
              <dd className="event-when-value">{formatEventDates(e.startsAt, e.endsAt, locale)}</dd>
            </div>
            {e.place || e.communeName ? (
              <div>
                <dt>{t('event.page.where')}</dt>
                <dd>{[e.place, e.communeName].filter(Boolean).join(' — ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('event.page.seats')}</dt>
              <dd className={e.seatsLeft === 0 ? 'event-full' : undefined}>{seatsText(e)}</dd>
            </div>
            {e.programme ? (
              <div>
                <dt>{t('programme.eventFact')}</dt>
                <dd>
                  <Link to={`/programmes/${e.programme.id}`}>{e.programme.name}</Link>
                  {e.programme.territoryName || e.programme.phaseName ? (
                    <span className="muted">
                      {' — '}
                      {[e.programme.territoryName, e.programme.phaseName].filter(Boolean).join(', ')}
                    </span>
                  ) : null}
                </dd>
              </div>
            ) : null}
          </dl>

          {e.description ? (
            <section className="card" aria-labelledby="event-description">
              <h2 id="event-description">{t('event.page.description')}</h2>
              <p className="event-description">{e.description}</p>
            </section>
          ) : null}

          {/* The table below is the region named by this heading. */}
          <div className="event-agenda-block">
            <h2 id="event-agenda">{t('event.page.agenda')}</h2>
            {e.agenda.length === 0 ? (
              <p className="muted">{t('event.page.noAgenda')}</p>
            ) : (
              <TableWrap labelledBy="event-agenda">
                <table className="event-agenda">
                  <thead>
                    <tr>
                      <th scope="col">{t('event.page.agendaTime')}</th>
                      <th scope="col">{t('event.page.agendaTitle')}</th>
                      <th scope="col">{t('event.page.agendaSpeakers')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.agenda.map((item, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the agenda is read-only here
                      <tr key={i}>
                        <td className="event-agenda-time">
                          <time dateTime={item.startsAt}>{formatAgendaTime(item.startsAt, locale)}</time>
                        </td>
                        <th scope="row">{item.title}</th>
                        <td>{item.speakers.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </div>
        </div>

        <aside className="event-side">
          <MyRegistration event={e} over={over} onChange={reloadAll} />
          <p>
            <a href={buildUrl(eventRoutes.eventIcs.path, { id: e.id })} download>
              {t('event.export.ics')}
            </a>
          </p>
        </aside>
      </div>

      {user ? (
        <section aria-labelledby="event-registrations" className="event-registrations">
          <h2 id="event-registrations">{t('event.reg.title')}</h2>
          {registrations.error ? <ApiErrorAlert error={registrations.error} /> : null}
          {!registrations.data && registrations.loading ? <Loading /> : null}
          {registrations.data ? (
            <Registrations
              view={registrations.data}
              eventId={e.id}
              canCheckIn={e.canEdit && e.status !== 'cancelled'}
              onChange={(line) =>
                registrations.setData((v) =>
                  v
                    ? {
                        ...v,
                        people: v.people.map((p) => (p.id === line.id ? line : p)),
                        checkedIn:
                          v.checkedIn +
                          (line.checkedInAt ? 1 : 0) -
                          (v.people.find((p) => p.id === line.id)?.checkedInAt ? 1 : 0),
                      }
                    : v,
                )
              }
            />
          ) : null}
        </section>
      ) : null}
      <SpeedDatingSection event={e} onChange={reloadAll} />
      <InvitationsSection event={e} onChange={reloadAll} />
      <MinutesSection event={e} onChange={reloadAll} />
    </div>
  );
}

function Back() {
  const { t } = useI18n();
  return (
    <p className="breadcrumb">
      <Link to="/evenements">
        <span aria-hidden="true">← </span>
        {t('event.page.back')}
      </Link>
    </p>
  );
}

/** « Modifier » and « Annuler l’événement », the latter after a confirmation. */
function StaffActions({ event, onCancelled }: { event: EventDetail; onCancelled(): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The question appears where the button was: the focus goes to its first answer.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const cancel = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await callApi(eventRoutes.cancel, { params: { id: event.id } });
      setConfirming(false);
      onCancelled();
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="event-actions">
      <Link className="button button-secondary" to={`/evenements/${event.id}/modifier`}>
        {t('event.page.edit')}
      </Link>
      {confirming ? (
        <div className="card event-confirm">
          <p>{t('event.page.cancelConfirm')}</p>
          <div className="event-actions">
            <button ref={confirmRef} type="button" className="button button-danger" onClick={cancel} disabled={busy}>
              {t('event.page.cancelYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('event.page.cancelNo')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('event.page.cancel')}
        </button>
      )}
      {failure ? <Alert>{failure}</Alert> : null}
    </div>
  );
}

/** The viewer's registration: register, or their status and a way to cancel it. */
function MyRegistration({ event, over, onChange }: { event: EventDetail; over: boolean; onChange(): void }) {
  const { t, formatNumber } = useI18n();
  const { user } = useSession();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mine = event.myRegistration;
  const closed = over || event.status === 'cancelled';

  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    setMessage(null);
    try {
      setMessage(await run());
      onChange();
    } catch (error) {
      setFailure(errorText(asApiError(error)));
      onChange();
    } finally {
      setBusy(false);
    }
  };
  const register = () =>
    act(async () => {
      const reg = await callApi(eventRoutes.register, { params: { id: event.id } });
      return reg.status === 'waitlisted'
        ? t('event.me.doneWaitlisted', { position: formatNumber(reg.waitlistPosition ?? 1) })
        : t('event.me.doneRegistered');
    });
  const unregister = () =>
    act(async () => {
      await callApi(eventRoutes.unregister, { params: { id: event.id } });
      return t('event.me.doneUnregistered');
    });

  return (
    <section className="card event-me" aria-labelledby="event-me-title">
      <h2 id="event-me-title">{t('event.me.title')}</h2>
      {!user ? (
        <p>
          <Link to={`/connexion?next=${encodeURIComponent(`/evenements/${event.id}`)}`}>{t('event.me.signIn')}</Link>
        </p>
      ) : (
        <>
          {mine ? (
            <p className={`event-my-status event-my-${mine.status}`}>
              <strong>
                {mine.status === 'waitlisted'
                  ? t('event.me.waitlisted', { position: formatNumber(mine.waitlistPosition ?? 1) })
                  : t('event.me.registered')}
              </strong>
            </p>
          ) : null}
          {mine?.status === 'registered' && mine.promotedAt ? <p>{t('event.me.promoted')}</p> : null}
          {mine?.checkedInAt ? <p>{t('event.me.checkedIn')}</p> : null}
          {!closed ? (
            mine ? (
              <button type="button" className="button button-secondary" onClick={unregister} disabled={busy}>
                {t('event.me.unregister')}
              </button>
            ) : (
              <button type="button" className="button" onClick={register} disabled={busy}>
                {event.seatsLeft === 0 ? t('event.me.registerWaitlist') : t('event.me.register')}
              </button>
            )
          ) : null}
          <p className="status-line" role="status">
            {message}
          </p>
          {failure ? <Alert>{failure}</Alert> : null}
        </>
      )}
    </section>
  );
}

/** Counts and organisations for everyone signed in; people, status and attendance for staff. */
function Registrations({
  view,
  eventId,
  canCheckIn,
  onChange,
}: {
  view: import('../../../src/modules/events/contract').RegistrationsView;
  eventId: string;
  canCheckIn: boolean;
  onChange(line: RegistrationLine): void;
}) {
  const { t, tn, formatNumber, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const checkIn = async (line: RegistrationLine, present: boolean) => {
    setBusy(line.id);
    setFailure(null);
    // The box shows the new state at once; the server's answer confirms it, or a failure puts it back.
    onChange({ ...line, checkedInAt: present ? new Date().toISOString() : null });
    try {
      onChange(
        await callApi(eventRoutes.checkIn, { params: { id: eventId, registrationId: line.id }, body: { present } }),
      );
    } catch (error) {
      onChange(line);
      setFailure(errorText(asApiError(error)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <p className="event-counts">
        {[
          tn('event.reg.registered', view.registered),
          tn('event.reg.waitlisted', view.waitlisted),
          tn('event.reg.checkedIn', view.checkedIn),
        ].join(', ')}
      </p>
      {view.canSeePeople ? (
        view.people.length === 0 ? (
          <p className="muted">{t('event.reg.noPeople')}</p>
        ) : (
          <>
            <h3 id="event-people">{t('event.reg.people')}</h3>
            {failure ? <Alert>{failure}</Alert> : null}
            <TableWrap labelledBy="event-people">
              <table className="event-people">
                <thead>
                  <tr>
                    <th scope="col">{t('event.reg.person')}</th>
                    <th scope="col">{t('event.reg.organisation')}</th>
                    <th scope="col">{t('event.reg.status')}</th>
                    <th scope="col">{t('event.reg.registeredAt')}</th>
                    <th scope="col">{t('event.reg.attendance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.people.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.displayName}</th>
                      <td>{p.actorName ?? '—'}</td>
                      <td>
                        {p.status === 'registered'
                          ? t('event.reg.statusRegistered')
                          : t('event.reg.statusWaitlisted', { position: formatNumber(p.waitlistPosition ?? 1) })}
                        {p.promotedAt ? (
                          <span className="muted small">
                            {' '}
                            ({t('event.reg.promoted', { date: formatDateTime(p.promotedAt) })})
                          </span>
                        ) : null}
                      </td>
                      <td>{formatDateTime(p.createdAt)}</td>
                      <td>
                        {p.status === 'registered' ? (
                          <label className="event-checkin">
                            <input
                              type="checkbox"
                              checked={p.checkedInAt !== null}
                              disabled={!canCheckIn || busy === p.id}
                              aria-label={t('event.reg.presentOf', { name: p.displayName })}
                              onChange={(ev) => checkIn(p, ev.target.checked)}
                            />{' '}
                            {t('event.reg.present')}
                          </label>
                        ) : (
                          <span aria-hidden="true">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p className="muted small">{t('event.reg.privacy')}</p>
            <h3 id="event-exports">{t('event.export.title')}</h3>
            <ul className="event-exports" aria-labelledby="event-exports">
              <li>
                <a href={buildUrl(eventRoutes.participantsCsv.path, { id: eventId })} download>
                  {t('event.export.csv')}
                </a>
              </li>
              <li>
                <a href={buildUrl(eventRoutes.participantsXlsx.path, { id: eventId })} download>
                  {t('event.export.xlsx')}
                </a>
              </li>
            </ul>
          </>
        )
      ) : null}
      <h3>{t('event.reg.organisations')}</h3>
      {view.organisations.length === 0 ? (
        <p className="muted">{t('event.reg.noOrganisations')}</p>
      ) : (
        <ul className="event-organisations">
          {view.organisations.map((o) => (
            <li key={o.actorId}>
              <Link to={`/acteurs/${o.actorId}`}>{o.name}</Link>{' '}
              <span className="muted">({tn('event.reg.seats', o.seats)})</span>
            </li>
          ))}
        </ul>
      )}
      {!view.canSeePeople ? <p className="muted small">{t('event.reg.privacy')}</p> : null}
    </>
  );
}
