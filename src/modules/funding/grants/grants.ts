// The grants imported from SCDL files: a page of them with their count and total amount, and their export in the
// SCDL « subventions » format itself — every field of the schema as a column in the schema's order, comma-separated
// UTF-8, each cell the record's normalised text, which passes the schema (validate.ts normalised it on import).
// A grant imported incomplete (a required value left empty, see outcome.ts) would not: the export leaves it out and
// says how many it left out, the list says how many there are and which values they miss.
import { stringify } from 'csv-stringify/sync';
import { and, asc, count, desc, eq, not, type SQL, sql, sum } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { CurrentUser } from '../../accounts/service.js';
import { requireFundingReader } from '../applications/access.js';
import type { ScdlGrantView } from './contract.js';
import { scdlGrants } from './schema.js';
import { scdlSchema } from './table-schema.js';

export interface GrantFilters {
  attributor?: string | undefined;
  beneficiaryActorId?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

/** The budget year, or the convention's year when the file gave none. */
const grantYear = sql<number>`coalesce(${scdlGrants.budgetYear}, extract(year from ${scdlGrants.conventionOn})::int)`;

/** A text searched in the beneficiary's and the attributor's names and the object, case and accents ignored. */
function textFilter(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  return sql`immutable_unaccent(lower(${scdlGrants.beneficiaryName} || ' ' || ${scdlGrants.attributorName} || ' ' || ${scdlGrants.object})) like immutable_unaccent(lower(${pattern}))`;
}

function whereOf(f: GrantFilters): SQL | undefined {
  const filters: SQL[] = [];
  if (f.attributor) filters.push(eq(scdlGrants.attributorSiret, f.attributor));
  if (f.beneficiaryActorId) filters.push(eq(scdlGrants.beneficiaryActorId, f.beneficiaryActorId));
  if (f.year !== undefined) filters.push(sql`${grantYear} = ${f.year}`);
  if (f.q) filters.push(textFilter(f.q));
  return filters.length ? and(...filters) : undefined;
}

/** A required field of the schema without a value in the grant's record. */
const lacks = (name: string) => sql`coalesce(${scdlGrants.record}->>${name}, '') = ''`;

const requiredFields = () => scdlSchema().fields.filter((f) => f.constraints?.required);

/** A grant whose record misses a required value: what the SCDL export leaves out. */
const incomplete = () =>
  sql`(${sql.join(
    requiredFields().map((f) => lacks(f.name)),
    sql` or `,
  )})`;

/** How many grants (of these filters) miss a required value, and which values, each with its schema title. */
async function incompleteGrants(db: Db, where: SQL | undefined) {
  const fields = requiredFields();
  const [row] = await db
    .select({
      total: sql<number>`count(*) filter (where ${incomplete()})`.mapWith(Number),
      ...Object.fromEntries(
        fields.map((f, i) => [`f${i}`, sql<number>`count(*) filter (where ${lacks(f.name)})`.mapWith(Number)]),
      ),
    })
    .from(scdlGrants)
    .where(where);
  const counts = row as Record<string, number> | undefined;
  return {
    total: counts?.total ?? 0,
    missing: fields
      .map((f, i) => ({ field: f.name, title: f.title ?? f.name, count: counts?.[`f${i}`] ?? 0 }))
      .filter((m) => m.count > 0),
  };
}

const order = [desc(scdlGrants.conventionOn), asc(scdlGrants.attributorName), asc(scdlGrants.beneficiaryName)];

export async function listGrants(
  db: Db,
  by: CurrentUser | null,
  query: GrantFilters & { page: number; pageSize: number },
) {
  requireFundingReader(by);
  const where = whereOf(query);
  const [rows, [totals], attributors, years, incompletes] = await Promise.all([
    db
      .select({
        id: scdlGrants.id,
        attributorName: scdlGrants.attributorName,
        attributorSiret: scdlGrants.attributorSiret,
        attributorActorId: scdlGrants.attributorActorId,
        beneficiaryName: scdlGrants.beneficiaryName,
        beneficiarySiret: scdlGrants.beneficiarySiret,
        beneficiaryRna: scdlGrants.beneficiaryRna,
        beneficiaryActorId: scdlGrants.beneficiaryActorId,
        conventionOn: scdlGrants.conventionOn,
        year: grantYear,
        object: scdlGrants.object,
        amount: scdlGrants.amount,
        importId: scdlGrants.importId,
      })
      .from(scdlGrants)
      .where(where)
      .orderBy(...order, asc(scdlGrants.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count(), amount: sum(scdlGrants.amount) })
      .from(scdlGrants)
      .where(where),
    // The filters' choices: every attributor and year, whatever the other filters.
    db
      .select({
        siret: scdlGrants.attributorSiret,
        name: sql<string>`max(${scdlGrants.attributorName})`,
        count: count(),
      })
      .from(scdlGrants)
      .groupBy(scdlGrants.attributorSiret)
      .orderBy(sql`max(${scdlGrants.attributorName})`),
    db.selectDistinct({ year: grantYear }).from(scdlGrants).orderBy(desc(grantYear)),
    incompleteGrants(db, where),
  ]);
  const items: ScdlGrantView[] = rows.map((r) => ({ ...r, year: Number(r.year) }));
  return {
    items,
    total: totals?.n ?? 0,
    totalAmount: Number(totals?.amount ?? 0),
    attributors,
    years: years.map((y) => Number(y.year)),
    incomplete: incompletes,
  };
}

/** The complete grants in the SCDL format, oldest convention first, and the incomplete ones left out. */
export async function grantsCsv(db: Db, by: CurrentUser | null, filters: GrantFilters) {
  requireFundingReader(by);
  const names = scdlSchema().fields.map((f) => f.name);
  const where = whereOf(filters);
  const [rows, excluded] = await Promise.all([
    db
      .select({ record: scdlGrants.record })
      .from(scdlGrants)
      .where(and(where, not(incomplete())))
      .orderBy(asc(scdlGrants.conventionOn), asc(scdlGrants.attributorSiret), asc(scdlGrants.id)),
    incompleteGrants(db, where),
  ]);
  const csv = stringify([names, ...rows.map((r) => names.map((name) => r.record[name] ?? ''))], {
    delimiter: ',',
    record_delimiter: '\r\n',
  });
  return { csv, excluded };
}
