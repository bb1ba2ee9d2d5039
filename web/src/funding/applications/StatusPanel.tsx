import { type FormEvent, useState } from 'react';
import { type ApplicationDetail, applicationRoutes } from '../../../../src/modules/funding/applications/contract';
import { type ApplicationStatus, applicationBackSteps } from '../../../../src/modules/funding/vocabulary';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormStatus, formatDay, today, useSaveForm } from '../../programmes/parts';
import { parseAmount } from '../../ui/amounts';
import { TextField } from '../../ui/TextField';

/** The usual path of an application, shown as steps; « refused » replaces « granted » when it was refused. */
const path = (status: ApplicationStatus): ApplicationStatus[] =>
  status === 'refused' ? ['drafting', 'submitted', 'refused'] : ['drafting', 'submitted', 'granted', 'reported'];

/**
 * The pipeline as steps (words, not only colours), the moves allowed now as buttons (staff), each asking what it
 * needs (amount and date when granted, a reason to go back), then the history.
 */
export function StatusPanel({ app, onChanged }: { app: ApplicationDetail; onChanged(a: ApplicationDetail): void }) {
  const { t, locale, formatDateTime } = useI18n();
  const [move, setMove] = useState<ApplicationStatus | null>(null);
  const steps = path(app.status);
  const reached = steps.indexOf(app.status);
  const isBack = (to: ApplicationStatus) => applicationBackSteps[app.status] === to;

  return (
    <section className="card" aria-labelledby="app-pipeline">
      <h2 id="app-pipeline">{t('funding.app.pipeline.title')}</h2>
      <ol className="funding-steps">
        {steps.map((s, i) => (
          <li
            key={s}
            className={i < reached ? 'done' : i === reached ? 'current' : 'todo'}
            aria-current={i === reached ? 'step' : undefined}
          >
            <span className="funding-step-name">{t(`funding.app.status.${s}`)}</span>
            {i < reached ? <span className="visually-hidden"> ({t('funding.app.pipeline.done')})</span> : null}
            {i === reached ? <span className="muted small"> ({t('funding.app.pipeline.current')})</span> : null}
          </li>
        ))}
      </ol>
      {app.moves.length ? (
        <div className="form-actions">
          {app.moves.map((to) => (
            <button
              key={to}
              type="button"
              className={isBack(to) ? 'button button-secondary' : 'button'}
              aria-expanded={move === to}
              onClick={() => setMove(move === to ? null : to)}
            >
              {isBack(to)
                ? t('funding.app.move.back', { status: t(`funding.app.status.${to}`) })
                : t(`funding.app.move.${to}`)}
            </button>
          ))}
        </div>
      ) : null}
      {app.canEdit && app.status === 'granted' && !app.moves.includes('reported') ? (
        // « Marquer soldé » waits for the reports: say so rather than leave the button out silently.
        <p className="hint">{t('funding.app.move.reportedLater')}</p>
      ) : null}
      {move ? (
        <MoveForm
          key={move}
          app={app}
          to={move}
          back={isBack(move)}
          onCancel={() => setMove(null)}
          onDone={(a) => {
            setMove(null);
            onChanged(a);
          }}
        />
      ) : null}
      <h3 className="funding-history-title">{t('funding.app.history.title')}</h3>
      <ol className="funding-history">
        {app.history.map((h) => (
          <li key={h.id}>
            <time dateTime={h.at}>{formatDateTime(h.at)}</time> —{' '}
            {h.fromStatus
              ? t('funding.app.history.move', {
                  from: t(`funding.app.status.${h.fromStatus}`),
                  to: t(`funding.app.status.${h.toStatus}`),
                })
              : t('funding.app.history.created', { status: t(`funding.app.status.${h.toStatus}`) })}
            {h.by ? <span className="muted"> {t('funding.app.history.by', { name: h.by })}</span> : null}
            {h.reason ? <span>{`\u202f: «\u00a0${h.reason}\u00a0»`}</span> : null}
          </li>
        ))}
      </ol>
      {app.submittedOn || app.decidedOn ? (
        <p className="muted small">
          {app.submittedOn ? `${t('funding.app.page.submittedOn')} ${formatDay(app.submittedOn, locale)}` : null}
          {app.submittedOn && app.decidedOn ? ' · ' : null}
          {app.decidedOn ? `${t('funding.app.page.decidedOn')} ${formatDay(app.decidedOn, locale)}` : null}
        </p>
      ) : null}
    </section>
  );
}

function MoveForm({
  app,
  to,
  back,
  onCancel,
  onDone,
}: {
  app: ApplicationDetail;
  to: ApplicationStatus;
  back: boolean;
  onCancel(): void;
  onDone(a: ApplicationDetail): void;
}) {
  const { t } = useI18n();
  const form = useSaveForm();
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const decides = !back && (to === 'granted' || to === 'refused');
  const submits = !back && to === 'submitted';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const amountGranted = to === 'granted' && !back ? parseAmount(amount) : null;
    if (to === 'granted' && !back && (amountGranted === null || Number.isNaN(amountGranted))) {
      found.amountGranted = t('funding.app.form.amountInvalid');
    }
    if (back && !reason.trim()) found.reason = t('funding.app.form.required');
    if (form.refuse(found)) return;
    void form.run(
      () =>
        callApi(applicationRoutes.move, {
          params: { id: app.id },
          body: {
            to,
            reason,
            amountGranted,
            decidedOn: decides ? date : null,
            submittedOn: submits ? date : null,
          },
        }),
      onDone,
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="funding-move-form">
      <FormStatus form={form} shown={(f) => ['amountGranted', 'decidedOn', 'submittedOn', 'reason'].includes(f)} />
      {to === 'granted' && !back ? (
        <TextField
          id="move-amount"
          label={t('funding.app.move.amountGranted')}
          required
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          error={form.err('amountGranted')}
        />
      ) : null}
      {decides || submits ? (
        <TextField
          id="move-date"
          kind="date"
          label={submits ? t('funding.app.move.submittedOn') : t('funding.app.move.decidedOn')}
          required
          value={date}
          onChange={setDate}
          error={form.err(submits ? 'submittedOn' : 'decidedOn')}
        />
      ) : null}
      <TextField
        id="move-reason"
        kind="textarea"
        label={t('funding.app.move.reason')}
        hint={back ? t('funding.app.move.reasonHint') : undefined}
        required={back}
        value={reason}
        onChange={setReason}
        error={form.err('reason')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {t('funding.app.move.confirm')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('funding.app.move.cancel')}
        </button>
      </div>
    </form>
  );
}
