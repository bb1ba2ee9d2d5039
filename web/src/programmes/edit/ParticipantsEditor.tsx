import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ProgrammeDetail, programmeRoutes } from '../../../../src/modules/programmes/contract';
import { asApiError, callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { Alert, useErrorText } from '../../ui/feedback';
import { TextField } from '../../ui/TextField';
import { FormStatus, useSaveForm } from '../parts';
import { TerritorySelect } from './TerritorySelect';

/** The participating actors: one added at a time (organisation, territory, role), each removable. */
export function ParticipantsEditor({ p, onSaved }: { p: ProgrammeDetail; onSaved(p: ProgrammeDetail): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const form = useSaveForm();
  const [actor, setActor] = useState<ActorChoice>({ id: null, text: '' });
  const [territoryId, setTerritoryId] = useState('');
  const [role, setRole] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The participant whose removal awaits confirmation (one at a time); its « yes » button takes the focus.
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const territoryName = (id: string | null) => p.territories.find((tr) => tr.id === id)?.name;

  const add = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (form.refuse(actor.id ? {} : { actorId: t('programme.form.unknownActor') })) return;
    const name = actor.text;
    void form.run(
      () =>
        callApi(programmeRoutes.putParticipant, {
          params: { id: p.id, actorId: actor.id ?? '' },
          body: { territoryId: territoryId || null, role },
        }),
      (saved) => {
        setActor({ id: null, text: '' });
        setRole('');
        setNotice(t('programme.edit.participantAdded', { name }));
        onSaved(saved);
      },
    );
  };
  const remove = async (actorId: string, name: string) => {
    setConfirming(null);
    setNotice(null);
    setFailure(null);
    try {
      await callApi(programmeRoutes.deleteParticipant, { params: { id: p.id, actorId } });
      setNotice(t('programme.edit.participantRemoved', { name }));
      onSaved({ ...p, participants: p.participants.filter((x) => x.actorId !== actorId) });
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    }
  };

  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {failure ? <Alert>{failure}</Alert> : null}
      {p.participants.length === 0 ? (
        <p className="muted">{t('programme.participants.empty')}</p>
      ) : (
        <ul className="programme-participant-list">
          {p.participants.map((a) => (
            <li key={a.actorId}>
              <span>
                {a.name}
                {territoryName(a.territoryId) ? <span className="muted"> — {territoryName(a.territoryId)}</span> : null}
                {a.role ? <span className="muted"> — {a.role}</span> : null}
              </span>
              {confirming === a.actorId ? (
                <span>
                  <span className="small">{t('programme.edit.removeConfirm', { name: a.name })} </span>
                  <button
                    ref={confirmRef}
                    type="button"
                    className="button button-danger button-small"
                    onClick={() => void remove(a.actorId, a.name)}
                  >
                    {t('programme.edit.removeYes')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setConfirming(null)}
                  >
                    {t('programme.edit.removeNo')}
                  </button>
                </span>
              ) : (
                <button type="button" className="link-button" onClick={() => setConfirming(a.actorId)}>
                  {t('programme.edit.removeParticipant', { name: a.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form ref={form.formRef} onSubmit={add} noValidate className="programme-participant-add">
        <FormStatus form={{ ...form, saved: false }} shown={(f) => ['actorId', 'territoryId', 'role'].includes(f)} />
        <div className="grid-3">
          <ActorPicker
            id="participant-actor"
            label={t('programme.edit.participantActor')}
            value={actor}
            onChange={setActor}
            error={form.err('actorId')}
            required
          />
          <TerritorySelect
            id="participant-territory"
            label={t('programme.edit.participantTerritory')}
            p={p}
            value={territoryId}
            onChange={setTerritoryId}
            error={form.err('territoryId')}
          />
          <TextField
            id="participant-role"
            label={t('programme.edit.participantRole')}
            error={form.err('role')}
            value={role}
            onChange={setRole}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={form.saving}>
            {t('programme.edit.addParticipant')}
          </button>
        </div>
      </form>
    </>
  );
}
