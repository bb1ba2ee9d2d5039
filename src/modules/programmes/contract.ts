// Shared by server and web: programmes with their territories, phases, participants, steering committee, action plan,
// objectives and indicators, timeline, replication and calendar feed (issue 5).
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { binaryFile, dateTime, defineRoute, idParams, noContent, optionalUuid } from '../../http/contract.js';
import { eventKinds, eventStatuses } from '../events/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import { actionLinkKinds, actionStatuses, committees, indicatorSources } from './vocabulary.js';

const day = z.iso.date();
const optionalDay = day.nullish().transform((v) => v ?? null);
const communeCode = z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'unknownCommune' });

const endsAfterStarts = (v: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) => {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'endBeforeStart' });
};

/**
 * In a replace-all body, an id kept twice would be two rows with one primary key: each repeat is named
 * (`members.1.id` duplicateId); each item comes with its path.
 */
const uniqueIds = (items: { id?: string | undefined; path: (string | number)[] }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  for (const { id, path } of items) {
    if (!id) continue;
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: 'duplicateId' });
    seen.add(id);
  }
};
const keyedIds = <T extends { id?: string | undefined }>(list: T[], name: string) =>
  list.map((x, i) => ({ id: x.id, path: [name, i] }));

// ---------- inputs ----------

export const programmeFields = z
  .object({
    name: z.string().trim().min(3).max(200),
    description: z.string().trim().max(5000).default(''),
    startsOn: day,
    endsOn: day,
  })
  .superRefine(endsAfterStarts);
export type ProgrammeInput = z.input<typeof programmeFields>;

export const territoryFields = z.object({
  /** Absent for a new territory; present to keep an existing one (and its participants, actions, events). */
  id: z.uuid().optional(),
  name: z.string().trim().min(2).max(200),
  themeId: z
    .string()
    .trim()
    .min(1)
    .nullish()
    .transform((v) => v ?? null),
  themeLabel: z.string().trim().max(200).default(''),
  communeCodes: z.array(communeCode).min(1).max(200),
});
export type TerritoryInput = z.input<typeof territoryFields>;

export const territoriesBody = z
  .object({ territories: z.array(territoryFields).max(50) })
  .superRefine((b, ctx) => uniqueIds(keyedIds(b.territories, 'territories'), ctx));

export const phaseFields = z
  .object({
    id: z.uuid().optional(),
    name: z.string().trim().min(2).max(120),
    startsOn: day,
    endsOn: day,
    objectives: z.string().trim().max(5000).default(''),
  })
  .superRefine(endsAfterStarts);
export type PhaseInput = z.input<typeof phaseFields>;

/** The phases in order; each starts after the previous one ends (checked by the service, naming the field). */
export const phasesBody = z
  .object({ phases: z.array(phaseFields).max(20) })
  .superRefine((b, ctx) => uniqueIds(keyedIds(b.phases, 'phases'), ctx));

export const participantFields = z.object({
  territoryId: optionalUuid,
  role: z.string().trim().max(200).default(''),
  joinedOn: optionalDay,
});
export const participantParams = z.object({ id: z.uuid(), actorId: z.uuid() });

export const steeringMemberFields = z.object({
  id: z.uuid().optional(),
  committee: z.enum(committees),
  family: z.enum(actorFamilies),
  actorId: optionalUuid,
  territoryId: optionalUuid,
  /** The seat's role, e.g. « Présidente de Pays d'Aix Associations »; never a private person's contact details. */
  role: z.string().trim().min(2).max(200),
});
export type SteeringMemberInput = z.input<typeof steeringMemberFields>;
export const steeringBody = z
  .object({ members: z.array(steeringMemberFields).max(100) })
  .superRefine((b, ctx) => uniqueIds(keyedIds(b.members, 'members'), ctx));

export const actionLinkInput = z.object({ kind: z.enum(actionLinkKinds), id: z.uuid() });

export const actionFields = z
  .object({
    title: z.string().trim().min(3).max(300),
    description: z.string().trim().max(5000).default(''),
    phaseId: optionalUuid,
    territoryId: optionalUuid,
    ownerActorId: optionalUuid,
    ownerRole: z.string().trim().max(200).default(''),
    startsOn: optionalDay,
    dueOn: optionalDay,
    status: z.enum(actionStatuses).default('planned'),
    links: z.array(actionLinkInput).max(100).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.startsOn && a.dueOn && a.dueOn < a.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'endBeforeStart' });
    }
  });
