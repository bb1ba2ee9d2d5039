import { type FormEvent, useState } from 'react';
import { type ApplicationDetail, applicationRoutes } from '../../../../src/modules/funding/applications/contract';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormStatus, formatDay, today, useSaveForm } from '../../programmes/parts';
import { parseAmount } from '../../ui/amounts';
import { TextField } from '../../ui/TextField';

/** The payments received, their total against the amount granted; staff record them once granted. */
export function Payments({
  app,
  onChanged,
  onError,
}: {
  app: ApplicationDetail;
  onChanged(a: ApplicationDetail): void;
  onError(e: unknown): void;
}) {
  const { t, locale, formatEuros } = useI18n();
  const form = useSaveForm();
  const [receivedOn, setReceivedOn] = useState(today());
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const granted = app.amountGranted !== null && (app.status === 'granted' || app.status === 'reported');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseAmount(amount);
    if (form.refuse(value === null || Number.isNaN(value) ? { amount: t('funding.app.form.amountInvalid') } : {}))
      return;
    void form.run(
      () =>
        callApi(applicationRoutes.addPayment, {
          params: { id: app.id },
          body: { receivedOn, amount: value ?? 0, note },
        }),
      (a) => {
        setAmount('');
        setNote('');
        onChanged(a);
      },
    );
  };
  const remove = async (paymentId: string) => {
    try {
      onChanged(await callApi(applicationRoutes.deletePayment, { params: { id: app.id, itemId: paymentId } }));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="app-payments">
      <h2 id="app-payments">{t('funding.app.payments.title')}</h2>
      {app.payments.length === 0 ? (
        <p className="muted">{t('funding.app.payments.empty')}</p>
      ) : (
        <ul className="funding-list">
          {app.payments.map((p) => (
            <li key={p.id}>
              {formatDay(p.receivedOn, locale)} · <strong>{formatEuros(p.amount)}</strong>
              {p.note ? <span className="muted"> · {p.note}</span> : null}
              {app.canEdit ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => remove(p.id)}>
                    {t('funding.app.payments.delete', { date: formatDay(p.receivedOn, locale) })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {app.amountGranted !== null ? (
        <p>
          {t('funding.app.payments.total', {
            received: formatEuros(app.amountReceived),
            granted: formatEuros(app.amountGranted),
          })}
        </p>
      ) : null}
      {app.canEdit && !granted ? <p className="muted small">{t('funding.app.payments.onlyGranted')}</p> : null}
      {app.canEdit && granted ? (
        <form ref={form.formRef} onSubmit={submit} noValidate className="funding-inline-form">
          <FormStatus form={form} shown={(f) => ['receivedOn', 'amount', 'note'].includes(f)} />
          <div className="grid-3">
            <TextField
              id="payment-date"
              kind="date"
              label={t('funding.app.payments.receivedOn')}
              required
              value={receivedOn}
              onChange={setReceivedOn}
              error={form.err('receivedOn')}
            />
            <TextField
              id="payment-amount"
              label={t('funding.app.payments.amount')}
              required
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              error={form.err('amount')}
            />
            <TextField
              id="payment-note"
              label={t('funding.app.payments.note')}
              value={note}
              onChange={setNote}
              error={form.err('note')}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={form.saving}>
            {t('funding.app.payments.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
