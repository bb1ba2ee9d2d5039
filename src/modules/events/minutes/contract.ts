// Shared by server and web: an event's minutes — free notes, decisions and follow-ups linked to an action of a
// programme's plan (possibly created by the decision), a partnership, a need or offer.
import { z } from 'zod';
import { staff } from '../../../auth/roles.js';
import { dateTime, defineRoute, idParams, noContent, optionalUuid } from '../../../http/contract.js';
import { needOfferKinds } from '../../needs-offers/vocabulary.js';
import { actionFields } from '../../programmes/contract.js';
import { actionStatuses } from '../../programmes/vocabulary.js';
import { minuteItemKinds } from './vocabulary.js';

export const minutesNotesBody = z.object({ notes: z.string().trim().max(20_000) });

/** What an item says and links to; editing an item takes these. */
export const minuteItemEdit = z.object({
  kind: z.enum(minuteItemKinds),
  text: z.string().trim().min(3).max(2000),
  partnershipId: optionalUuid,
  needOfferId: optionalUuid,
  /** An existing action of any programme's plan. */
  actionId: optionalUuid,
});
export type MinuteItemEditInput = z.input<typeof minuteItemEdit>;

/** A new item, which may create an action of a programme's plan (in the same transaction). */
export const minuteItemFields = minuteItemEdit
  .extend({
    newAction: z
      .object({ programmeId: z.uuid(), action: actionFields })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.actionId && v.newAction) {
      ctx.addIssue({ code: 'custom', path: ['newAction'], message: 'actionOrNewAction' });
    }
  });
export type MinuteItemInput = z.input<typeof minuteItemFields>;
export type MinuteItemData = z.output<typeof minuteItemFields>;

export const minuteItemView = z.object({
  id: z.uuid(),
  kind: z.enum(minuteItemKinds),
  text: z.string(),
  action: z
    .object({ id: z.uuid(), title: z.string(), status: z.enum(actionStatuses), programmeId: z.uuid() })
    .nullable(),
  partnership: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  needOffer: z.object({ id: z.uuid(), title: z.string(), kind: z.enum(needOfferKinds) }).nullable(),
  createdAt: dateTime,
});
export type MinuteItemView = z.infer<typeof minuteItemView>;

export const minutesView = z.object({
  notes: z.string(),
  /** Last change of the notes; null when never written. */
  updatedAt: dateTime.nullable(),
  items: z.array(minuteItemView),
  canEdit: z.boolean(),
});
export type MinutesView = z.infer<typeof minutesView>;

export const minuteItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const minutesRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id/minutes',
    summary: 'An event’s minutes: staff, observers and the members registered to it',
    tags: ['events'],
    access: 'signedIn',
    params: idParams,
    response: minutesView,
  }),
  updateNotes: defineRoute({
    method: 'PUT',
    path: '/api/v1/events/:id/minutes',
    summary: 'Replace the minutes’ notes',
    tags: ['events'],
    access: staff,
    params: idParams,
    body: minutesNotesBody,
    response: minutesView,
  }),
  addItem: defineRoute({
    method: 'POST',
    path: '/api/v1/events/:id/minutes/items',
    summary: 'Record a decision or a follow-up; `newAction` also creates an action of a programme’s plan',
    tags: ['events'],
    access: staff,
    params: idParams,
    body: minuteItemFields,
    response: minuteItemView,
    status: 201,
  }),
  updateItem: defineRoute({
    method: 'PUT',
    path: '/api/v1/events/:id/minutes/items/:itemId',
    summary: 'Edit a decision or follow-up (text and links)',
    tags: ['events'],
    access: staff,
    params: minuteItemParams,
    body: minuteItemEdit,
    response: minuteItemView,
  }),
  deleteItem: defineRoute({
    method: 'DELETE',
    path: '/api/v1/events/:id/minutes/items/:itemId',
    summary: 'Delete a decision or follow-up (its action stays in the plan)',
    tags: ['events'],
    access: staff,
    params: minuteItemParams,
    response: noContent,
    status: 204,
  }),
} as const;
