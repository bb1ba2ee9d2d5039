// Shared by server and web: the contact log's routes and their schemas.
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { defineRoute, idParams, noContent } from '../../http/contract.js';
import { contactKinds } from './vocabulary.js';

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
const isoDate = z.iso.date({ message: 'invalidDueDate' });

const optionalId = z
  .uuid()
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

export const nextStepInput = z.object({
  /** An existing next step of this contact (kept and updated); without it, a new one. */
  id: z.uuid().optional(),
  description: z.string().trim().min(1).max(500),
  /** The user who owns it: staff, or a member of the actor or of the partnership's partners. */
  ownerId: optionalId,
  dueOn: isoDate
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  /** Absent: an existing step keeps its state, a new one is open. */
  done: z.boolean().optional(),
});
export type NextStepInput = z.input<typeof nextStepInput>;

export const contactInput = z.object({
  actorId: z.uuid(),
  kind: z.enum(contactKinds),
  /** When it happened, with its offset (`2026-11-25T14:30:00+01:00` or UTC). */
  occurredAt: z.iso.datetime({ offset: true, message: 'invalidOccurredAt' }),
  subject: z.string().trim().min(1).max(300),
  /** Who was there: free text, personal data. */
  people: z.string().trim().max(2000).default(''),
  /** Confidential: never shown to observers. */
  notes: z.string().trim().max(20_000).default(''),
  /** A partnership the actor is a partner of. */
  partnershipId: optionalId,
  nextSteps: z.array(nextStepInput).max(30).default([]),
});
export type ContactInput = z.input<typeof contactInput>;
export type ContactData = z.output<typeof contactInput>;

export const nextStepView = z.object({
  id: z.uuid(),
  /** Null for observers, who only learn that a next step exists and when it is due. */
  description: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  doneAt: z.iso.datetime({ offset: true }).nullable(),
});
export type NextStepView = z.infer<typeof nextStepView>;

/** A contact as a given reader may see it: observers get null `people` and `notes`, and anonymised next steps. */
export const contactView = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  actorName: z.string(),
  partnershipId: z.uuid().nullable(),
  partnershipTitle: z.string().nullable(),
  kind: z.enum(contactKinds),
  occurredAt: z.iso.datetime({ offset: true }),
  subject: z.string(),
  people: z.string().nullable(),
  notes: z.string().nullable(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  nextSteps: z.array(nextStepView),
  /** The author and staff may change or delete it. */
  canEdit: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ContactView = z.infer<typeof contactView>;

export const contactListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const contactPage = z.object({
  items: z.array(contactView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether the caller may log a contact here (staff; a member of the actor or of a partner). */
  canLog: z.boolean(),
});
export type ContactPage = z.infer<typeof contactPage>;

export const followUpsQuery = z.object({
  /** Staff: also the open next steps of contacts I logged whose owner is someone else. */
  assignedByMe: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
});

export const followUp = z.object({
  id: z.uuid(),
  description: z.string(),
  dueOn: z.string().nullable(),
  /** Due before today (Paris time). */
  overdue: z.boolean(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  /** True when the caller owns it (false: assigned by the caller to someone else). */
  mine: z.boolean(),
  contact: z.object({
    id: z.uuid(),
    kind: z.enum(contactKinds),
    occurredAt: z.iso.datetime({ offset: true }),
    subject: z.string(),
  }),
  actor: z.object({ id: z.uuid(), name: z.string() }),
  partnership: z.object({ id: z.uuid(), title: z.string() }).nullable(),
});
export type FollowUp = z.infer<typeof followUp>;

export const followUpPage = z.object({
  items: z.array(followUp),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Today in Paris, `YYYY-MM-DD`: the reference for overdue and this week. */
  today: z.string(),
});

export const nextStepPatch = z
  .object({
    done: z.boolean().optional(),
    dueOn: isoDate.nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
  })
  .refine((p) => p.done !== undefined || p.dueOn !== undefined || p.ownerId !== undefined, {
    message: 'required',
    path: ['done'],
  });

export const ownersQuery = z.object({
  actorId: z.uuid().optional(),
  partnershipId: z.uuid().optional(),
});

/** A user who may own a next step: display name only, never an e-mail. */
export const ownerChoice = z.object({
  id: z.uuid(),
  displayName: z.string(),
  /** Staff, or a member of the named organisation. */
  staff: z.boolean(),
  actorName: z.string().nullable(),
});
export type OwnerChoice = z.infer<typeof ownerChoice>;

export const partnershipChoice = z.object({
  id: z.uuid(),
  title: z.string(),
  partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type PartnershipChoice = z.infer<typeof partnershipChoice>;

const loggers = [...staff, 'member'] as const;

export const createContact = defineRoute({
  method: 'POST',
  path: '/api/v1/contacts',
  summary: 'Log a contact with an actor (staff: any actor; a member: its own, or a partnership of its own)',
  tags: ['contacts'],
  access: loggers,
  body: contactInput,
  response: contactView,
  status: 201,
});

export const updateContact = defineRoute({
  method: 'PUT',
  path: '/api/v1/contacts/:id',
  summary: 'Replace a contact and its next steps (its author or staff)',
  tags: ['contacts'],
  access: loggers,
  params: idParams,
  body: contactInput,
  response: contactView,
});

export const deleteContact = defineRoute({
  method: 'DELETE',
  path: '/api/v1/contacts/:id',
  summary: 'Delete a contact and its next steps (its author or staff)',
  tags: ['contacts'],
  access: loggers,
  params: idParams,
  response: noContent,
  status: 204,
});

export const actorContacts = defineRoute({
  method: 'GET',
  path: '/api/v1/actors/:id/contacts',
  summary: 'The contacts with an actor the caller may read, newest first (observers: without people nor notes)',
  tags: ['contacts'],
  access: 'signedIn',
  params: idParams,
  query: contactListQuery,
  response: contactPage,
  personalData: true,
});

export const partnershipContacts = defineRoute({
  method: 'GET',
  path: '/api/v1/partnerships/:id/contacts',
  summary: 'The contacts about a partnership, newest first (staff and partners; observers: without people nor notes)',
  tags: ['contacts'],
  access: 'signedIn',
  params: idParams,
  query: contactListQuery,
  response: contactPage,
  personalData: true,
});

export const patchNextStep = defineRoute({
  method: 'PATCH',
  path: '/api/v1/next-steps/:id',
  summary: 'Mark a next step done or not, change its due date or owner (its owner, the contact’s author or staff)',
  tags: ['contacts'],
  access: loggers,
  params: idParams,
  body: nextStepPatch,
  response: nextStepView,
});

export const myFollowUps = defineRoute({
  method: 'GET',
  path: '/api/v1/me/follow-ups',
  summary: 'My open next steps, overdue first then by due date',
  tags: ['contacts'],
  access: 'signedIn',
  query: followUpsQuery,
  response: followUpPage,
  personalData: true,
});

export const nextStepOwners = defineRoute({
  method: 'GET',
  path: '/api/v1/contacts/owners',
  summary: 'Who may own a next step: staff, and the members of the actor or of the partnership’s partners',
  tags: ['contacts'],
  access: loggers,
  query: ownersQuery,
  response: z.object({ items: z.array(ownerChoice) }),
  personalData: true,
});

export const contactPartnerships = defineRoute({
  method: 'GET',
  path: '/api/v1/contacts/partnerships',
  summary: 'The partnerships a contact may be logged on: those of an actor, or one partnership, with their partners',
  tags: ['contacts'],
  access: loggers,
  query: ownersQuery,
  response: z.object({ items: z.array(partnershipChoice) }),
});
