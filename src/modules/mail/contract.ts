// Shared by server and web: the e-mails that could not be delivered (dead letters), for the admin.
import { z } from 'zod';
import { dateTime, defineRoute, idParams, noContent } from '../../http/contract.js';

export const deadLetter = z.object({
  id: z.uuid(),
  /** Masked (`c***@exemple.fr`): enough to recognise it, not to copy it. */
  recipient: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  /** The server's last answer, addresses masked. */
  lastError: z.string().nullable(),
  createdAt: dateTime,
  deadAt: dateTime,
});
export type DeadLetter = z.infer<typeof deadLetter>;

export const deadLettersQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const deadLettersPage = z.object({
  items: z.array(deadLetter),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DeadLettersPage = z.infer<typeof deadLettersPage>;

export const mailRoutes = {
  deadLetters: defineRoute({
    method: 'GET',
    path: '/api/v1/admin/mail/dead-letters',
    summary: 'E-mails given up after their delivery attempts, newest first (recipients masked)',
    tags: ['mail'],
    access: ['admin'],
    query: deadLettersQuery,
    response: deadLettersPage,
  }),
  retry: defineRoute({
    method: 'POST',
    path: '/api/v1/admin/mail/dead-letters/:id/retry',
    summary: 'Send a dead letter again: back to the outbox, due now, with fresh attempts',
    tags: ['mail'],
    access: ['admin'],
    params: idParams,
    response: noContent,
    status: 204,
  }),
} as const;
