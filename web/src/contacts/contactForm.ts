// The contact form's values, their mapping to the API's contactInput and back, and validation with the same schema.
import { type ContactInput, type ContactView, contactInput } from '../../../src/modules/contacts/contract';
import type { ContactKind } from '../../../src/modules/contacts/vocabulary';
import { toLocalInput } from '../ui/dates';

export interface StepValues {
  /** Local key for React lists (steps without an id yet). */
  key: string;
  id?: string;
  description: string;
  ownerId: string;
  dueOn: string;
  /** Kept as it was for existing steps; new steps are open. */
  done?: boolean;
}

export interface ContactFormValues {
  actorId: string;
  kind: ContactKind;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone (a datetime-local input). */
  occurredAt: string;
  subject: string;
  people: string;
  notes: string;
  partnershipId: string;
  nextSteps: StepValues[];
}

let seed = 0;
export const newStepKey = () => `s${++seed}`;

/** A datetime-local value as an ISO instant; '' when it is not a date. */
export function localInputToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

export const emptyStep = (ownerId = ''): StepValues => ({
  key: newStepKey(),
  description: '',
  ownerId,
  dueOn: '',
});

export function emptyContactForm(actorId: string, partnershipId: string, now = new Date()): ContactFormValues {
  return {
    actorId,
    kind: 'meeting',
    occurredAt: toLocalInput(now),
    subject: '',
    people: '',
    notes: '',
    partnershipId,
    nextSteps: [],
  };
}

export function contactToForm(c: ContactView): ContactFormValues {
  return {
    actorId: c.actorId,
    kind: c.kind,
    occurredAt: toLocalInput(new Date(c.occurredAt)),
    subject: c.subject,
    people: c.people ?? '',
    notes: c.notes ?? '',
    partnershipId: c.partnershipId ?? '',
    nextSteps: c.nextSteps.map((s) => ({
      key: newStepKey(),
      id: s.id,
      description: s.description ?? '',
      ownerId: s.ownerId ?? '',
      dueOn: s.dueOn ?? '',
    })),
  };
}

export function formToInput(v: ContactFormValues): ContactInput {
  return {
    actorId: v.actorId,
    kind: v.kind,
    occurredAt: localInputToIso(v.occurredAt),
    subject: v.subject,
    people: v.people,
    notes: v.notes,
    partnershipId: v.partnershipId || null,
    nextSteps: v.nextSteps.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      description: s.description,
      ownerId: s.ownerId || null,
      dueOn: s.dueOn || null,
      ...(s.done === undefined ? {} : { done: s.done }),
    })),
  };
}

/** Field path (`subject`, `nextSteps.0.dueOn`) → message code, with the server's own schema. */
export function validateContact(v: ContactFormValues): Record<string, string> {
  const result = contactInput.safeParse(formToInput(v));
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!errors[path]) errors[path] = issue.message;
  }
  return errors;
}
