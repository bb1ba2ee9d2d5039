import { bigserial, date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, euros } from '../../../db/columns.js';
import { users } from '../../accounts/schema.js';
import { actors } from '../../actors/schema.js';
import { scdlSeverities } from '../vocabulary.js';

export const scdlSeverityEnum = pgEnum('scdl_severity', scdlSeverities);

/** One import of a grants file in the SCDL « subventions » format, with its counts. */
export const scdlImports = pgTable(
  'scdl_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    /** What was detected: the separator and the encoding. */
    delimiter: text('delimiter').notNull(),
    encoding: text('encoding').notNull(),
    rows: integer('rows').notNull(),
    imported: integer('imported').notNull(),
    rejected: integer('rejected').notNull(),
    errors: integer('errors').notNull(),
    warnings: integer('warnings').notNull(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: createdAt(),
  },
  (t) => [index('scdl_imports_at_idx').on(t.importedAt)],
);

/** A finding of the validation: the file line (1 = header) and the column, or neither for the whole file. */
export const scdlImportIssues = pgTable(
  'scdl_import_issues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    importId: uuid('import_id')
      .notNull()
      .references(() => scdlImports.id, { onDelete: 'cascade' }),
    severity: scdlSeverityEnum('severity').notNull(),
    line: integer('line'),
    column: text('column'),
    code: text('code').notNull(),
    /** The offending value, cut to 200 characters. */
    value: text('value'),
  },
  (t) => [index('scdl_import_issues_import_idx').on(t.importId, t.line, t.id)],
);

/**
 * A grant of a local authority as SCDL describes it. `record` keeps every field of the schema in its normalised text
 * form (what an export writes back); the columns hold what the application queries. Identical records are one grant.
 */
export const scdlGrants = pgTable(
  'scdl_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id').references(() => scdlImports.id, { onDelete: 'set null' }),
    recordHash: text('record_hash').notNull(),
    attributorName: text('attributor_name').notNull(),
    attributorSiret: text('attributor_siret').notNull(),
    beneficiaryName: text('beneficiary_name').notNull(),
    beneficiarySiret: text('beneficiary_siret'),
    beneficiaryRna: text('beneficiary_rna'),
    conventionOn: date('convention_on', { mode: 'string' }).notNull(),
    budgetYear: integer('budget_year'),
    object: text('object').notNull(),
    amount: euros('amount'),
    /** The directory's organisations these identifiers name, when they are in it. */
    attributorActorId: uuid('attributor_actor_id').references(() => actors.id, { onDelete: 'set null' }),
    beneficiaryActorId: uuid('beneficiary_actor_id').references(() => actors.id, { onDelete: 'set null' }),
    record: jsonb('record').$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('scdl_grants_record_uq').on(t.recordHash),
    index('scdl_grants_attributor_idx').on(t.attributorSiret, t.conventionOn),
    index('scdl_grants_beneficiary_actor_idx').on(t.beneficiaryActorId),
    index('scdl_grants_beneficiary_siret_idx').on(t.beneficiarySiret),
  ],
);
