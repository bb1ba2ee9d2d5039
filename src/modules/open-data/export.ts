// The open data CSV files: public records only, read from the database page by page (keyset on the id) and streamed,
// so that a national directory never sits in memory. Plain UTF-8, comma-separated, RFC 4180, a header row; lists
// joined with `;`, dates ISO; every cell neutralised against spreadsheet formulas.
import { pipeline, Readable } from 'node:stream';
import { type Stringifier, stringify } from 'csv-stringify';
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { neutraliseFormula } from '../../http/list-export.js';
import { actors } from '../actors/schema.js';
import { hiddenFieldsFor } from '../actors/visibility.js';
import { partnersOf } from '../partnerships/queries.js';
import { partnerships } from '../partnerships/schema.js';
import { communes } from '../reference/schema.js';
import { type Dataset, datasetSchema } from './datasets.js';

/** Rows read per query. */
const pageSize = 500;

type Cells = Record<string, string>;

const list = (values: readonly (string | number)[]) => values.join(';');
const isoDate = (at: Date) => at.toISOString().slice(0, 10);

/** Every actor with the fields the directory shows to anonymous visitors (visibility.ts decides the restricted ones). */
async function* actorRecords(db: Db): AsyncGenerator<Cells> {
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({ actor: actors, communeName: communes.name })
      .from(actors)
      .leftJoin(communes, eq(communes.code, actors.communeCode))
      .where(after === null ? undefined : gt(actors.id, after))
      .orderBy(asc(actors.id))
      .limit(pageSize);
    for (const { actor: a, communeName } of rows) {
      const hidden = new Set<string>(hiddenFieldsFor(null, a.id, a.fieldVisibility));
      const shown = (field: 'rna' | 'siren' | 'siret' | 'website', value: string | null) =>
        hidden.has(field) ? '' : (value ?? '');
      yield {
        id: a.id,
        name: a.name,
        family: a.family,
        subtype: a.subtype ?? '',
        companySize: a.companySize ?? '',
        companyStatus: a.companyStatus ?? '',
        rna: shown('rna', a.rna),
        siren: shown('siren', a.siren),
        siret: shown('siret', a.siret),
        postalCode: a.postalCode ?? '',
        communeCode: a.communeCode ?? '',
        communeName: communeName ?? '',
        website: shown('website', a.website),
        description: a.description,
        themes: list(a.themes),
        sdgs: list(a.sdgs),
        contributions: list(a.contributions),
        benefits: list(a.benefits),
        contributionsText: a.contributionsText,
        benefitsText: a.benefitsText,
        updatedOn: isoDate(a.updatedAt),
      };
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.actor.id ?? null;
  }
}

/** The partnerships of the public showcase (every partner consented), with their public fields only. */
async function* partnershipRecords(db: Db): AsyncGenerator<Cells> {
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({
        id: partnerships.id,
        title: partnerships.title,
        summary: partnerships.summary,
        mode: partnerships.mode,
        step: partnerships.currentStep,
        status: partnerships.status,
        themes: partnerships.themes,
        communeCodes: partnerships.communeCodes,
        startsOn: partnerships.startsOn,
        endsOn: partnerships.endsOn,
        publishedAt: partnerships.publishedAt,
      })
      .from(partnerships)
      .where(and(isNotNull(partnerships.publishedAt), after === null ? undefined : gt(partnerships.id, after)))
      .orderBy(asc(partnerships.id))
      .limit(pageSize);
    const partners = await partnersOf(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const of = partners.get(r.id) ?? [];
      yield {
        id: r.id,
        title: r.title,
        summary: r.summary,
        mode: r.mode,
        step: r.step,
        status: r.status,
        partnerNames: list(of.map((p) => p.name)),
        partnerIds: list(of.map((p) => p.actorId)),
        themes: list(r.themes),
        communeCodes: list(r.communeCodes),
        startsOn: r.startsOn ?? '',
        endsOn: r.endsOn ?? '',
        publishedOn: r.publishedAt ? isoDate(r.publishedAt) : '',
      };
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

const records: Record<Dataset, (db: Db) => AsyncGenerator<Cells>> = {
  actors: actorRecords,
  partnerships: partnershipRecords,
};

/** A record's cells in the schema's column order, neutralised. */
async function* rowsOf(dataset: Dataset, db: Db): AsyncGenerator<string[]> {
  const names = datasetSchema(dataset).fields.map((f) => f.name);
  yield names;
  for await (const record of records[dataset](db)) yield names.map((name) => neutraliseFormula(record[name] ?? ''));
}

/** The dataset's CSV, as a stream. */
export function openDataCsv(db: Db, dataset: Dataset): Stringifier {
  const csv = stringify({ delimiter: ',', record_delimiter: '\r\n' });
  // A failed read destroys the CSV stream too, which breaks off the download rather than end it early.
  pipeline(Readable.from(rowsOf(dataset, db)), csv, () => undefined);
  return csv;
}
