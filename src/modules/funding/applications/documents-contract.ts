// Shared by server and web: the files of calls for projects, funding applications and their reports (one table,
// funding_documents). Uploaded as the raw request body, like the partnerships' documents, with the same types and limit.
import { z } from 'zod';
import { staff } from '../../../auth/roles.js';
import { defineRoute, idParams, noContent } from '../../../http/contract.js';
import { fundingDocumentOwners } from '../vocabulary.js';

export { documentMediaTypes, maxDocumentBytes } from '../../partnerships/contract.js';

export const fundingDocumentMeta = z.object({
  id: z.uuid(),
  owner: z.enum(fundingDocumentOwners),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type FundingDocumentMeta = z.infer<typeof fundingDocumentMeta>;

/** The file's name in the query; its bytes are the body, its type the Content-Type. */
export const fundingUploadQuery = z.object({ fileName: z.string().trim().min(1).max(200) });

const tags = ['funding'];
const upload = <P extends z.ZodType>(path: string, summary: string, params: P) =>
  defineRoute({
    method: 'POST',
    path,
    summary: `${summary} (≤ 10 MB; the body is the file, its type the Content-Type)`,
    tags,
    access: staff,
    params,
    query: fundingUploadQuery,
    response: fundingDocumentMeta,
    status: 201,
  });

/** A thing of an application (a payment, a report). */
export const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const fundingDocumentRoutes = {
  uploadToCall: upload('/api/v1/funding/calls/:id/documents', 'Attach a file to a call for projects', idParams),
  uploadToApplication: upload(
    '/api/v1/funding/applications/:id/documents',
    'Attach a file to an application',
    idParams,
  ),
  uploadToReport: upload(
    '/api/v1/funding/applications/:id/reports/:itemId/documents',
    'Attach a file to a report of an application',
    itemParams,
  ),
  download: defineRoute({
    method: 'GET',
    path: '/api/v1/funding/documents/:id',
    summary:
      "Download a funding document (staff and the steering committee; a member those of its organisation's projects' and partnerships' applications)",
    tags,
    access: 'signedIn',
    params: idParams,
    response: z.string().describe('The file, as an attachment'),
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/v1/funding/documents/:id',
    summary: 'Delete a funding document',
    tags,
    access: staff,
    params: idParams,
    response: noContent,
    status: 204,
  }),
} as const;
