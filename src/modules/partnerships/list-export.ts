// The partnerships list as a file: every partnership the caller may list that matches the list's filters, in the
// list's order (partnershipListScope), with what the list shows and the sums of contributions and benefits. Partners
// are organisations; no person is named.
import { eq, sql } from 'drizzle-orm';
import { fr } from '../../../web/src/i18n/fr.js';
import { partnershipMessages } from '../../../web/src/partnerships/messages.js';
import { textArray } from '../../db/arrays.js';
import type { Db } from '../../db/client.js';
import { type ExportColumn, idColumn, type ListExport, labelsIn, refuseOverCap } from '../../http/list-export.js';
import { type ListExportFormat, listExportCaps } from '../../http/list-export-contract.js';
import type { CurrentUser } from '../accounts/service.js';
import { communes, themes } from '../reference/schema.js';
import type { PartnershipFilters } from './contract.js';
import { partnershipListScope, partnersOf } from './queries.js';
import { benefits, contributions, partnerships } from './schema.js';
import { partnershipModes, partnershipStatuses, partnershipSteps } from './vocabulary.js';

const labelFr = labelsIn({ ...fr, ...partnershipMessages.fr });

/** The vocabularies the file shows by their French label (`mode.support` → « Soutien… »). */
export const partnershipsExportVocabularies: Record<string, readonly string[]> = {
  mode: partnershipModes,
  step: partnershipSteps,
  'partnership.status': partnershipStatuses,
};

/** A numeric sum as PostgreSQL answers it (text, to keep cents exact), null without any row. */
const total = (column: typeof contributions.value | typeof contributions.hours | typeof benefits.expectedValue) =>
  sql<string | null>`sum(${column})`;

async function readRows(db: Db, viewer: CurrentUser | null, query: PartnershipFilters, cap: number) {
  const { condition, order } = partnershipListScope(viewer, query);
  // Each table summed once per partnership, then joined: one pass over each, whatever the number of rows.
  const given = db
    .select({
      partnershipId: contributions.partnershipId,
      contributed: total(contributions.value).as('contributed'),
      hours: total(contributions.hours).as('hours'),
    })
    .from(contributions)
    .groupBy(contributions.partnershipId)
    .as('given');
  const received = db
    .select({
      partnershipId: benefits.partnershipId,
      expected: total(benefits.expectedValue).as('expected'),
      realised: total(benefits.realisedValue).as('realised'),
    })
    .from(benefits)
    .groupBy(benefits.partnershipId)
    .as('received');
  return db
    .select({
      id: partnerships.id,
      title: partnerships.title,
      mode: partnerships.mode,
      step: partnerships.currentStep,
      status: partnerships.status,
      themes: partnerships.themes,
      communeCodes: partnerships.communeCodes,
      startsOn: partnerships.startsOn,
      endsOn: partnerships.endsOn,
      renewalOn: partnerships.renewalOn,
      publishedAt: partnerships.publishedAt,
      updatedAt: partnerships.updatedAt,
      contributed: given.contributed,
      hours: given.hours,
      expected: received.expected,
      realised: received.realised,
    })
    .from(partnerships)
    .leftJoin(given, eq(given.partnershipId, partnerships.id))
    .leftJoin(received, eq(received.partnershipId, partnerships.id))
    .where(condition)
    .orderBy(...order)
    .limit(cap);
}

type Row = Awaited<ReturnType<typeof readRows>>[number] & {
  partners: string;
  themeLabels: string;
  communeNames: string;
};

const amount = (v: string | null) => (v === null ? null : Number(v));

const columns: ExportColumn<Row>[] = [
  { header: 'Titre', width: 40, value: (r) => r.title },
  { header: 'Mode', width: 26, value: (r) => labelFr(`mode.${r.mode}`) },
  { header: 'Étape', width: 24, value: (r) => labelFr(`step.${r.step}`) },
  { header: 'Statut', width: 12, value: (r) => labelFr(`partnership.status.${r.status}`) },
  { header: 'Partenaires', width: 40, value: (r) => r.partners },
  { header: 'Thématiques', width: 30, value: (r) => r.themeLabels },
  { header: 'Communes', width: 24, value: (r) => r.communeNames },
  { header: 'Début', kind: 'day', width: 12, value: (r) => r.startsOn },
  { header: 'Fin', kind: 'day', width: 12, value: (r) => r.endsOn },
  { header: 'Renouvellement', kind: 'day', width: 15, value: (r) => r.renewalOn },
  { header: 'Publié dans la vitrine', width: 12, value: (r) => (r.publishedAt ? 'Oui' : 'Non') },
  { header: 'Apports valorisés', kind: 'euros', width: 16, value: (r) => amount(r.contributed) },
  { header: 'Heures de bénévolat', kind: 'number', width: 12, value: (r) => amount(r.hours) },
  { header: 'Bénéfices attendus', kind: 'euros', width: 16, value: (r) => amount(r.expected) },
  { header: 'Bénéfices obtenus', kind: 'euros', width: 16, value: (r) => amount(r.realised) },
  { header: 'Mis à jour le', kind: 'instant', width: 17, value: (r) => r.updatedAt },
  idColumn(),
];

/** Names of the given ids, in one query (one array parameter, however many ids), as a map. */
async function namesOf(db: Db, table: typeof themes | typeof communes, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows =
    table === themes
      ? await db
          .select({ id: themes.id, name: themes.labelFr })
          .from(themes)
          .where(sql`${themes.id} = any(${textArray(ids)})`)
      : await db
          .select({ id: communes.code, name: communes.name })
          .from(communes)
          .where(sql`${communes.code} = any(${textArray(ids)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The file of the partnerships list for this caller and these filters; more than the format's cap is refused
 * (counted first).
 */
export async function partnershipsExport(
  db: Db,
  viewer: CurrentUser | null,
  query: PartnershipFilters,
  format: ListExportFormat,
  cap = listExportCaps[format],
): Promise<ListExport<Row>> {
  const { condition } = partnershipListScope(viewer, query);
  await refuseOverCap(db, format, db.select({ one: sql`1` }).from(partnerships).where(condition), cap);
  const rows = await readRows(db, viewer, query, cap);
  const [partners, themeNames, communeNames] = await Promise.all([
    partnersOf(
      db,
      rows.map((r) => r.id),
    ),
    namesOf(db, themes, [...new Set(rows.flatMap((r) => r.themes))]),
    namesOf(db, communes, [...new Set(rows.flatMap((r) => r.communeCodes))]),
  ]);
  const join = (ids: string[], names: Map<string, string>) => ids.map((id) => names.get(id) ?? id).join(', ');
  function* labelled(): Generator<Row> {
    for (const r of rows) {
      yield {
        ...r,
        partners: (partners.get(r.id) ?? []).map((p) => p.name).join(', '),
        themeLabels: join(r.themes, themeNames),
        communeNames: join(r.communeCodes, communeNames),
      };
    }
  }
  return { fileName: 'partenariats', sheet: 'Partenariats', columns, rows: labelled() };
}
