// The validator on SCDL's own examples and on a real authority's file, each finding written out by hand after reading
// every cell of the files, then compared with the validator's output as a whole; then one small file per finding code.
import { describe, expect, it } from 'vitest';
import { cellErrors, expected, fillableColumnsMissing, found, hauteGaronneFindings, scdlFixture } from './fixtures.js';
import { checkedSchema, scdlSchema, type TableSchema } from './table-schema.js';
import { validateFile } from './validate.js';

describe('SCDL validation of the real files', () => {
  const schema = scdlSchema();

  it('accepts the schema’s valid example: every line, with only its deviations of structure', () => {
    const v = validateFile(schema, scdlFixture('exemple_valide.csv'));
    expect(found(v.findings)).toEqual(
      expected([...fillableColumnsMissing, [1, 'dispositifAide', 'extra-label', 'structure']]),
    );
    expect([v.delimiter, v.encoding, v.rows, v.accepted.length]).toEqual([',', 'utf-8', 29, 29]);
    const first = v.accepted[0];
    expect(first?.line).toBe(2);
    expect(Object.keys(first?.record ?? {})).toEqual(schema.fields.map((f) => f.name));
    expect(first?.record).toMatchObject({
      nomBeneficiaire: 'CEA DU PERSONNEL DE LA VILLE D\u2019ANTIBES JUAN-LES-PINS'.replace('\u2019', "'"),
      idServiceInstructeur: 'Non renseigné',
      descriptionConditionsVersement: 'Non renseigné',
      montant: '99786.57',
      pourcentageSubvention: '0.05',
      idSubvention: '',
    });
  });

  it('reports exactly the errors of the « cellules » example, and imports none of its lines', () => {
    const v = validateFile(schema, scdlFixture('exemple_invalide_erreurs_cellules.csv'));
    expect(found(v.findings)).toEqual(expected([...fillableColumnsMissing, ...cellErrors]));
    expect([v.rows, v.accepted.length]).toEqual([29, 0]);
    const value = (line: number, column: string) =>
      v.findings.find((f) => f.line === line && f.column === column)?.value;
    expect([
      value(5, 'dateConvention'),
      value(6, 'montant'),
      value(7, 'idAttribuant'),
      value(9, 'idBeneficiaire'),
    ]).toEqual(['05/12/2016', '100000,1', '218601946', null]);
  });

  it('reports the « colonnes » example’s renamed column as an error for the whole file, swapped ones being matched by name', () => {
    const v = validateFile(schema, scdlFixture('exemple_invalide_erreurs_colonnes.csv'));
    // idAttribuant and nomAttribuant are swapped, data included: matched by name, nothing to report. NOM_Beneficiaire
    // is unknown, and nomBeneficiaire, required with no default, is missing: no line can be imported. The cells are
    // those of the « cellules » example (line 6's amount written « 100000,10 », line 27's SIRET another bad one).
    expect(found(v.findings)).toEqual(
      expected([
        ...fillableColumnsMissing,
        [1, 'NOM_Beneficiaire', 'extra-label', 'structure'],
        [1, 'nomBeneficiaire', 'missing-label', 'refused'],
        ...cellErrors,
      ]),
    );
    expect([v.rows, v.accepted.length]).toEqual([29, 0]);
  });

  it('imports Haute-Garonne’s file with its deviations reported, refusing only the line that names no beneficiary', () => {
    const v = validateFile(schema, scdlFixture('haute-garonne-2017.csv'));
    expect(found(v.findings)).toEqual(expected(hauteGaronneFindings));
    expect([v.delimiter, v.rows, v.accepted.length]).toEqual([';', 69, 68]);
    expect(v.accepted.some((a) => a.line === 35)).toBe(false);
    // Sicoval's grants come in without a payment period: left empty, never invented.
    expect(v.accepted.find((a) => a.line === 11)?.record.datesPeriodeVersement).toBe('');
    const roques = v.accepted.find((a) => a.line === 2)?.record;
    expect(roques).toMatchObject({
      nature: 'aide en numéraire',
      conditionsVersement: 'unique',
      datesPeriodeVersement: '2017-01-01/2017-12-31',
      montant: '2400',
      pourcentageSubvention: '1',
      rnaBeneficiaire: '',
    });
    expect(v.accepted.find((a) => a.line === 22)?.record).toMatchObject({
      conditionsVersement: 'autre',
      descriptionConditionsVersement: 'Non renseigné',
    });
    expect(v.accepted.find((a) => a.line === 6)?.record.conditionsVersement).toBe('échelonné');
  });
});

