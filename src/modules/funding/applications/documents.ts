// The files of calls for projects, applications and reports (funding_documents), stored in the database (ADR 0004).
// The same checks as the partnerships' documents (types, 10 MB, safe names). Staff upload and delete; staff and the
// steering committee download, members those of the applications they follow; the public sees a call's documents'
// names only.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound, parseInput } from '../../../errors.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { checkedFile } from '../../partnerships/documents.js';
import { fundingCalls } from '../calls/schema.js';
import type { FundingDocumentOwner } from '../vocabulary.js';
import { followedApplications } from './access.js';
import { type FundingDocumentMeta, fundingUploadQuery } from './documents-contract.js';
import { fundingApplications, fundingDocuments, fundingReports } from './schema.js';

/** The column of funding_documents naming each kind of owner, and the table the owner lives in. */
const ownerColumn = {
  call: fundingDocuments.callId,
  application: fundingDocuments.applicationId,
  report: fundingDocuments.reportId,
} as const;
const ownerKey = { call: 'callId', application: 'applicationId', report: 'reportId' } as const;
const ownerTable = {
  call: { id: fundingCalls.id, what: 'Appel à projets' },
  application: { id: fundingApplications.id, what: 'Dossier de financement' },
  report: { id: fundingReports.id, what: 'Compte rendu' },
} as const;

const metaColumns = {
  id: fundingDocuments.id,
  owner: fundingDocuments.owner,
  callId: fundingDocuments.callId,
  applicationId: fundingDocuments.applicationId,
  reportId: fundingDocuments.reportId,
  fileName: fundingDocuments.fileName,
  mediaType: fundingDocuments.mediaType,
  size: fundingDocuments.size,
  uploadedAt: fundingDocuments.uploadedAt,
};

/** The documents' metadata of these owners, by owner id, oldest first. */
export async function documentsOf(
  db: Db,
  owner: FundingDocumentOwner,
  ids: string[],
): Promise<Map<string, FundingDocumentMeta[]>> {
  const byOwner = new Map<string, FundingDocumentMeta[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byOwner;
  const rows = await db
    .select(metaColumns)
    .from(fundingDocuments)
    .where(inArray(ownerColumn[owner], ids))
    .orderBy(fundingDocuments.uploadedAt, fundingDocuments.id);
  for (const r of rows) {
    const ownerId = r.callId ?? r.applicationId ?? r.reportId ?? '';
    byOwner.get(ownerId)?.push({
      id: r.id,
      owner: r.owner,
      fileName: r.fileName,
      mediaType: r.mediaType,
      size: r.size,
      uploadedAt: r.uploadedAt.toISOString(),
    });
  }
  return byOwner;
}

export interface NewFundingDocument {
  fileName: string;
  /** The Content-Type of the upload, parameters (`; charset=…`) ignored. */
  mediaType: string;
  content: Buffer;
}

/** Attaches a file to a call, an application or a report (`within` that application), staff only. */
export async function addFundingDocument(
  db: Db,
  by: Viewer,
  owner: FundingDocumentOwner,
  ownerId: string,
  doc: NewFundingDocument,
  within?: string,
): Promise<FundingDocumentMeta> {
  requireStaff(by);
  const { fileName: name } = parseInput(fundingUploadQuery, { fileName: doc.fileName });
  const { mediaType, fileName } = checkedFile(doc.mediaType, doc.content, name);
  return db.transaction(async (tx) => {
    const table = ownerTable[owner];
    // Locked so that the owner cannot be deleted while its file is written.
    // A report is reached through its application: it must be one of that application's.
    const ofApplication = owner === 'report' && within ? eq(fundingReports.applicationId, within) : undefined;
    const [found] = await tx
      .select({ id: table.id })
      .from(table.id.table)
      .where(and(eq(table.id, ownerId), ofApplication))
      .for('key share');
    if (!found) throw notFound(table.what);
    const [row] = await tx
      .insert(fundingDocuments)
      .values({
        owner,
        [ownerKey[owner]]: ownerId,
        fileName,
        mediaType,
        size: doc.content.length,
        content: doc.content,
        uploadedBy: by.id,
      })
      .returning({ id: fundingDocuments.id, uploadedAt: fundingDocuments.uploadedAt });
    if (!row) throw new Error('document not inserted');
    return {
      id: row.id,
      owner,
      fileName,
      mediaType,
      size: doc.content.length,
      uploadedAt: row.uploadedAt.toISOString(),
    };
  });
}

/**
 * A document's content: staff and the steering committee any (even a public call's files, whose names only are
 * public); a member those of the applications it follows and of their reports; any other is not found.
 */
export async function readFundingDocument(db: Db, by: Viewer, id: string) {
  const [row] = await db
    .select({
      fileName: fundingDocuments.fileName,
      mediaType: fundingDocuments.mediaType,
      content: fundingDocuments.content,
    })
    .from(fundingDocuments)
    .leftJoin(fundingReports, eq(fundingReports.id, fundingDocuments.reportId))
    .leftJoin(
      fundingApplications,
      eq(fundingApplications.id, sql`coalesce(${fundingDocuments.applicationId}, ${fundingReports.applicationId})`),
    )
    .where(and(eq(fundingDocuments.id, id), followedApplications(by)));
  if (!row) throw notFound('Document');
  return row;
}

export async function deleteFundingDocument(db: Db, by: Viewer, id: string): Promise<void> {
  requireStaff(by);
  const deleted = await db
    .delete(fundingDocuments)
    .where(eq(fundingDocuments.id, id))
    .returning({ id: fundingDocuments.id });
  if (deleted.length === 0) throw notFound('Document');
}
