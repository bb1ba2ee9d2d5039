import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  type MySchedule,
  type SpeedDatingView,
  speedDatingRoutes,
} from '../../../../src/modules/events/speed-dating/contract';
import { type ApiError, asApiError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { Alert, ApiErrorAlert, Loading } from '../../ui/feedback';
import { TableWrap } from '../../ui/TableWrap';
import { roundSpan } from './format';
import { WishesForm } from './WishesForm';

/** A participant: their wishes, then their personal schedule and the follow-ups. */
export function ParticipantPanel({ view, onSaved }: { view: SpeedDatingView; onSaved(view: SpeedDatingView): void }) {
  const { t } = useI18n();
  const mine = view.mine;
  if (!mine || !view.settings) return null;
  if (mine.side === null) return <Alert kind="info">{t('sd.wishesForm.outOfRule')}</Alert>;
  return (
    <>
      <WishesForm
        view={view}
        from={mine}
        title={t('sd.wishesForm.title')}
        submitLabel={t('sd.wishesForm.save')}
        save={(wishes) => callApi(speedDatingRoutes.myWishes, { params: { id: view.eventId }, body: { wishes } })}
        onSaved={onSaved}
      />
      {view.summary ? <MyProgramme eventId={view.eventId} /> : <p className="muted">{t('sd.mine.notScheduled')}</p>}
    </>
  );
}

/** My rounds as a table (also used by the print page). */
export function MyRoundsTable({ schedule, headingId }: { schedule: MySchedule; headingId: string }) {
  const { t, locale } = useI18n();
  return (
    <TableWrap labelledBy={headingId}>
      <table className="sd-mine">
        <thead>
          <tr>
            <th scope="col">{t('sd.mine.round')}</th>
            <th scope="col">{t('sd.mine.time')}</th>
            <th scope="col">{t('sd.mine.table')}</th>
            <th scope="col">{t('sd.mine.meeting')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.rounds.map((r) => (
            <tr key={r.round}>
              <th scope="row">{r.round}</th>
              <td>{roundSpan(r, locale)}</td>
              <td>{r.tableNumber ?? '—'}</td>
              <td>{r.other ? (r.other.actorName ?? t('sd.unknownOrganisation')) : t('sd.mine.break')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function MyProgramme({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const query = useApiQuery(speedDatingRoutes.mySchedule, { params: { id: eventId } });
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const schedule = query.data;
  return (
    <section aria-labelledby="sd-mine" className="card sd-my-programme">
      <h3 id="sd-mine">{t('sd.mine.title')}</h3>
      <MyRoundsTable schedule={schedule} headingId="sd-mine" />
      <p>
        <Link to={`/evenements/${eventId}/speed-dating/programmes`}>{t('sd.print.mine')}</Link>
      </p>
      <FollowUps eventId={eventId} schedule={schedule} onSaved={(s) => query.setData(s)} />
    </section>
  );
}

function FollowUps({
  eventId,
  schedule,
  onSaved,
}: {
  eventId: string;
  schedule: MySchedule;
  onSaved(s: MySchedule): void;
}) {
  const { t } = useI18n();
  const [marked, setMarked] = useState<string[]>(() =>
    schedule.followUps.filter((f) => f.marked).map((f) => f.registrationId),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  if (!schedule.followUpsOpen) return <p className="muted">{t('sd.followUps.closed')}</p>;
  if (schedule.followUps.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onSaved(
        await callApi(speedDatingRoutes.myFollowUps, { params: { id: eventId }, body: { registrationIds: marked } }),
      );
      setSaved(true);
    } catch (failure) {
      setError(asApiError(failure));
    }
  };
  const anyRequest = schedule.followUps.some((f) => f.requestId);
  return (
    <form onSubmit={submit} aria-labelledby="sd-follow-ups">
      <h4 id="sd-follow-ups">{t('sd.followUps.title')}</h4>
      <p className="hint">{t('sd.followUps.hint')}</p>
      <ul className="sd-follow-ups">
        {schedule.followUps.map((f) => {
          const name = f.actorName ?? t('sd.unknownOrganisation');
          const id = `sd-follow-${f.registrationId}`;
          return (
            <li key={f.registrationId}>
              <input
                type="checkbox"
                id={id}
                checked={marked.includes(f.registrationId)}
                onChange={(e) => {
                  setSaved(false);
                  setMarked((m) =>
                    e.target.checked ? [...m, f.registrationId] : m.filter((x) => x !== f.registrationId),
                  );
                }}
              />{' '}
              <label htmlFor={id}>{t('sd.followUps.want', { name })}</label>
              {f.requestId ? <span className="badge"> {t('sd.followUps.request')}</span> : null}
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('sd.followUps.save')}
        </button>
        <span aria-live="polite">{saved ? t('sd.followUps.saved') : null}</span>
      </div>
      {error ? <ApiErrorAlert error={error} /> : null}
      {anyRequest ? (
        <p>
          <Link to="/mises-en-relation">{t('sd.followUps.requests')}</Link>
        </p>
      ) : null}
    </form>
  );
}
