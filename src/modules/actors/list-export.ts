// The directory as a file: every actor matching the list's filters, in the list's order (criteria.ts and page.ts
// decide both), with the fields this caller may read (visibility.ts). No address, e-mail, phone nor people: an
// organisation's contact details often name a person (RGPD), and the list does not show them either.
import { sql } from 'drizzle-orm';
import { fr } from '../../../web/src/i18n/fr.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { type ExportColumn, idColumn, type ListExport, labelsIn, refuseOverCap } from '../../http/list-export.js';
import { type ListExportFormat, listExportCaps } from '../../http/list-export-contract.js';
import { actorFamilies, companySizes, companyStatuses, subtypesByFamily } from '../reference/families.js';
import { getReferenceData } from '../reference/service.js';
import type { DirectoryExportQuery, RestrictableField, Visibility } from './contract.js';
import { conditions, whereOf } from './criteria.js';
import { directoryOrder } from './page.js';
import { defaultTuning, prepareSearch } from './search.js';
import { hiddenFieldsFor, type Viewer } from './visibility.js';

interface ActorExportRow {
  id: string;
  name: string;
  family: string;
  subtype: string | null;
  company_size: string | null;
  company_status: string | null;
  commune_name: string | null;
  postal_code: string | null;
  website: string | null;
  rna: string | null;
  siren: string | null;
  siret: string | null;
  themes: string[];
  sdgs: number[];
  contributions: string[];
  benefits: string[];
  description: string;
  field_visibility: Record<string, Visibility>;
  updated_at: Date | string;
}

type Labelled = ActorExportRow & { labels: (ids: string[]) => string; hidden: Set<RestrictableField> };

const labelFr = labelsIn(fr);

/** The vocabularies the file shows by their French label (`family.company` → « Entreprise »). */
export const directoryExportVocabularies: Record<string, readonly string[]> = {
  family: actorFamilies,
  subtype: Object.values(subtypesByFamily).flat(),
  companySize: companySizes,
  companyStatus: companyStatuses,
};

const optionalLabel = (prefix: string, value: string | null) => (value ? labelFr(`${prefix}.${value}`) : null);

/** A restricted field, empty when this caller may not read it on this actor. */
const restricted = (field: 'website' | 'rna' | 'siren' | 'siret') => (r: Labelled) =>
  r.hidden.has(field) ? null : r[field];

const columns: ExportColumn<Labelled>[] = [
  { header: 'Nom', width: 36, value: (r) => r.name },
  { header: 'Famille', width: 22, value: (r) => labelFr(`family.${r.family}`) },
  { header: 'Sous-type', width: 22, value: (r) => optionalLabel('subtype', r.subtype) },
  { header: 'Taille d’entreprise', width: 22, value: (r) => optionalLabel('companySize', r.company_size) },
  { header: 'Statut d’entreprise', width: 22, value: (r) => optionalLabel('companyStatus', r.company_status) },
  { header: 'Commune', width: 20, value: (r) => r.commune_name },
  { header: 'Code postal', width: 11, value: (r) => r.postal_code },
  { header: 'Site web', width: 30, value: restricted('website') },
  { header: 'RNA', width: 12, value: restricted('rna') },
  { header: 'SIREN', width: 12, value: restricted('siren') },
  { header: 'SIRET', width: 16, value: restricted('siret') },
  { header: 'Thématiques', width: 30, value: (r) => r.labels(r.themes) },
  { header: 'ODD', width: 12, value: (r) => r.sdgs.join(', ') },
  { header: 'Apports', width: 30, value: (r) => r.labels(r.contributions) },
  { header: 'Attentes', width: 30, value: (r) => r.labels(r.benefits) },
  { header: 'Description', width: 60, value: (r) => r.description },
  { header: 'Mis à jour le', kind: 'instant', width: 17, value: (r) => new Date(r.updated_at) },
  idColumn(),
];

/**
 * The file of the directory for this caller and these filters; more than the format's cap of actors is refused
 * (checked first, with a count).
 */
export async function directoryExport(
  db: Db,
  viewer: Viewer,
  query: DirectoryExportQuery,
  format: ListExportFormat,
  cap = listExportCaps[format],
): Promise<ListExport<Labelled>> {
  const [{ criteria }, reference] = await Promise.all([prepareSearch(db, query, defaultTuning), getReferenceData(db)]);
  const where = whereOf(conditions(criteria));
  await refuseOverCap(db, format, sql`select 1 from actors a ${where}`, cap);
  const rows = await rowsOf<ActorExportRow>(
    db,
    sql`select a.id, a.name, a.family, a.subtype, a.company_size, a.company_status, cm.name as commune_name,
        a.postal_code, a.website, a.rna, a.siren, a.siret, a.themes, a.sdgs, a.contributions, a.benefits,
        a.description, a.field_visibility, a.updated_at
      from actors a left join communes cm on cm.code = a.commune_code
      ${where} order by ${directoryOrder(criteria, query)} limit ${cap}`,
  );
  const names = new Map<string, string>([
    ...reference.themes.map((t) => [t.id, t.labelFr] as const),
    ...reference.stakeholderItems.map((i) => [i.id, i.labelFr] as const),
  ]);
  const labels = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  // Labelled as the file is written, one row at a time.
  function* labelled(): Generator<Labelled> {
    for (const r of rows) yield { ...r, labels, hidden: new Set(hiddenFieldsFor(viewer, r.id, r.field_visibility)) };
  }
  return { fileName: 'annuaire', sheet: 'Annuaire', columns, rows: labelled() };
}