export type ActionInput = z.input<typeof actionFields>;
export type ActionData = z.output<typeof actionFields>;

export const actionStatusBody = z.object({ status: z.enum(actionStatuses) });

export const actionListQuery = z.object({
  status: z.enum([...actionStatuses, 'late']).optional(),
  phaseId: z.uuid().optional(),
  territoryId: z.uuid().optional(),
});

export const indicatorFields = z.object({
  id: z.uuid().optional(),
  label: z.string().trim().min(2).max(200),
  unit: z.string().trim().max(40).default(''),
  source: z.enum(indicatorSources).default('manual'),
  /** For events held and attendance: count only events of this kind (kept only for those sources). */
  eventKind: z
    .enum(eventKinds)
    .nullish()
    .transform((v) => v ?? null),
  baseline: z
    .number()
    .finite()
    .nullish()
    .transform((v) => v ?? null),
  target: z
    .number()
    .finite()
    .nullish()
    .transform((v) => v ?? null),
  /** Manual indicators only; ignored for counted ones. */
  measured: z
    .number()
    .finite()
    .nullish()
    .transform((v) => v ?? null),
});
export const objectiveFields = z.object({
  id: z.uuid().optional(),
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(5000).default(''),
  phaseId: optionalUuid,
  indicators: z.array(indicatorFields).max(30).default([]),
});
export type ObjectiveInput = z.input<typeof objectiveFields>;
/** Objectives' ids are unique, and so are indicators' across every objective (one table). */
export const objectivesBody = z.object({ objectives: z.array(objectiveFields).max(50) }).superRefine((b, ctx) => {
  uniqueIds(keyedIds(b.objectives, 'objectives'), ctx);
  uniqueIds(
    b.objectives.flatMap((o, i) =>
      o.indicators.map((x, j) => ({ id: x.id, path: ['objectives', i, 'indicators', j] })),
    ),
    ctx,
  );
});

/** Replication (essaimage): the method of a programme, for a new territory and theme, from a start date. */
export const replicationBody = z.object({
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  startsOn: day,
  territory: territoryFields.omit({ id: true }),
});
export type ReplicationInput = z.input<typeof replicationBody>;

// ---------- outputs ----------

export const territoryView = z.object({
  id: z.uuid(),
  name: z.string(),
  themeId: z.string().nullable(),
  themeLabel: z.string(),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type TerritoryView = z.infer<typeof territoryView>;

export const phaseView = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: day,
  endsOn: day,
  objectives: z.string(),
});
export type PhaseView = z.infer<typeof phaseView>;

export const programmeSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  startsOn: day,
  endsOn: day,
  territories: z.array(z.object({ id: z.uuid(), name: z.string(), themeLabel: z.string() })),
  /** The phase that holds today, if any. */
  currentPhase: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  replicatedFrom: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type ProgrammeSummary = z.infer<typeof programmeSummary>;

export const participantView = z.object({
  actorId: z.uuid(),
  name: z.string(),
  family: z.enum(actorFamilies),
  territoryId: z.uuid().nullable(),
  role: z.string(),
  joinedOn: day.nullable(),
});
export type ParticipantView = z.infer<typeof participantView>;

export const steeringMemberView = z.object({
  id: z.uuid(),
  committee: z.enum(committees),
  family: z.enum(actorFamilies),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  territoryId: z.uuid().nullable(),
  role: z.string(),
});
export type SteeringMemberView = z.infer<typeof steeringMemberView>;

