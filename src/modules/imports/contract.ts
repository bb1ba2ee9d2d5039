// Shared by server and web: register imports from the admin web UI (issue 6, item 7) — uploads of register files,
// runs with their live progress and report, the review queue of uncertain matches. Staff only.
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { dateTime, defineRoute, idParams, optionalUuid } from '../../http/contract.js';
import type { importRunStatuses } from './schema.js';
import { registerSources } from './types.js';

const tags = ['imports'];
const base = '/api/v1/imports';
const optionalText = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((v) => v || null);

// ---------- uploads ----------

export const uploadQuery = z.object({ fileName: z.string().trim().min(1).max(200) });

export const uploadView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  /** Bytes. */
  size: z.number().int(),
  uploadedAt: dateTime,
});
export type UploadView = z.infer<typeof uploadView>;

// ---------- runs ----------

/**
 * What to import: the RNA takes one uploaded file, SIRENE its establishments and units files; the scope is a
 * territory (its communes) or a department, one of the two. Each wrong combination names its field.
 */
export const startRunBody = z
  .object({
    source: z.enum(registerSources),
    fileUploadId: optionalUuid,
    establishmentsUploadId: optionalUuid,
    unitsUploadId: optionalUuid,
    territory: optionalText,
    departement: optionalText,
  })
  .superRefine((b, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (b.source === 'rna') {
      if (!b.fileUploadId) issue('fileUploadId', 'required');
      if (b.establishmentsUploadId) issue('establishmentsUploadId', 'importRnaOneFile');
      if (b.unitsUploadId) issue('unitsUploadId', 'importRnaOneFile');
    } else {
      if (b.fileUploadId) issue('fileUploadId', 'importSireneTwoFiles');
      if (!b.establishmentsUploadId) issue('establishmentsUploadId', 'required');
      if (!b.unitsUploadId) issue('unitsUploadId', 'required');
      if (b.establishmentsUploadId && b.establishmentsUploadId === b.unitsUploadId) {
        issue('unitsUploadId', 'importSameFileTwice');
      }
    }
    if (!b.territory === !b.departement) issue(b.departement ? 'departement' : 'territory', 'importScopeOne');
  });
export type StartRunInput = z.input<typeof startRunBody>;

export const counters = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  merged: z.number().int(),
  queued: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
});

/** A live run's progress, kept in the server's memory while it reads the file (null otherwise). */
export const liveProgress = z.object({
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  /** Items committed per second by this server since it started (or resumed) the run. */
  itemsPerSecond: z.number(),
  /** Estimated from the bytes' rate; null before any byte was read. */
  secondsLeft: z.number().nullable(),
});
export type LiveProgress = z.infer<typeof liveProgress>;

export const runView = z.object({
  id: z.uuid(),
  source: z.enum(registerSources),
  fileName: z.string(),
  fileSize: z.number().int(),
  scope: z.object({
    departement: z.string().nullable(),
    /** The territory whose communes the scope is, if one is. */
    territoryId: z.string().nullable(),
    territoryName: z.string().nullable(),
    communeCount: z.number().int().nullable(),
  }),
  // Written out (not imported from schema.ts, which the web bundle must not pull in), checked against it.
  status: z.enum(['running', 'done', 'failed'] as const satisfies typeof importRunStatuses),
  /** Running in this server now (a 'running' run that is not live was stopped with its server). */
  live: z.boolean(),
  /** Not done, not live, and its files still on the server: it can be resumed after its last committed batch. */
  resumable: z.boolean(),
  /**
   * Started with the command line (no user, no files on the server): a 'running' one may be going on in its terminal,
   * a stopped one is resumed by running the same command again.
   */
  fromCommandLine: z.boolean(),
  itemsDone: z.number().int(),
  counters,
  progress: liveProgress.nullable(),
  startedAt: dateTime,
  finishedAt: dateTime.nullable(),
  error: z.string().nullable(),
});
export type RunView = z.infer<typeof runView>;

