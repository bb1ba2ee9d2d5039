import { useRef, useState } from 'react';
import type { z } from 'zod';
import { dialogueRoutes as api, type outcomeView, type ProposalDetail } from '../../../src/modules/dialogue/contract';
import { type ProposalOutcome, proposalOutcomes } from '../../../src/modules/dialogue/vocabulary';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { errorId } from '../ui/Field';
import { TextField } from '../ui/TextField';
import { FormEnd, OutcomeBadge, useAction } from './parts';

/** The published answer: outcome, who answered, when, and why. */
export function AnswerView({ outcome: o }: { outcome: z.infer<typeof outcomeView> }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="proposal-answer" className="card dialogue-answer">
      <h2 id="proposal-answer">
        {t('dialogue.answer.view')} <OutcomeBadge outcome={o.outcome} />
      </h2>
      <p className="small muted">
        {t('dialogue.answer.by', {
          who: o.answeredFor?.name ?? t('dialogue.challenge.animators'),
          date: formatDate(o.answeredAt),
        })}
      </p>
      <p className="dialogue-text">{o.reason}</p>
    </section>
  );
}

/** « Répondre à la proposition »: the answering authority or the animators choose an outcome and give a reason. */
export function AnswerPanel({ proposal: p, onDone }: { proposal: ProposalDetail; onDone(): void }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(formRef);
  const [outcome, setOutcome] = useState<ProposalOutcome | ''>(p.outcome?.outcome ?? '');
  const [reason, setReason] = useState(p.outcome?.reason ?? '');
  const outcomeError = action.fieldError('outcome');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await action.run(
      () =>
        callApi(api.answer, {
          params: { id: p.id },
          body: { outcome: outcome as ProposalOutcome, reason },
        }),
      t('dialogue.answer.sent'),
    );
    if (ok) onDone();
  };
  return (
    <section aria-labelledby="answer-title" className="card dialogue-panel">
      <h2 id="answer-title">{t('dialogue.answer.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <fieldset
          className={`dialogue-radios${outcomeError ? ' field-invalid' : ''}`}
          id="outcome"
          aria-describedby={outcomeError ? errorId('outcome') : undefined}
        >
          <legend>
            {t('dialogue.answer.outcome')}{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </legend>
          {proposalOutcomes.map((o) => (
            <label key={o}>
              <input
                type="radio"
                name="answer-outcome"
                value={o}
                checked={outcome === o}
                aria-invalid={outcomeError && o === proposalOutcomes[0] ? true : undefined}
                onChange={() => setOutcome(o)}
              />{' '}
              {t(`dialogue.outcome.${o}`)}
            </label>
          ))}
          {outcomeError ? (
            <p className="field-error" id={errorId('outcome')}>
              {outcomeError}
            </p>
          ) : null}
        </fieldset>
        <TextField
          id="reason"
          kind="textarea"
          rows={4}
          label={t('dialogue.answer.reason')}
          hint={t('dialogue.answer.reasonHint')}
          value={reason}
          onChange={setReason}
          error={action.fieldError('reason')}
          required
        />
        <FormEnd action={action} label={t('dialogue.answer.submit')} />
      </form>
    </section>
  );
}
