// The real SCDL files the tests read — the schema's own examples (valid, invalid by cells, invalid by columns) and
// Haute-Garonne's 2017 grants, as published — and the findings each carries, written out by hand after reading every
// cell, compared as a whole with what the validator (validate.test.ts) and the import (routes.test.ts) report: the set
// of (line, column, schema code, outcome) of each file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScdlSeverity } from '../vocabulary.js';
import { findingOutcome, type ScdlOutcome } from './outcome.js';

export type ScdlFixture =
  | 'exemple_valide.csv'
  | 'exemple_invalide_erreurs_cellules.csv'
  | 'exemple_invalide_erreurs_colonnes.csv'
  | 'haute-garonne-2017.csv';

export const scdlFixture = (name: ScdlFixture) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

export type Expected = [line: number | null, column: string | null, code: string, outcome: ScdlOutcome];

export const key = ([line, column, code, outcome]: Expected) =>
  `${String(line).padStart(4, '0')} ${column} ${code} ${outcome}`;
/** Findings of the validator or of a stored report, as the keys of their (line, column, code, outcome). */
export const found = (
  findings: { line: number | null; column: string | null; code: string; severity: ScdlSeverity }[],
) => findings.map((f) => key([f.line, f.column, f.code, findingOutcome(f)])).sort((a, b) => a.localeCompare(b));
export const expected = (list: Expected[]) => list.map(key).sort((a, b) => a.localeCompare(b));

/** The two required columns SCDL's examples lack, both with a truthful default: deviations of structure. */
export const fillableColumnsMissing: Expected[] = [
  [1, 'idServiceInstructeur', 'missing-label', 'structure'],
  [1, 'descriptionConditionsVersement', 'missing-label', 'structure'],
];

/**
 * The cell errors of exemple_invalide_erreurs_cellules.csv, line by line. Its attributor's SIRET 21860194600000 has a
 * wrong Luhn key on every line (line 7 writes a SIREN instead), and so do 20 of the beneficiaries' SIRETs (those
 * ending in 00000, and 67895644300011): the file carries more errors than it was written to show. Every line has an
 * error, so every finding refuses its line, line 8's period written `2017-06-27_2018-06-27` too.
 */