export const meetingView = z.object({
  id: z.uuid(),
  kind: z.enum(eventKinds),
  title: z.string(),
  startsAt: dateTime,
  endsAt: dateTime,
  status: z.enum(eventStatuses),
  territoryId: z.uuid().nullable(),
  phaseId: z.uuid().nullable(),
  /** Checked-in participants (held events), else registered. */
  attendance: z.number().int(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const indicatorView = z.object({
  id: z.uuid(),
  label: z.string(),
  unit: z.string(),
  source: z.enum(indicatorSources),
  eventKind: z.enum(eventKinds).nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  measured: z.number().nullable(),
  /** The value shown: typed (manual) or counted from the programme's records. */
  value: z.number().nullable(),
  /** value / target, 0..1 (null without target or value). */
  progress: z.number().nullable(),
});
export type IndicatorView = z.infer<typeof indicatorView>;

export const objectiveView = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  phaseId: z.uuid().nullable(),
  indicators: z.array(indicatorView),
});
export type ObjectiveView = z.infer<typeof objectiveView>;

export const eventTemplateView = z.object({
  id: z.uuid(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  capacity: z.number().int().nullable(),
  agenda: z.array(z.object({ startsAt: z.string(), title: z.string(), speakers: z.array(z.string()) })),
  phaseId: z.uuid().nullable(),
  offsetDays: z.number().int(),
  /** Suggested date: the phase's (or programme's) start plus the offset. */
  suggestedOn: day,
});
export type EventTemplateView = z.infer<typeof eventTemplateView>;

export const programmeDetail = programmeSummary.extend({
  territories: z.array(territoryView),
  phases: z.array(phaseView),
  participants: z.array(participantView),
  steering: z.array(steeringMemberView),
  /** The programme's events (meetings, workshops, steering committees…), in date order. */
  meetings: z.array(meetingView),
  objectives: z.array(objectiveView),
  eventTemplates: z.array(eventTemplateView),
  actionCounts: z.object({
    planned: z.number().int(),
    inProgress: z.number().int(),
    done: z.number().int(),
    cancelled: z.number().int(),
    late: z.number().int(),
  }),
  canEdit: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export type ProgrammeDetail = z.infer<typeof programmeDetail>;

export const actionLinkView = z.object({ kind: z.enum(actionLinkKinds), id: z.uuid(), label: z.string() });

export const actionView = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  title: z.string(),
  description: z.string(),
  phaseId: z.uuid().nullable(),
  territoryId: z.uuid().nullable(),
  ownerActorId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  ownerRole: z.string(),
  startsOn: day.nullable(),
  dueOn: day.nullable(),
  status: z.enum(actionStatuses),
  doneOn: day.nullable(),
  /** Due date passed and neither done nor cancelled. */
  late: z.boolean(),
  links: z.array(actionLinkView),
  /** The meeting decision that created it, if any. */
  fromDecision: z.object({ eventId: z.uuid(), eventTitle: z.string(), text: z.string() }).nullable(),
  /** Staff, or a member of the owner organisation (status only). */
  canEdit: z.boolean(),
  canUpdateStatus: z.boolean(),
  updatedAt: dateTime,
});
export type ActionView = z.infer<typeof actionView>;

export const decisionView = z.object({
  id: z.uuid(),
  kind: z.enum(['decision', 'followUp']),
  text: z.string(),
  eventId: z.uuid(),
  eventTitle: z.string(),
  eventKind: z.enum(eventKinds),
  eventStartsAt: dateTime,
  actionId: z.uuid().nullable(),
  actionTitle: z.string().nullable(),
  actionStatus: z.enum(actionStatuses).nullable(),
});
export type DecisionView = z.infer<typeof decisionView>;

/** A Gantt-like view: phases, actions (start → due) and events over the programme's span. */
export const timelineView = z.object({
  from: day,
  to: day,
  phases: z.array(phaseView),
  actions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      phaseId: z.uuid().nullable(),
      territoryId: z.uuid().nullable(),
      startsOn: day,
      dueOn: day,
      status: z.enum(actionStatuses),
      late: z.boolean(),
    }),
  ),
  events: z.array(meetingView),
});
export type TimelineView = z.infer<typeof timelineView>;

