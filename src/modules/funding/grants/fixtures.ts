// The real SCDL files the tests read — the schema's own examples (valid, invalid by cells, invalid by columns) and
// Haute-Garonne's 2017 grants, as published — and the findings each carries, written out by hand after reading every
// cell, compared as a whole with what the validator (validate.test.ts) and the import (routes.test.ts) report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScdlSeverity } from '../vocabulary.js';
import type { Finding } from './validate.js';

export type ScdlFixture =
  | 'exemple_valide.csv'
  | 'exemple_invalide_erreurs_cellules.csv'
  | 'exemple_invalide_erreurs_colonnes.csv'
  | 'haute-garonne-2017.csv';

export const scdlFixture = (name: ScdlFixture) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

export type Expected = [line: number | null, column: string | null, code: string, severity: ScdlSeverity];

export const key = ([line, column, code, severity]: Expected) =>
  `${String(line).padStart(4, '0')} ${column} ${code} ${severity}`;
export const found = (findings: (Omit<Pick<Finding, 'line' | 'column' | 'severity'>, never> & { code: string })[]) =>
  findings.map((f) => key([f.line, f.column, f.code, f.severity])).sort((a, b) => a.localeCompare(b));
export const expected = (list: Expected[]) => list.map(key).sort((a, b) => a.localeCompare(b));

/** The two required columns SCDL's examples lack, both with a truthful default: warnings. */
export const fillableColumnsMissing: Expected[] = [
  [1, 'idServiceInstructeur', 'missing-label', 'warning'],
  [1, 'descriptionConditionsVersement', 'missing-label', 'warning'],
];

/**
 * The cell errors of exemple_invalide_erreurs_cellules.csv, line by line. Its attributor's SIRET 21860194600000 has a
 * wrong Luhn key on every line (line 7 writes a SIREN instead), and so do 20 of the beneficiaries' SIRETs (those
 * ending in 00000, and 67895644300011): the file carries more errors than it was written to show.
 */
