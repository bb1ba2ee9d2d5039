import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { EventDetail } from '../../../../src/modules/events/contract';
import {
  type InvitationsInput,
  type InvitationsView,
  invitationRoutes,
} from '../../../../src/modules/events/invitations/contract';
import { programmeRoutes } from '../../../../src/modules/programmes/contract';
import { asApiError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { Field } from '../../ui/Field';
import '../minutes/minutes.css';
import { Alert, ApiErrorAlert, useErrorText } from '../../ui/feedback';

/**
 * Invitations: staff invite organisations or a programme's pilot group and follow who registered; an invited member
 * is told so.
 */
export function InvitationsSection({ event }: { event: EventDetail; onChange(): void }) {
  const { user } = useSession();
  if (!user) return null;
  return event.canEdit ? (
    <StaffInvitations event={event} />
  ) : (
    <MyInvitation eventId={event.id} hasOrganisation={Boolean(user.actorId)} />
  );
}

function MyInvitation({ eventId, hasOrganisation }: { eventId: string; hasOrganisation: boolean }) {
  const { t } = useI18n();
  const mine = useApiQuery(invitationRoutes.mine, { params: { id: eventId } });
  if (!mine.data?.invited) return null;
  return (
    <section className="card event-invitation-mine" aria-label={t('event-invitations.title')}>
      <p>
        <strong>{t(hasOrganisation ? 'event-invitations.mineOrganisation' : 'event-invitations.minePerson')}</strong>
      </p>
    </section>
  );
}

function StaffInvitations({ event }: { event: EventDetail }) {
  const { t, tn } = useI18n();
  const errorText = useErrorText();
  const list = useApiQuery(invitationRoutes.list, { params: { id: event.id } });
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const closed = event.status === 'cancelled';

  /** Sends one invitation request; says how many were new. Returns whether it succeeded. */
  const invite = async (body: InvitationsInput) => {
    setMessage(null);
    setFailure(null);
    try {
      const result = await callApi(invitationRoutes.invite, { params: { id: event.id }, body });
      setMessage(
        [
          tn('event-invitations.invited', result.invited),
          result.alreadyInvited ? tn('event-invitations.already', result.alreadyInvited) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      list.reload();
      return true;
    } catch (error) {
      setFailure(errorText(asApiError(error)));
      return false;
    }
  };
  const remove = async (id: string) => {
    setMessage(null);
    setFailure(null);
    try {
      await callApi(invitationRoutes.remove, { params: { id: event.id, invitationId: id } });
      setMessage(t('event-invitations.removed'));
      list.reload();
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    }
  };

  return (
    <section className="event-invitations" aria-labelledby="event-invitations-title">
      <h2 id="event-invitations-title">{t('event-invitations.title')}</h2>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      {list.data ? <InvitedList view={list.data} onRemove={remove} /> : null}
      <p className="status-line" role="status">
        {message}
      </p>
      {failure ? <Alert>{failure}</Alert> : null}
      {!closed ? (
        <div className="event-invitations-forms">
          <InviteOrganisations onInvite={(actorIds) => invite({ actorIds })} />
          <InvitePilots event={event} onInvite={(programmeTerritory) => invite({ programmeTerritory })} />
          <p className="muted small">{t('event-invitations.privacy')}</p>
        </div>
      ) : null}
    </section>
  );
}

function InvitedList({ view, onRemove }: { view: InvitationsView; onRemove(id: string): void }) {
  const { t } = useI18n();
  if (view.organisations.length === 0 && view.people.length === 0) {
    return <p className="muted">{t('event-invitations.none')}</p>;
  }
  const status = (r: InvitationsView['people'][number]['registered'], person: boolean) =>
    r === 'registered'
      ? t(person ? 'event-invitations.personRegistered' : 'event-invitations.registered')
      : r === 'waitlisted'
        ? t('event-invitations.waitlisted')
        : t(person ? 'event-invitations.personNotRegistered' : 'event-invitations.notRegistered');
  const removeButton = (id: string, name: string) => (
    <button
      type="button"
      className="button button-small button-secondary"
      aria-label={t('event-invitations.removeOf', { name })}
      onClick={() => onRemove(id)}
    >
      {t('event-invitations.remove')}
    </button>
  );
  return (
    <>
      {view.organisations.length ? (
        <>
          <h3 id="invited-organisations">{t('event-invitations.organisations')}</h3>
          <ul className="event-invited" aria-labelledby="invited-organisations">
            {view.organisations.map((o) => (
              <li key={o.id}>
                <Link to={`/acteurs/${o.actorId}`}>{o.name}</Link>{' '}
                <span className="muted">({status(o.registered, false)})</span> {removeButton(o.id, o.name)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.people.length ? (
        <>
          <h3 id="invited-people">{t('event-invitations.people')}</h3>
          <ul className="event-invited" aria-labelledby="invited-people">
            {view.people.map((p) => (
              <li key={p.id}>
                {p.displayName} <span className="muted">({status(p.registered, true)})</span>{' '}
                {removeButton(p.id, p.displayName)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Several organisations picked one by one, then invited together. */
function InviteOrganisations({ onInvite }: { onInvite(actorIds: string[]): Promise<boolean> }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<ActorChoice>({ id: null, text: '' });
  const [picked, setPicked] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const add = () => {
    const id = choice.id;
    if (!id) return;
    setPicked((list) => (list.some((p) => p.id === id) ? list : [...list, { id, name: choice.text }]));
    setChoice({ id: null, text: '' });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    if (await onInvite(picked.map((p) => p.id))) setPicked([]);
    setBusy(false);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-organisations">
      <h3 id="invite-organisations">{t('event-invitations.inviteOrganisations')}</h3>
      <ActorPicker id="invite-actor" label={t('event-invitations.organisation')} value={choice} onChange={setChoice} />
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={add} disabled={!choice.id}>
          {t('event-invitations.addToList')}
        </button>
      </div>
      {picked.length ? (
        <>
          <h4 id="invite-picked">{t('event-invitations.toInvite')}</h4>
          <ul className="event-invited" aria-labelledby="invite-picked">
            {picked.map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('event-invitations.unpick', { name: p.name })}
                  onClick={() => setPicked((list) => list.filter((x) => x.id !== p.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || picked.length === 0}>
          {t('event-invitations.send')}
        </button>
      </div>
    </form>
  );
}

/** A programme's participants, in one territory or all. */
function InvitePilots({
  event,
  onInvite,
}: {
  event: EventDetail;
  onInvite(target: { programmeId: string; territoryId: string | null }): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [programmeId, setProgrammeId] = useState(event.programme?.id ?? '');
  const [territoryId, setTerritoryId] = useState(event.programme?.territoryId ?? '');
  const [busy, setBusy] = useState(false);
  const programmes = useApiQuery(programmeRoutes.list, {});
  const territories = programmes.data?.items.find((p) => p.id === programmeId)?.territories ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await onInvite({ programmeId, territoryId: territoryId || null });
    setBusy(false);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-pilots">
      <h3 id="invite-pilots">{t('event-invitations.invitePilots')}</h3>
      <Field id="invite-programme" label={t('event-invitations.programme')} required>
        {(control) => (
          <select
            {...control}
            value={programmeId}
            onChange={(e) => {
              setProgrammeId(e.target.value);
              setTerritoryId('');
            }}
          >
            <option value="">{t('event-invitations.chooseProgramme')}</option>
            {(programmes.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="invite-territory" label={t('event-invitations.territory')}>
        {(control) => (
          <select {...control} value={territoryId} onChange={(e) => setTerritoryId(e.target.value)}>
            <option value="">{t('event-invitations.allTerritories')}</option>
            {territories.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button" disabled={busy || !programmeId}>
        {t('event-invitations.sendPilots')}
      </button>
    </form>
  );
}
