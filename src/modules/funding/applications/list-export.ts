// The funding applications list as a file: the rows the list gives this caller for these filters (listedApplications:
// the same condition, including what a member follows, and the same order), with amounts in euros. The working notes
// and who moved an application stay out: the list does not show them.
import { sql } from 'drizzle-orm';
import { fundingApplicationMessages } from '../../../../web/src/funding/applications/messages.js';
import type { Db } from '../../../db/client.js';
import { type ExportColumn, idColumn, type ListExport, labelsIn, refuseOverCap } from '../../../http/list-export.js';
import { type ListExportFormat, listExportCaps } from '../../../http/list-export-contract.js';
import type { Viewer } from '../../actors/visibility.js';
import { applicationStatuses } from '../vocabulary.js';
import type { ApplicationQuery, ApplicationSummary } from './contract.js';
import { applicationListCondition, listedApplications } from './queries.js';
import { fundingApplications } from './schema.js';

const labelFr = labelsIn(fundingApplicationMessages.fr);

/** The vocabularies the file shows by their French label (`funding.app.status.granted` → « Accordé »). */
export const applicationsExportVocabularies: Record<string, readonly string[]> = {
  'funding.app.status': applicationStatuses,
};

const columns: ExportColumn<ApplicationSummary>[] = [
  { header: 'Dossier', width: 40, value: (r) => r.title },
  { header: 'Financeur', width: 30, value: (r) => r.funder.name },
  { header: 'Appel à projets', width: 30, value: (r) => r.call?.title ?? null },
  { header: 'Programme', width: 24, value: (r) => r.programme?.name ?? null },
  { header: 'Territoire', width: 20, value: (r) => r.territory?.name ?? null },
  { header: 'Projet phare', width: 30, value: (r) => r.project?.name ?? null },
  { header: 'Partenariat', width: 30, value: (r) => r.partnership?.name ?? null },
  { header: 'Exercice', kind: 'number', width: 9, value: (r) => r.year },
  { header: 'Statut', width: 24, value: (r) => labelFr(`funding.app.status.${r.status}`) },
  { header: 'Montant demandé', kind: 'euros', width: 16, value: (r) => r.amountRequested },
  { header: 'Montant accordé', kind: 'euros', width: 16, value: (r) => r.amountGranted },
  { header: 'Montant reçu', kind: 'euros', width: 16, value: (r) => r.amountReceived },
  { header: 'Déposé le', kind: 'day', width: 12, value: (r) => r.submittedOn },
  { header: 'Décidé le', kind: 'day', width: 12, value: (r) => r.decidedOn },
  { header: 'Mis à jour le', kind: 'instant', width: 17, value: (r) => new Date(r.updatedAt) },
  idColumn(),
];

/**
 * The file of the applications list for this caller and these filters; more than the format's cap is refused (counted
 * first).
 */
export async function applicationsExport(
  db: Db,
  viewer: Viewer,
  query: ApplicationQuery,
  format: ListExportFormat,
  cap = listExportCaps[format],
): Promise<ListExport<ApplicationSummary>> {
  const matching = db.select({ one: sql`1` }).from(fundingApplications).where(applicationListCondition(viewer, query));
  await refuseOverCap(db, format, matching, cap);
  const rows = await listedApplications(db, viewer, query, cap);
  return { fileName: 'dossiers-de-financement', sheet: 'Dossiers de financement', columns, rows };
}
