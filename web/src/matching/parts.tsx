// Pieces shared by the suggestion, request and alliance panels: the score bar, the reasons, the dismissal fields.
import { Link } from 'react-router';
import type { Suggestion } from '../../../src/modules/matching/contract';
import { dismissReasons } from '../../../src/modules/matching/vocabulary';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert } from '../ui/feedback';
import './matching.css';

export type SuggestedActorView = Suggestion['actor'];

/** A reason as the server writes it (« cherche des bénévoles… ») as a sentence: capital first letter. */
export const sentence = (text: string) => (text ? text.charAt(0).toLocaleUpperCase('fr') + text.slice(1) : text);

/** 0.7408 → « 74 % » (narrow no-break space in French). */
export function usePercent() {
  const { locale } = useI18n();
  const format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return (n: number) => format.format(Math.max(0, Math.min(1, n)));
}

/** The score as a short bar and its percentage in words. */
export function ScoreBar({ score }: { score: number }) {
  const { t } = useI18n();
  const percent = usePercent();
  return (
    <p className="score">
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%` }} />
      </span>
      <span className="score-text">{t('matching.score', { percent: percent(score) })}</span>
    </p>
  );
}

export function ReasonList({ reasons, labelledBy }: { reasons: string[]; labelledBy?: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons" aria-labelledby={labelledBy}>
      {reasons.map((r) => (
        <li key={r}>{sentence(r)}</li>
      ))}
    </ul>
  );
}

/** An organisation's name (a link to its page), family and commune. */
export function ActorLine({
  actor,
  heading,
  nameId,
}: {
  actor: SuggestedActorView;
  heading?: boolean;
  /** The name's id, for a card labelled by it. */
  nameId?: string;
}) {
  const { t } = useI18n();
  const name = <Link to={`/acteurs/${actor.id}`}>{actor.name}</Link>;
  return (
    <>
      {heading ? (
        <h3 className="match-name" id={nameId}>
          {name}
        </h3>
      ) : (
        <p className="match-name" id={nameId}>
          {name}
        </p>
      )}
      <p className="match-kind small">
        <span className={`family-badge family-${actor.family}`}>{t(`family.${actor.family}`)}</span>
        {actor.communeName ? <span className="muted">{actor.communeName}</span> : null}
      </p>
    </>
  );
}

/** Why one sets a suggestion or a request aside: the reason (required) and a note, then send or cancel. */
export function DismissForm({
  idPrefix,
  label,
  hint,
  submitLabel,
  busy,
  reason,
  note,
  onReason,
  onNote,
  fieldErrors,
  generalError,
  onSubmit,
  onCancel,
  formRef,
}: {
  idPrefix: string;
  label: string;
  hint?: string;
  submitLabel: string;
  busy: boolean;
  reason: string;
  note: string;
  onReason(value: string): void;
  onNote(value: string): void;
  fieldErrors: Record<string, string | undefined>;
  generalError: string | null | undefined;
  onSubmit(): void;
  onCancel(): void;
  formRef?: (form: HTMLFormElement | null) => void;
}) {
  const { t } = useI18n();
  return (
    <form
      className="match-form"
      noValidate
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {hint ? <p className="small muted">{hint}</p> : null}
      <Field id={`${idPrefix}-reason`} label={label} required error={fieldErrors.reason}>
        {(control) => (
          <select {...control} value={reason} onChange={(e) => onReason(e.target.value)}>
            <option value="">{t('matching.dismiss.choose')}</option>
            {dismissReasons.map((r) => (
              <option key={r} value={r}>
                {t(`matching.dismissReason.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-note`} label={t('matching.dismiss.note')} error={fieldErrors.note}>
        {(control) => (
          <textarea {...control} rows={2} maxLength={1000} value={note} onChange={(e) => onNote(e.target.value)} />
        )}
      </Field>
      {generalError ? <Alert>{generalError}</Alert> : null}
      <div className="form-actions">
        <button type="submit" className="button button-danger button-small" disabled={busy}>
          {busy ? t('matching.sending') : submitLabel}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          {t('matching.cancel')}
        </button>
      </div>
    </form>
  );
}
