// Writes Sirene stock files for tests and benchmarks: every official column in the header (in INSEE's camelCase),
// rows given as the few columns that matter, quoted only where the CSV needs it. Rows may be a generator, so that a
// benchmark writes millions of lines without holding them.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { luhnValid } from '../../actors/identifiers.js';
import { type EstablishmentColumn, establishmentColumns, type UnitColumn, unitColumns } from './columns.js';
import type { SireneFiles } from './read.js';

export type UnitRow = Partial<Record<UnitColumn, string>>;
export type EstablishmentRow = Partial<Record<EstablishmentColumn, string>>;

export interface SireneRows {
  units: Iterable<UnitRow>;
  establishments: Iterable<EstablishmentRow>;
}

export interface WriteOptions {
  /** Starts each file with a UTF-8 byte order mark (as files re-saved by a spreadsheet do). */
  bom?: boolean;
}

/** Writes StockUniteLegale.csv and StockEtablissement.csv in `dir`; returns their paths. */
export async function writeSireneFiles(
  dir: string,
  rows: SireneRows,
  options: WriteOptions = {},
): Promise<SireneFiles> {
  const files = {
    units: path.join(dir, 'StockUniteLegale.csv'),
    establishments: path.join(dir, 'StockEtablissement.csv'),
  };
  await writeCsv(files.units, unitColumns, rows.units, options);
  await writeCsv(files.establishments, establishmentColumns, rows.establishments, options);
  return files;
}

async function writeCsv<C extends string>(
  file: string,
  columns: readonly C[],
  rows: Iterable<Partial<Record<C, string>>>,
  options: WriteOptions,
) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${options.bom ? '\uFEFF' : ''}${columns.join(',')}\n`);
  for (const row of rows) await write(`${columns.map((c) => quoted(row[c] ?? '')).join(',')}\n`);
  out.end();
  await once(out, 'finish');
}

const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Appends the digit that makes `digits` pass the Luhn check. */
function withLuhnKey(digits: string): string {
  for (let key = 0; key <= 9; key++) if (luhnValid(`${digits}${key}`)) return `${digits}${key}`;
  throw new Error('unreachable: one of ten keys always fits');
}

/** The n-th valid SIREN of a series (distinct for n < 10⁸). */
export const fakeSiren = (n: number) => withLuhnKey(String(n).padStart(8, '0'));

/** The k-th valid SIRET of a SIREN (distinct for k < 1 000). */
export const fakeSiret = (siren: string, k = 1) => withLuhnKey(`${siren}${String(k).padStart(4, '0')}`);

/** A diffusible, active company unit; `overrides` say what the test is about. */
export const unitRow = (siren: string, overrides: UnitRow = {}): UnitRow => ({
  siren,
  statutDiffusionUniteLegale: 'O',
  dateCreationUniteLegale: '2010-05-01',
  categorieJuridiqueUniteLegale: '5710',
  denominationUniteLegale: `SOCIETE ${siren}`,
  activitePrincipaleUniteLegale: '62.01Z',
  nomenclatureActivitePrincipaleUniteLegale: 'NAFv2',
  categorieEntreprise: 'PME',
  trancheEffectifsUniteLegale: '12',
  etatAdministratifUniteLegale: 'A',
  economieSocialeSolidaireUniteLegale: 'N',
  dateDernierTraitementUniteLegale: '2024-03-01T10:00:00.000',
  ...overrides,
});

/** A diffusible, active establishment of `siret` in `communeCode`. */
export const establishmentRow = (
  siret: string,
  communeCode: string,
  overrides: EstablishmentRow = {},
): EstablishmentRow => ({
  siren: siret.slice(0, 9),
  nic: siret.slice(9),
  siret,
  statutDiffusionEtablissement: 'O',
  dateCreationEtablissement: '2012-09-15',
  dateDernierTraitementEtablissement: '2024-02-20T08:30:00.000',
  etablissementSiege: 'true',
  numeroVoieEtablissement: '12',
  typeVoieEtablissement: 'AV',
  libelleVoieEtablissement: 'DE LA REPUBLIQUE',
  codePostalEtablissement: `${communeCode.slice(0, 2)}100`,
  libelleCommuneEtablissement: 'COMMUNE',
  codeCommuneEtablissement: communeCode,
  etatAdministratifEtablissement: 'A',
  activitePrincipaleEtablissement: '62.01Z',
  nomenclatureActivitePrincipaleEtablissement: 'NAFv2',
  ...overrides,
});