export const cellErrors: Expected[] = [
  [2, 'idAttribuant', 'french-siret-value', 'refused'],
  [2, 'conditionsVersement', 'enum', 'refused'], // « unique;échelonné »
  [2, 'pourcentageSubvention', 'maximum', 'refused'], // 100
  [3, 'idAttribuant', 'french-siret-value', 'refused'],
  [3, 'pourcentageSubvention', 'maximum', 'refused'], // 80
  [4, 'idAttribuant', 'french-siret-value', 'refused'],
  [4, 'pourcentageSubvention', 'maximum', 'refused'], // 80
  [5, 'idAttribuant', 'french-siret-value', 'refused'],
  [5, 'dateConvention', 'type-error', 'refused'], // 05/12/2016
  [5, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [5, 'rnaBeneficiaire', 'pattern', 'refused'], // W3222
  [6, 'idAttribuant', 'french-siret-value', 'refused'],
  [6, 'idBeneficiaire', 'french-siret-value', 'refused'], // 32402138500000.0
  [6, 'montant', 'type-error', 'refused'], // 100000,1
  [6, 'notificationUE', 'enum', 'refused'], // no
  [7, 'idAttribuant', 'pattern', 'refused'], // 218601946
  [8, 'idAttribuant', 'french-siret-value', 'refused'],
  [8, 'idBeneficiaire', 'french-siret-value', 'refused'], // 67895644300011
  [8, 'datesPeriodeVersement', 'pattern', 'refused'], // 2017-06-27_2018-06-27: the schema wants a `/`
  [8, 'notificationUE', 'enum', 'refused'], // yes
  [9, 'idAttribuant', 'french-siret-value', 'refused'],
  [9, 'idBeneficiaire', 'one-of-required', 'refused'], // neither SIRET nor RNA
  [9, 'pourcentageSubvention', 'type-error', 'refused'], // 0,5
  [10, 'idAttribuant', 'french-siret-value', 'refused'],
  [10, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [11, 'idAttribuant', 'french-siret-value', 'refused'],
  [11, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [12, 'idAttribuant', 'french-siret-value', 'refused'],
  [12, 'rnaBeneficiaire', 'pattern', 'refused'], // W12455
  [13, 'idAttribuant', 'french-siret-value', 'refused'],
  [13, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [14, 'idAttribuant', 'french-siret-value', 'refused'],
  [14, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [15, 'idAttribuant', 'french-siret-value', 'refused'],
  [15, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [16, 'idAttribuant', 'french-siret-value', 'refused'],
  [16, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [16, 'nature', 'enum', 'refused'], // « aide en numéraire,aide en nature »
  [17, 'idAttribuant', 'french-siret-value', 'refused'],
  [17, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [18, 'idAttribuant', 'french-siret-value', 'refused'],
  [18, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [19, 'idAttribuant', 'french-siret-value', 'refused'],
  [20, 'idAttribuant', 'french-siret-value', 'refused'],
  [20, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [21, 'idAttribuant', 'french-siret-value', 'refused'],
  [21, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [22, 'idAttribuant', 'french-siret-value', 'refused'],
  [22, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [23, 'idAttribuant', 'french-siret-value', 'refused'],
  [24, 'idAttribuant', 'french-siret-value', 'refused'],
  [24, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [25, 'idAttribuant', 'french-siret-value', 'refused'],
  [25, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [26, 'idAttribuant', 'french-siret-value', 'refused'],
  [26, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [27, 'idAttribuant', 'french-siret-value', 'refused'],
  [27, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [28, 'idAttribuant', 'french-siret-value', 'refused'],
  [28, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [29, 'idAttribuant', 'french-siret-value', 'refused'],
  [30, 'idAttribuant', 'french-siret-value', 'refused'],
  [30, 'idBeneficiaire', 'french-siret-value', 'refused'],
  [30, 'rnaBeneficiaire', 'pattern', 'refused'], // W1234567
];

/** The lines of the agglomeration of Sicoval (the others are the commune of Roques's). */
const sicoval = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 29, 31, 32, 33, 34, 35, 36, 44, 45, 46, 56, 57, 58, 59, 64];
sicoval.push(65, 68, 69, 70);
/** The lines whose payment conditions are left blank. */
const noConditions = [22, 37, 50, 56];
const lines = Array.from({ length: 69 }, (_, i) => i + 2);
/** The line naming no beneficiary at all: refused, and so every finding on it. */
const noBeneficiary = 35;
const imported = (line: number, outcome: ScdlOutcome): ScdlOutcome => (line === noBeneficiary ? 'refused' : outcome);
/**
 * Haute-Garonne's findings: the commune of Roques and the agglomeration of Sicoval write their grants differently.
 * Every line but one is imported: 40 repaired, 28 of Sicoval's incomplete (no payment period).
 */
export const hauteGaronneFindings: Expected[] = [
  ...fillableColumnsMissing,
  // « Aide en numéraire » on every line, « Unique » or « Echelonné » where the conditions are given.
  ...lines.map((l): Expected => [l, 'nature', 'enum', imported(l, 'repaired')]),
  ...lines.map(
    (l): Expected => [
      l,
      'conditionsVersement',
      noConditions.includes(l) ? 'missing-cell' : 'enum',
      imported(l, 'repaired'),
    ],
  ),
  // The commune writes its periods `2017-01-01_2017-12-31`; the agglomeration gives none.
  ...lines.map(
    (l): Expected =>
      sicoval.includes(l)
        ? [l, 'datesPeriodeVersement', 'missing-cell', imported(l, 'incomplete')]
        : [l, 'datesPeriodeVersement', 'pattern', imported(l, 'repaired')],
  ),
  [noBeneficiary, 'nomBeneficiaire', 'missing-cell', 'refused'],
  [noBeneficiary, 'idBeneficiaire', 'one-of-required', 'refused'],
];
