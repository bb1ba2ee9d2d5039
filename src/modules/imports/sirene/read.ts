// Reads INSEE's two Sirene stock files — StockEtablissement (one line per SIRET, ~40 M lines) and StockUniteLegale
// (one per SIREN, ~28 M) — for one scope, in memory that does not grow with the files: pass 1 streams the
// establishments and keeps only those of the scope's communes (a few fields each); pass 2 streams the units and keeps
// only the SIRENs those establishments need; then one organisation per establishment, joined to its unit, in the
// establishments file's order (so that a resumed import meets them in the same order).
//
// Individuals who asked not to be diffused (statutDiffusion other than O) are skipped with nothing of theirs kept:
// not their establishment's sign, not their unit's name.
import { stat } from 'node:fs/promises';
import { isValidSiret, rnaPattern } from '../../actors/identifiers.js';
import type { CompanySize } from '../../reference/families.js';
import { type CsvRecord, csvRecords, detectEncoding, type Skim } from '../csv.js';
import { type ImportScope, inScope, type RegisterItem, type RegisterOrganisation } from '../types.js';
import { columnName, type EstablishmentColumn, field, fieldValue, type UnitColumn } from './columns.js';
import { addressOf, companySizeOf, dayOf, isAssociationCategory, timestampOf } from './mapping.js';
import { activityLabel } from './naf.js';

export interface SireneFiles {
  establishments: string;
  units: string;
}

export interface SireneOptions {
  /** Bytes read so far over both files (establishments first, then units), for progress against their total size. */
  onBytes?(bytes: number): void;
  /** Stops reading as soon as it aborts (within a chunk, even in the units' pass that yields almost nothing). */
  signal?: AbortSignal;
}

/** A file that is not the expected Sirene stock file (a required column is missing): nothing can be read from it. */
export class SireneLayoutError extends Error {
  constructor(
    readonly file: keyof SireneFiles,
    readonly column: string,
  ) {
    super(`${file} file: no column ${column} (is it Sirene's ${stockNames[file]}?)`);
    this.name = 'SireneLayoutError';
  }
}

const stockNames = { establishments: 'StockEtablissement', units: 'StockUniteLegale' } as const;

const requiredEstablishmentColumns: EstablishmentColumn[] = [
  'siret',
  'statutDiffusionEtablissement',
  'codeCommuneEtablissement',
  'etatAdministratifEtablissement',
];
const requiredUnitColumns: UnitColumn[] = ['siren', 'statutDiffusionUniteLegale', 'categorieJuridiqueUniteLegale'];

/** What pass 1 keeps of an establishment in scope: only what the organisation needs. */
interface KeptEstablishment {
  line: number;
  siret: string;
  siren: string;
  /** Its sign or usual name; the unit's name is used without. */
  name: string;
  closed: boolean;
  address: string | null;
  postalCode: string | null;
  communeCode: string;
  activity: string;
  nomenclature: string;
  createdOn: string | null;
  updatedAt: string | null;
}

/** What pass 2 keeps of a unit: its data, or only that it is restricted or was rejected. */
type KeptUnit =
  | {
      kind: 'unit';
      name: string;
      family: RegisterOrganisation['family'];
      rna: string | null;
      activity: string;
      nomenclature: string;
      companySize: CompanySize | null;
      ess: boolean;
      closed: boolean;
    }
  | { kind: 'restricted' }
  | { kind: 'rejected'; line: number };

export async function* readSirene(
  files: SireneFiles,
  scope: ImportScope,
  options: SireneOptions = {},
): AsyncGenerator<RegisterItem> {
  const establishmentBytes = (await stat(files.establishments)).size;
  const kept = yield* readEstablishments(files.establishments, scope, options.onBytes, options.signal);
  const wanted = new Set(kept.map((e) => e.siren));
  const onUnitBytes = options.onBytes && ((bytes: number) => options.onBytes?.(establishmentBytes + bytes));
  const units = yield* readUnits(files.units, wanted, onUnitBytes, options.signal);
  for (const establishment of kept) yield joined(establishment, units.get(establishment.siren));
}

