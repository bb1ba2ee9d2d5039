// The open data files and their Frictionless Table Schemas (assets/open-data/): the schema is the single source of
// each file's columns and their order, and the tests validate each export against it.
import path from 'node:path';
import { readTableSchema, type TableSchema } from '../funding/grants/table-schema.js';

export const datasets = ['actors', 'partnerships'] as const;
export type Dataset = (typeof datasets)[number];

const schemaDir = path.resolve(import.meta.dirname, '../../../assets/open-data');

/** Where a dataset's schema is stored, as served byte for byte. */
export const schemaFile = (dataset: Dataset) => path.join(schemaDir, `${dataset}.schema.json`);

const loaded = new Map<Dataset, TableSchema>();

/** A dataset's schema, read once. */
export function datasetSchema(dataset: Dataset): TableSchema {
  let schema = loaded.get(dataset);
  if (!schema) {
    schema = readTableSchema(schemaFile(dataset));
    loaded.set(dataset, schema);
  }
  return schema;
}

/** The downloaded file's name, dated so that successive downloads do not overwrite each other. */
export const csvFileName = (dataset: Dataset, on: Date) =>
  `alliances-${dataset === 'actors' ? 'acteurs' : 'partenariats'}-${on.toISOString().slice(0, 10)}.csv`;
