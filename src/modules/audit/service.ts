// Reading the audit log: the admin's list (newest first, keyset paging by id) and its file, with the same filters.
import { and, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import { auditMessages } from '../../../web/src/audit/messages.js';
import { fr } from '../../../web/src/i18n/fr.js';
import type { Handle } from '../../db/client.js';
import { type ExportColumn, type ListExport, labelsIn, refuseOverCap } from '../../http/list-export.js';
import { type ListExportFormat, listExportCaps } from '../../http/list-export-contract.js';
import { users } from '../accounts/schema.js';
import { escapeLike } from '../reference/service.js';
import type { AuditEntryView, AuditFilters, AuditListOptions, AuditPage } from './contract.js';
import { auditEntries } from './schema.js';

/** Midnight starting a Paris calendar day, as an instant (so the `at` index serves the day filters). */
const parisMidnight = (day: string, plusDays = 0) =>
  sql`((${day}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Paris')`;

function conditionsOf(f: AuditFilters): SQL[] {
  const e = auditEntries;
  const parts: (SQL | undefined)[] = [
    f.userId ? eq(e.userId, f.userId) : undefined,
    f.kind ? eq(e.kind, f.kind) : undefined,
    f.action ? ilike(e.action, `%${escapeLike(f.action)}%`) : undefined,
    f.targetId ? eq(e.targetId, f.targetId.toLowerCase()) : undefined,
    f.from ? gte(e.at, parisMidnight(f.from)) : undefined,
    f.to ? lt(e.at, parisMidnight(f.to, 1)) : undefined,
    f.status === 'error' ? gte(e.status, 400) : f.status === 'success' ? lt(e.status, 400) : undefined,
  ];
  return parts.filter((p): p is SQL => p !== undefined);
}

const entryColumns = {
  id: auditEntries.id,
  at: auditEntries.at,
  userId: auditEntries.userId,
  userName: users.displayName,
  role: auditEntries.role,
  via: auditEntries.via,
  kind: auditEntries.kind,
  action: auditEntries.action,
  targetId: auditEntries.targetId,
  status: auditEntries.status,
  ip: auditEntries.ip,
};

type EntryRow = Omit<AuditEntryView, 'at'> & { at: Date };

function entriesMatching(db: Handle, where: SQL[], limit: number): Promise<EntryRow[]> {
  return db
    .select(entryColumns)
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .where(and(...where))
    .orderBy(desc(auditEntries.id))
    .limit(limit);
}

/** One page of the log, newest first; `nextCursor` continues below the last entry shown. */
export async function listAuditEntries(db: Handle, query: AuditListOptions): Promise<AuditPage> {
  const { limit, cursor } = query;
  const where = conditionsOf(query);
  if (cursor !== undefined) where.push(lt(auditEntries.id, cursor));
  // One more than asked tells whether a next page exists.
  const rows = await entriesMatching(db, where, limit + 1);
  const items = rows.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

const labelFr = labelsIn({ ...fr, ...auditMessages.fr });

const columns: ExportColumn<EntryRow>[] = [
  { header: 'Date', kind: 'instant', width: 17, value: (r) => r.at },
  { header: 'Personne', width: 28, value: (r) => r.userName },
  { header: 'Rôle', width: 14, value: (r) => (r.role ? labelFr(`role.${r.role}`) : null) },
  { header: 'Type', width: 22, value: (r) => labelFr(`audit.kind.${r.kind}`) },
  { header: 'Action', width: 50, value: (r) => r.action },
  { header: 'Cible', width: 38, value: (r) => r.targetId },
  { header: 'Statut', kind: 'number', width: 8, value: (r) => r.status },
  { header: 'Adresse IP', width: 18, value: (r) => r.ip },
  { header: 'Authentification', width: 16, value: (r) => r.via },
  { header: 'Identifiant de la personne', width: 38, value: (r) => r.userId },
  { header: 'Numéro', kind: 'number', width: 10, value: (r) => r.id },
];

/** The log as a file, newest first, for these filters; more than the format's cap of entries is refused (422). */
export async function auditExport(
  db: Handle,
  filters: AuditFilters,
  format: ListExportFormat,
  cap = listExportCaps[format],
): Promise<ListExport<EntryRow>> {
  const where = conditionsOf(filters);
  await refuseOverCap(
    db,
    format,
    db
      .select({ one: sql`1` })
      .from(auditEntries)
      .where(and(...where)),
    cap,
  );
  const rows = await entriesMatching(db, where, cap);
  return { fileName: 'journal-audit', sheet: 'Journal d’audit', columns, rows };
}
