// Shared by server and web: the routes of the grants of local authorities in the SCDL « subventions » format — the
// import of a file with its validation report, the grants imported, and their export in the same format.
import { z } from 'zod';
import { readers, staff } from '../../../auth/roles.js';
import { dateTime, defineRoute, idParams } from '../../../http/contract.js';
import { scdlSeverities } from '../vocabulary.js';
import { scdlOutcomes } from './outcome.js';

const base = '/api/v1/funding/grants';
const tags = ['funding'];

/** An SCDL file is small: one authority's grants of a year. Larger bodies are refused with 413. */
export const maxScdlFileBytes = 10 * 1024 * 1024;

export const scdlImportView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  delimiter: z.string(),
  encoding: z.string(),
  /** Lines holding a record; `imported` of them added a grant, `rejected` had an error, the rest were known grants. */
  rows: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  importedAt: dateTime,
});
export type ScdlImportView = z.infer<typeof scdlImportView>;

export const scdlIssueView = z.object({
  id: z.number().int(),
  severity: z.enum(scdlSeverities),
  /** What the import did about it (outcome.ts): refused the line, repaired the value, imported it incomplete… */
  outcome: z.enum(scdlOutcomes),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  value: z.string().nullable(),
  /** A message code of src/http/messages.ts and its placeholders; `message` is its French text. */
  messageCode: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ScdlIssueView = z.infer<typeof scdlIssueView>;

const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const importQuery = z.object({ fileName: z.string().trim().min(1).max(200) });

export const importGrants = defineRoute({
  method: 'POST',
  path: `${base}/imports`,
  summary: 'Import an SCDL « subventions » CSV file (≤ 10 MB; the body is the file): validated, its valid lines kept',
  tags,
  access: staff,
  query: importQuery,
  response: scdlImportView,
  status: 201,
});

export const listImports = defineRoute({
  method: 'GET',
  path: `${base}/imports`,
  summary: 'The SCDL imports, newest first',
  tags,
  access: readers,
  query: z.object(pageQuery),
  response: z.object({ items: z.array(scdlImportView), total: z.number().int() }),
});

export const reportQuery = z.object({
  ...pageQuery,
  outcome: z.enum(scdlOutcomes).optional(),
  column: z.string().trim().min(1).max(200).optional(),
});

export const importReport = defineRoute({
  method: 'GET',
  path: `${base}/imports/:id`,
  summary: 'An import’s report: its counts, its findings by column and code, one page of them by line',
  tags,
  access: readers,
  params: idParams,
  query: reportQuery,
  response: z.object({
    import: scdlImportView,
    summary: z.array(
      z.object({
        severity: z.enum(scdlSeverities),
        outcome: z.enum(scdlOutcomes),
        column: z.string().nullable(),
        code: z.string(),
        count: z.number().int(),
      }),
    ),
    issues: z.object({ items: z.array(scdlIssueView), total: z.number().int() }),
  }),
});

export const importIssuesCsv = defineRoute({
  method: 'GET',
  path: `${base}/imports/:id/issues.csv`,
  summary: 'An import’s findings as CSV (French headers)',
  tags,
  access: readers,
  params: idParams,
  response: z.string().describe('The CSV file, as an attachment'),
});

export const grantFilters = z.object({
  /** The attributor's SIRET. */
  attributor: z
    .string()
    .regex(/^\d{14}$/, 'invalidSiret')
    .optional(),
  beneficiaryActorId: z.uuid().optional(),
  /** The budget year, or the convention's year when the file gave none. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
});

export const scdlGrantView = z.object({
  id: z.uuid(),
  attributorName: z.string(),
  attributorSiret: z.string(),
  attributorActorId: z.uuid().nullable(),
  beneficiaryName: z.string(),
  beneficiarySiret: z.string().nullable(),
  beneficiaryRna: z.string().nullable(),
  beneficiaryActorId: z.uuid().nullable(),
  conventionOn: z.string(),
  year: z.number().int(),
  object: z.string(),
  amount: z.number().nullable(),
  importId: z.uuid().nullable(),
});
export type ScdlGrantView = z.infer<typeof scdlGrantView>;

export const listGrants = defineRoute({
  method: 'GET',
  path: base,
  summary: 'The grants imported, filtered, one page, with their count and total amount',
  tags,
  access: readers,
  query: grantFilters.extend(pageQuery),
  response: z.object({
    items: z.array(scdlGrantView),
    total: z.number().int(),
    totalAmount: z.number(),
    attributors: z.array(z.object({ siret: z.string(), name: z.string(), count: z.number().int() })),
    years: z.array(z.number().int()),
    /** The grants (of these filters) missing a required value, which the SCDL export leaves out, and the values. */
    incomplete: z.object({
      total: z.number().int(),
      missing: z.array(z.object({ field: z.string(), title: z.string(), count: z.number().int() })),
    }),
  }),
});

export const exportGrants = defineRoute({
  method: 'GET',
  path: `${base}.csv`,
  summary:
    'The complete grants (same filters as the list) in the SCDL « subventions » format: every field of the schema; the header X-Scdl-Excluded counts the incomplete ones left out, X-Scdl-Excluded-Missing names the values they miss',
  tags,
  access: readers,
  query: grantFilters,
  response: z.string().describe('The CSV file, as an attachment'),
});

export const grantRoutes = { importGrants, listImports, importReport, importIssuesCsv, listGrants, exportGrants };
