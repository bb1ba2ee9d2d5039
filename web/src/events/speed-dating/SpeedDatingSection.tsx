import type { EventDetail } from '../../../../src/modules/events/contract';
import { speedDatingRoutes } from '../../../../src/modules/events/speed-dating/contract';
import { useApiQuery } from '../../api/useApi';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { ParticipantPanel } from './ParticipantPanel';
import { StaffPanel } from './StaffPanel';
import './speed-dating.css';

/** The speed dating of a speed-dating event: settings and schedule for staff; wishes and schedule for participants. */
export function SpeedDatingSection({ event, onChange }: { event: EventDetail; onChange(): void }) {
  const { user } = useSession();
  const enabled = event.kind === 'speedDating' && Boolean(user) && event.status !== 'cancelled';
  const query = useApiQuery(speedDatingRoutes.get, { params: { id: event.id } }, { enabled });
  const { t } = useI18n();
  if (!enabled) return null;
  const view = query.data;
  return (
    <section aria-labelledby="sd-title" className="sd-section">
      <h2 id="sd-title">{t('sd.title')}</h2>
      <p className="muted">{t('sd.intro')}</p>
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      {!view ? (
        query.loading ? (
          <Loading />
        ) : null
      ) : (
        <>
          {!view.settings && !view.canManage ? <p className="muted">{t('sd.notSet')}</p> : null}
          {view.canManage ? (
            <StaffPanel
              view={view}
              onSaved={(v) => {
                query.setData(v);
                onChange();
              }}
            />
          ) : null}
          {event.myRegistration?.status === 'waitlisted' ? (
            <p className="muted">{t('sd.wishesForm.waitlisted')}</p>
          ) : null}
          <ParticipantPanel view={view} onSaved={(v) => query.setData(v)} />
        </>
      )}
    </section>
  );
}
