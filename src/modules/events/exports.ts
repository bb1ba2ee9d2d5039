// An event's participants as CSV and XLSX, for staff (admin, animator) only: names and e-mails are personal data
// (RGPD). The files are written as every list export writes them (src/http/list-export.ts: `;`, BOM, CRLF, Paris
// dates, formulas neutralised in both formats; bold frozen header, real dates); they are never logged, and their
// names carry the event's title only, never a person's.
import type { Db } from '../../db/client.js';
import type { ExportColumn, ListExport } from '../../http/list-export.js';
import { slugOf } from '../../http/slug.js';
import type { Viewer } from '../actors/visibility.js';
import { type ParticipantExportRow, participantsToExport } from './service.js';

const statusLabels: Record<ParticipantExportRow['status'], string> = {
  registered: 'Inscrit',
  waitlisted: 'Liste d’attente',
};

/** Seats first then the waiting list, in its order (participantsToExport's order). */
export const participantColumns: ExportColumn<ParticipantExportRow>[] = [
  { header: 'Organisation', width: 32, value: (r) => r.organisation },
  { header: 'Nom', width: 28, value: (r) => r.name },
  { header: 'E-mail', width: 34, value: (r) => r.email },
  { header: 'Statut', width: 16, value: (r) => statusLabels[r.status] },
  { header: 'Inscrit le', kind: 'instant', width: 18, value: (r) => r.registeredAt },
  { header: 'Position en liste d’attente', kind: 'number', width: 14, value: (r) => r.waitlistPosition },
  { header: 'Présent', width: 10, value: (r) => (r.present ? 'Oui' : 'Non') },
];

/** The participants' file of an event, staff only; named from the event's title, without personal data. */
export async function participantsExport(
  db: Db,
  viewer: Viewer,
  eventId: string,
): Promise<ListExport<ParticipantExportRow>> {
  const { event, rows } = await participantsToExport(db, viewer, eventId);
  return {
    fileName: `participants-${slugOf(event.title, 'evenement')}`,
    dated: false,
    sheet: 'Participants',
    columns: participantColumns,
    rows,
  };
}
