// Shared by server and web: the audit log (issue 10 point 2), read by admins only. There is no route to change or
// delete an entry: the table refuses it anyway (trigger of migration 0021), and only the retention purge removes
// entries over a year old.
import { z } from 'zod';
import { userRoles } from '../../auth/roles.js';
import { dateTime, defineRoute } from '../../http/contract.js';
import { listExportRoutes } from '../../http/list-export-contract.js';
import { auditKinds } from './vocabulary.js';

/** Only failed requests (status 400 and above), or only successful ones. */
export const auditOutcomes = ['error', 'success'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

const isoDay = z.iso.date({ message: 'invalidDate' }).optional();

const filterFields = z.object({
  userId: z.uuid().optional(),
  kind: z.enum(auditKinds).optional(),
  /** Part of the action (`POST /api/v1/actors`, or just `actors`). */
  action: z.string().trim().max(200).optional(),
  targetId: z.string().trim().max(100).optional(),
  /** From and to these days included, in Paris time (YYYY-MM-DD). */
  from: isoDay,
  to: isoDay,
  status: z.enum(auditOutcomes).optional(),
});

const daysInOrder = (q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
};

export const auditFilters = filterFields.superRefine(daysInOrder);
export type AuditFilters = z.output<typeof auditFilters>;

export const auditListQuery = filterFields
  .extend({
    /** The `nextCursor` of the previous page: entries older than it (keyset paging, newest first). */
    cursor: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(daysInOrder);
export type AuditListQuery = z.input<typeof auditListQuery>;
export type AuditListOptions = z.output<typeof auditListQuery>;

export const auditEntryView = z.object({
  id: z.number().int(),
  at: dateTime,
  userId: z.uuid().nullable(),
  /** The account's display name today (null for anonymous requests or an unknown account). */
  userName: z.string().nullable(),
  role: z.enum(userRoles).nullable(),
  via: z.string(),
  kind: z.enum(auditKinds),
  action: z.string(),
  targetId: z.string().nullable(),
  status: z.number().int(),
  ip: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditPage = z.object({
  items: z.array(auditEntryView),
  /** Pass it as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

const tags = ['audit'];
const path = '/api/v1/audit/entries';
const exports = listExportRoutes({
  path,
  what: 'Audit log entries',
  tags,
  access: ['admin'],
  query: auditFilters,
});

export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path,
    summary: 'The audit log, newest first, with its filters (keyset paging by id)',
    tags,
    access: ['admin'],
    query: auditListQuery,
    response: auditPage,
    // The entries name the people who acted.
    personalData: true,
  }),
  exports: {
    csv: { ...exports.csv, personalData: true as const },
    xlsx: { ...exports.xlsx, personalData: true as const },
  },
};
