import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { alliances } from '../alliances/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import { programmes, programmeTerritories } from '../programmes/schema.js';
import { projects } from '../projects/schema.js';
import { actorFamilyEnum, partnershipModeEnum } from '../reference/schema.js';
import {
  challengeStatuses,
  moderationActions,
  moderationTargets,
  proposalOutcomes,
  reportReasons,
  reportStatuses,
} from './vocabulary.js';

export const challengeStatusEnum = pgEnum('challenge_status', challengeStatuses);
export const proposalOutcomeEnum = pgEnum('proposal_outcome', proposalOutcomes);
export const moderationTargetEnum = pgEnum('moderation_target', moderationTargets);
export const reportReasonEnum = pgEnum('report_reason', reportReasons);
export const reportStatusEnum = pgEnum('report_status', reportStatuses);
export const moderationActionEnum = pgEnum('moderation_action', moderationActions);

/** A key figure of a challenge's context ("62 % des plus de 75 ans vivent seuls", source INSEE 2020). */
export interface ChallengeFigure {
  label: string;
  value: string;
  source: string;
}

const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });
const actorRef = (name: string) => uuid(name).references(() => actors.id, { onDelete: 'set null' });

/**
 * Who took part, frozen when the contribution is made so that the participation figures survive a person's erasure
 * or an organisation leaving: the family ('citizen' for a person without organisation) and the commune.
 */
const participant = () => ({
  family: actorFamilyEnum('family').notNull(),
  communeCode: text('commune_code'),
});

/** Hidden by a moderator: still stored, shown to nobody but staff; the reason is also in moderation_decisions. */
const moderation = () => ({
  hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  hiddenBy: userRef('hidden_by'),
  hiddenReason: text('hidden_reason'),
});

/**
 * A territory's challenge (défi territorial), posted by the animators or a public authority, with its context, data,
 * themes and SDGs, a deadline for contributions and the authority that will answer the proposals.
 */
export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** The pilot territory; null for a programme-wide challenge. */
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    context: text('context').notNull().default(''),
    figures: jsonb('figures').$type<ChallengeFigure[]>().notNull().default([]),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    communeCodes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Last day (Paris) on which proposals, comments, supports and pledges are taken. */
    contributionsCloseOn: date('contributions_close_on', { mode: 'string' }).notNull(),
    /** The public authority that will answer; the animators may answer too. */
    answeringActorId: actorRef('answering_actor_id'),
    status: challengeStatusEnum('status').notNull().default('draft'),
    /** The closing word of the authority or the animators, required to close. */
    closingNote: text('closing_note').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: userRef('closed_by'),
    /** The organisation that posted it (a public authority's member), null when posted by the animators. */
    postedByActorId: actorRef('posted_by_actor_id'),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(summary, '') || ' ' || coalesce(context, '')), 'B')`,
      ),
  },
  (t) => [
    index('challenges_programme_idx').on(t.programmeId, t.status, t.contributionsCloseOn),
    index('challenges_territory_idx').on(t.territoryId),
    index('challenges_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * A proposed answer to a challenge: what, who would act, what it needs, which modes of partnership. Its author is a
 * signed-in person, on behalf of their organisation (authorActorId) or as a citizen (null).
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Who would act, in words (the organisations may not all be in the directory). */
    whoActs: text('who_acts').notNull().default(''),
    needs: text('needs').notNull().default(''),
    modes: partnershipModeEnum('modes').array().notNull().default(sql`'{}'::partnership_mode[]`),
    authorUserId: userRef('author_user_id'),
    authorActorId: actorRef('author_actor_id'),
    ...participant(),
    ...moderation(),
    outcome: proposalOutcomeEnum('outcome'),
    outcomeReason: text('outcome_reason').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: userRef('answered_by'),
    /** The authority answering through its member; null when the animators answered. */
    answeredForActorId: actorRef('answered_for_actor_id'),
    /** What the accepted proposal became (one of the two), for the path from proposal to partnership. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    allianceId: uuid('alliance_id').references(() => alliances.id, { onDelete: 'set null' }),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    convertedBy: userRef('converted_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(description, '') || ' ' || coalesce(who_acts, '') || ' ' || coalesce(needs, '')), 'B')`,
      ),
  },
  (t) => [
    index('proposals_challenge_idx').on(t.challengeId, t.createdAt),
    index('proposals_author_idx').on(t.authorUserId),
    index('proposals_project_idx').on(t.projectId),
    index('proposals_alliance_idx').on(t.allianceId),
    index('proposals_search_idx').using('gin', t.searchVector),
    check('proposals_answer_has_reason', sql`${t.outcome} is null or length(trim(${t.outcomeReason})) > 0`),
    check('proposals_converted_once', sql`${t.projectId} is null or ${t.allianceId} is null`),
  ],
);

/** One support per person and proposal (the primary key), on behalf of their organisation or as a citizen. */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    actorId: actorRef('actor_id'),
    ...participant(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index('proposal_supports_actor_idx').on(t.actorId)],
);

/**
 * What a participant could bring to a proposal ("je peux apporter des locaux"). An organisation's pledge also opens
 * an offer in needs_offers (needOfferId), so that matchmaking sees it.
 */
export const proposalPledges = pgTable(
  'proposal_pledges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    actorId: actorRef('actor_id'),
    ...participant(),
    /** Resource types of needs-offers/vocabulary.ts (premises, skills, volunteers…). */
    resources: text('resources').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    needOfferId: uuid('need_offer_id').references(() => needsOffers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('proposal_pledges_proposal_idx').on(t.proposalId, t.createdAt)],
);

export const proposalComments = pgTable(
  'proposal_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    authorUserId: userRef('author_user_id'),
    authorActorId: actorRef('author_actor_id'),
    ...participant(),
    ...moderation(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [index('proposal_comments_proposal_idx').on(t.proposalId, t.createdAt)],
);

/** A report of abusive content by a signed-in person; one open report per person and content. */
export const contentReports = pgTable(
  'content_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    target: moderationTargetEnum('target').notNull(),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => proposalComments.id, { onDelete: 'cascade' }),
    reporterUserId: userRef('reporter_user_id'),
    reason: reportReasonEnum('reason').notNull(),
    details: text('details').notNull().default(''),
    status: reportStatusEnum('status').notNull().default('open'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: userRef('resolved_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('content_reports_queue_idx').on(t.status, t.createdAt),
    // One open report per person and content: a proposal's report has no comment id, hence the coalesce (nulls
    // would be distinct in a plain unique index).
    uniqueIndex('content_reports_open_uq')
      .on(t.reporterUserId, sql`coalesce(${t.commentId}, ${t.proposalId})`)
      .where(sql`${t.status} = 'open'`),
    check(
      'content_reports_one_target',
      sql`(${t.target} = 'proposal' and ${t.proposalId} is not null and ${t.commentId} is null) or (${t.target} = 'comment' and ${t.commentId} is not null)`,
    ),
  ],
);

/** Every moderation decision with its reason, kept: who hid, restored or dismissed the reports, when and why. */
export const moderationDecisions = pgTable(
  'moderation_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    target: moderationTargetEnum('target').notNull(),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => proposalComments.id, { onDelete: 'cascade' }),
    action: moderationActionEnum('action').notNull(),
    reason: text('reason').notNull(),
    decidedBy: userRef('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('moderation_decisions_proposal_idx').on(t.proposalId, t.decidedAt),
    index('moderation_decisions_comment_idx').on(t.commentId, t.decidedAt),
    check('moderation_decisions_reason', sql`length(trim(${t.reason})) > 0`),
  ],
);
