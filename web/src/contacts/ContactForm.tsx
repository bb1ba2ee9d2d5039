import { type FormEvent, useId, useRef, useState } from 'react';
import { fieldMessage } from '../../../src/http/messages';
import {
  type ContactView,
  contactPartnerships,
  createContact,
  nextStepOwners,
  updateContact,
} from '../../../src/modules/contacts/contract';
import { type ContactKind, contactKinds } from '../../../src/modules/contacts/vocabulary';
import { type ApiError, asApiError, callApi, fieldErrorsOf } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import { Alert, useErrorText } from '../ui/feedback';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid';
import {
  type ContactFormValues,
  contactToForm,
  emptyContactForm,
  emptyStep,
  formToInput,
  type StepValues,
  validateContact,
} from './contactForm';

interface Props {
  /** On an actor's page: the actor is fixed, the partnership is chosen among the actor's. */
  actorId?: string;
  /** On a partnership's page: the partnership is fixed, the actor is chosen among its partners. */
  partnershipId?: string;
  /** The contact to change; a new one otherwise. */
  contact?: ContactView;
  onSaved(contact: ContactView): void;
  onCancel(): void;
}

/** Logs or changes a contact and its next steps (POST or PUT /api/v1/contacts). */
export function ContactForm({ actorId, partnershipId, contact, onSaved, onCancel }: Props) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [values, setValues] = useState<ContactFormValues>(() =>
    contact ? contactToForm(contact) : emptyContactForm(actorId ?? '', partnershipId ?? ''),
  );
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const bound = partnershipId !== undefined;
  const choices = useApiQuery(contactPartnerships, {
    query: bound ? { partnershipId } : { actorId: values.actorId },
  });
  const owners = useApiQuery(
    nextStepOwners,
    { query: { actorId: values.actorId || undefined, partnershipId: values.partnershipId || undefined } },
    { enabled: Boolean(values.actorId || values.partnershipId) },
  );
  const partners = bound ? (choices.data?.items[0]?.partners ?? []) : [];

  const errorOf = (path: string): string | undefined => {
    const code = clientErrors[path];
    if (code) return fieldMessage(code, locale);
    return serverErrors[path];
  };

  const set = (patch: Partial<ContactFormValues>, paths: string[] = Object.keys(patch)) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (paths.some((p) => clientErrors[p])) {
      const all = validateContact(next);
      setClientErrors((previous) => {
        const copy = { ...previous };
        for (const p of paths) {
          const code = all[p];
          if (code) copy[p] = code;
          else delete copy[p];
        }
        return copy;
      });
    }
    if (paths.some((p) => serverErrors[p])) {
      setServerErrors((previous) => {
        const copy = { ...previous };
        for (const p of paths) delete copy[p];
        return copy;
      });
    }
  };

  const setStep = (index: number, patch: Partial<StepValues>) => {
    const steps = values.nextSteps.map((s, i) => (i === index ? { ...s, ...patch } : s));
    set(
      { nextSteps: steps },
      Object.keys(patch).map((k) => `nextSteps.${index}.${k}`),
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const errors = validateContact(values);
    setClientErrors(errors);
    setServerErrors({});
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const body = formToInput(values);
      const saved = contact
        ? await callApi(updateContact, { params: { id: contact.id }, body })
        : await callApi(createContact, { body });
      onSaved(saved);
    } catch (err) {
      const apiError = asApiError(err);
      const fields = fieldErrorsOf(apiError, locale);
      if (Object.keys(fields).length > 0) {
        setServerErrors(fields);
        focusFirstInvalid();
      }
      setGeneral(apiError);
    } finally {
      setSaving(false);
    }
  };

  const ownerLabel = (o: { displayName: string; staff: boolean; actorName: string | null }) =>
    o.staff
      ? t('contact.ownerStaff', { name: o.displayName })
      : t('contact.ownerMember', { name: o.displayName, actor: o.actorName ?? '' });

  const fieldsShown = new Set([
    'actorId',
    'kind',
    'occurredAt',
    'subject',
    'people',
    'notes',
    'partnershipId',
    ...values.nextSteps.flatMap((_, i) => [
      `nextSteps.${i}.description`,
      `nextSteps.${i}.ownerId`,
      `nextSteps.${i}.dueOn`,
    ]),
  ]);
  const unplacedErrors = general?.errors.some((e) => !fieldsShown.has(e.field));

  return (
    <form ref={formRef} className="contact-form" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{contact ? t('contact.editTitle') : t('contact.newTitle')}</h3>
      {general && (unplacedErrors || general.errors.length === 0) ? <Alert>{errorText(general)}</Alert> : null}
      {general && !unplacedErrors && general.errors.length > 0 ? <Alert>{t('contact.formErrors')}</Alert> : null}

      {bound ? (
        <Field id={id('actor')} label={t('contact.actor')} required error={errorOf('actorId')}>
          {(control) => (
            <select {...control} value={values.actorId} onChange={(e) => set({ actorId: e.target.value })}>
              <option value="">{t('contact.actorChoose')}</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      <div className="grid-2">
        <Field id={id('kind')} label={t('contact.kind')} required error={errorOf('kind')}>
          {(control) => (
            <select {...control} value={values.kind} onChange={(e) => set({ kind: e.target.value as ContactKind })}>
              {contactKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`contact.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('occurredAt')} label={t('contact.occurredAt')} required error={errorOf('occurredAt')}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={values.occurredAt}
              onChange={(e) => set({ occurredAt: e.target.value })}
            />
          )}
        </Field>
      </div>

      <Field id={id('subject')} label={t('contact.subject')} required error={errorOf('subject')}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={300}
            value={values.subject}
            onChange={(e) => set({ subject: e.target.value })}
          />
        )}
      </Field>

      {!bound ? (
        <Field
          id={id('partnership')}
          label={t('contact.partnership')}
          hint={t('contact.partnershipHint')}
          error={errorOf('partnershipId')}
        >
          {(control) => (
            <select {...control} value={values.partnershipId} onChange={(e) => set({ partnershipId: e.target.value })}>
              <option value="">{t('contact.partnershipNone')}</option>
              {(choices.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
              {contact?.partnershipId && !choices.data?.items.some((p) => p.id === contact.partnershipId) ? (
                <option value={contact.partnershipId}>{contact.partnershipTitle ?? ''}</option>
              ) : null}
            </select>
          )}
        </Field>
      ) : null}

      <Field id={id('people')} label={t('contact.people')} hint={t('contact.peopleHint')} error={errorOf('people')}>
        {(control) => (
          <textarea {...control} rows={2} value={values.people} onChange={(e) => set({ people: e.target.value })} />
        )}
      </Field>

      <Field id={id('notes')} label={t('contact.notes')} hint={t('contact.notesHint')} error={errorOf('notes')}>
        {(control) => (
          <textarea {...control} rows={5} value={values.notes} onChange={(e) => set({ notes: e.target.value })} />
        )}
      </Field>

      <fieldset className="contact-steps">
        <legend>{t('contact.nextSteps')}</legend>
        {values.nextSteps.map((step, i) => (
          <fieldset key={step.key} className="contact-step">
            <legend className="visually-hidden">{t('contact.nextStepNumber', { n: i + 1 })}</legend>
            <Field
              id={id(`step-${step.key}-description`)}
              label={t('contact.nextStep')}
              required
              error={errorOf(`nextSteps.${i}.description`)}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={500}
                  value={step.description}
                  onChange={(e) => setStep(i, { description: e.target.value })}
                />
              )}
            </Field>
            <div className="grid-2">
              <Field
                id={id(`step-${step.key}-owner`)}
                label={t('contact.owner')}
                error={errorOf(`nextSteps.${i}.ownerId`)}
              >
                {(control) => (
                  <select {...control} value={step.ownerId} onChange={(e) => setStep(i, { ownerId: e.target.value })}>
                    <option value="">{t('contact.ownerNone')}</option>
                    {(owners.data?.items ?? []).map((o) => (
                      <option key={o.id} value={o.id}>
                        {ownerLabel(o)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id(`step-${step.key}-due`)} label={t('contact.dueOn')} error={errorOf(`nextSteps.${i}.dueOn`)}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={step.dueOn}
                    onChange={(e) => setStep(i, { dueOn: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <button
              type="button"
              className="link-button contact-step-remove"
              onClick={() =>
                set(
                  { nextSteps: values.nextSteps.filter((s) => s.key !== step.key) },
                  values.nextSteps.flatMap((_, j) => [`nextSteps.${j}.description`, `nextSteps.${j}.ownerId`]),
                )
              }
            >
              {t('contact.removeNextStep')}
              <span className="visually-hidden"> {t('contact.nextStepNumber', { n: i + 1 })}</span>
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => set({ nextSteps: [...values.nextSteps, emptyStep()] }, [])}
        >
          {t('contact.addNextStep')}
        </button>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('contact.saving') : t('contact.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('contact.cancel')}
        </button>
      </div>
    </form>
  );
}
