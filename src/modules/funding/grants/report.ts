// What the imports of SCDL files left: the list of imports, one import's report (its counts, its findings summed by
// column and code, one page of them by line, filtered by severity or column), and its findings as CSV. Staff and the
// steering committee read them.
import { stringify } from 'csv-stringify/sync';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { fieldMessage } from '../../../http/messages.js';
import type { CurrentUser } from '../../accounts/service.js';
import { requireFundingReader } from '../applications/access.js';
import type { ScdlSeverity } from '../vocabulary.js';
import type { ScdlImportView, ScdlIssueView } from './contract.js';
import { issueMessage } from './issue-messages.js';
import { scdlImportIssues, scdlImports } from './schema.js';
import { scdlSchema } from './table-schema.js';

type ImportRow = typeof scdlImports.$inferSelect;

export function toImportView(row: ImportRow): ScdlImportView {
  return {
    id: row.id,
    fileName: row.fileName,
    delimiter: row.delimiter,
    encoding: row.encoding,
    rows: row.rows,
    imported: row.imported,
    rejected: row.rejected,
    errors: row.errors,
    warnings: row.warnings,
    importedAt: row.importedAt.toISOString(),
  };
}

export async function listImports(db: Db, by: CurrentUser | null, page: { page: number; pageSize: number }) {
  requireFundingReader(by);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(scdlImports)
      .orderBy(desc(scdlImports.importedAt), desc(scdlImports.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(scdlImports),
  ]);
  return { items: rows.map(toImportView), total: total?.n ?? 0 };
}

async function requireImport(db: Db, id: string): Promise<ImportRow> {
  const [row] = await db.select().from(scdlImports).where(eq(scdlImports.id, id));
  if (!row) throw notFound('Import');
  return row;
}

type IssueRow = Pick<typeof scdlImportIssues.$inferSelect, 'id' | 'severity' | 'line' | 'column' | 'code' | 'value'>;

function toIssueView(row: IssueRow): ScdlIssueView {
  const { messageCode, params } = issueMessage(scdlSchema(), row);
  return { ...row, messageCode, params, message: fieldMessage(messageCode, 'fr', params) };
}

const issueColumns = {
  id: scdlImportIssues.id,
  severity: scdlImportIssues.severity,
  line: scdlImportIssues.line,
  column: scdlImportIssues.column,
  code: scdlImportIssues.code,
  value: scdlImportIssues.value,
};

/** The file first, then by line; within a line, in the order the findings were made. */
const issueOrder = [sql`${scdlImportIssues.line} asc nulls first`, asc(scdlImportIssues.id)];

export async function importReport(
  db: Db,
  by: CurrentUser | null,
  id: string,
  query: { page: number; pageSize: number; severity?: ScdlSeverity | undefined; column?: string | undefined },
) {
  requireFundingReader(by);
  const row = await requireImport(db, id);
  const filters: SQL[] = [eq(scdlImportIssues.importId, id)];
  if (query.severity) filters.push(eq(scdlImportIssues.severity, query.severity));
  if (query.column) filters.push(eq(scdlImportIssues.column, query.column));
  const where = and(...filters);
  const [items, [total], summary] = await Promise.all([
    db
      .select(issueColumns)
      .from(scdlImportIssues)
      .where(where)
      .orderBy(...issueOrder)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(scdlImportIssues).where(where),
    db
      .select({
        severity: scdlImportIssues.severity,
        column: scdlImportIssues.column,
        code: scdlImportIssues.code,
        count: count(),
      })
      .from(scdlImportIssues)
      .where(eq(scdlImportIssues.importId, id))
      .groupBy(scdlImportIssues.severity, scdlImportIssues.column, scdlImportIssues.code)
      .orderBy(asc(scdlImportIssues.severity), desc(count()), asc(scdlImportIssues.column)),
  ]);
  return {
    import: toImportView(row),
    summary,
    issues: { items: items.map(toIssueView), total: total?.n ?? 0 },
  };
}

const severityLabels: Record<ScdlSeverity, string> = { error: 'Erreur (ligne refusée)', warning: 'Écart (importé)' };

/**
 * Every finding of an import as CSV for a spreadsheet in French (`;`, UTF-8 with a BOM, CRLF). An import's findings
 * are bounded by its 10 MB file: built at once.
 */
export async function issuesCsv(
  db: Db,
  by: CurrentUser | null,
  id: string,
): Promise<{ fileName: string; csv: string }> {
  requireFundingReader(by);
  const row = await requireImport(db, id);
  const items = await db
    .select(issueColumns)
    .from(scdlImportIssues)
    .where(eq(scdlImportIssues.importId, id))
    .orderBy(...issueOrder);
  const records = items.map((r) => {
    const view = toIssueView(r);
    return [r.line ?? '', r.column ?? '', severityLabels[r.severity], r.code, r.value ?? '', view.message];
  });
  const csv = stringify([['Ligne', 'Colonne', 'Gravité', 'Code', 'Valeur', 'Message'], ...records], {
    delimiter: ';',
    record_delimiter: '\r\n',
    bom: true,
  });
  const base = row.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'import';
  return { fileName: `rapport-${base}.csv`, csv };
}
