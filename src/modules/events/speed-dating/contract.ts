// Shared by server and web: a speed-dating event's settings, wishes, schedule and follow-ups.
import { z } from 'zod';
import { staff } from '../../../auth/roles.js';
import { dateTime, defineRoute, idParams } from '../../../http/contract.js';
import { actorFamilies } from '../../reference/families.js';
import { interestSources, meetingRules } from './vocabulary.js';

const families = z.array(z.enum(actorFamilies)).max(actorFamilies.length);

export const speedDatingSettings = z
  .object({
    tables: z.number().int().min(1).max(500),
    rounds: z.number().int().min(1).max(50),
    roundMinutes: z.number().int().min(1).max(120),
    changeoverMinutes: z.number().int().min(0).max(60).default(2),
    rule: z.enum(meetingRules).default('twoSided'),
    sideA: families.default(['association']),
    sideB: families.default(['company']),
    interestSource: z.enum(interestSources).default('both'),
    followUpsOpen: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.rule !== 'twoSided') return;
    for (const side of ['sideA', 'sideB'] as const) {
      if (s[side].length === 0) ctx.addIssue({ code: 'custom', path: [side], message: 'speedDatingSideEmpty' });
    }
    if (s.sideB.some((f) => s.sideA.includes(f))) {
      ctx.addIssue({ code: 'custom', path: ['sideB'], message: 'speedDatingSidesOverlap' });
    }
  });
export type SpeedDatingSettingsInput = z.input<typeof speedDatingSettings>;
export type SpeedDatingSettings = z.output<typeof speedDatingSettings>;

