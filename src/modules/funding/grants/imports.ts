// Imports an SCDL « subventions » file: validated against the schema (validate.ts), then in one transaction the
// import's row with its counts, every finding, and a grant for each line without error. A grant is its record (every
// field of the schema as normalised text) and is known by the record's hash: importing the same grant again, from
// the same file or another, adds nothing. Attributor and beneficiary are linked to the directory's organisations of
// the same SIRET (or RNA, for a beneficiary) when there are some.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, Handle } from '../../../db/client.js';
import { invalid } from '../../../errors.js';
import type { CurrentUser } from '../../accounts/service.js';
import { actors } from '../../actors/schema.js';
import { requireStaff } from '../../actors/visibility.js';
import { toImportView } from './report.js';
import { scdlGrants, scdlImportIssues, scdlImports } from './schema.js';
import { scdlSchema } from './table-schema.js';
import { type AcceptedLine, validateFile } from './validate.js';

/** Rows per insert statement: PostgreSQL takes at most 65 535 parameters in one. */
const batch = 1000;

async function insertInBatches<T>(rows: T[], insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += batch) await insert(rows.slice(i, i + batch));
}

/** The hash a grant is known by: its record's values in the schema's order. */
export function recordHash(record: Record<string, string>): string {
  return createHash('sha256')
    .update(JSON.stringify(Object.values(record)))
    .digest('hex');
}

/** The directory's organisations by SIRET and by RNA, for the identifiers these records name. */
async function actorsByIdentifier(tx: Handle, lines: AcceptedLine[]) {
  const sirets = [...new Set(lines.flatMap((l) => [l.record.idAttribuant, l.record.idBeneficiaire]).filter(Boolean))];
  const rnas = [...new Set(lines.map((l) => l.record.rnaBeneficiaire).filter(Boolean))] as string[];
  const [bySiret, byRna] = await Promise.all([
    sirets.length
      ? tx
          .select({ id: actors.id, key: actors.siret })
          .from(actors)
          .where(and(isNotNull(actors.siret), inArray(actors.siret, sirets as string[])))
      : [],
    rnas.length
      ? tx
          .select({ id: actors.id, key: actors.rna })
          .from(actors)
          .where(and(isNotNull(actors.rna), inArray(actors.rna, rnas)))
      : [],
  ]);
  const index = (rows: { id: string; key: string | null }[]) => new Map(rows.map((r) => [r.key ?? '', r.id]));
  return { bySiret: index(bySiret), byRna: index(byRna) };
}

const orNull = (value: string | undefined) => (value ? value : null);

/** The grant's row: the queried columns taken from its record. */
function grantRow(
  importId: string,
  record: Record<string, string>,
  found: Awaited<ReturnType<typeof actorsByIdentifier>>,
) {
  const beneficiarySiret = orNull(record.idBeneficiaire);
  const beneficiaryRna = orNull(record.rnaBeneficiaire);
  return {
    importId,
    recordHash: recordHash(record),
    attributorName: record.nomAttribuant ?? '',
    attributorSiret: record.idAttribuant ?? '',
    beneficiaryName: record.nomBeneficiaire ?? '',
    beneficiarySiret,
    beneficiaryRna,
    conventionOn: record.dateConvention ?? '',
    budgetYear: record.exerciceBudgetaire ? Number(record.exerciceBudgetaire) : null,
    object: record.objet ?? '',
    amount: record.montant ? Number(record.montant) : null,
    attributorActorId: found.bySiret.get(record.idAttribuant ?? '') ?? null,
    beneficiaryActorId:
      (beneficiarySiret && found.bySiret.get(beneficiarySiret)) ||
      (beneficiaryRna && found.byRna.get(beneficiaryRna)) ||
      null,
    record,
  };
}

/**
 * Validates and imports a file; staff only. The import is recorded with its report even when no line could be
 * imported (the report says why). An empty file is refused.
 */
export async function importGrantFile(db: Db, by: CurrentUser | null, file: { fileName: string; content: Buffer }) {
  requireStaff(by);
  if (file.content.length === 0) throw invalid([{ field: 'file', code: 'fileEmpty' }]);
  const validation = validateFile(scdlSchema(), file.content);
  const errors = validation.findings.filter((f) => f.severity === 'error').length;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scdlImports)
      .values({
        fileName: file.fileName,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        delimiter: validation.delimiter,
        encoding: validation.encoding,
        rows: validation.rows,
        imported: 0,
        rejected: validation.rows - validation.accepted.length,
        errors,
        warnings: validation.findings.length - errors,
        importedBy: by.id,
      })
      .returning();
    if (!row) throw new Error('import not recorded');
    await insertInBatches(validation.findings, (part) =>
      tx.insert(scdlImportIssues).values(part.map((f) => ({ importId: row.id, ...f }))),
    );
    const found = await actorsByIdentifier(tx, validation.accepted);
    let imported = 0;
    await insertInBatches(validation.accepted, async (part) => {
      const added = await tx
        .insert(scdlGrants)
        .values(part.map((l) => grantRow(row.id, l.record, found)))
        .onConflictDoNothing({ target: scdlGrants.recordHash })
        .returning({ id: scdlGrants.id });
      imported += added.length;
    });
    const [done] = await tx.update(scdlImports).set({ imported }).where(eq(scdlImports.id, row.id)).returning();
    return toImportView(done ?? row);
  });
}