export const programmeRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes',
    summary: 'Programmes with their territories and current phase',
    tags: ['programmes'],
    access: 'public',
    response: z.object({ items: z.array(programmeSummary) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes/:id',
    summary: 'One programme: territories, phases, participants, steering committee, meetings, objectives, templates',
    tags: ['programmes'],
    access: 'public',
    params: idParams,
    response: programmeDetail,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/programmes',
    summary: 'Create a programme',
    tags: ['programmes'],
    access: staff,
    body: programmeFields,
    response: programmeDetail,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/v1/programmes/:id',
    summary: 'Edit a programme’s name, description and dates',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: programmeFields,
    response: programmeDetail,
  }),
  putTerritories: defineRoute({
    method: 'PUT',
    path: '/api/v1/programmes/:id/territories',
    summary: 'Replace the territories (kept by id; a removed one unlinks its participants, actions and events)',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: territoriesBody,
    response: programmeDetail,
  }),
  putPhases: defineRoute({
    method: 'PUT',
    path: '/api/v1/programmes/:id/phases',
    summary: 'Replace the phases, in order, without overlap',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: phasesBody,
    response: programmeDetail,
  }),
  putParticipant: defineRoute({
    method: 'PUT',
    path: '/api/v1/programmes/:id/participants/:actorId',
    summary: 'Add an actor to the programme (or change its territory and role)',
    tags: ['programmes'],
    access: staff,
    params: participantParams,
    body: participantFields,
    response: programmeDetail,
  }),
  deleteParticipant: defineRoute({
    method: 'DELETE',
    path: '/api/v1/programmes/:id/participants/:actorId',
    summary: 'Remove an actor from the programme',
    tags: ['programmes'],
    access: staff,
    params: participantParams,
    response: noContent,
    status: 204,
  }),
  putSteering: defineRoute({
    method: 'PUT',
    path: '/api/v1/programmes/:id/steering',
    summary: 'Replace the seats of the internal and extended steering committees',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: steeringBody,
    response: programmeDetail,
  }),
  putObjectives: defineRoute({
    method: 'PUT',
    path: '/api/v1/programmes/:id/objectives',
    summary: 'Replace the objectives and their indicators',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: objectivesBody,
    response: programmeDetail,
  }),
  decisions: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes/:id/decisions',
    summary: 'Decisions and follow-ups recorded in the minutes of the programme’s meetings, with their actions',
    tags: ['programmes'],
    access: 'signedIn',
    params: idParams,
    response: z.object({ items: z.array(decisionView) }),
  }),
  actions: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes/:id/actions',
    summary: 'The action plan, by due date; filters by status (late included), phase and territory',
    tags: ['programmes'],
    access: 'signedIn',
    params: idParams,
    query: actionListQuery,
    response: z.object({ items: z.array(actionView) }),
  }),
  createAction: defineRoute({
    method: 'POST',
    path: '/api/v1/programmes/:id/actions',
    summary: 'Add an action to the plan',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: actionFields,
    response: actionView,
    status: 201,
  }),
  updateAction: defineRoute({
    method: 'PUT',
    path: '/api/v1/actions/:id',
    summary: 'Edit an action and its links',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: actionFields,
    response: actionView,
  }),
  setActionStatus: defineRoute({
    method: 'PATCH',
    path: '/api/v1/actions/:id/status',
    summary: 'Move an action on (staff, or a member of the owner organisation)',
    tags: ['programmes'],
    access: ['admin', 'animator', 'member'],
    params: idParams,
    body: actionStatusBody,
    response: actionView,
  }),
  deleteAction: defineRoute({
    method: 'DELETE',
    path: '/api/v1/actions/:id',
    summary: 'Delete an action (a decision that created it keeps its text)',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
  timeline: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes/:id/timeline',
    summary: 'Phases, actions and events over time (actions for signed-in users only)',
    tags: ['programmes'],
    access: 'public',
    params: idParams,
    response: timelineView,
  }),
  replicate: defineRoute({
    method: 'POST',
    path: '/api/v1/programmes/:id/replicate',
    summary: 'Essaimage: a new programme with this one’s phases, action templates, event templates and indicators',
    tags: ['programmes'],
    access: staff,
    params: idParams,
    body: replicationBody,
    response: programmeDetail,
    status: 201,
  }),
  // A file (the binary exception of the contract system): bytes sent as they are.
  feedIcs: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes/:id/feed.ics',
    summary: 'The programme’s events as one iCalendar feed (text/calendar)',
    tags: ['programmes'],
    access: 'public',
    params: idParams,
    response: binaryFile,
  }),
} as const;
