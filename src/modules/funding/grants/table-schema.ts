// The SCDL « subventions » Table Schema (Frictionless Table Schema, as published by OpenDataFrance), read at run time
// from assets/scdl/schema-datasubvention.json: the validator and the export take the fields, their order, types and
// constraints from it, so that a new version of the schema is a new file, not new code.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

export interface FieldConstraints {
  required?: boolean;
  pattern?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface SchemaField {
  name: string;
  type: FieldType;
  /** What the field is, in French. */
  title?: string;
  example?: string;
  constraints?: FieldConstraints;
}

/** Validata's checks beyond Table Schema: a column holding SIRETs, two columns of which one at least is filled. */
export type CustomCheck =
  | { name: 'french-siret-value'; params: { column: string } }
  | { name: 'one-of-required'; params: { column1: string; column2: string } };

export interface TableSchema {
  version?: string;
  fields: SchemaField[];
  custom_checks?: CustomCheck[];
}

const supportedTypes = new Set<string>(['string', 'integer', 'number', 'date', 'boolean']);
const supportedChecks = new Set<string>(['french-siret-value', 'one-of-required']);

/** Refuses a schema this validator would silently misread (an unknown type or check). */
export function checkedSchema(schema: TableSchema): TableSchema {
  for (const field of schema.fields) {
    if (!supportedTypes.has(field.type)) throw new Error(`Unsupported field type ${field.type} (${field.name})`);
  }
  for (const check of schema.custom_checks ?? []) {
    if (!supportedChecks.has(check.name)) throw new Error(`Unsupported custom check ${check.name}`);
  }
  return schema;
}

const schemaFile = path.resolve(import.meta.dirname, '../../../../assets/scdl/schema-datasubvention.json');

/** A Table Schema file, checked: the SCDL one here, the open data ones (src/modules/open-data) too. */
export const readTableSchema = (file: string) => checkedSchema(JSON.parse(readFileSync(file, 'utf8')) as TableSchema);

let loaded: TableSchema | null = null;

/** The SCDL « subventions » schema, read once. */
export function scdlSchema(): TableSchema {
  loaded ??= readTableSchema(schemaFile);
  return loaded;
}
