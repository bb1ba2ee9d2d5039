import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import { type EventDetail, type EventInput, eventRoutes } from '../../../src/modules/events/contract';
import { type EventKind, eventKinds } from '../../../src/modules/events/vocabulary';
import { asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import {
  type ProgrammeLink,
  ProgrammeLinkFields,
  programmeLinkBody,
  templateFields,
  usePrefill,
} from '../programmes/eventLink';
import { type CommuneChoice, CommuneField } from '../ui/CommuneField';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, fieldTexts, Loading, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import { usePageTitle } from '../ui/usePageTitle';
import { fromParisInput, toParisInput } from './parts';

interface AgendaRow {
  key: number;
  startsAt: string;
  title: string;
  speakers: string;
}

interface Values {
  kind: EventKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  commune: CommuneChoice;
  capacity: string;
  agenda: AgendaRow[];
  /** The programme holding the event, with its territory and phase ('' for none). */
  programme: ProgrammeLink;
}

let nextKey = 1;
const emptyRow = (): AgendaRow => ({ key: nextKey++, startsAt: '', title: '', speakers: '' });

const emptyValues = (): Values => ({
  kind: 'interAssociationWorkshop',
  title: '',
  description: '',
  startsAt: '',
  endsAt: '',
  place: '',
  commune: { code: null, text: '' },
  capacity: '',
  agenda: [],
  programme: { programmeId: '', territoryId: '', phaseId: '' },
});

/** A new event prefilled from a programme's event template (`?programme=…&modele=…`). */
const prefilledValues = (
  programmeId: string | null,
  template: Parameters<typeof templateFields>[0] | undefined,
): Values => {
  const values = emptyValues();
  if (!programmeId) return values;
  values.programme = { programmeId, territoryId: '', phaseId: '' };
  if (!template) return values;
  const { agenda, phaseId, ...fields } = templateFields(template);
  return {
    ...values,
    ...fields,
    agenda: agenda.map((a) => ({
      key: nextKey++,
      startsAt: a.startsAt,
      title: a.title,
      speakers: a.speakers.join(', '),
    })),
    programme: { programmeId, territoryId: '', phaseId },
  };
};

const valuesOf = (e: EventDetail): Values => ({
  kind: e.kind,
  title: e.title,
  description: e.description,
  startsAt: toParisInput(e.startsAt),
  endsAt: toParisInput(e.endsAt),
  place: e.place,
  commune: { code: e.communeCode, text: e.communeName ?? e.communeCode ?? '' },
  capacity: e.capacity === null ? '' : String(e.capacity),
  agenda: e.agenda.map((a) => ({
    key: nextKey++,
    startsAt: a.startsAt,
    title: a.title,
    speakers: a.speakers.join(', '),
  })),
  // Sent back as they are, so that saving keeps the event in its programme.
  programme: {
    programmeId: e.programme?.id ?? '',
    territoryId: e.programme?.territoryId ?? '',
    phaseId: e.programme?.phaseId ?? '',
  },
});

/** Creates (`/evenements/nouveau`) or edits (`/evenements/:id/modifier`) an event. Staff only. */
export function EventFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { t } = useI18n();
  usePageTitle(editing ? t('event.form.editTitle') : t('event.form.newTitle'));
  const existing = useApiQuery(eventRoutes.get, { params: { id: id ?? '' } }, { enabled: editing });
  const [search] = useSearchParams();
  const prefill = usePrefill(editing ? null : search.get('programme'), search.get('modele'));
  if (editing && existing.error) {
    return (
      <div className="narrow">
        <h1>{t('event.form.editTitle')}</h1>
        <ApiErrorAlert error={existing.error} />
      </div>
    );
  }
  if (editing && !existing.data) return <Loading />;
  if (!prefill.ready) return <Loading />;
  return (
    <EventForm
      key={id ?? `new-${prefill.programmeId}-${prefill.template?.id}`}
      event={existing.data}
      initial={prefilledValues(prefill.programmeId, prefill.template)}
      templateTitle={prefill.template?.title}
    />
  );
}