export const cellErrors: Expected[] = [
  [2, 'idAttribuant', 'french-siret-value', 'error'],
  [2, 'conditionsVersement', 'enum', 'error'], // « unique;échelonné »
  [2, 'pourcentageSubvention', 'maximum', 'error'], // 100
  [3, 'idAttribuant', 'french-siret-value', 'error'],
  [3, 'pourcentageSubvention', 'maximum', 'error'], // 80
  [4, 'idAttribuant', 'french-siret-value', 'error'],
  [4, 'pourcentageSubvention', 'maximum', 'error'], // 80
  [5, 'idAttribuant', 'french-siret-value', 'error'],
  [5, 'dateConvention', 'type-error', 'error'], // 05/12/2016
  [5, 'idBeneficiaire', 'french-siret-value', 'error'],
  [5, 'rnaBeneficiaire', 'pattern', 'error'], // W3222
  [6, 'idAttribuant', 'french-siret-value', 'error'],
  [6, 'idBeneficiaire', 'french-siret-value', 'error'], // 32402138500000.0
  [6, 'montant', 'type-error', 'error'], // 100000,1
  [6, 'notificationUE', 'enum', 'error'], // no
  [7, 'idAttribuant', 'pattern', 'error'], // 218601946
  [8, 'idAttribuant', 'french-siret-value', 'error'],
  [8, 'idBeneficiaire', 'french-siret-value', 'error'], // 67895644300011
  [8, 'datesPeriodeVersement', 'pattern', 'warning'], // 2017-06-27_2018-06-27, read as a period
  [8, 'notificationUE', 'enum', 'error'], // yes
  [9, 'idAttribuant', 'french-siret-value', 'error'],
  [9, 'idBeneficiaire', 'one-of-required', 'error'], // neither SIRET nor RNA
  [9, 'pourcentageSubvention', 'type-error', 'error'], // 0,5
  [10, 'idAttribuant', 'french-siret-value', 'error'],
  [10, 'idBeneficiaire', 'french-siret-value', 'error'],
  [11, 'idAttribuant', 'french-siret-value', 'error'],
  [11, 'idBeneficiaire', 'french-siret-value', 'error'],
  [12, 'idAttribuant', 'french-siret-value', 'error'],
  [12, 'rnaBeneficiaire', 'pattern', 'error'], // W12455
  [13, 'idAttribuant', 'french-siret-value', 'error'],
  [13, 'idBeneficiaire', 'french-siret-value', 'error'],
  [14, 'idAttribuant', 'french-siret-value', 'error'],
  [14, 'idBeneficiaire', 'french-siret-value', 'error'],
  [15, 'idAttribuant', 'french-siret-value', 'error'],
  [15, 'idBeneficiaire', 'french-siret-value', 'error'],
  [16, 'idAttribuant', 'french-siret-value', 'error'],
  [16, 'idBeneficiaire', 'french-siret-value', 'error'],
  [16, 'nature', 'enum', 'error'], // « aide en numéraire,aide en nature »
  [17, 'idAttribuant', 'french-siret-value', 'error'],
  [17, 'idBeneficiaire', 'french-siret-value', 'error'],
  [18, 'idAttribuant', 'french-siret-value', 'error'],
  [18, 'idBeneficiaire', 'french-siret-value', 'error'],
  [19, 'idAttribuant', 'french-siret-value', 'error'],
  [20, 'idAttribuant', 'french-siret-value', 'error'],
  [20, 'idBeneficiaire', 'french-siret-value', 'error'],
  [21, 'idAttribuant', 'french-siret-value', 'error'],
  [21, 'idBeneficiaire', 'french-siret-value', 'error'],
  [22, 'idAttribuant', 'french-siret-value', 'error'],
  [22, 'idBeneficiaire', 'french-siret-value', 'error'],
  [23, 'idAttribuant', 'french-siret-value', 'error'],
  [24, 'idAttribuant', 'french-siret-value', 'error'],
  [24, 'idBeneficiaire', 'french-siret-value', 'error'],
  [25, 'idAttribuant', 'french-siret-value', 'error'],
  [25, 'idBeneficiaire', 'french-siret-value', 'error'],
  [26, 'idAttribuant', 'french-siret-value', 'error'],
  [26, 'idBeneficiaire', 'french-siret-value', 'error'],
  [27, 'idAttribuant', 'french-siret-value', 'error'],
  [27, 'idBeneficiaire', 'french-siret-value', 'error'],
  [28, 'idAttribuant', 'french-siret-value', 'error'],
  [28, 'idBeneficiaire', 'french-siret-value', 'error'],
  [29, 'idAttribuant', 'french-siret-value', 'error'],
  [30, 'idAttribuant', 'french-siret-value', 'error'],
  [30, 'idBeneficiaire', 'french-siret-value', 'error'],
  [30, 'rnaBeneficiaire', 'pattern', 'error'], // W1234567
];

/** The lines of the agglomeration of Sicoval (the others are the commune of Roques's). */
const sicoval = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 29, 31, 32, 33, 34, 35, 36, 44, 45, 46, 56, 57, 58, 59, 64];
sicoval.push(65, 68, 69, 70);
/** The lines whose payment conditions are left blank. */
const noConditions = [22, 37, 50, 56];
const lines = Array.from({ length: 69 }, (_, i) => i + 2);
/** Haute-Garonne's findings: the commune of Roques and the agglomeration of Sicoval write their grants differently. */
export const hauteGaronneFindings: Expected[] = [
  ...fillableColumnsMissing,
  // « Aide en numéraire » on every line, « Unique » or « Echelonné » where the conditions are given.
  ...lines.map((l): Expected => [l, 'nature', 'enum', 'warning']),
  ...lines.map(
    (l): Expected => [l, 'conditionsVersement', noConditions.includes(l) ? 'missing-cell' : 'enum', 'warning'],
  ),
  // The commune writes its periods `2017-01-01_2017-12-31`; the agglomeration gives none.
  ...lines.map(
    (l): Expected => [
      l,
      'datesPeriodeVersement',
      sicoval.includes(l) ? 'missing-cell' : 'pattern',
      sicoval.includes(l) ? 'error' : 'warning',
    ],
  ),
  // A line naming no beneficiary at all.
  [35, 'nomBeneficiaire', 'missing-cell', 'error'],
  [35, 'idBeneficiaire', 'one-of-required', 'error'],
];
