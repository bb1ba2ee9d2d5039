// Files attached to a partnership (the signed agreement, an action plan…), stored in the database (ADR 0004).
// Only staff and partners may download them; observers and the public see their metadata at most.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invalid, notFound, parseInput } from '../../errors.js';
import type { CurrentUser } from '../accounts/service.js';
import { type DocumentKind, type DocumentMeta, documentMediaTypes, maxDocumentBytes, uploadQuery } from './contract.js';
import { partnershipDocuments } from './schema.js';
import { addEvent, requireEdit } from './service.js';
import type { PartnershipStep } from './vocabulary.js';

export interface NewDocument {
  step: PartnershipStep;
  kind: DocumentKind;
  fileName: string;
  /** The Content-Type of the upload, parameters (`; charset=…`) ignored. */
  mediaType: string;
  content: Buffer;
}

/** The media type without parameters, lower case. */
export const bareMediaType = (type: string | undefined) => (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * The checks of an uploaded file, shared with the funding documents: one of the accepted types, not empty, 10 MB at
 * most; its bare media type and its name made safe to show and offer back on download.
 */
export function checkedFile(type: string, content: Buffer, name: string): { mediaType: string; fileName: string } {
  const mediaType = bareMediaType(type);
  if (!(documentMediaTypes as readonly string[]).includes(mediaType)) {
    throw invalid([{ field: 'file', code: 'fileType' }]);
  }
  if (content.length === 0) throw invalid([{ field: 'file', code: 'fileEmpty' }]);
  if (content.length > maxDocumentBytes) throw invalid([{ field: 'file', code: 'fileTooLarge' }]);
  // The name is shown and offered back on download: no path, no control characters.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const fileName = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f"]/g, '_') || 'document';
  return { mediaType, fileName };
}

/** Attaches a file: one of the accepted types, not empty, 10 MB at most. Staff and partners. */
export async function addDocument(db: Db, by: CurrentUser, id: string, doc: NewDocument): Promise<DocumentMeta> {
  await requireEdit(db, by, id);
  const meta = parseInput(uploadQuery, { step: doc.step, kind: doc.kind, fileName: doc.fileName });
  const { mediaType, fileName } = checkedFile(doc.mediaType, doc.content, meta.fileName);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnershipDocuments)
      .values({
        partnershipId: id,
        step: meta.step,
        kind: meta.kind,
        fileName,
        mediaType,
        size: doc.content.length,
        content: doc.content,
        uploadedBy: by.id,
      })
      .returning({ id: partnershipDocuments.id, uploadedAt: partnershipDocuments.uploadedAt });
    if (!row) throw new Error('document not inserted');
    await addEvent(tx, id, by.id, 'documentAdded', { documentId: row.id, fileName, kind: meta.kind, step: meta.step });
    return {
      id: row.id,
      step: meta.step,
      kind: meta.kind,
      fileName,
      mediaType,
      size: doc.content.length,
      uploadedAt: row.uploadedAt.toISOString(),
    };
  });
}

/** A document's content, for staff and partners only. */
export async function readDocument(db: Db, by: CurrentUser, id: string, docId: string) {
  await requireEdit(db, by, id);
  const [row] = await db
    .select({
      fileName: partnershipDocuments.fileName,
      mediaType: partnershipDocuments.mediaType,
      content: partnershipDocuments.content,
    })
    .from(partnershipDocuments)
    .where(and(eq(partnershipDocuments.id, docId), eq(partnershipDocuments.partnershipId, id)));
  if (!row) throw notFound('Document');
  return row;
}

export async function deleteDocument(db: Db, by: CurrentUser, id: string, docId: string): Promise<void> {
  await requireEdit(db, by, id);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(partnershipDocuments)
      .where(and(eq(partnershipDocuments.id, docId), eq(partnershipDocuments.partnershipId, id)))
      .returning({ fileName: partnershipDocuments.fileName, kind: partnershipDocuments.kind });
    const row = deleted[0];
    if (!row) throw notFound('Document');
    await addEvent(tx, id, by.id, 'documentDeleted', { documentId: docId, fileName: row.fileName, kind: row.kind });
  });
}
