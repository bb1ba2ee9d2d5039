// Staff edit one item of the minutes in place: its kind and text, removing a link, or linking an existing action of
// the event's programme. Escape cancels; focus goes to the text on opening and back to « Modifier » on closing.
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { EventDetail } from '../../../../src/modules/events/contract';
import {
  type MinuteItemEditInput,
  type MinuteItemView,
  minutesRoutes,
} from '../../../../src/modules/events/minutes/contract';
import { type MinuteItemKind, minuteItemKinds } from '../../../../src/modules/events/minutes/vocabulary';
import { programmeRoutes } from '../../../../src/modules/programmes/contract';
import { asApiError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { Field, FieldError } from '../../ui/Field';
import { Alert, fieldTexts, useErrorText } from '../../ui/feedback';

type LinkField = 'partnershipId' | 'needOfferId';

export function ItemEditor({
  event,
  item,
  onSaved,
  onCancel,
}: {
  event: EventDetail;
  item: MinuteItemView;
  onSaved(item: MinuteItemView): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [values, setValues] = useState<Required<MinuteItemEditInput>>({
    kind: item.kind,
    text: item.text,
    partnershipId: item.partnership?.id ?? null,
    needOfferId: item.needOffer?.id ?? null,
    actionId: item.action?.id ?? null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const programmeId = event.programme?.id ?? '';
  const actions = useApiQuery(
    programmeRoutes.actions,
    { params: { id: programmeId } },
    { enabled: programmeId !== '' },
  );
  useEffect(() => textRef.current?.focus(), []);
  const set = (patch: Partial<MinuteItemEditInput>) => setValues((v) => ({ ...v, ...patch }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      onSaved(await callApi(minutesRoutes.updateItem, { params: { id: event.id, itemId: item.id }, body: values }));
    } catch (error) {
      const apiError = asApiError(error);
      const texts = fieldTexts(apiError, locale);
      if (Object.keys(texts).length) {
        setErrors(texts);
      } else {
        setFailure(errorText(apiError));
      }
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  // The links the item has now, each removable (the action is chosen in the list below).
  const links: [LinkField, string][] = [];
  if (values.partnershipId && item.partnership)
    links.push(['partnershipId', t('event-minutes.partnership', { title: item.partnership.title })]);
  if (values.needOfferId && item.needOffer) {
    const key = item.needOffer.kind === 'need' ? 'event-minutes.need' : 'event-minutes.offer';
    links.push(['needOfferId', t(key, { title: item.needOffer.title })]);
  }
  const options = actions.data?.items ?? [];
  // The current action stays choosable even when it belongs to another programme.
  const current = item.action && !options.some((a) => a.id === item.action?.id) ? [item.action] : [];
  const prefix = `minutes-edit-${item.id}`;

  return (
    <form
      className="minutes-edit"
      onSubmit={save}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={t('event-minutes.editOf', { text: item.text })}
    >
      {Object.keys(errors).length ? <Alert>{t('event-minutes.invalid')}</Alert> : null}
      <Field id={`${prefix}-kind`} label={t('event-minutes.kind')} required error={errors.kind}>
        {(control) => (
          <select {...control} value={values.kind} onChange={(e) => set({ kind: e.target.value as MinuteItemKind })}>
            {minuteItemKinds.map((k) => (
              <option key={k} value={k}>
                {t(`event-minutes.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-text`} label={t('event-minutes.text')} required error={errors.text}>
        {(control) => (
          <textarea
            {...control}
            ref={textRef}
            rows={3}
            maxLength={2000}
            value={values.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        )}
      </Field>
      {links.length ? (
        <ul className="minutes-links">
          {links.map(([field, text]) => (
            <li key={field}>
              {text}{' '}
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={t('event-minutes.unlinkOf', { text })}
                onClick={() => set({ [field]: null })}
              >
                {t('event-minutes.unlink')}
              </button>
              {errors[field] ? <FieldError id={`${prefix}-${field}-error`}>{errors[field]}</FieldError> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {programmeId || item.action ? (
        <Field
          id={`${prefix}-action`}
          label={t('event-minutes.linkAction')}
          hint={programmeId ? t('event-minutes.linkActionHint', { programme: event.programme?.name ?? '' }) : undefined}
          error={errors.actionId}
        >
          {(control) => (
            <select
              {...control}
              value={values.actionId ?? ''}
              onChange={(e) => set({ actionId: e.target.value || null })}
            >
              <option value="">{t('event-minutes.none')}</option>
              {[...current, ...options].map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('event-minutes.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('event-minutes.cancel')}
        </button>
      </div>
      {failure ? <Alert>{failure}</Alert> : null}
    </form>
  );
}
