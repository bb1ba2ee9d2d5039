// Small pieces shared by the dialogue's pages: badges, who wrote, deadlines, and the way every form sends.
import { type RefObject, useState } from 'react';
import { Link } from 'react-router';
import type { ChallengeSummary, ParticipantLabel } from '../../../src/modules/dialogue/contract';
import type { ChallengeStatus, ProposalOutcome } from '../../../src/modules/dialogue/vocabulary';
import { type ApiError, asApiError } from '../api/client';
import { useI18n } from '../i18n';
import { fieldTexts, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';

/** A calendar day (`2027-03-15`) read at noon, so that no time zone shifts it. */
export function useDay() {
  const { formatDate } = useI18n();
  return (iso: string) => formatDate(`${iso}T12:00:00`);
}

export function OutcomeBadge({ outcome }: { outcome: ProposalOutcome | null }) {
  const { t } = useI18n();
  const key = outcome ?? 'none';
  return <span className={`badge dialogue-outcome dialogue-outcome-${key}`}>{t(`dialogue.outcome.${key}`)}</span>;
}

export function ChallengeStatusBadge({ status }: { status: ChallengeStatus }) {
  const { t } = useI18n();
  return <span className={`badge dialogue-status dialogue-status-${status}`}>{t(`dialogue.status.${status}`)}</span>;
}

/** « Contributions jusqu’au 15 mars 2027 », or « Clos ». */
export function DeadlineText({
  challenge,
}: {
  challenge: Pick<ChallengeSummary, 'status' | 'contributionsCloseOn' | 'acceptsContributions'>;
}) {
  const { t } = useI18n();
  const day = useDay();
  const date = day(challenge.contributionsCloseOn);
  if (challenge.status === 'closed') return <>{t('dialogue.deadline.closed')}</>;
  if (!challenge.acceptsContributions && challenge.status === 'open')
    return <>{t('dialogue.deadline.passed', { date })}</>;
  return <>{t('dialogue.deadline.until', { date })}</>;
}

/**
 * The public name of who wrote, as plain text: the organisation, « Équipe d’animation » for the animation team, or
 * « Citoyen·ne (de …) ». Never the person's name: that is for staff only (`Participant` adds it).
 */
export function useParticipantText() {
  const { t } = useI18n();
  return (label: ParticipantLabel) => {
    if (label.actor) return label.actor.name;
    if (label.team) return t('dialogue.team');
    return label.communeName ? t('dialogue.citizenOf', { commune: label.communeName }) : t('dialogue.citizen');
  };
}

/** Who wrote: the organisation (a link), the animation team or « Citoyen·ne de … »; staff also see the person. */
export function Participant({ label }: { label: ParticipantLabel }) {
  const { t } = useI18n();
  const text = useParticipantText();
  return (
    <span className="dialogue-participant">
      {label.actor ? <Link to={`/acteurs/${label.actor.id}`}>{label.actor.name}</Link> : text(label)}
      {label.personName ? ` (${label.personName})` : null}
      {label.mine ? ` ${t('dialogue.you')}` : null}
    </span>
  );
}

export interface Action {
  sending: boolean;
  /** The failure's text (every field message joined), for the form's alert. */
  failure: string | null;
  error: ApiError | null;
  /** What went well, for the form's aria-live region. */
  done: string;
  fieldError(field: string): string | undefined;
  run(call: () => Promise<unknown>, success: string): Promise<boolean>;
}

/**
 * How a dialogue form sends: disabled while sending, the server's problem+json messages on their fields (the focus
 * goes to the first one), the rest in an alert, and a success message for the live region.
 */
export function useAction(form: RefObject<HTMLElement | null>): Action {
  const { locale } = useI18n();
  const errorText = useErrorText();
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const fields = error ? fieldTexts(error, locale) : {};
  return {
    sending,
    error,
    failure: error ? errorText(error) : null,
    done,
    // A group's message may come on one of its items (`themes.3`).
    fieldError: (field) => fields[field] ?? Object.entries(fields).find(([k]) => k.startsWith(`${field}.`))?.[1],
    run: async (call, success) => {
      setSending(true);
      setError(null);
      setDone('');
      try {
        await call();
        setDone(success);
        return true;
      } catch (e) {
        setError(asApiError(e));
        focusFirstInvalid();
        return false;
      } finally {
        setSending(false);
      }
    },
  };
}

/**
 * The end of a dialogue form: its submit button, the failure alert (`failure` replaces the server's words, e.g. to
 * explain a 403) and the live region saying what went well.
 */
export function FormEnd({ action, label, failure }: { action: Action; label: string; failure?: string | null }) {
  const { t } = useI18n();
  const text = failure ?? action.failure;
  return (
    <>
      {text ? (
        <div className="alert alert-error" role="alert">
          {text}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={action.sending} aria-disabled={action.sending}>
          {action.sending ? t('dialogue.sending') : label}
        </button>
      </div>
      <p className="dialogue-live" role="status" aria-live="polite">
        {action.done}
      </p>
    </>
  );
}

/** « Au nom de GEPA » / « En mon nom »: for members, who may act for their organisation or themselves. */
export function OnBehalfChoice({
  id,
  organisation,
  value,
  onChange,
}: {
  id: string;
  organisation: { name: string } | null;
  value: boolean;
  onChange(v: boolean): void;
}) {
  const { t } = useI18n();
  if (!organisation) return null;
  return (
    <fieldset className="dialogue-behalf">
      <legend>{t('dialogue.onBehalf')}</legend>
      <label>
        <input type="radio" name={id} checked={value} onChange={() => onChange(true)} />{' '}
        {t('dialogue.onBehalf.org', { name: organisation.name })}
      </label>
      <label>
        <input type="radio" name={id} checked={!value} onChange={() => onChange(false)} /> {t('dialogue.onBehalf.me')}
      </label>
    </fieldset>
  );
}