/** A participant as others see them: the organisation; the person's name for staff only (else null). */
export const speedDatingParty = z.object({
  registrationId: z.uuid(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  family: z.enum(actorFamilies).nullable(),
  displayName: z.string().nullable(),
});
export type SpeedDatingParty = z.infer<typeof speedDatingParty>;

export const wishLine = z.object({ registrationId: z.uuid(), level: z.number().int().min(1).max(3) });
export type WishLine = z.infer<typeof wishLine>;

export const speedDatingParticipant = speedDatingParty.extend({
  /** Two-sided: 'A' or 'B', null when « hors règle » (left out); one-sided: always 'A'. */
  side: z.enum(['A', 'B']).nullable(),
  wishesGiven: z.number().int(),
  /** How many chose this participant: staff only (others would learn who is sought after), else null. */
  wishesReceived: z.number().int().nullable(),
  /** The wishes this participant gave: staff only (to enter paper forms), else empty. */
  wishes: z.array(wishLine),
});
export type SpeedDatingParticipant = z.infer<typeof speedDatingParticipant>;

export const scheduleSummary = z.object({
  scheduledAt: dateTime,
  /** Wishes, settings or seats changed since the schedule was computed. */
  stale: z.boolean(),
  interest: z.number(),
  bound: z.number(),
  optimal: z.boolean(),
  greedyInterest: z.number(),
  /** interest / bound and greedyInterest / bound (1 when the bound is 0). */
  ratio: z.number(),
  greedyRatio: z.number(),
});
export type ScheduleSummary = z.infer<typeof scheduleSummary>;

export const speedDatingView = z.object({
  eventId: z.uuid(),
  /** Null until staff set them. */
  settings: speedDatingSettings.nullable(),
  participants: z.array(speedDatingParticipant),
  wishesCount: z.number().int(),
  summary: scheduleSummary.nullable(),
  canManage: z.boolean(),
  /** The viewer's seat (registration), when they hold one, their side and their wishes. */
  mine: z
    .object({ registrationId: z.uuid(), side: z.enum(['A', 'B']).nullable(), wishes: z.array(wishLine) })
    .nullable(),
  /** Participants may mark their follow-ups (the event has started, or staff opened them). */
  followUpsOpen: z.boolean(),
});
export type SpeedDatingView = z.infer<typeof speedDatingView>;

export const wishesBody = z.object({ wishes: z.array(wishLine).max(500) });
export type WishesBody = z.infer<typeof wishesBody>;

export const roundTimes = z.object({ round: z.number().int(), startsAt: dateTime, endsAt: dateTime });

export const scheduleView = z.object({
  summary: scheduleSummary,
  tables: z.number().int(),
  rounds: z.array(
    roundTimes.extend({
      meetings: z.array(
        z.object({
          tableNumber: z.number().int(),
          a: speedDatingParty,
          b: speedDatingParty,
          interest: z.number(),
        }),
      ),
      breaks: z.array(speedDatingParty),
    }),
  ),
  /** Seat holders left out by the two-sided rule (« hors règle »). */
  excluded: z.array(speedDatingParty),
});
export type ScheduleView = z.infer<typeof scheduleView>;

export const mySchedule = z.object({
  registrationId: z.uuid(),
  scheduled: z.boolean(),
  rounds: z.array(
    roundTimes.extend({
      /** Null: a break. */
      tableNumber: z.number().int().nullable(),
      other: speedDatingParty.nullable(),
    }),
  ),
  followUpsOpen: z.boolean(),
  /** Everyone met, with my mark and the contact request opened when the mark was mutual. */
  followUps: z.array(speedDatingParty.extend({ marked: z.boolean(), requestId: z.uuid().nullable() })),
});
export type MySchedule = z.infer<typeof mySchedule>;

export const followUpsBody = z.object({ registrationIds: z.array(z.uuid()).max(50) });

export const registrationIdParams = z.object({ id: z.uuid(), registrationId: z.uuid() });

const base = '/api/v1/events/:id/speed-dating';
const tags = ['events'];

export const speedDatingRoutes = {
  get: defineRoute({
    method: 'GET',
    path: base,
    summary: 'Speed dating: settings, participants (organisations; names for staff), wishes, last schedule summary',
    tags,
    access: 'signedIn',
    params: idParams,
    response: speedDatingView,
    personalData: true,
  }),
  settings: defineRoute({
    method: 'PUT',
    path: base,
    summary: 'Set the speed dating: tables, rounds, times, who meets whom, where interest comes from',
    tags,
    access: staff,
    params: idParams,
    body: speedDatingSettings,
    response: speedDatingView,
  }),
  myWishes: defineRoute({
    method: 'PUT',
    path: `${base}/wishes/mine`,
    summary: 'Replace my wishes (who I want to meet, level 1 to 3): other seat holders of the other side only',
    tags,
    access: 'signedIn',
    params: idParams,
    body: wishesBody,
    response: speedDatingView,
  }),
  wishesOf: defineRoute({
    method: 'PUT',
    path: `${base}/wishes/:registrationId`,
    summary: 'Replace the wishes of one participant (paper forms)',
    tags,
    access: staff,
    params: registrationIdParams,
    body: wishesBody,
    response: speedDatingView,
  }),
  compute: defineRoute({
    method: 'POST',
    path: `${base}/schedule`,
    summary: 'Compute and store the schedule (optimal flow + colouring), beside the greedy baseline',
    tags,
    access: staff,
    params: idParams,
    response: scheduleView,
  }),
  schedule: defineRoute({
    method: 'GET',
    path: `${base}/schedule`,
    summary: 'The stored schedule by round, with names (staff)',
    tags,
    access: staff,
    params: idParams,
    response: scheduleView,
    personalData: true,
  }),
  mySchedule: defineRoute({
    method: 'GET',
    path: `${base}/schedule/mine`,
    summary: 'My rounds, times, tables and the organisations I meet; my follow-ups',
    tags,
    access: 'signedIn',
    params: idParams,
    response: mySchedule,
  }),
  myFollowUps: defineRoute({
    method: 'PUT',
    path: `${base}/follow-ups/mine`,
    summary: 'Mark whom I want to follow up with; a mutual mark opens one contact request',
    tags,
    access: 'signedIn',
    params: idParams,
    body: followUpsBody,
    response: mySchedule,
  }),
} as const;
