import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import type { AgendaItem } from '../events/schema.js';
import { eventKindEnum, events } from '../events/schema.js';
import { partnerships } from '../partnerships/schema.js';
import { actorFamilyEnum, themes } from '../reference/schema.js';
import { actionLinkKinds, actionStatuses, committees, indicatorSources } from './vocabulary.js';

export const committeeEnum = pgEnum('steering_committee', committees);
export const actionStatusEnum = pgEnum('programme_action_status', actionStatuses);
export const indicatorSourceEnum = pgEnum('indicator_source', indicatorSources);
export const actionLinkKindEnum = pgEnum('action_link_kind', actionLinkKinds);

const programmeRef = (name = 'programme_id') =>
  uuid(name)
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });

/** A territorial programme such as Envies d'Alliances; `replicatedFrom` is the programme whose method it copied. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    replicatedFrom: uuid('replicated_from'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('programmes_slug_uq').on(t.slug),
    check('programmes_ends_after_starts', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A pilot territory of a programme: its communes and its theme (e.g. Pertuis: circular economy). */
export const programmeTerritories = pgTable(
  'programme_territories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    name: text('name').notNull(),
    themeId: text('theme_id').references(() => themes.id),
    /** Theme in the programme's own words ("Silver économie & numérique"). */
    themeLabel: text('theme_label').notNull().default(''),
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    position: smallint('position').notNull(),
  },
  (t) => [index('programme_territories_programme_idx').on(t.programmeId, t.position)],
);

/** A phase (seeding, consolidation, take-off, exemplarity…) with its dates and objectives; editable data. */
export const programmePhases = pgTable(
  'programme_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    objectives: text('objectives').notNull().default(''),
    position: smallint('position').notNull(),
  },
  (t) => [
    index('programme_phases_programme_idx').on(t.programmeId, t.position),
    check('programme_phases_ends_after_starts', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** An actor taking part in a programme, in a territory's pilot group (or programme-wide when territoryId is null). */
export const programmeParticipants = pgTable(
  'programme_participants',
  {
    programmeId: programmeRef(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    /** Its part in the programme ("groupement pilote", "expert", "financeur"…). */
    role: text('role').notNull().default(''),
    joinedOn: date('joined_on'),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.actorId] }), index('programme_participants_actor_idx').on(t.actorId)],
);

/**
 * A seat on a programme's steering committee. The seat is described by its role ("Présidente de PAA") and the family
 * it represents; the organisation is linked when it is in the directory. No person's name is required.
 */
export const steeringMembers = pgTable(
  'steering_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    committee: committeeEnum('committee').notNull(),
    family: actorFamilyEnum('family').notNull(),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    role: text('role').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [index('steering_members_programme_idx').on(t.programmeId, t.committee, t.position)],
);

/** An action of a programme's plan: owner (an organisation, and a role), phase, territory, due date, status. */
export const programmeActions = pgTable(
  'programme_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    phaseId: uuid('phase_id').references(() => programmePhases.id, { onDelete: 'set null' }),
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerActorId: uuid('owner_actor_id').references(() => actors.id, { onDelete: 'set null' }),
    /** Who carries it inside the owner ("Vice-présidente RSE"): a role, not a name. */
    ownerRole: text('owner_role').notNull().default(''),
    startsOn: date('starts_on'),
    dueOn: date('due_on'),
    status: actionStatusEnum('status').notNull().default('planned'),
    doneOn: date('done_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('programme_actions_programme_idx').on(t.programmeId, t.dueOn),
    check(
      'programme_actions_due_after_start',
      sql`${t.dueOn} is null or ${t.startsOn} is null or ${t.dueOn} >= ${t.startsOn}`,
    ),
  ],
);

/** What an action is about: actors, partnerships and events of the directory (exactly one target per row). */
export const actionLinks = pgTable(
  'programme_action_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => programmeActions.id, { onDelete: 'cascade' }),
    kind: actionLinkKindEnum('kind').notNull(),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('programme_action_links_uq').on(
      t.actionId,
      t.kind,
      sql`coalesce(${t.actorId}, ${t.partnershipId}, ${t.eventId})`,
    ),
    check(
      'programme_action_links_one_target',
      sql`(${t.kind} = 'actor' and ${t.actorId} is not null and ${t.partnershipId} is null and ${t.eventId} is null)
        or (${t.kind} = 'partnership' and ${t.partnershipId} is not null and ${t.actorId} is null and ${t.eventId} is null)
        or (${t.kind} = 'event' and ${t.eventId} is not null and ${t.actorId} is null and ${t.partnershipId} is null)`,
    ),
  ],
);

/** An objective of the programme, optionally for one phase. */
export const programmeObjectives = pgTable(
  'programme_objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    phaseId: uuid('phase_id').references(() => programmePhases.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: smallint('position').notNull(),
  },
  (t) => [index('programme_objectives_programme_idx').on(t.programmeId, t.position)],
);

/** An indicator of an objective: baseline and target; measured either typed (manual) or counted from the records. */
export const programmeIndicators = pgTable(
  'programme_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => programmeObjectives.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    unit: text('unit').notNull().default(''),
    source: indicatorSourceEnum('source').notNull().default('manual'),
    /** Counted events and attendance: only events of this kind (e.g. the workshops), or all when null. */
    eventKind: eventKindEnum('event_kind'),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    /** Typed value, for manual indicators only. */
    measured: doublePrecision('measured'),
    position: smallint('position').notNull(),
  },
  (t) => [index('programme_indicators_objective_idx').on(t.objectiveId, t.position)],
);

/**
 * An event of the method, kept for replication: kind, title, agenda, capacity, length, and when it falls relative to
 * its phase's start. Replication turns a programme's events into templates of the new one; scheduling a template
 * opens a prefilled event form.
 */
export const eventTemplates = pgTable(
  'programme_event_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    phaseId: uuid('phase_id').references(() => programmePhases.id, { onDelete: 'set null' }),
    kind: eventKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    capacity: integer('capacity'),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
    /** Days after the phase's (or programme's) start. */
    offsetDays: integer('offset_days').notNull().default(0),
    position: smallint('position').notNull(),
  },
  (t) => [index('programme_event_templates_programme_idx').on(t.programmeId, t.position)],
);

/** The events a programme holds (at most one programme per event), in one of its territories or programme-wide. */
export const programmeEvents = pgTable(
  'programme_events',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    programmeId: programmeRef(),
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    phaseId: uuid('phase_id').references(() => programmePhases.id, { onDelete: 'set null' }),
  },
  (t) => [index('programme_events_programme_idx').on(t.programmeId)],
);
