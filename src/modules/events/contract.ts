// Shared by server and web: events with capacity, their registrations (waiting list) and attendance.
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { binaryFile, dateTime, defineRoute, idParams, noContent, optionalUuid } from '../../http/contract.js';
import { listExportRoutes } from '../../http/list-export-contract.js';
import { eventKinds, eventStatuses, registrationStatuses } from './vocabulary.js';

export const agendaItem = z.object({
  /** Local time of day, `HH:MM`. */
  startsAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalidTime' }),
  title: z.string().trim().min(1).max(300),
  speakers: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type AgendaItemInput = z.input<typeof agendaItem>;

export const eventFields = z
  .object({
    kind: z.enum(eventKinds),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(5000).default(''),
    startsAt: dateTime,
    endsAt: dateTime,
    place: z.string().trim().max(300).default(''),
    communeCode: z
      .string()
      .regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'unknownCommune' })
      .nullish()
      .transform((v) => v ?? null),
    /** Seats; null (or absent) for no limit. */
    capacity: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .nullish()
      .transform((v) => v ?? null),
    agenda: z.array(agendaItem).max(100).default([]),
    /** The programme holding it (with one of its territories and phases), or none. */
    programmeId: optionalUuid,
    territoryId: optionalUuid,
    phaseId: optionalUuid,
  })
  .superRefine((e, ctx) => {
    for (const field of ['territoryId', 'phaseId'] as const) {
      if (e[field] && !e.programmeId) ctx.addIssue({ code: 'custom', path: [field], message: 'programmeRequired' });
    }
    if (Date.parse(e.endsAt) <= Date.parse(e.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endBeforeStart' });
    }
    e.agenda.forEach((item, i) => {
      const previous = e.agenda[i - 1];
      if (previous && item.startsAt < previous.startsAt) {
        ctx.addIssue({ code: 'custom', path: ['agenda', i, 'startsAt'], message: 'agendaOutOfOrder' });
      }
    });
  });
export type EventInput = z.input<typeof eventFields>;
export type EventData = z.output<typeof eventFields>;

export const eventSummary = z.object({
  id: z.uuid(),
  kind: z.enum(eventKinds),
  title: z.string(),
  startsAt: dateTime,
  endsAt: dateTime,
  place: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  status: z.enum(eventStatuses),
  capacity: z.number().int().nullable(),
  /** Free seats (never below 0: lowering the capacity evicts nobody); null when unlimited. */
  seatsLeft: z.number().int().nullable(),
  waitlisted: z.number().int(),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const myRegistration = z.object({
  id: z.uuid(),
  status: z.enum(registrationStatuses),
  /** 1-based rank on the waiting list; null when holding a seat. */
  waitlistPosition: z.number().int().nullable(),
  createdAt: dateTime,
  promotedAt: dateTime.nullable(),
  checkedInAt: dateTime.nullable(),
});
export type MyRegistration = z.infer<typeof myRegistration>;

export const eventDetail = eventSummary.extend({
  description: z.string(),
  agenda: z.array(z.object({ startsAt: z.string(), title: z.string(), speakers: z.array(z.string()) })),
  registered: z.number().int(),
  /** The programme holding it, with its territory and phase. */
  programme: z
    .object({
      id: z.uuid(),
      name: z.string(),
      territoryId: z.uuid().nullable(),
      territoryName: z.string().nullable(),
      phaseId: z.uuid().nullable(),
      phaseName: z.string().nullable(),
    })
    .nullable(),
  /** The signed-in viewer's active registration, if any. */
  myRegistration: myRegistration.nullable(),
  canEdit: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export type EventDetail = z.infer<typeof eventDetail>;

export const eventFilters = z.object({
  kind: z.enum(eventKinds).optional(),
  status: z.enum(eventStatuses).optional(),
  /** Only events ending after this instant (the upcoming ones). */
  from: dateTime.optional(),
  /** Only events ending at or before this instant (the past ones). */
  until: dateTime.optional(),
  /** By start: `asc` soonest first (the default), `desc` latest first (the past ones, as the list shows them). */
  order: z.enum(['asc', 'desc']).optional(),
});
export type EventFilters = z.output<typeof eventFilters>;
export const eventListQuery = eventFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const registrationParams = z.object({ id: z.uuid(), registrationId: z.uuid() });

/** Staff view of one registration: the person (RGPD: staff only) and their organisation. */
export const registrationLine = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  status: z.enum(registrationStatuses),
  waitlistPosition: z.number().int().nullable(),
  createdAt: dateTime,
  promotedAt: dateTime.nullable(),
  checkedInAt: dateTime.nullable(),
});
export type RegistrationLine = z.infer<typeof registrationLine>;

export const registrationsView = z.object({
  registered: z.number().int(),
  waitlisted: z.number().int(),
  checkedIn: z.number().int(),
  /** Organisations holding at least one seat, with how many; no personal data. */
  organisations: z.array(z.object({ actorId: z.uuid(), name: z.string(), seats: z.number().int() })),
  /** Active registrations with people's names: staff only, else empty. */
  people: z.array(registrationLine),
  canSeePeople: z.boolean(),
});
export type RegistrationsView = z.infer<typeof registrationsView>;

export const checkInBody = z.object({ present: z.boolean().default(true) });

/** A file's bytes (Uint8Array rather than Buffer: this module also runs in the browser). */

export const eventRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/events',
    summary: 'Events in date order, with the seats left',
    tags: ['events'],
    access: 'public',
    query: eventListQuery,
    response: z.object({ items: z.array(eventSummary) }),
  }),
  /** The list as CSV or XLSX, with its filters: every event matching them (no personal data). */
  listExport: listExportRoutes({
    path: '/api/v1/events',
    what: 'Events in date order, with seats and waiting list',
    tags: ['events'],
    access: 'public',
    query: eventFilters,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id',
    summary: 'One event with its agenda, seats and the viewer’s registration',
    tags: ['events'],
    access: 'public',
    params: idParams,
    response: eventDetail,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/events',
    summary: 'Create an event',
    tags: ['events'],
    access: staff,
    body: eventFields,
    response: eventDetail,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/v1/events/:id',
    summary: 'Edit an event; a raised capacity promotes the waiting list, a lowered one evicts nobody',
    tags: ['events'],
    access: staff,
    params: idParams,
    body: eventFields,
    response: eventDetail,
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/v1/events/:id/cancel',
    summary: 'Cancel an event',
    tags: ['events'],
    access: staff,
    params: idParams,
    response: eventDetail,
  }),
  register: defineRoute({
    method: 'POST',
    path: '/api/v1/events/:id/registrations',
    summary: 'Register myself: a seat if one is free, else the waiting list',
    tags: ['events'],
    access: 'signedIn',
    params: idParams,
    response: myRegistration,
    status: 201,
  }),
  unregister: defineRoute({
    method: 'DELETE',
    path: '/api/v1/events/:id/registrations/mine',
    summary: 'Cancel my registration; a freed seat goes to the first on the waiting list',
    tags: ['events'],
    access: 'signedIn',
    params: idParams,
    response: noContent,
    status: 204,
  }),
  registrations: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id/registrations',
    summary: 'Registrations: counts and organisations; people’s names for staff only',
    tags: ['events'],
    access: 'signedIn',
    params: idParams,
    response: registrationsView,
    personalData: true,
  }),
  checkIn: defineRoute({
    method: 'POST',
    path: '/api/v1/events/:id/registrations/:registrationId/check-in',
    summary: 'Mark (or unmark) the attendance of a registered participant',
    tags: ['events'],
    access: staff,
    params: registrationParams,
    body: checkInBody,
    response: registrationLine,
  }),
  // Files (the binary exception of the contract system, as the project sheet PDF): the handler returns bytes, sent
  // as they are; the response schema is documentation only. The feed is declared with a static segment, which
  // Fastify's router prefers to `:id`.
  feedIcs: defineRoute({
    method: 'GET',
    path: '/api/v1/events/feed.ics',
    summary: 'Upcoming and recent events (90 days) as one iCalendar feed (text/calendar)',
    tags: ['events'],
    access: 'public',
    response: binaryFile,
  }),
  eventIcs: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id/event.ics',
    summary: 'One event as an iCalendar file (text/calendar, attachment); a cancelled one has STATUS:CANCELLED',
    tags: ['events'],
    access: 'public',
    params: idParams,
    response: binaryFile,
  }),
  participantsCsv: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id/participants.csv',
    summary: 'Participants with names and e-mails (staff only), CSV for Excel in French (`;`, UTF-8 BOM)',
    tags: ['events'],
    access: staff,
    params: idParams,
    response: binaryFile,
    personalData: true,
  }),
  participantsXlsx: defineRoute({
    method: 'GET',
    path: '/api/v1/events/:id/participants.xlsx',
    summary: 'Participants with names and e-mails (staff only), as an XLSX workbook',
    tags: ['events'],
    access: staff,
    params: idParams,
    response: binaryFile,
    personalData: true,
  }),
} as const;
