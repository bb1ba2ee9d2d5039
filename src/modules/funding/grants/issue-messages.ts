// What a finding of the validation says to the user: a message code of src/http/messages.ts chosen by its code and
// severity (an error refuses, a warning tells what was imported), its placeholders taken from the schema's field.
import type { FieldMessageCode } from '../../../http/messages.js';
import type { ScdlSeverity } from '../vocabulary.js';
import { fillWhenAbsent, importedIncomplete } from './outcome.js';
import type { SchemaField, TableSchema } from './table-schema.js';
import { checkValue } from './validate.js';

export interface StoredFinding {
  severity: ScdlSeverity;
  column: string | null;
  code: string;
  value: string | null;
}

const typeErrors: Record<SchemaField['type'], FieldMessageCode> = {
  string: 'scdlPattern',
  integer: 'scdlTypeErrorInteger',
  number: 'scdlTypeErrorNumber',
  date: 'scdlTypeErrorDate',
  boolean: 'scdlTypeErrorBoolean',
};

const listed = (values: string[]) => values.map((v) => `«\u00a0${v}\u00a0»`).join(', ');

export function issueMessage(
  schema: TableSchema,
  finding: StoredFinding,
): { messageCode: FieldMessageCode; params: Record<string, string | number> } {
  const field = schema.fields.find((f) => f.name === finding.column);
  const c = field?.constraints ?? {};
  const warning = finding.severity === 'warning';
  const fill = { fill: fillWhenAbsent[finding.column ?? ''] ?? '' };
  const incomplete = importedIncomplete.has(finding.column ?? '');
  // A deviation's message says what was imported: the value as the validation normalised it again.
  const fixed = () => ({ fixed: field && finding.value !== null ? (checkValue(field, finding.value).text ?? '') : '' });
  switch (finding.code) {
    case 'source-error':
      return { messageCode: 'scdlSourceError', params: {} };
    case 'blank-label':
      return { messageCode: 'scdlBlankLabel', params: { value: finding.value ?? '' } };
    case 'duplicate-label':
      return { messageCode: warning ? 'scdlDuplicateLabelIgnored' : 'scdlDuplicateLabel', params: {} };
    case 'extra-label':
      return { messageCode: 'scdlExtraLabel', params: {} };
    case 'missing-label':
      if (warning && incomplete) return { messageCode: 'scdlMissingLabelIncomplete', params: {} };
      return warning
        ? { messageCode: 'scdlMissingLabelFilled', params: fill }
        : { messageCode: 'scdlMissingLabel', params: {} };
    case 'blank-row':
      return { messageCode: 'scdlBlankRow', params: {} };
    case 'extra-cell':
      return { messageCode: 'scdlExtraCell', params: {} };
    case 'missing-cell':
      if (warning && incomplete) return { messageCode: 'scdlMissingCellIncomplete', params: {} };
      return warning
        ? { messageCode: 'scdlMissingCellFilled', params: fill }
        : { messageCode: 'scdlMissingCell', params: {} };
    case 'type-error':
      return { messageCode: typeErrors[field?.type ?? 'string'], params: { expected: field?.type ?? '' } };
    case 'pattern':
      return warning
        ? { messageCode: 'scdlPatternRepaired', params: fixed() }
        : { messageCode: 'scdlPattern', params: { expected: exampleOf(field) } };
    case 'enum':
      return warning
        ? { messageCode: 'scdlEnumNormalised', params: fixed() }
        : { messageCode: 'scdlEnum', params: { values: listed(c.enum ?? []) } };
    case 'minimum':
      return { messageCode: 'scdlMinimum', params: { min: c.minimum ?? 0 } };
    case 'maximum':
      return { messageCode: 'scdlMaximum', params: { max: c.maximum ?? 0 } };
    case 'max-length':
      return { messageCode: 'scdlMaxLength', params: { max: c.maxLength ?? 0 } };
    case 'french-siret-value':
      return { messageCode: 'scdlFrenchSiretValue', params: {} };
    default:
      return { messageCode: 'scdlOneOfRequired', params: {} };
  }
}

/** What a pattern expects, as a user reads it: the schema's example when it gives one, else the pattern. */
function exampleOf(field: SchemaField | undefined): string {
  if (!field) return '';
  return field.example ?? field.constraints?.pattern ?? '';
}
