import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { moderationRoutes, reportDetailsMax } from '../../../src/modules/dialogue/moderation/contract';
import { type ReportReason, reportReasons } from '../../../src/modules/dialogue/vocabulary';
import { asApiError, callApi } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Alert, fieldTexts, useErrorText } from '../ui/feedback';
import { TextField } from '../ui/TextField';
import { ModalDialog } from './ModalDialog';
import './moderation.css';

/**
 * « Signaler »: a signed-in person reports a proposal or a comment to the animators, with a reason, in a modal
 * dialog. Renders nothing for anonymous visitors (the API refuses them anyway).
 */
export function ReportButton(props: { target: 'proposal' | 'comment'; id: string; label?: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const errorText = useErrorText();
  const titleId = useId();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);

  if (!user) return null;

  const close = () => {
    setOpen(false);
    setErrors({});
    setFailure(null);
    if (sent) {
      setReason(null);
      setDetails('');
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (!reason) found.reason = fieldMessage('required', locale);
    if (reason === 'other' && !details.trim()) found.details = fieldMessage('reportDetailsRequired', locale);
    setErrors(found);
    if (!reason || Object.keys(found).length > 0) {
      if (found.reason) firstRadio.current?.focus();
      else document.getElementById(`${formId}-details`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await callApi(moderationRoutes.report, {
        body: { target: props.target, id: props.id, reason, details: details.trim() },
      });
      setSent(true);
    } catch (err) {
      const apiError = asApiError(err);
      const byField = fieldTexts(apiError, locale);
      // 409 (already reported, hidden meanwhile) and 403 (own content) name the content: said as a message.
      if (byField.reason || byField.details) setErrors(byField);
      else setFailure(byField.id ?? errorText(apiError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="link-button report-button"
        aria-label={props.label ?? t('moderation.report.buttonLabel')}
        onClick={() => {
          setSent(false);
          setOpen(true);
        }}
      >
        {t('moderation.report.button')}
      </button>
      <ModalDialog open={open} onClose={close} labelledBy={titleId}>
        <h2 id={titleId}>{t('moderation.report.title')}</h2>
        <div aria-live="polite">
          {sent ? <Alert kind="success">{t('moderation.report.sent')}</Alert> : null}
          {failure ? <Alert>{failure}</Alert> : null}
        </div>
        {sent ? (
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {t('moderation.report.close')}
            </button>
          </div>
        ) : (
          <form onSubmit={submit} noValidate>
            <p className="muted small">{t('moderation.report.intro')}</p>
            <fieldset
              className={`field${errors.reason ? ' field-invalid' : ''}`}
              aria-describedby={errors.reason ? `${formId}-reason-error` : undefined}
            >
              <legend>
                {t('moderation.report.reason')}{' '}
                <span className="required" aria-hidden="true">
                  *
                </span>
              </legend>
              {reportReasons.map((r, i) => (
                <label key={r} className="radio-line">
                  <input
                    ref={i === 0 ? firstRadio : undefined}
                    type="radio"
                    name={`${formId}-reason`}
                    value={r}
                    checked={reason === r}
                    onChange={() => {
                      setReason(r);
                      setErrors({});
                    }}
                  />
                  {t(`moderation.reason.${r}`)}
                </label>
              ))}
              {errors.reason ? (
                <p id={`${formId}-reason-error`} className="field-error">
                  {errors.reason}
                </p>
              ) : null}
            </fieldset>
            <TextField
              id={`${formId}-details`}
              label={t('moderation.report.details')}
              hint={t('moderation.report.detailsHint')}
              kind="textarea"
              rows={3}
              maxLength={reportDetailsMax}
              required={reason === 'other'}
              value={details}
              onChange={(v) => {
                setDetails(v);
                if (errors.details && v.trim()) setErrors(({ details: _, ...rest }) => rest);
              }}
              error={errors.details}
            />
            <p className="small">
              <Link to="/charte" target="_blank" rel="noopener">
                {t('moderation.report.charter')}
              </Link>
            </p>
            <div className="dialog-actions">
              <button type="submit" className="button" disabled={busy}>
                {t('moderation.report.submit')}
              </button>
              <button type="button" className="button button-secondary" onClick={close}>
                {t('moderation.report.cancel')}
              </button>
            </div>
          </form>
        )}
      </ModalDialog>
    </>
  );
}
