import fs from 'node:fs';
import type { AppContext } from '../../app.js';
import { contentDisposition } from '../../http/download.js';
import { type App, registerRoute } from '../../http/route.js';
import { openDataRoutes as c } from './contract.js';
import { csvFileName, schemaFile } from './datasets.js';
import { openDataCsv } from './export.js';

/** The open data files, for anyone: each dataset's CSV (streamed) and its Table Schema (the stored file itself). */
export function registerOpenDataRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const routes = [
    { dataset: 'actors', csv: c.actorsCsv, schema: c.actorsSchema },
    { dataset: 'partnerships', csv: c.partnershipsCsv, schema: c.partnershipsSchema },
  ] as const;
  for (const { dataset, csv, schema } of routes) {
    registerRoute(app, csv, async ({ reply }) =>
      // A stream is sent as it comes, past the response schema's serializer.
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(csvFileName(dataset, new Date())))
        .send(openDataCsv(db, dataset)),
    );
    registerRoute(app, schema, async ({ reply }) =>
      reply.type('application/json; charset=utf-8').send(fs.createReadStream(schemaFile(dataset))),
    );
  }
}
