import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ResponseOf } from '../../../src/http/contract';
import { matchingRoutes, type Suggestion, type SuggestionList } from '../../../src/modules/matching/contract';
import type { DismissReason } from '../../../src/modules/matching/vocabulary';
import { type ApiError, asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, useErrorText } from '../ui/feedback';
import { ActorLine, DismissForm, ReasonList, ScoreBar } from './parts';

export type DecisionResult = ResponseOf<typeof matchingRoutes.decide>;

type Mode = 'idle' | 'accept' | 'dismiss';

/**
 * One suggested partner: who, how relevant, why, where the pair stands, and (for those who decide) « Accepter » with
 * an optional message or « Écarter » with a reason.
 */
export function SuggestionCard({
  item,
  subject,
  canDecide,
  partnershipId,
  onAccepted,
  onDismissed,
}: {
  item: Suggestion;
  subject: SuggestionList['subject'];
  canDecide: boolean;
  /** The draft partnership opened when this acceptance completed a mutual one. */
  partnershipId: string | undefined;
  onAccepted(result: DecisionResult): void;
  onDismissed(): void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [mode, setMode] = useState<Mode>('idle');
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const acceptButton = useRef<HTMLButtonElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const firstControl = useRef<HTMLElement | null>(null);
  const a = item.actor;
  const request = item.request;
  const theyAsked = request?.direction === 'received' && request.status === 'pending';
  const settled =
    request !== null &&
    (request.status === 'accepted' || (request.direction === 'sent' && request.status === 'pending'));
  const fieldErrors = error ? fieldErrorsOf(error, locale) : {};
  const reasonsId = `${id}-reasons`;

  const returnTo = useRef<'accept' | 'dismiss' | null>(null);

  // The first control of a form that opens gets the focus; on cancel, the button that opened it gets it back.
  useEffect(() => {
    if (mode !== 'idle') firstControl.current?.focus();
    else if (returnTo.current) {
      (returnTo.current === 'accept' ? acceptButton : dismissButton).current?.focus();
      returnTo.current = null;
    }
  }, [mode]);

  const close = (back: 'accept' | 'dismiss') => {
    returnTo.current = back;
    setMode('idle');
    setError(null);
  };

  const send = async (decision: 'accept' | 'dismiss') => {
    setBusy(true);
    setError(null);
    try {
      const result = await callApi(matchingRoutes.decide, {
        body: {
          subjectKind: subject.kind,
          subjectId: subject.id,
          candidateId: a.id,
          decision,
          reason: decision === 'dismiss' && reason ? (reason as DismissReason) : null,
          note: decision === 'accept' ? message : note,
        },
      });
      setMode('idle');
      if (decision === 'accept') onAccepted(result);
      else onDismissed();
    } catch (e) {
      const apiError = asApiError(e);
      setError(apiError);
      if (apiError.errors.some((x) => x.field === 'reason')) document.getElementById(`${id}-dismiss-reason`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  // Errors that no field shows (a forbidden decision, a network failure…).
  const generalError =
    error && (error.errors.length === 0 || error.errors.some((x) => !['reason', 'note'].includes(x.field)))
      ? errorText(error)
      : null;

  return (
    <article className="card match-card" aria-labelledby={`${id}-name`}>
      <div className="match-card-body">
        <div className="match-card-main">
          <ActorLine actor={a} heading nameId={`${id}-name`} />
          <h4 id={reasonsId} className="visually-hidden">
            {t('matching.reasons')}
          </h4>
          <ReasonList reasons={item.reasons.map((r) => r.text)} labelledBy={reasonsId} />
        </div>
        <div className="match-card-side">
          <ScoreBar score={item.score} />
          {request ? (
            <p className={`match-state match-state-${request.direction}-${request.status}`}>
              {t(`matching.request.${request.direction}.${request.status}`)}
            </p>
          ) : null}
          {partnershipId ? (
            <p className="small">
              <Link to={`/partenariats/${partnershipId}`}>{t('matching.done.openPartnership')}</Link>
            </p>
          ) : null}
          {canDecide && !settled && mode === 'idle' ? (
            <div className="match-actions">
              <button
                ref={acceptButton}
                type="button"
                className="button button-small"
                onClick={() => setMode('accept')}
              >
                {t('matching.accept')}
                <span className="visually-hidden"> : {a.name}</span>
              </button>
              <button
                ref={dismissButton}
                type="button"
                className="button button-secondary button-small"
                onClick={() => setMode('dismiss')}
              >
                {t('matching.dismiss')}
                <span className="visually-hidden"> : {a.name}</span>
              </button>
            </div>
          ) : null}
        </div>
      </div>
      <div id={`${id}-form`}>
        {mode === 'accept' ? (
          <form
            className="match-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void send('accept');
            }}
          >
            {theyAsked ? <p className="small">{t('matching.accept.mutualHint')}</p> : null}
            <Field
              id={`${id}-message`}
              label={t('matching.accept.message', { name: a.name })}
              hint={t('matching.accept.hint')}
              error={fieldErrors.note}
            >
              {(control) => (
                <textarea
                  {...control}
                  ref={(el) => {
                    firstControl.current = el;
                  }}
                  rows={3}
                  maxLength={1000}
                  value={message}
                  onChange={(e) => setMessage(e.target.value)}
                />
              )}
            </Field>
            {generalError ? <Alert>{generalError}</Alert> : null}
            <div className="form-actions">
              <button type="submit" className="button button-small" disabled={busy}>
                {busy ? t('matching.sending') : theyAsked ? t('matching.accept.mutual') : t('matching.accept.send')}
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => close('accept')}>
                {t('matching.cancel')}
              </button>
            </div>
          </form>
        ) : null}
        {mode === 'dismiss' ? (
          <DismissForm
            idPrefix={`${id}-dismiss`}
            label={t('matching.dismiss.reason')}
            hint={t('matching.dismiss.hint')}
            submitLabel={t('matching.dismiss.submit')}
            busy={busy}
            reason={reason}
            note={note}
            onReason={setReason}
            onNote={setNote}
            fieldErrors={fieldErrors}
            generalError={generalError}
            onSubmit={() => void send('dismiss')}
            onCancel={() => close('dismiss')}
            formRef={(el) => {
              firstControl.current = el?.querySelector('select') ?? null;
            }}
          />
        ) : null}
      </div>
    </article>
  );
}