/** A small schema with one field of each type and constraint, to produce each finding on its own. */
const testSchema = checkedSchema({
  fields: [
    { name: 'id', type: 'string', constraints: { required: true, pattern: '^\\d{14}$' } },
    { name: 'name', type: 'string', constraints: { required: true, maxLength: 5 } },
    { name: 'count', type: 'integer', constraints: { minimum: 1, maximum: 10 } },
    { name: 'share', type: 'number', constraints: { minimum: 0.01, maximum: 1 } },
    { name: 'day', type: 'date' },
    { name: 'flag', type: 'boolean' },
    { name: 'kind', type: 'string', constraints: { enum: ['échelonné', 'unique'] } },
    { name: 'rna', type: 'string' },
  ],
  custom_checks: [
    { name: 'french-siret-value', params: { column: 'id' } },
    { name: 'one-of-required', params: { column1: 'id', column2: 'rna' } },
  ],
} satisfies TableSchema);

const header = 'id,name,count,share,day,flag,kind,rna';
const validLine = '73282932000074,Abc,3,0.5,2024-02-29,true,unique,';
const check = (text: string) => validateFile(testSchema, Buffer.from(text));
const findingsOf = (text: string) => check(text).findings.map((f) => [f.line, f.column, f.code, f.severity, f.value]);

