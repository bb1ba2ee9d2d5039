// What the imports of SCDL files left: the list of imports, one import's report (its counts, its findings summed by
// column and code, one page of them by line, filtered by outcome or column), and its findings as CSV. Staff and the
// steering committee read them.
import { stringify } from 'csv-stringify/sync';
import { and, asc, count, desc, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { neutraliseFormula } from '../../../http/list-export.js';
import { fieldMessage } from '../../../http/messages.js';
import type { CurrentUser } from '../../accounts/service.js';
import { requireFundingReader } from '../applications/access.js';
import type { ScdlImportView, ScdlIssueView } from './contract.js';
import { issueMessage } from './issue-messages.js';
import {
  codeLabel,
  findingOutcome,
  importedIncomplete,
  outcomeLabel,
  type ScdlOutcome,
  structureCodes,
} from './outcome.js';
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
  return {
    ...row,
    outcome: findingOutcome(row),
    messageCode,
    params,
    message: fieldMessage(messageCode, 'fr', params),
  };
}

const issueColumns = {
  id: scdlImportIssues.id,
  severity: scdlImportIssues.severity,
  line: scdlImportIssues.line,
  column: scdlImportIssues.column,
  code: scdlImportIssues.code,
  value: scdlImportIssues.value,
};

/** The findings of one outcome, as findingOutcome tells them apart. */
function outcomeFilter(outcome: ScdlOutcome): SQL | undefined {
  const i = scdlImportIssues;
  const incompleteCell = and(eq(i.code, 'missing-cell'), inArray(i.column, [...importedIncomplete]));
  const structure = inArray(i.code, [...structureCodes]);
  if (outcome === 'refused') return eq(i.severity, 'error');
  const tolerated = eq(i.severity, 'warning');
  if (outcome === 'structure') return and(tolerated, structure);
  if (outcome === 'incomplete') return and(tolerated, incompleteCell);
  return and(tolerated, not(structure), sql`not coalesce(${incompleteCell}, false)`);
}

/** The file first, then by line; within a line, in the order the findings were made. */
const issueOrder = [sql`${scdlImportIssues.line} asc nulls first`, asc(scdlImportIssues.id)];

export async function importReport(
  db: Db,
  by: CurrentUser | null,
  id: string,
  query: { page: number; pageSize: number; outcome?: ScdlOutcome | undefined; column?: string | undefined },
) {
  requireFundingReader(by);
  const row = await requireImport(db, id);
  const filters: (SQL | undefined)[] = [eq(scdlImportIssues.importId, id)];
  if (query.outcome) filters.push(outcomeFilter(query.outcome));
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
    summary: summary.map((s) => ({ ...s, outcome: findingOutcome(s) })),
    issues: { items: items.map(toIssueView), total: total?.n ?? 0 },
  };
}

/**
 * Every finding of an import as CSV for a spreadsheet in French (`;`, UTF-8 with a BOM, CRLF). An import's findings
 * are bounded by its 10 MB file: built at once. The column's name and the value come from the uploaded file: a
 * spreadsheet must not evaluate them as formulas.
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
    return [
      r.line ?? '',
      neutraliseFormula(r.column ?? ''),
      outcomeLabel(view.outcome),
      r.code,
      codeLabel(r.code),
      neutraliseFormula(r.value ?? ''),
      view.message,
    ];
  });
  const header = ['Ligne', 'Colonne', 'Résultat', 'Code', 'Constat', 'Valeur', 'Message'];
  const csv = stringify([header, ...records], {
    delimiter: ';',
    record_delimiter: '\r\n',
    bom: true,
  });
  const base = row.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'import';
  return { fileName: `rapport-${base}.csv`, csv };
}