const rejected = (line: number, reason: string, file: keyof SireneFiles, detail: string): RegisterItem => ({
  kind: 'rejected',
  rejection: { line, reason, detail: `${file}: ${detail}` },
});

/**
 * The file's records, once its header is known to hold the required columns (else SireneLayoutError); those whose
 * `column` fails `wanted` (read as field() reads it) come skimmed, without their values (csv.ts, skim).
 */
async function* records(
  path: string,
  file: keyof SireneFiles,
  required: Array<UnitColumn | EstablishmentColumn>,
  skim: { column: UnitColumn | EstablishmentColumn; wanted(value: string): boolean },
  onBytes?: (bytes: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<CsvRecord> {
  const encoding = await detectEncoding(path);
  const skimmed: Skim = { column: columnName(skim.column), test: (raw) => !skim.wanted(fieldValue(raw)) };
  yield* csvRecords(path, {
    delimiter: ',',
    encoding,
    onBytes,
    signal,
    onHeader: (names) => {
      const missing = required.find((column) => !names.includes(columnName(column)));
      if (missing) throw new SireneLayoutError(file, missing);
    },
    skim: () => skimmed,
  });
}

/** Pass 1: yields what is skipped or rejected, returns the establishments to join. */
async function* readEstablishments(
  path: string,
  scope: ImportScope,
  onBytes?: (bytes: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<RegisterItem, KeptEstablishment[]> {
  const kept: KeptEstablishment[] = [];
  const inTheScope = { column: 'codeCommuneEtablissement' as const, wanted: (code: string) => inScope(scope, code) };
  const establishments = records(path, 'establishments', requiredEstablishmentColumns, inTheScope, onBytes, signal);
  for await (const { line, values, skimmed } of establishments) {
    // Scope first: a territory's report lists the problems of its own lines, not those of the whole country.
    const communeCode = field(values, 'codeCommuneEtablissement');
    if (skimmed || !inScope(scope, communeCode)) {
      yield { kind: 'skipped', line, reason: 'outOfScope' };
      continue;
    }
    // Diffusion before validity: nothing of a restricted line is reported, not even its SIRET.
    const diffusion = field(values, 'statutDiffusionEtablissement');
    if (!diffusion) {
      yield rejected(line, 'missingField', 'establishments', 'no statutDiffusionEtablissement');
      continue;
    }
    if (diffusion !== 'O') {
      yield { kind: 'skipped', line, reason: 'notDiffusible' };
      continue;
    }
    const siret = field(values, 'siret');
    if (!siret) {
      yield rejected(line, 'missingField', 'establishments', 'no siret');
      continue;
    }
    if (!isValidSiret(siret)) {
      yield rejected(line, 'invalidSiret', 'establishments', `SIRET ${siret} is not 14 digits with a valid check key`);
      continue;
    }
    const siren = siret.slice(0, 9);
    const sirenColumn = field(values, 'siren');
    if (sirenColumn && sirenColumn !== siren) {
      yield rejected(
        line,
        'siretNotMatchingSiren',
        'establishments',
        `SIRET ${siret} does not start with ${sirenColumn}`,
      );
      continue;
    }
    kept.push({
      line,
      siret,
      siren,
      name: field(values, 'enseigne1Etablissement') || field(values, 'denominationUsuelleEtablissement'),
      closed: field(values, 'etatAdministratifEtablissement') === 'F',
      address: addressOf({
        number: field(values, 'numeroVoieEtablissement'),
        repetition: field(values, 'indiceRepetitionEtablissement'),
        type: field(values, 'typeVoieEtablissement'),
        street: field(values, 'libelleVoieEtablissement'),
        complement: field(values, 'complementAdresseEtablissement'),
      }),
      postalCode: field(values, 'codePostalEtablissement') || null,
      communeCode,
      activity: field(values, 'activitePrincipaleEtablissement'),
      nomenclature: field(values, 'nomenclatureActivitePrincipaleEtablissement'),
      createdOn: dayOf(field(values, 'dateCreationEtablissement')),
      updatedAt: timestampOf(field(values, 'dateDernierTraitementEtablissement')),
    });
  }
  return kept;
}

/** Pass 2: yields the rejected units among those wanted, returns the wanted units by SIREN. */
async function* readUnits(
  path: string,
  wanted: ReadonlySet<string>,
  onBytes?: (bytes: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<RegisterItem, Map<string, KeptUnit>> {
  const units = new Map<string, KeptUnit>();
  const isWanted = { column: 'siren' as const, wanted: (siren: string) => wanted.has(siren) };
  for await (const { line, values, skimmed } of records(
    path,
    'units',
    requiredUnitColumns,
    isWanted,
    onBytes,
    signal,
  )) {
    const siren = field(values, 'siren');
    if (skimmed || !wanted.has(siren)) continue;
    const diffusion = field(values, 'statutDiffusionUniteLegale');
    if (!diffusion) {
      units.set(siren, { kind: 'rejected', line });
      yield rejected(line, 'missingField', 'units', `unit ${siren}: no statutDiffusionUniteLegale`);
      continue;
    }
    if (diffusion !== 'O') {
      units.set(siren, { kind: 'restricted' });
      continue;
    }
    units.set(siren, unitOf(values));
  }
  return units;
}

function unitOf(values: Record<string, string>): KeptUnit {
  const association = field(values, 'identifiantAssociationUniteLegale');
  const rna = rnaPattern.test(association) ? association : null;
  const family =
    isAssociationCategory(field(values, 'categorieJuridiqueUniteLegale')) || rna ? 'association' : 'company';
  return {
    kind: 'unit',
    name:
      field(values, 'denominationUniteLegale') ||
      field(values, 'denominationUsuelle1UniteLegale') ||
      personName(values),
    family,
    rna,
    activity: field(values, 'activitePrincipaleUniteLegale'),
    nomenclature: field(values, 'nomenclatureActivitePrincipaleUniteLegale'),
    // The platform sizes companies only (an association's size is not asked).
    companySize:
      family === 'company'
        ? companySizeOf(field(values, 'categorieEntreprise'), field(values, 'trancheEffectifsUniteLegale'))
        : null,
    ess: field(values, 'economieSocialeSolidaireUniteLegale') === 'O',
    closed: field(values, 'etatAdministratifUniteLegale') === 'C',
  };
}

/** A diffusible natural person's unit (entrepreneur individuel) is named after them: usual first name, usual name. */
const personName = (values: Record<string, string>) =>
  [
    field(values, 'prenomUsuelUniteLegale') || field(values, 'prenom1UniteLegale'),
    field(values, 'nomUsageUniteLegale') || field(values, 'nomUniteLegale'),
  ]
    .filter(Boolean)
    .join(' ');

function joined(e: KeptEstablishment, unit: KeptUnit | undefined): RegisterItem {
  if (!unit) return rejected(e.line, 'unitMissing', 'establishments', `unit ${e.siren} is not in the units file`);
  if (unit.kind === 'rejected') {
    return rejected(e.line, 'unitRejected', 'establishments', `unit ${e.siren} was rejected (units line ${unit.line})`);
  }
  if (unit.kind === 'restricted') return { kind: 'skipped', line: e.line, reason: 'notDiffusible' };
  const name = e.name || unit.name;
  if (!name) return rejected(e.line, 'missingField', 'establishments', `SIRET ${e.siret}: no name in either file`);
  const [activity, nomenclature] = e.activity ? [e.activity, e.nomenclature] : [unit.activity, unit.nomenclature];
  return {
    kind: 'organisation',
    line: e.line,
    organisation: {
      source: 'sirene',
      registerId: e.siret,
      family: unit.family,
      name,
      rna: unit.rna,
      siren: e.siren,
      siret: e.siret,
      address: e.address,
      postalCode: e.postalCode,
      communeCode: e.communeCode,
      website: null,
      description: activityLabel(activity, nomenclature),
      themes: [],
      createdOn: e.createdOn,
      status: e.closed || unit.closed ? 'closed' : 'active',
      companySize: unit.companySize,
      ess: unit.ess,
      registerUpdatedAt: e.updatedAt,
    },
  };
}
