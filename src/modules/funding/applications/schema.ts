import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, euros, updatedAt } from '../../../db/columns.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { partnerships } from '../../partnerships/schema.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { projects } from '../../projects/schema.js';
import { fundingCalls } from '../calls/schema.js';
import { applicationStatuses, fundingDocumentOwners } from '../vocabulary.js';

export const applicationStatusEnum = pgEnum('funding_application_status', applicationStatuses);
export const fundingDocumentOwnerEnum = pgEnum('funding_document_owner', fundingDocumentOwners);

/** One line of an application's co-funding plan: who else pays, how much, and whether it is already secured. */
export interface CoFundingLine {
  /** The co-funder when it is in the directory. */
  actorId: string | null;
  label: string;
  amount: number;
  secured: boolean;
}

/**
 * A funding application (dossier de financement) for a programme (optionally one of its territories), a flagship
 * project or a partnership: exactly one target. It answers a call, or goes to a funder directly (a foundation's fund).
 */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    callId: uuid('call_id').references(() => fundingCalls.id, { onDelete: 'restrict' }),
    /** The call's funder when there is a call; required either way. */
    funderActorId: uuid('funder_actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id').references(() => programmeTerritories.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'cascade' }),
    /** Year of the budget it funds (exercice). */
    year: integer('year').notNull(),
    amountRequested: euros('amount_requested').notNull(),
    coFunding: jsonb('co_funding').$type<CoFundingLine[]>().notNull().default([]),
    status: applicationStatusEnum('status').notNull().default('drafting'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** Set when granted (required then). */
    amountGranted: euros('amount_granted'),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'funding_applications_one_target',
      sql`num_nonnulls(${t.programmeId}, ${t.projectId}, ${t.partnershipId}) = 1`,
    ),
    check('funding_applications_territory_of_programme', sql`${t.territoryId} is null or ${t.programmeId} is not null`),
    check(
      'funding_applications_granted_amount',
      sql`${t.status} not in ('granted', 'reported') or ${t.amountGranted} is not null`,
    ),
    check(
      'funding_applications_amounts',
      sql`${t.amountRequested} > 0 and (${t.amountGranted} is null or ${t.amountGranted} >= 0)`,
    ),
    index('funding_applications_call_idx').on(t.callId),
    index('funding_applications_programme_idx').on(t.programmeId, t.year),
    index('funding_applications_project_idx').on(t.projectId),
    index('funding_applications_partnership_idx').on(t.partnershipId),
    index('funding_applications_status_idx').on(t.status, t.updatedAt),
  ],
);

/** The history of an application's status: every move, who made it, when, and why when it went back. */
export const fundingApplicationSteps = pgTable(
  'funding_application_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    fromStatus: applicationStatusEnum('from_status'),
    toStatus: applicationStatusEnum('to_status').notNull(),
    reason: text('reason').notNull().default(''),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: createdAt(),
  },
  (t) => [index('funding_application_steps_application_idx').on(t.applicationId, t.id)],
);

/** A payment received on a granted application (the grant may come in instalments). */
export const fundingPayments = pgTable(
  'funding_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amount: euros('amount').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('funding_payments_application_idx').on(t.applicationId, t.receivedOn),
    check('funding_payments_positive', sql`${t.amount} > 0`),
  ],
);

/** A report owed to the funder (interim or final), its deadline, and when it was sent. */
export const fundingReports = pgTable(
  'funding_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('funding_reports_application_idx').on(t.applicationId, t.dueOn),
    index('funding_reports_due_idx').on(t.dueOn),
  ],
);

/** A file of a call (rules, forms), an application (the file sent) or a report: exactly one owner. In the database. */
export const fundingDocuments = pgTable(
  'funding_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    owner: fundingDocumentOwnerEnum('owner').notNull(),
    callId: uuid('call_id').references(() => fundingCalls.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => fundingApplications.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => fundingReports.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: createdAt(),
  },
  (t) => [
    check(
      'funding_documents_one_owner',
      sql`(${t.owner} = 'call' and ${t.callId} is not null and ${t.applicationId} is null and ${t.reportId} is null)
        or (${t.owner} = 'application' and ${t.applicationId} is not null and ${t.callId} is null and ${t.reportId} is null)
        or (${t.owner} = 'report' and ${t.reportId} is not null and ${t.callId} is null and ${t.applicationId} is null)`,
    ),
    index('funding_documents_call_idx').on(t.callId),
    index('funding_documents_application_idx').on(t.applicationId),
    index('funding_documents_report_idx').on(t.reportId),
  ],
);
