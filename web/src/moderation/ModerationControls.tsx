import { useId, useState } from 'react';
import { Link } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { decisionReasonMax, moderationRoutes } from '../../../src/modules/dialogue/moderation/contract';
import type { ModerationAction } from '../../../src/modules/dialogue/vocabulary';
import { asApiError, callApi } from '../api/client';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, fieldTexts, useErrorText } from '../ui/feedback';
import { TextField } from '../ui/TextField';
import './moderation.css';

export const historyLink = (target: 'proposal' | 'comment', id: string) =>
  `/moderation/historique?cible=${target}&id=${id}`;

/**
 * The animators' buttons on a content: « Masquer » (or « Rétablir » when hidden) with a required reason, and
 * « Conserver » to dismiss its open reports when `dismissable`. Renders nothing for anyone but staff. It owns the
 * notice of a hidden content (date and reason): pages showing these controls do not write their own.
 */
export function ModerationControls(props: {
  target: 'proposal' | 'comment';
  id: string;
  hidden: { at: string; reason: string } | null;
  onChange?: () => void;
  /** The queue offers to keep the content and dismiss its reports too. */
  dismissable?: boolean;
}) {
  const { t, locale, formatDate } = useI18n();
  const { role } = useSession();
  const errorText = useErrorText();
  const formId = useId();
  const [action, setAction] = useState<ModerationAction | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!isStaff(role)) return null;

  const start = (next: ModerationAction) => {
    setAction(next);
    setReason('');
    setError(undefined);
    setFailure(null);
    setDone(null);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!action) return;
    setFailure(null);
    if (!reason.trim()) {
      setError(fieldMessage('required', locale));
      document.getElementById(`${formId}-reason`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await callApi(moderationRoutes.decide, {
        body: { target: props.target, id: props.id, action, reason: reason.trim() },
      });
      setDone(t(`moderation.controls.done.${action}`));
      setAction(null);
      props.onChange?.();
    } catch (err) {
      const apiError = asApiError(err);
      const byField = fieldTexts(apiError, locale);
      if (byField.reason) setError(byField.reason);
      else setFailure(errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  const confirmKey = action === 'hide' ? 'confirmHide' : action === 'restore' ? 'confirmRestore' : 'confirmDismiss';

  return (
    <div className="moderation-controls">
      {props.hidden ? (
        // The one notice of a hidden content (the pages around do not repeat it): only staff still see the content.
        <p className="alert alert-warning moderation-hidden-note">
          {t('moderation.controls.hiddenSince', { date: formatDate(props.hidden.at), reason: props.hidden.reason })}
        </p>
      ) : null}
      <div aria-live="polite">
        {done ? <Alert kind="success">{done}</Alert> : null}
        {failure ? <Alert>{failure}</Alert> : null}
      </div>
      {action ? (
        <form onSubmit={submit} noValidate className="moderation-form">
          <TextField
            id={`${formId}-reason`}
            label={t('moderation.controls.reason')}
            kind="textarea"
            rows={2}
            required
            maxLength={decisionReasonMax}
            value={reason}
            onChange={(v) => {
              setReason(v);
              if (error && v.trim()) setError(undefined);
            }}
            error={error}
          />
          <div className="dialog-actions">
            <button type="submit" className="button" disabled={busy}>
              {t(`moderation.controls.${confirmKey}`)}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAction(null)}>
              {t('moderation.controls.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="moderation-buttons">
          {props.hidden ? (
            <button type="button" className="button button-secondary" onClick={() => start('restore')}>
              {t('moderation.controls.restore')}
            </button>
          ) : (
            <button type="button" className="button button-danger" onClick={() => start('hide')}>
              {t('moderation.controls.hide')}
            </button>
          )}
          {props.dismissable && !props.hidden ? (
            <button type="button" className="button button-secondary" onClick={() => start('dismiss')}>
              {t('moderation.controls.dismiss')}
            </button>
          ) : null}
          <Link to={historyLink(props.target, props.id)}>{t('moderation.controls.history')}</Link>
        </div>
      )}
    </div>
  );
}