export const runAccepted = z.object({ id: z.uuid() });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const rejectionView = z.object({
  line: z.number().int(),
  /** Its place among the run's rejections (unique in the run: a line may be rejected twice, by two files). */
  position: z.number().int(),
  /** A message code of src/http/messages.ts (or a reader's short code), with its French text in `message`. */
  reason: z.string(),
  message: z.string(),
  /** What was wrong: the field or column concerned, never the line's content. */
  detail: z.string(),
});

// ---------- reviews ----------

/** An organisation as the review compares it: the imported one or the candidate actor. */
export const comparedOrganisation = z.object({
  name: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  rna: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
});

export const reviewView = z.object({
  id: z.uuid(),
  line: z.number().int(),
  source: z.enum(registerSources),
  registerId: z.string(),
  createdAt: dateTime,
  organisation: comparedOrganisation,
  candidate: comparedOrganisation.extend({ id: z.uuid() }),
});
export type ReviewView = z.infer<typeof reviewView>;

export const reviewDecision = z.object({ actorId: z.uuid() });

export const importRoutes = {
  upload: defineRoute({
    method: 'POST',
    path: `${base}/uploads`,
    summary:
      'Upload a register file: the request body is the file (streamed to disk, size limited by IMPORT_MAX_BYTES), its name in the query',
    tags,
    access: staff,
    query: uploadQuery,
    response: uploadView,
    status: 201,
  }),
  listRuns: defineRoute({
    method: 'GET',
    path: `${base}/runs`,
    summary: 'Import runs, newest first, one page of them; and the live run, if any, wherever it is in the list',
    tags,
    access: staff,
    query: pageQuery,
    response: z.object({ items: z.array(runView), total: z.number().int(), liveRunId: z.uuid().nullable() }),
  }),
  startRun: defineRoute({
    method: 'POST',
    path: `${base}/runs`,
    summary: 'Start importing uploaded files (one run at a time; 202: it goes on in the background)',
    tags,
    access: staff,
    body: startRunBody,
    response: runAccepted,
    status: 202,
  }),
  getRun: defineRoute({
    method: 'GET',
    path: `${base}/runs/:id`,
    summary: 'One run: status, counters, live progress, error',
    tags,
    access: staff,
    params: idParams,
    response: runView,
  }),
  resumeRun: defineRoute({
    method: 'POST',
    path: `${base}/runs/:id/resume`,
    summary: 'Resume an unfinished run after its last committed batch (same stored files)',
    tags,
    access: staff,
    params: idParams,
    response: runAccepted,
    status: 202,
  }),
  rejections: defineRoute({
    method: 'GET',
    path: `${base}/runs/:id/rejections`,
    summary: 'The lines a run did not load, by line number, with the reason',
    tags,
    access: staff,
    params: idParams,
    query: pageQuery,
    response: z.object({ items: z.array(rejectionView), total: z.number().int() }),
  }),
  rejectionsCsv: defineRoute({
    method: 'GET',
    path: `${base}/runs/:id/rejections.csv`,
    summary: 'The rejected lines as CSV (line; reason; detail)',
    tags,
    access: staff,
    params: idParams,
    response: z.string().describe('CSV, UTF-8 with a BOM, `;`-separated'),
  }),
  reviews: defineRoute({
    method: 'GET',
    path: `${base}/reviews`,
    summary: 'Uncertain matches waiting for a decision, oldest first, one page of them',
    tags,
    access: staff,
    query: pageQuery,
    response: z.object({ items: z.array(reviewView), total: z.number().int() }),
  }),
  acceptReview: defineRoute({
    method: 'POST',
    path: `${base}/reviews/:id/accept`,
    summary: 'Same organisation: merge the imported one into the candidate actor',
    tags,
    access: staff,
    params: idParams,
    response: reviewDecision,
  }),
  rejectReview: defineRoute({
    method: 'POST',
    path: `${base}/reviews/:id/reject`,
    summary: 'Different organisations: the imported one becomes a new actor',
    tags,
    access: staff,
    params: idParams,
    response: reviewDecision,
  }),
};
