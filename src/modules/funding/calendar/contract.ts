// Shared by server and web: the funding deadlines' calendar (calls closing, reports due) with its iCalendar feed, and
// the matching of calls for projects to flagship projects and programme territories (issue 7).
import { z } from 'zod';
import { readers } from '../../../auth/roles.js';
import { binaryFile, defineRoute, idParams } from '../../../http/contract.js';
import { actorFamilies } from '../../reference/families.js';
import { named } from '../calls/contract.js';
import { callStatuses, deadlineKinds } from '../vocabulary.js';

const day = z.iso.date();

/** The longest span of one request of the calendar (three years and a bit). */
export const maxDeadlineSpanDays = 1100;

export const deadlineQuery = z
  .object({
    /**
     * First and last day (inclusive). Without `from`: what is to come (from today) and every report overdue, however
     * long ago; without `to`: a year from `from` (or from today).
     */
    from: day.optional(),
    to: day.optional(),
    kind: z.enum(deadlineKinds).optional(),
    /** A programme territory: its applications' reports, and the calls that apply there (or anywhere). */
    territoryId: z.uuid().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
  });
export type DeadlineQuery = z.input<typeof deadlineQuery>;

export const deadlineView = z.object({
  kind: z.enum(deadlineKinds),
  /** The deadline's day. */
  dueOn: day,
  /** Whole days from today (Paris) to the deadline: negative once passed. */
  daysLeft: z.number().int(),
  /** A report not sent and past its date (a call past its closing date is closed, not overdue). */
  overdue: z.boolean(),
  /** The call's title, or the report's. */
  title: z.string(),
  callId: z.uuid().nullable(),
  applicationId: z.uuid().nullable(),
  applicationTitle: z.string().nullable(),
  reportId: z.uuid().nullable(),
  funder: named,
  /** The programme territory of a report's application, when it has one. */
  territory: named.nullable(),
  /** The page of the call or of the application, in the web app. */
  link: z.string(),
});
export type DeadlineView = z.infer<typeof deadlineView>;

/** What a call and a project or territory have in common: the reasons a match is shown with. */
export const matchReasons = z.object({
  sharedThemes: z.array(z.string()),
  sharedSdgs: z.array(z.number().int()),
  /** Communes named by both. */
  sharedCommunes: z.array(z.object({ code: z.string(), name: z.string() })),
  /** In the same territory of the reference data, though not the same commune. */
  sameTerritory: z.boolean(),
  /** Distance between their nearest communes, when both name places. */
  km: z.number().nullable(),
  /** The call names no commune: it applies anywhere its funder acts. */
  anywhere: z.boolean(),
  /** The carriers' families the call accepts (empty when the call accepts any family). */
  eligibleFamilies: z.array(z.enum(actorFamilies)),
  /** The project's budget is within the call's range of one grant (null: unknown on either side). */
  budgetFits: z.boolean().nullable(),
});
export type MatchReasons = z.infer<typeof matchReasons>;

/** How well suited: « very » from callMatchTunables.verySuited up, else « suited ». */
export const suitedLevels = ['very', 'suited'] as const;
export type SuitedLevel = (typeof suitedLevels)[number];

const scored = { score: z.number(), level: z.enum(suitedLevels), reasons: matchReasons };

export const projectMatch = z.object({ id: z.uuid(), title: z.string(), ...scored });
export const territoryMatch = z.object({
  id: z.uuid(),
  name: z.string(),
  programme: named,
  themeLabel: z.string(),
  ...scored,
});
export const callMatches = z.object({ projects: z.array(projectMatch), territories: z.array(territoryMatch) });
export type CallMatches = z.infer<typeof callMatches>;

export const suitedCall = z.object({
  id: z.uuid(),
  title: z.string(),
  funder: named,
  /** Announced or open: closed calls are never suggested. */
  status: z.enum(callStatuses),
  opensOn: day.nullable(),
  closesOn: day.nullable(),
  ...scored,
});
export type SuitedCall = z.infer<typeof suitedCall>;

export const projectCalls = z.object({ items: z.array(suitedCall) });
/** A programme's suited calls, per territory (a call shows under each territory it suits). */
export const programmeCalls = z.object({
  territories: z.array(z.object({ id: z.uuid(), name: z.string(), calls: z.array(suitedCall) })),
});
export type ProgrammeCalls = z.infer<typeof programmeCalls>;

export const fundingCalendarRoutes = {
  deadlines: defineRoute({
    method: 'GET',
    path: '/api/v1/funding/deadlines',
    summary: 'Calls closing and reports due, in date order, with the days left',
    tags: ['funding'],
    access: readers,
    query: deadlineQuery,
    response: z.object({
      items: z.array(deadlineView),
      /** The first day asked; null without one: from today, with every report overdue before it. */
      from: day.nullable(),
      to: day,
      today: day,
    }),
  }),
  deadlinesIcs: defineRoute({
    method: 'GET',
    path: '/api/v1/funding/deadlines.ics',
    summary: 'The funding deadlines as an iCalendar feed (text/calendar)',
    tags: ['funding'],
    access: readers,
    response: binaryFile,
  }),
  callMatches: defineRoute({
    method: 'GET',
    path: '/api/v1/funding/calls/:id/matches',
    summary: 'The published flagship projects and the programme territories a call suits, best first, with reasons',
    tags: ['funding'],
    access: 'public',
    params: idParams,
    response: callMatches,
  }),
  projectCalls: defineRoute({
    method: 'GET',
    path: '/api/v1/projects/:id/calls',
    summary: 'The open or announced calls for projects that suit a flagship project, best first',
    tags: ['funding', 'projects'],
    access: 'public',
    params: idParams,
    response: projectCalls,
  }),
  programmeCalls: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes/:id/calls',
    summary: 'The open or announced calls for projects that suit each territory of a programme, best first',
    tags: ['funding', 'programmes'],
    access: 'public',
    params: idParams,
    response: programmeCalls,
  }),
};
