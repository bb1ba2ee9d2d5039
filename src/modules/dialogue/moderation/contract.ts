// Shared by server and web: the dialogue's moderation (issue 9 point 3). Any signed-in person reports a proposal or a
// comment; the animators (staff) read the queue, hide, restore or dismiss with a reason kept in the history.
import { z } from 'zod';
import { staff } from '../../../auth/roles.js';
import { dateTime, defineRoute } from '../../../http/contract.js';
import { participantLabel } from '../contract.js';
import { moderationActions, moderationTargets, reportReasons, reportStatuses } from '../vocabulary.js';

export const reportDetailsMax = 1000;
export const decisionReasonMax = 1000;

// ---------- inputs ----------

const target = z.enum(moderationTargets);

export const reportBody = z
  .object({
    target,
    id: z.uuid(),
    reason: z.enum(reportReasons),
    /** Required when the reason is `other`. */
    details: z.string().trim().max(reportDetailsMax).default(''),
  })
  .superRefine((b, ctx) => {
    if (b.reason === 'other' && b.details === '') {
      ctx.addIssue({ code: 'custom', path: ['details'], message: 'reportDetailsRequired' });
    }
  });
export type ReportBody = z.input<typeof reportBody>;

export const decisionBody = z.object({
  target,
  id: z.uuid(),
  action: z.enum(moderationActions),
  reason: z.string().trim().min(1).max(decisionReasonMax),
});
export type DecisionBody = z.input<typeof decisionBody>;

/** `open`: contents with reports waiting, oldest first; `resolved`: contents whose reports were all decided. */
export const queueStatuses = ['open', 'resolved'] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export const queueQuery = z.object({
  status: z.enum(queueStatuses).default('open'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type QueueQuery = z.input<typeof queueQuery>;

export const historyQuery = z.object({ target, id: z.uuid() });

// ---------- views ----------

export const reportView = z.object({
  id: z.uuid(),
  reason: z.enum(reportReasons),
  details: z.string(),
  status: z.enum(reportStatuses),
  createdAt: dateTime,
});

export const reportCreated = reportView.extend({ target, contentId: z.uuid() });
export type ReportCreated = z.infer<typeof reportCreated>;

export const hiddenState = z.object({ at: dateTime, reason: z.string() }).nullable();

/** One reported content with its reports (the open ones for the open queue, the latest decided ones otherwise). */
export const queueItem = z.object({
  target,
  id: z.uuid(),
  excerpt: z.string(),
  proposalId: z.uuid(),
  proposalTitle: z.string(),
  challengeId: z.uuid(),
  challengeTitle: z.string(),
  /** Who wrote, as the dialogue's pages get it (labels.ts `labelOf`; staff: with the person's name). */
  author: participantLabel,
  /** The same in French words: the organisation, « Équipe d’animation », or « Citoyen·ne » (+ commune). */
  authorLabel: z.string(),
  /** The person's display name: staff only (this route is staff only). */
  authorName: z.string().nullable(),
  openReports: z.number().int(),
  reports: z.array(reportView),
  firstReportedAt: dateTime,
  lastReportedAt: dateTime,
  hidden: hiddenState,
});
export type QueueItem = z.infer<typeof queueItem>;

export const queuePage = z.object({
  items: z.array(queueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type QueuePage = z.infer<typeof queuePage>;

export const decisionView = z.object({
  id: z.uuid(),
  target,
  contentId: z.uuid(),
  action: z.enum(moderationActions),
  reason: z.string(),
  decidedAt: dateTime,
  decidedByName: z.string().nullable(),
  /** How many open reports the decision resolved. */
  resolvedReports: z.number().int().optional(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const openCountView = z.object({ open: z.number().int() });

// ---------- routes ----------

const tags = ['moderation'];
const base = '/api/v1/dialogue';

export const moderationRoutes = {
  report: defineRoute({
    method: 'POST',
    path: `${base}/reports`,
    summary: 'Report a proposal or a comment to the animators (one open report per person and content)',
    tags,
    access: 'signedIn',
    body: reportBody,
    response: reportCreated,
    status: 201,
  }),
  queue: defineRoute({
    method: 'GET',
    path: `${base}/moderation/queue`,
    summary: 'The moderation queue: one row per reported content, oldest report first for the open ones',
    tags,
    access: staff,
    query: queueQuery,
    response: queuePage,
    personalData: true,
  }),
  openCount: defineRoute({
    method: 'GET',
    path: `${base}/moderation/open-count`,
    summary: 'How many contents have open reports (the badge of the navigation)',
    tags,
    access: staff,
    response: openCountView,
  }),
  decide: defineRoute({
    method: 'POST',
    path: `${base}/moderation/decisions`,
    summary: 'Hide, restore or keep (dismiss) a reported content, with a reason; resolves its open reports',
    tags,
    access: staff,
    body: decisionBody,
    response: decisionView,
    status: 201,
  }),
  history: defineRoute({
    method: 'GET',
    path: `${base}/moderation/history`,
    summary: 'The moderation decisions of a content with their reasons, newest first',
    tags,
    access: staff,
    query: historyQuery,
    response: z.object({ items: z.array(decisionView) }),
    personalData: true,
  }),
} as const;
