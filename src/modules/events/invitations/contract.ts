// Shared by server and web: invitations to an event, sent to organisations (their members are told) or to people.
import { z } from 'zod';
import { staff } from '../../../auth/roles.js';
import { dateTime, defineRoute, idParams, noContent, optionalUuid } from '../../../http/contract.js';
import { registrationStatuses } from '../vocabulary.js';

export const invitationsBody = z
  .object({
    actorIds: z.array(z.uuid()).max(500).default([]),
    userIds: z.array(z.uuid()).max(500).default([]),
    /** A programme's participants in one territory (its pilot group), or in all when territoryId is null. */
    programmeTerritory: z
      .object({
        programmeId: z.uuid(),
        territoryId: optionalUuid,
      })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.actorIds.length === 0 && v.userIds.length === 0 && !v.programmeTerritory) {
      ctx.addIssue({ code: 'custom', path: ['actorIds'], message: 'nobodyToInvite' });
    }
  });
export type InvitationsInput = z.input<typeof invitationsBody>;

export const invitationsResult = z.object({
  /** Newly invited organisations and people. */
  invited: z.number().int(),
  /** Those that already were (re-inviting changes nothing). */
  alreadyInvited: z.number().int(),
});

/** Whether the organisation (or person) holds an active registration: a seat, the waiting list, or none. */
const registeredAs = z.enum(registrationStatuses).exclude(['cancelled']).nullable();

export const invitationsView = z.object({
  organisations: z.array(
    z.object({ id: z.uuid(), actorId: z.uuid(), name: z.string(), registered: registeredAs, createdAt: dateTime }),
  ),
  /** People invited one by one, with their names: staff only. */
  people: z.array(
    z.object({
      id: z.uuid(),
      userId: z.uuid(),
      displayName: z.string(),
      registered: registeredAs,
      createdAt: dateTime,
    }),
  ),
});
export type InvitationsView = z.infer<typeof invitationsView>;

export const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });

export const invitationRoutes = {
  invite: defineRoute({
    method: 'POST',
    path: '/api/v1/events/:id/invitations',
    summary: 'Invite organisations, people or a programme’s pilot group; idempotent; members are notified',
    tags: ['events'],
    access: staff,
    params: idParams,
    body: invitationsBody,
    response: invitationsResult,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id/invitations',
    summary: 'Organisations and people invited, with whether they registered',
    tags: ['events'],
    access: staff,
    params: idParams,
    response: invitationsView,
    personalData: true,
  }),
  mine: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id/invitations/mine',
    summary: 'Whether the signed-in user, or their organisation, is invited',
    tags: ['events'],
    access: 'signedIn',
    params: idParams,
    response: z.object({ invited: z.boolean() }),
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/v1/events/:id/invitations/:invitationId',
    summary: 'Withdraw an invitation',
    tags: ['events'],
    access: staff,
    params: invitationParams,
    response: noContent,
    status: 204,
  }),
} as const;
