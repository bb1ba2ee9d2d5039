// Shared by server and web: a user's notifications and their preferences (each kind off, at once or weekly).
import { z } from 'zod';
import { defineRoute, idParams, noContent } from '../../http/contract.js';
import { notificationChoices, notificationKinds } from './vocabulary.js';

export const notification = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationPreference = z.object({
  kind: z.enum(notificationKinds),
  choice: z.enum(notificationChoices),
  /** No choice saved: the kind's default applies (vocabulary.ts). */
  isDefault: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreference>;
export const notificationPreferencesView = z.object({ items: z.array(notificationPreference) });
/** Some kinds → choice; the kinds left out keep their choice. A kind the role does not receive: 422 naming it. */
export const notificationPreferencesBody = z.record(z.string().max(40), z.enum(notificationChoices));

export const notificationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/notifications',
    summary: 'My notifications, newest first, with the number unread',
    tags: ['notifications'],
    access: 'signedIn',
    query: z.object({
      unread: z.stringbool().optional(),
      limit: z.coerce.number().int().min(1).max(100).default(30),
    }),
    response: z.object({ items: z.array(notification), unread: z.number() }),
  }),
  read: defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    summary: 'Mark one of my notifications read',
    tags: ['notifications'],
    access: 'signedIn',
    params: idParams,
    response: noContent,
    status: 204,
  }),
  readAll: defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    summary: 'Mark all my notifications read',
    tags: ['notifications'],
    access: 'signedIn',
    response: noContent,
    status: 204,
  }),
  preferences: defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/preferences',
    summary: 'My choice for each kind of notification my role receives (off, instant, weekly digest)',
    tags: ['notifications'],
    access: 'signedIn',
    response: notificationPreferencesView,
  }),
  updatePreferences: defineRoute({
    method: 'PUT',
    path: '/api/v1/notifications/preferences',
    summary: 'Change some of my notification choices; records or withdraws my consent to e-mails',
    tags: ['notifications'],
    access: 'signedIn',
    body: notificationPreferencesBody,
    response: notificationPreferencesView,
  }),
} as const;