function EventForm({
  event,
  initial,
  templateTitle,
}: {
  event: EventDetail | undefined;
  initial: Values;
  templateTitle: string | undefined;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [values, setValues] = useState<Values>(() => (event ? valuesOf(event) : initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null) return;
    document.getElementById(`agenda-${focusRow}-time`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const setRow = (key: number, patch: Partial<AgendaRow>) =>
    setValues((v) => ({ ...v, agenda: v.agenda.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const move = (index: number, by: -1 | 1) =>
    setValues((v) => {
      const agenda = [...v.agenda];
      const [row] = agenda.splice(index, 1);
      if (row) agenda.splice(index + by, 0, row);
      return { ...v, agenda };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    const startsAt = fromParisInput(values.startsAt);
    const endsAt = fromParisInput(values.endsAt);
    if (!startsAt) found.startsAt = t('event.form.required');
    if (!endsAt) found.endsAt = t('event.form.required');
    const capacityText = values.capacity.trim();
    const capacity = capacityText === '' ? null : Number(capacityText);
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1))
      found.capacity = t('event.form.badCapacity');
    if (values.commune.text.trim() && values.commune.code === null)
      found.communeCode = fieldMessage('unknownCommune', locale);
    if (Object.keys(found).length) {
      setErrors(found);
      focusInvalid();
      return;
    }
    const body: EventInput = {
      kind: values.kind,
      title: values.title,
      description: values.description,
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      place: values.place,
      communeCode: values.commune.code,
      capacity,
      agenda: values.agenda.map((r) => ({
        startsAt: r.startsAt,
        title: r.title,
        speakers: r.speakers
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      })),
      ...programmeLinkBody(values.programme),
    };
    setErrors({});
    setSaving(true);
    try {
      const saved = event
        ? await callApi(eventRoutes.update, { params: { id: event.id }, body })
        : await callApi(eventRoutes.create, { body });
      navigate(`/evenements/${saved.id}`);
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
      setSaving(false);
    }
  };

  const err = (field: string) => errors[field];
  // Errors on fields the form does not show (e.g. `event`, `agenda`) are said in the summary.
  const shown = new Set([
    'kind',
    'title',
    'description',
    'startsAt',
    'endsAt',
    'place',
    'communeCode',
    'capacity',
    'programmeId',
    'territoryId',
    'phaseId',
  ]);
  const other = Object.entries(errors).filter(([f]) => !shown.has(f) && !/^agenda\.\d+\./.test(f));

  return (
    <div className="narrow event-form-page">
      <p className="breadcrumb">
        <Link to={event ? `/evenements/${event.id}` : '/evenements'}>
          <span aria-hidden="true">← </span>
          {event ? event.title : t('event.page.back')}
        </Link>
      </p>
      <h1>{event ? t('event.form.editTitle') : t('event.form.newTitle')}</h1>
      {Object.keys(errors).length ? (
        <Alert>
          {t('event.form.invalid')}
          {other.map(([f, m]) => (
            <span key={f}> {m}</span>
          ))}
        </Alert>
      ) : null}
      {failure ? <Alert>{failure}</Alert> : null}
      {!event && templateTitle ? (
        <Alert kind="info">{t('programme.eventForm.fromTemplate', { title: templateTitle })}</Alert>
      ) : null}
      <form ref={formRef} className="card" onSubmit={submit} noValidate>
        <Field id="event-kind" label={t('event.form.kind')} required error={err('kind')}>
          {(control) => (
            <select {...control} value={values.kind} onChange={(e) => set({ kind: e.target.value as EventKind })}>
              {eventKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`event.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="event-title" label={t('event.form.title')} required error={err('title')}>
          {(control) => (
            <input {...control} value={values.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
          )}
        </Field>
        <Field id="event-description" label={t('event.form.description')} error={err('description')}>
          {(control) => (
            <textarea
              {...control}
              rows={5}
              value={values.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Field>
        <div className="event-form-row">
          <Field
            id="event-starts"
            label={t('event.form.startsAt')}
            hint={t('event.form.timeHint')}
            required
            error={err('startsAt')}
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={values.startsAt}
                onChange={(e) => set({ startsAt: e.target.value })}
              />
            )}
          </Field>
          <Field
            id="event-ends"
            label={t('event.form.endsAt')}
            hint={t('event.form.timeHint')}
            required
            error={err('endsAt')}
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={values.endsAt}
                min={values.startsAt || undefined}
                onChange={(e) => set({ endsAt: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field id="event-place" label={t('event.form.place')} hint={t('event.form.placeHint')} error={err('place')}>
          {(control) => (
            <input {...control} value={values.place} maxLength={300} onChange={(e) => set({ place: e.target.value })} />
          )}
        </Field>
        <CommuneField
          id="event-commune"
          value={values.commune}
          onChange={(commune) => set({ commune })}
          error={err('communeCode')}
        />
        <Field
          id="event-capacity"
          label={t('event.form.capacity')}
          hint={t('event.form.capacityHint')}
          error={err('capacity')}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              className="event-capacity"
              value={values.capacity}
              onChange={(e) => set({ capacity: e.target.value })}
            />
          )}
        </Field>
        <ProgrammeLinkFields value={values.programme} onChange={(programme) => set({ programme })} err={err} />

        <fieldset className="event-agenda-editor">
          <legend>{t('event.form.agenda')}</legend>
          <p className="hint">{t('event.form.agendaHint')}</p>
          {values.agenda.length === 0 ? <p className="muted">{t('event.form.agendaEmpty')}</p> : null}
          <ol className="event-agenda-rows">
            {values.agenda.map((row, i) => {
              const n = i + 1;
              return (
                <li key={row.key} className="event-agenda-row">
                  <Field
                    id={`agenda-${row.key}-time`}
                    label={<RowLabel text={t('event.form.itemTimeLabel')} n={n} />}
                    required
                    error={err(`agenda.${i}.startsAt`)}
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="time"
                        value={row.startsAt}
                        onChange={(e) => setRow(row.key, { startsAt: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    id={`agenda-${row.key}-title`}
                    label={<RowLabel text={t('event.form.itemTitleLabel')} n={n} />}
                    required
                    error={err(`agenda.${i}.title`)}
                  >
                    {(control) => (
                      <input
                        {...control}
                        value={row.title}
                        onChange={(e) => setRow(row.key, { title: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    id={`agenda-${row.key}-speakers`}
                    label={<RowLabel text={t('event.form.itemSpeakersLabel')} n={n} />}
                    hint={t('event.form.itemSpeakersHint')}
                    error={err(`agenda.${i}.speakers`)}
                  >
                    {(control) => (
                      <input
                        {...control}
                        value={row.speakers}
                        onChange={(e) => setRow(row.key, { speakers: e.target.value })}
                      />
                    )}
                  </Field>
                  <div className="event-agenda-buttons">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('event.form.upItem', { n })}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={i === values.agenda.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('event.form.downItem', { n })}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => set({ agenda: values.agenda.filter((r) => r.key !== row.key) })}
                    >
                      {t('event.form.removeItem', { n })}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              const row = emptyRow();
              set({ agenda: [...values.agenda, row] });
              setFocusRow(row.key);
            }}
          >
            {t('event.form.addItem')}
          </button>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('event.form.saving') : event ? t('event.form.submitEdit') : t('event.form.submitNew')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A row field's visible label (« Heure »), named for screen readers with its row (« Heure (séquence 2) »). */
function RowLabel({ text, n }: { text: string; n: number }) {
  const { t } = useI18n();
  return (
    <>
      {text}
      <span className="visually-hidden"> {t('event.form.rowSuffix', { n })}</span>
    </>
  );
}
