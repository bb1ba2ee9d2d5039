// Shared by server and web: a user's notifications and consent to matchmaking news.
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

export const notificationSettingsBody = z.object({ matching: z.enum(notificationChoices) });
export const notificationSettingsView = notificationSettingsBody.extend({ consentedAt: z.string().nullable() });

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
  settings: defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/settings',
    summary: 'How I want to hear about matchmaking (off until I consent)',
    tags: ['notifications'],
    access: 'signedIn',
    response: notificationSettingsView,
  }),
  updateSettings: defineRoute({
    method: 'PUT',
    path: '/api/v1/notifications/settings',
    summary: 'Consent to, change or withdraw matchmaking notifications',
    tags: ['notifications'],
    access: 'signedIn',
    body: notificationSettingsBody,
    response: notificationSettingsView,
  }),
} as const;
