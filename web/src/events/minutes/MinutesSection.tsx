import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { fieldMessage } from '../../../../src/http/messages';
import type { EventDetail } from '../../../../src/modules/events/contract';
import {
  type MinuteItemInput,
  type MinuteItemView,
  type MinutesView,
  minutesRoutes,
} from '../../../../src/modules/events/minutes/contract';
import { type MinuteItemKind, minuteItemKinds } from '../../../../src/modules/events/minutes/vocabulary';
import { asApiError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/Field';
import { Alert, ApiErrorAlert, fieldTexts, useErrorText } from '../../ui/feedback';
import { useFocusFirstInvalid } from '../../ui/useFocusFirstInvalid';
import { ItemEditor } from './ItemEditor';
import { NewActionFields, type NewActionValues, newActionBody, newActionDefaults } from './NewActionFields';
import { type Choice, NeedOfferPicker, noChoice, PartnershipPicker } from './pickers';
import './minutes.css';

/**
 * The event's minutes: notes, decisions and follow-ups with their links. Shown to whoever may read them (staff,
 * observers, members registered to the event); staff write them.
 */
export function MinutesSection({ event }: { event: EventDetail; onChange(): void }) {
  // Registering (or cancelling) changes whether a member may read them: read again then.
  return <Minutes key={event.myRegistration?.id ?? 'none'} event={event} />;
}

function Minutes({ event }: { event: EventDetail }) {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  const minutes = useApiQuery(minutesRoutes.get, { params: { id: event.id } }, { enabled: Boolean(user) });
  // Whoever may not read them (403) sees no section at all.
  if (!user || minutes.error?.status === 403 || (!minutes.data && !minutes.error)) return null;
  const m = minutes.data;
  return (
    <section className="event-minutes" aria-labelledby="event-minutes-title">
      <h2 id="event-minutes-title">{t('event-minutes.title')}</h2>
      {minutes.error ? <ApiErrorAlert error={minutes.error} /> : null}
      {m ? (
        <>
          {m.canEdit ? (
            <NotesEditor eventId={event.id} minutes={m} onSaved={(v) => minutes.setData(v)} />
          ) : (
            <div className="card">
              <h3>{t('event-minutes.notes')}</h3>
              {m.notes ? (
                <p className="event-description">{m.notes}</p>
              ) : (
                <p className="muted">{t('event-minutes.noNotes')}</p>
              )}
            </div>
          )}
          {m.updatedAt ? (
            <p className="muted small">{t('event-minutes.updatedAt', { date: formatDateTime(m.updatedAt) })}</p>
          ) : null}
          <Items
            event={event}
            minutes={m}
            onDeleted={(id) => minutes.setData((v) => (v ? { ...v, items: v.items.filter((i) => i.id !== id) } : v))}
            onUpdated={(item) =>
              minutes.setData((v) => (v ? { ...v, items: v.items.map((i) => (i.id === item.id ? item : i)) } : v))
            }
          />
          {m.canEdit ? (
            <AddItemForm
              event={event}
              onAdded={(item) => minutes.setData((v) => (v ? { ...v, items: [...v.items, item] } : v))}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function NotesEditor({
  eventId,
  minutes,
  onSaved,
}: {
  eventId: string;
  minutes: MinutesView;
  onSaved(view: MinutesView): void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [notes, setNotes] = useState(minutes.notes);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setFailure(null);
    try {
      const saved = await callApi(minutesRoutes.updateNotes, { params: { id: eventId }, body: { notes } });
      onSaved(saved);
      setNotes(saved.notes);
      setMessage(t('event-minutes.notesSaved'));
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={save}>
      <Field id="minutes-notes" label={t('event-minutes.notes')} hint={t('event-minutes.notesHint')}>
        {(control) => <textarea {...control} rows={6} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t('event-minutes.saveNotes')}
      </button>
      <p className="status-line" role="status">
        {message}
      </p>
      {failure ? <Alert>{failure}</Alert> : null}
    </form>
  );
}

/** Decisions, then follow-ups, each with what it links to; staff edit one at a time, in place. */
function Items({
  event,
  minutes,
  onDeleted,
  onUpdated,
}: {
  event: EventDetail;
  minutes: MinutesView;
  onDeleted(id: string): void;
  onUpdated(item: MinuteItemView): void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // Closing the editor gives the focus back to the item's « Modifier » button (not lost on the page's body).
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  const closeEditor = (id: string) => {
    refocus.current = id;
    setEditing(null);
  };
  // Once the button is back on the page (after the commit, whenever React flushes the update).
  useEffect(() => {
    if (editing !== null || refocus.current === null) return;
    editButtons.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [editing]);
  const remove = async (item: MinuteItemView) => {
    setMessage(null);
    setFailure(null);
    try {
      await callApi(minutesRoutes.deleteItem, { params: { id: event.id, itemId: item.id } });
      onDeleted(item.id);
      setMessage(t('event-minutes.deleted'));
    } catch (error) {
      setFailure(errorText(asApiError(error)));
    }
  };
  const groups: [MinuteItemKind, string, string][] = [
    ['decision', 'event-minutes.decisions', 'event-minutes.noDecisions'],
    ['followUp', 'event-minutes.followUps', 'event-minutes.noFollowUps'],
  ];
  return (
    <>
      {groups.map(([kind, title, none]) => {
        const items = minutes.items.filter((i) => i.kind === kind);
        return (
          <div key={kind}>
            <h3 id={`minutes-${kind}`}>{t(title)}</h3>
            {items.length === 0 ? (
              <p className="muted">{t(none)}</p>
            ) : (
              <ul className="minutes-items" aria-labelledby={`minutes-${kind}`}>
                {items.map((item) => (
                  <li key={item.id} className="card">
                    {editing === item.id ? (
                      <ItemEditor
                        event={event}
                        item={item}
                        onSaved={(saved) => {
                          onUpdated(saved);
                          setMessage(t('event-minutes.updated'));
                          closeEditor(item.id);
                        }}
                        onCancel={() => closeEditor(item.id)}
                      />
                    ) : (
                      <>
                        <p>{item.text}</p>
                        <ItemLinks item={item} />
                        {minutes.canEdit ? (
                          <div className="form-actions">
                            <button
                              type="button"
                              ref={(b) => {
                                if (b) editButtons.current.set(item.id, b);
                                else editButtons.current.delete(item.id);
                              }}
                              className="button button-small button-secondary"
                              aria-label={t('event-minutes.editOf', { text: item.text })}
                              onClick={() => {
                                setMessage(null);
                                setEditing(item.id);
                              }}
                            >
                              {t('event-minutes.edit')}
                            </button>
                            <button
                              type="button"
                              className="button button-small button-secondary"
                              aria-label={t('event-minutes.deleteOf', { text: item.text })}
                              onClick={() => remove(item)}
                            >
                              {t('event-minutes.delete')}
                            </button>
                          </div>
                        ) : null}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <p className="status-line" role="status">
        {message}
      </p>
      {failure ? <Alert>{failure}</Alert> : null}
    </>
  );
}

function ItemLinks({ item }: { item: MinuteItemView }) {
  const { t } = useI18n();
  const links = [
    item.action
      ? {
          to: `/programmes/${item.action.programmeId}/plan`,
          text: t('event-minutes.action', { title: item.action.title }),
        }
      : null,
    item.partnership
      ? {
          to: `/partenariats/${item.partnership.id}`,
          text: t('event-minutes.partnership', { title: item.partnership.title }),
        }
      : null,
    item.needOffer
      ? {
          to: `/besoins-offres/${item.needOffer.id}`,
          text: t(item.needOffer.kind === 'need' ? 'event-minutes.need' : 'event-minutes.offer', {
            title: item.needOffer.title,
          }),
        }
      : null,
  ].filter((l) => l !== null);
  if (links.length === 0) return null;
  return (
    <ul className="minutes-links">
      {links.map((l) => (
        <li key={l.to}>
          <Link to={l.to}>{l.text}</Link>
        </li>
      ))}
    </ul>
  );
}

interface FormValues {
  kind: MinuteItemKind;
  text: string;
  partnership: Choice;
  needOffer: Choice;
  createAction: boolean;
  action: NewActionValues;
}

const emptyForm = (event: EventDetail): FormValues => ({
  kind: 'decision',
  text: '',
  partnership: noChoice,
  needOffer: noChoice,
  createAction: false,
  action: newActionDefaults(event),
});

const programmeField = 'newAction.programmeId';

/** « Ajouter une décision / un suivi », optionally creating an action of a programme's plan. */
function AddItemForm({ event, onAdded }: { event: EventDetail; onAdded(item: MinuteItemView): void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const [values, setValues] = useState<FormValues>(() => emptyForm(event));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (values.createAction && !values.action.programmeId) {
      setErrors({ [programmeField]: fieldMessage('programmeRequired', locale) });
      focusInvalid();
      return;
    }
    const body: MinuteItemInput = {
      kind: values.kind,
      text: values.text,
      partnershipId: values.partnership.id,
      needOfferId: values.needOffer.id,
      newAction: values.createAction ? newActionBody(values.action, values.text) : null,
    };
    setBusy(true);
    setErrors({});
    setMessage(null);
    setFailure(null);
    try {
      onAdded(await callApi(minutesRoutes.addItem, { params: { id: event.id }, body }));
      setValues(emptyForm(event));
      setMessage(t('event-minutes.added'));
    } catch (error) {
      const apiError = asApiError(error);
      const texts = fieldTexts(apiError, locale);
      if (Object.keys(texts).length) {
        setErrors(texts);
        focusInvalid();
      } else {
        setFailure(errorText(apiError));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="card minutes-form" onSubmit={submit} noValidate aria-labelledby="minutes-add">
      <h3 id="minutes-add">{t('event-minutes.add')}</h3>
      {Object.keys(errors).length ? <Alert>{t('event-minutes.invalid')}</Alert> : null}
      <Field id="minutes-kind" label={t('event-minutes.kind')} required error={errors.kind}>
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
      <Field
        id="minutes-text"
        label={t('event-minutes.text')}
        hint={t('event-minutes.textHint')}
        required
        error={errors.text}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={values.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        )}
      </Field>
      <PartnershipPicker
        id="minutes-partnership"
        label={t('event-minutes.partnershipPicker')}
        value={values.partnership}
        onChange={(partnership) => set({ partnership })}
        error={errors.partnershipId}
      />
      <NeedOfferPicker
        id="minutes-need"
        label={t('event-minutes.needPicker')}
        value={values.needOffer}
        onChange={(needOffer) => set({ needOffer })}
        error={errors.needOfferId}
      />
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={values.createAction}
            onChange={(e) => set({ createAction: e.target.checked })}
          />{' '}
          {t('event-minutes.createAction')}
        </label>
      </div>
      {values.createAction ? (
        <NewActionFields
          text={values.text}
          values={values.action}
          onChange={(action) => {
            // A new choice answers the error the previous one had.
            if (action.programmeId !== values.action.programmeId) setErrors(({ [programmeField]: _, ...rest }) => rest);
            set({ action });
          }}
          errors={errors}
        />
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {t('event-minutes.submit')}
      </button>
      <p className="status-line" role="status">
        {message}
      </p>
      {failure ? <Alert>{failure}</Alert> : null}
    </form>
  );
}
