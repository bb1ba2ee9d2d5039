// Shared by server and web: the open data files (public records as CSV) and their Table Schemas, for anyone.
import { z } from 'zod';
import { defineRoute } from '../../http/contract.js';

const base = '/api/v1/open-data';
const tags = ['open-data'];
const csvFile = z.string().describe('The CSV file (UTF-8, comma-separated, RFC 4180), as an attachment');
const tableSchema = z
  .looseObject({ fields: z.array(z.looseObject({ name: z.string(), type: z.string() })) })
  .describe('A Frictionless Table Schema');

export const openDataRoutes = {
  actorsCsv: defineRoute({
    method: 'GET',
    path: `${base}/actors.csv`,
    summary: 'The directory’s actors with their public fields, as open data',
    tags,
    access: 'public',
    response: csvFile,
  }),
  actorsSchema: defineRoute({
    method: 'GET',
    path: `${base}/actors.schema.json`,
    summary: 'The Table Schema of actors.csv',
    tags,
    access: 'public',
    response: tableSchema,
  }),
  partnershipsCsv: defineRoute({
    method: 'GET',
    path: `${base}/partnerships.csv`,
    summary: 'The published partnerships with their public fields, as open data',
    tags,
    access: 'public',
    response: csvFile,
  }),
  partnershipsSchema: defineRoute({
    method: 'GET',
    path: `${base}/partnerships.schema.json`,
    summary: 'The Table Schema of partnerships.csv',
    tags,
    access: 'public',
    response: tableSchema,
  }),
};
