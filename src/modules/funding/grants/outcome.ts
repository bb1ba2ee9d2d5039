// What became of the data a finding is about, shared by server and web. Every finding of a line or a cell is a
// violation of the schema, named by the schema's own code (`pattern`, `enum`, `missing-cell`…); its outcome says
// what the import did about it:
// - `refused`: the line is not imported (stored with severity `error`; every finding of a refused line is);
// - `repaired`: the line is imported with the value normalised the one way a reader can take it (an enum value in
//   other capitals or accents, a period written `…_…`), or with a truthful « not given » the schema allows
//   (fillWhenAbsent);
// - `incomplete`: the line is imported with the required value left empty (importedIncomplete): the grant is real,
//   the missing value is a deviation of its publisher, never invented; the SCDL export leaves such grants out;
// - `structure`: a deviation of the file's columns (unknown, blank, repeated, an absent one a value is given for) or a
//   blank line, about no value.
import { type FieldMessageCode, fieldMessage } from '../../../http/messages.js';
import type { ScdlSeverity } from '../vocabulary.js';
import type { FindingCode } from './validate.js';

export const scdlOutcomes = ['refused', 'repaired', 'incomplete', 'structure'] as const;
export type ScdlOutcome = (typeof scdlOutcomes)[number];

/**
 * Required values that may be absent: what is recorded instead, a truthful « not given » the schema allows. The
 * payment conditions become « autre », whose description then says they were not given.
 */
export const fillWhenAbsent: Readonly<Record<string, string>> = {
  idServiceInstructeur: 'Non renseigné',
  descriptionConditionsVersement: 'Non renseigné',
  conditionsVersement: 'autre',
};

/**
 * Required values a grant is imported without, left empty: they describe the grant's payment, not which grant it is
 * (its parties, date, object and amount). No value could be stated truthfully in their place.
 */
export const importedIncomplete: ReadonlySet<string> = new Set(['datesPeriodeVersement']);

/** The codes of findings about the file's columns or a blank line, not a value. */
export const structureCodes: ReadonlySet<string> = new Set([
  'blank-label',
  'duplicate-label',
  'extra-label',
  'missing-label',
  'blank-row',
]);

export function findingOutcome(finding: { severity: ScdlSeverity; code: string; column: string | null }): ScdlOutcome {
  if (finding.severity === 'error') return 'refused';
  if (structureCodes.has(finding.code)) return 'structure';
  return finding.code === 'missing-cell' && importedIncomplete.has(finding.column ?? '') ? 'incomplete' : 'repaired';
}

const outcomeMessages: Record<ScdlOutcome, FieldMessageCode> = {
  refused: 'scdlOutcomeRefused',
  repaired: 'scdlOutcomeRepaired',
  incomplete: 'scdlOutcomeIncomplete',
  structure: 'scdlOutcomeStructure',
};

/** « Non conforme — ligne refusée »… */
export const outcomeLabel = (outcome: ScdlOutcome, locale: 'fr' | 'en' = 'fr') =>
  fieldMessage(outcomeMessages[outcome], locale);

const codeMessages: Record<FindingCode, FieldMessageCode> = {
  'source-error': 'scdlCodeSourceError',
  'blank-label': 'scdlCodeBlankLabel',
  'duplicate-label': 'scdlCodeDuplicateLabel',
  'extra-label': 'scdlCodeExtraLabel',
  'missing-label': 'scdlCodeMissingLabel',
  'blank-row': 'scdlCodeBlankRow',
  'extra-cell': 'scdlCodeExtraCell',
  'missing-cell': 'scdlCodeMissingCell',
  'type-error': 'scdlCodeTypeError',
  pattern: 'scdlCodePattern',
  enum: 'scdlCodeEnum',
  minimum: 'scdlCodeMinimum',
  maximum: 'scdlCodeMaximum',
  'max-length': 'scdlCodeMaxLength',
  'french-siret-value': 'scdlCodeFrenchSiretValue',
  'one-of-required': 'scdlCodeOneOfRequired',
};

/** A finding code in words (« Format » for `pattern`); a code this version does not know, as it is. */
export const codeLabel = (code: string, locale: 'fr' | 'en' = 'fr') =>
  Object.hasOwn(codeMessages, code) ? fieldMessage(codeMessages[code as FindingCode], locale) : code;
