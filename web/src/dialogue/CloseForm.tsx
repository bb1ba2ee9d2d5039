import { useRef, useState } from 'react';
import { dialogueRoutes as api } from '../../../src/modules/dialogue/contract';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { TextField } from '../ui/TextField';
import { FormEnd, useAction } from './parts';

/** « Clore le défi »: a closing note, refused by the server (409) while proposals wait for an answer. */
export function CloseForm({
  challengeId,
  unanswered,
  onClosed,
}: {
  challengeId: string;
  unanswered: number;
  onClosed(): void;
}) {
  const { t, tn } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(formRef);
  const [note, setNote] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await action.run(
      () => callApi(api.closeChallenge, { params: { id: challengeId }, body: { closingNote: note } }),
      t('dialogue.close.done'),
    );
    if (ok) onClosed();
  };
  return (
    <section aria-labelledby="challenge-close" className="card dialogue-close">
      <h2 id="challenge-close">{t('dialogue.close.title')}</h2>
      {unanswered > 0 ? <p className="alert alert-warning">{tn('dialogue.close.unanswered', unanswered)}</p> : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        <TextField
          id="closingNote"
          kind="textarea"
          rows={4}
          label={t('dialogue.close.note')}
          hint={t('dialogue.close.hint')}
          value={note}
          onChange={setNote}
          error={action.fieldError('closingNote')}
          required
        />
        <FormEnd action={action} label={t('dialogue.close.submit')} />
      </form>
    </section>
  );
}
