// The events list as a file: every event matching the list's filters (listedEvents, the list's own query), in its
// date order, with seats and waiting list counts. Public like the list: no participant is named.
import { sql } from 'drizzle-orm';
import { eventMessages } from '../../../web/src/events/messages.js';
import type { Db } from '../../db/client.js';
import { type ExportColumn, idColumn, type ListExport, labelsIn, refuseOverCap } from '../../http/list-export.js';
import { type ListExportFormat, listExportCaps } from '../../http/list-export-contract.js';
import type { EventFilters } from './contract.js';
import { events } from './schema.js';
import { eventListCondition, listedEvents } from './service.js';
import { eventKinds, eventStatuses } from './vocabulary.js';

type Row = Awaited<ReturnType<typeof listedEvents>>[number];

const labelFr = labelsIn(eventMessages.fr);

/** The vocabularies the file shows by their French label (`event.kind.training` → « Formation »). */
export const eventsExportVocabularies: Record<string, readonly string[]> = {
  'event.kind': eventKinds,
  'event.status': eventStatuses,
};

const columns: ExportColumn<Row>[] = [
  { header: 'Titre', width: 40, value: (r) => r.title },
  { header: 'Type', width: 24, value: (r) => labelFr(`event.kind.${r.kind}`) },
  { header: 'Statut', width: 10, value: (r) => labelFr(`event.status.${r.status}`) },
  { header: 'Début', kind: 'instant', width: 17, value: (r) => r.startsAt },
  { header: 'Fin', kind: 'instant', width: 17, value: (r) => r.endsAt },
  { header: 'Lieu', width: 30, value: (r) => r.place },
  { header: 'Commune', width: 20, value: (r) => r.communeName },
  { header: 'Places', kind: 'number', width: 9, value: (r) => r.capacity },
  { header: 'Inscrits', kind: 'number', width: 9, value: (r) => r.registered },
  {
    header: 'Places restantes',
    kind: 'number',
    width: 10,
    value: (r) => (r.capacity === null ? null : Math.max(0, r.capacity - r.registered)),
  },
  { header: 'Liste d’attente', kind: 'number', width: 10, value: (r) => r.waitlisted },
  idColumn(),
];

/** The file of the events list for these filters; more than the format's cap of events is refused (counted first). */
export async function eventsExport(
  db: Db,
  query: EventFilters,
  format: ListExportFormat,
  cap = listExportCaps[format],
): Promise<ListExport<Row>> {
  await refuseOverCap(db, format, db.select({ one: sql`1` }).from(events).where(eventListCondition(query)), cap);
  const rows = await listedEvents(db, query, cap);
  return { fileName: 'evenements', sheet: 'Événements', columns, rows };
}