describe('each finding code', () => {
  it('accepts a valid line and normalises its values', () => {
    const v = check(`${header}\n73282932000074,Abc,+03,1.50e-1,2024-02-29,1,Unique,\n`);
    expect(v.accepted[0]?.record).toEqual({
      id: '73282932000074',
      name: 'Abc',
      count: '3',
      share: '0.15',
      day: '2024-02-29',
      flag: 'true',
      kind: 'unique',
      rna: '',
    });
    expect(findingsOf(`${header}\n73282932000074,Abc,+03,1.50e-1,2024-02-29,1,Unique,`)).toEqual([
      [2, 'kind', 'enum', 'warning', 'Unique'],
    ]);
  });

  const cases: [string, string, (string | number | null)[]][] = [
    ['type-error (integer)', '73282932000074,Abc,3.5,0.5,,,,', [2, 'count', 'type-error', 'error', '3.5']],
    ['type-error (number)', '73282932000074,Abc,3,"0,5",,,,', [2, 'share', 'type-error', 'error', '0,5']],
    ['type-error (date)', '73282932000074,Abc,3,0.5,2023-02-29,,,', [2, 'day', 'type-error', 'error', '2023-02-29']],
    ['type-error (boolean)', '73282932000074,Abc,3,0.5,,oui,,', [2, 'flag', 'type-error', 'error', 'oui']],
    ['pattern', '7328293200007,Abc,3,0.5,,,,', [2, 'id', 'pattern', 'error', '7328293200007']],
    ['enum', '73282932000074,Abc,3,0.5,,,uniques,', [2, 'kind', 'enum', 'error', 'uniques']],
    ['minimum', '73282932000074,Abc,0,0.5,,,,', [2, 'count', 'minimum', 'error', '0']],
    ['maximum', '73282932000074,Abc,3,1.01,,,,', [2, 'share', 'maximum', 'error', '1.01']],
    ['max-length', '73282932000074,Abcdéf,3,0.5,,,,', [2, 'name', 'max-length', 'error', 'Abcdéf']],
    ['missing-cell', '73282932000074,,3,0.5,,,,', [2, 'name', 'missing-cell', 'error', null]],
    ['french-siret-value', '73282932000075,Abc,3,0.5,,,,', [2, 'id', 'french-siret-value', 'error', '73282932000075']],
    ['extra-cell', `${validLine},x,y`, [2, null, 'extra-cell', 'error', 'x | y']],
    ['blank-row', ',,,,,,,', [2, null, 'blank-row', 'warning', null]],
  ];
  it.each(cases)('%s', (_code, line, finding) => {
    expect(findingsOf(`${header}\n${line}\n`)).toEqual([finding]);
  });

  it('makes every finding of a refused line an error: nothing of it is repaired on import', () => {
    expect(findingsOf(`${header}\n7328293200007,Abc,3,0.5,,,Unique,\n`)).toEqual([
      [2, 'id', 'pattern', 'error', '7328293200007'],
      [2, 'kind', 'enum', 'error', 'Unique'],
    ]);
  });

  it('one-of-required, on the check’s first column', () => {
    const text = 'name,rna\nAbc,\nAbd,W133000123\n';
    const only = validateFile(
      checkedSchema({ ...testSchema, fields: testSchema.fields.filter((f) => ['name', 'rna'].includes(f.name)) }),
      Buffer.from(text),
    );
    expect(only.findings.map((f) => [f.line, f.column, f.code])).toEqual([[2, 'id', 'one-of-required']]);
    expect(only.accepted.map((a) => a.line)).toEqual([3]);
  });

  it('missing-cell for each column a short line lacks', () => {
    expect(findingsOf(`${header}\n73282932000074,Abc,3,0.5,,\n`)).toEqual([
      [2, 'kind', 'missing-cell', 'error', null],
      [2, 'rna', 'missing-cell', 'error', null],
    ]);
  });

  it('header findings: extra, blank, duplicate and missing labels', () => {
    expect(findingsOf(`name,id,other,,other,name\nAbc,73282932000074,a,b,c,Abd\n`)).toEqual([
      [1, 'other', 'extra-label', 'warning', null],
      [1, null, 'blank-label', 'warning', '4'],
      [1, 'other', 'duplicate-label', 'warning', null],
      [1, 'name', 'duplicate-label', 'error', null],
    ]);
    expect(check('name,id\nAbc,73282932000074\n').accepted).toHaveLength(1);
    const missing = check('id\n73282932000074\n');
    expect([missing.findings.map((f) => [f.column, f.code, f.severity]), missing.accepted]).toEqual([
      [['name', 'missing-label', 'error']],
      [],
    ]);
  });

  it('source-error for a quote left open', () => {
    expect(findingsOf(`${header}\n"73282932000074,Abc\n`).map((f) => [f[2], f[3]])).toEqual([
      ['source-error', 'error'],
    ]);
  });

  it('reads `;`, a byte order mark, windows-1252 and line breaks inside quotes, numbering lines as a spreadsheet', () => {
    const text = `id;name;kind\r\n\r\n73282932000074;"A\r\nb";Echelonné\r\n73282932000074;Abc;x\r\n`;
    const latin = Buffer.from(text, 'latin1');
    const v = validateFile(testSchema, latin);
    expect([v.delimiter, v.encoding]).toEqual([';', 'windows-1252']);
    expect(v.findings.map((f) => [f.line, f.column, f.code, f.value])).toEqual([
      [3, 'kind', 'enum', 'Echelonné'],
      [5, 'kind', 'enum', 'x'],
    ]);
    expect(v.accepted[0]?.record.kind).toBe('échelonné');
    const bom = validateFile(testSchema, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect([bom.encoding, bom.findings.map((f) => f.line)]).toEqual(['utf-8', [3, 5]]);
  });

  it('refuses a schema it would misread', () => {
    expect(() => checkedSchema({ fields: [{ name: 'x', type: 'geopoint' as 'string' }] })).toThrow(/geopoint/);
  });
});
