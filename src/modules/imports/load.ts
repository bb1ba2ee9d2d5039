// Writes one batch of register organisations into the directory with set-based SQL: the batch goes to the database
// as ONE jsonb parameter, unpacked into a temporary table (jsonb_to_recordset), then a handful of statements match,
// insert and update every row of it at once (UPDATE … FROM, INSERT … SELECT). The cost per batch is a fixed number of
// statements, whatever its size: what a million-row file needs, given the triggers and indexes of `actors` (the
// benchmark against COPY is to come). Runs inside the caller's transaction (runs.ts: one per batch).
//
// How an organisation finds its actor, in order (the `how` column):
//  record      — its own register record (source, register id): an update, field by field (see writeUpdates);
//  skip        — its record has lost its actor (deleted from the directory by staff, schema.ts): a deletion sticks,
//                nothing is written;
//  skip        — no record and no longer active (dissolved, deleted, closed): nothing is created for a dead body;
//  identifier  — an actor with the same RNA, else SIRET, else SIREN (a SIRENE unit naming its RNA association joins
//                the association's actor): merged, filling the actor's empty fields only;
//  review      — an actor with the same normalised name in the same commune, and no conflicting identifier: an
//                uncertain match, queued for an animator (import_match_reviews), nothing created now;
//  create      — a new, unclaimed actor with its register record.
import { type SQL, sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { nameMatchKey } from '../actors/schema.js';
import type { RegisterOrganisation } from './types.js';

/** The actor columns a register fills; `values` of a register record holds the register's last value of each. */
export const registerFields = [
  'name',
  'rna',
  'siren',
  'siret',
  'address',
  'postal_code',
  'commune_code',
  'website',
  'description',
  'themes',
  'company_size',
] as const;
type RegisterField = (typeof registerFields)[number];

/**
 * Serialises the writers of register data (import batches, review decisions) until their transaction ends: two imports
 * running at once would otherwise both create an actor for the same new organisation, and a review decided during a
 * batch could be queued again by it. Batches are short, so waiting is brief.
 */
export const lockRegisterWrites = (tx: Handle) =>
  tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('alliances.register-imports'))`);

/** One row of the batch table, as sent in the jsonb parameter. */
interface BatchRow {
  line: number;
  source: string;
  register_id: string;
  family: string;
  status: string;
  register_updated_at: string | null;
  /** What the register says of each field it fills, plus its own facts (creation date, ESS flag). */
  vals: Record<RegisterField, unknown> & { created_on: string | null; ess: boolean };
}

/** The register's values as stored in `values` (and compared with the actor's: JSON nulls, not missing keys). */
export function registerValues(o: RegisterOrganisation): BatchRow['vals'] {
  return {
    name: o.name,
    rna: o.rna,
    siren: o.siren,
    siret: o.siret,
    address: o.address,
    postal_code: o.postalCode,
    commune_code: o.communeCode,
    website: o.website,
    description: o.description,
    themes: o.themes,
    company_size: o.family === 'company' ? o.companySize : null,
    created_on: o.createdOn,
    ess: o.ess,
  };
}

export const batchRow = (line: number, o: RegisterOrganisation): BatchRow => ({
  line,
  source: o.source,
  register_id: o.registerId,
  family: o.family,
  status: o.status,
  register_updated_at: o.registerUpdatedAt,
  vals: registerValues(o),
});

const columnTypes: Record<RegisterField, string> = {
  name: 'text',
  rna: 'text',
  siren: 'text',
  siret: 'text',
  address: 'text',
  postal_code: 'text',
  commune_code: 'text',
  website: 'text',
  description: 'text',
  themes: 'text[]',
  company_size: 'text',
};

/** The register's new value of a field, typed as the actor's column. */
const incoming = (f: RegisterField): SQL =>
  columnTypes[f] === 'text[]'
    ? sql.raw(`coalesce(array(select jsonb_array_elements_text(b.vals->'${f}')), '{}'::text[])`)
    : sql.raw(`(b.vals->>'${f}')`);

/** A value as jsonb for comparisons with `values` (SQL null as JSON null). */
const asJson = (expr: string) => sql.raw(`coalesce(to_jsonb(${expr}), 'null'::jsonb)`);

/**
 * The batch's table, dropped at commit. Columns the statements fill: `actor_id`, `how`, and for `record` rows the
 * record's previous `values` and status (`prev`, `prev_status`).
 */
export async function createBatchTable(tx: Handle, rows: BatchRow[]): Promise<void> {
  await tx.execute(sql`DROP TABLE IF EXISTS import_batch`);
  await tx.execute(sql`
    CREATE TEMP TABLE import_batch ON COMMIT DROP AS
    SELECT x.line, x.source::register_source AS source, x.register_id, x.family::actor_family AS family,
      x.status::register_status AS status, x.register_updated_at, x.vals,
      NULL::uuid AS actor_id, NULL::text AS how, NULL::jsonb AS prev, NULL::register_status AS prev_status
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(line int, source text, register_id text, family text, status text, register_updated_at text, vals jsonb)`);
}

/** Decides each row's `how` and `actor_id` (see the head of this file). */
export async function matchBatch(tx: Handle): Promise<void> {
  await tx.execute(sql`
    UPDATE import_batch b SET actor_id = r.actor_id, how = CASE WHEN r.actor_id IS NULL THEN 'skip' ELSE 'record' END,
      prev = r.values, prev_status = r.status
    FROM actor_register_records r WHERE r.source = b.source AND r.register_id = b.register_id`);
  await tx.execute(sql`UPDATE import_batch SET how = 'skip' WHERE how IS NULL AND status <> 'active'`);
  // The oldest actor with the same RNA, else SIRET, else SIREN (ordered, so that actors sharing an identifier give the
  // same match at every run). Per-row lookups (subqueries, never turned into a join) in the identifiers' indexes: a
  // join's plan rests on the actors' statistics, which a bulk import outdates (a fresh directory filled by its first
  // import has none), and a hash join then reads the whole table at every batch.
  const lookup = (id: 'rna' | 'siret' | 'siren') =>
    sql`(SELECT a.id FROM actors a WHERE a.${sql.raw(id)} = b.vals->>${id} ORDER BY a.created_at, a.id LIMIT 1)`;
  await tx.execute(sql`
    UPDATE import_batch b SET actor_id = coalesce(${lookup('rna')}, ${lookup('siret')}, ${lookup('siren')})
    WHERE b.how IS NULL`);
  await tx.execute(sql`UPDATE import_batch SET how = 'identifier' WHERE how IS NULL AND actor_id IS NOT NULL`);
  // Different RNA numbers, or different SIRENs, are different organisations whatever their names.
  await tx.execute(sql`
    UPDATE import_batch b SET actor_id = a.id, how = 'review'
    FROM actors a
    WHERE b.how IS NULL AND a.commune_code = b.vals->>'commune_code'
      AND ${nameMatchKey(sql`a.name_key`)} = ${nameMatchKey(sql`immutable_unaccent(lower(b.vals->>'name'))`)}
      AND (a.rna IS NULL OR b.vals->>'rna' IS NULL) AND (a.siren IS NULL OR b.vals->>'siren' IS NULL)`);
  await tx.execute(sql`UPDATE import_batch SET how = 'create', actor_id = gen_random_uuid() WHERE how IS NULL`);
}

const fieldList = sql.raw(registerFields.join(', '));
const incomingList = sql.join(
  registerFields.map((f) => incoming(f)),
  sql`, `,
);

/** An empty actor field: null, '' or an empty array. */
const isEmpty = (f: RegisterField) =>
  sql.raw(columnTypes[f] === 'text[]' ? `cardinality(a.${f}) = 0` : `coalesce(a.${f}, '') = ''`);
/** The register gives the field a value. */
const hasValue = (f: RegisterField) => sql`${asJson(`b.vals->'${f}'`)} NOT IN ('null', '""', '[]')`;
/** The actor still holds the register's previous value: nobody edited the field since the last import. */
const untouched = (f: RegisterField) => sql`${asJson(`a.${f}`)} = ${asJson(`b.prev->'${f}'`)}`;
const changed = (f: RegisterField) => sql`${asJson(`b.vals->'${f}'`)} <> ${asJson(`b.prev->'${f}'`)}`;

/**
 * Which fields of the actor take the register's value: all it gives on creation; the empty ones on a merge (the
 * actor's own data wins); on a known record, those nobody edited since the last import and that the register changed.
 */
const takes = {
  create: hasValue,
  identifier: (f: RegisterField) => sql`(${isEmpty(f)} AND ${hasValue(f)})`,
  record: (f: RegisterField) => sql`(${untouched(f)} AND ${changed(f)})`,
} as const;
type Writing = keyof typeof takes;

/** The field's name in the actor's history and API (camelCase). */
const fieldName = (f: RegisterField) => f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * One actor_history row ('import', by the user who started the run or decided the review) per written actor, with
 * the fields the register sets as [before, after], like the directory's own edits. Runs before the update (after the
 * insert for creations, whose "before" is null).
 */
async function writeHistory(tx: Handle, how: Writing, userId: string | null): Promise<void> {
  const pairs = sql.join(
    registerFields.map(
      (f) =>
        sql`(${fieldName(f)}, ${how === 'create' ? sql`'null'::jsonb` : asJson(`a.${f}`)}, b.vals->${f}, ${takes[how](f)})`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    INSERT INTO actor_history (actor_id, user_id, action, changes)
    SELECT a.id, ${userId}::uuid, 'import', c.changes
    FROM import_batch b JOIN actors a ON a.id = b.actor_id
    CROSS JOIN LATERAL (
      SELECT jsonb_object_agg(f.name, jsonb_build_array(f.before, f.after)) AS changes
      FROM (VALUES ${pairs}) AS f(name, before, after, taken) WHERE f.taken
    ) c
    WHERE b.how = ${how} AND c.changes IS NOT NULL`);
}

/** New unclaimed actors for the `create` rows. */
export async function writeCreations(tx: Handle, userId: string | null): Promise<void> {
  await tx.execute(sql`
    INSERT INTO actors (id, family, ${fieldList})
    SELECT b.actor_id, b.family, ${incomingList} FROM import_batch b WHERE b.how = 'create'`);
  await writeHistory(tx, 'create', userId);
}

/** Merged and known actors: each field written only where `takes` says so; actors with no such field untouched. */
async function writeFields(tx: Handle, how: 'identifier' | 'record', userId: string | null): Promise<void> {
  const sets = sql.join(
    registerFields.map(
      (f) => sql`${sql.raw(f)} = CASE WHEN ${takes[how](f)} THEN ${incoming(f)} ELSE a.${sql.raw(f)} END`,
    ),
    sql`, `,
  );
  const any = sql.join(
    registerFields.map((f) => takes[how](f)),
    sql` OR `,
  );
  await writeHistory(tx, how, userId);
  // One batch row per actor: organisations sharing an identifier go to successive rounds (rounds.ts).
  await tx.execute(sql`
    UPDATE actors a SET ${sets}, updated_at = now()
    FROM import_batch b WHERE b.how = ${how} AND a.id = b.actor_id AND (${any})`);
}

/** Merged rows fill the actor's empty fields only. */
export const writeMerges = (tx: Handle, userId: string | null) => writeFields(tx, 'identifier', userId);

/**
 * Known records: a field is rewritten only while the actor still holds the register's previous value of it, so
 * fields edited on the platform are kept; the record then holds the register's new values and status.
 */
export async function writeUpdates(tx: Handle, runId: string, userId: string | null): Promise<void> {
  await writeFields(tx, 'record', userId);
  await tx.execute(sql`
    UPDATE actor_register_records r SET values = b.vals, status = b.status, imported_at = now(), last_run_id = ${runId}::uuid
    FROM import_batch b
    WHERE b.how = 'record' AND r.source = b.source AND r.register_id = b.register_id
      AND (b.vals <> b.prev OR b.status <> b.prev_status)`);
}

/** The register records of created and merged rows. */
export async function writeRecords(tx: Handle, runId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO actor_register_records (source, register_id, actor_id, status, values, last_run_id)
    SELECT b.source, b.register_id, b.actor_id, b.status, b.vals, ${runId}::uuid
    FROM import_batch b WHERE b.how IN ('create', 'identifier')`);
}

/** Uncertain matches: one pending review per register record, refreshed by later imports. */
export async function writeReviews(tx: Handle, runId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO import_match_reviews (run_id, line, source, register_id, candidate_actor_id, organisation)
    SELECT ${runId}::uuid, b.line, b.source, b.register_id, b.actor_id, jsonb_build_object(
      'source', b.source, 'registerId', b.register_id, 'family', b.family, 'name', b.vals->'name',
      'rna', b.vals->'rna', 'siren', b.vals->'siren', 'siret', b.vals->'siret', 'address', b.vals->'address',
      'postalCode', b.vals->'postal_code', 'communeCode', b.vals->'commune_code', 'website', b.vals->'website',
      'description', b.vals->'description', 'themes', b.vals->'themes', 'createdOn', b.vals->'created_on',
      'status', b.status, 'companySize', b.vals->'company_size', 'ess', b.vals->'ess',
      'registerUpdatedAt', b.register_updated_at)
    FROM import_batch b WHERE b.how = 'review'
    ON CONFLICT (source, register_id) WHERE status = 'pending' DO UPDATE SET run_id = excluded.run_id,
      line = excluded.line, candidate_actor_id = excluded.candidate_actor_id, organisation = excluded.organisation`);
}

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  merged: number;
  queued: number;
}

export async function countBatch(tx: Handle): Promise<BatchCounts> {
  const [row] = await rowsOf<BatchCounts>(
    tx,
    sql`SELECT count(*) FILTER (WHERE how = 'create')::int AS created,
      count(*) FILTER (WHERE how = 'record' AND (vals <> prev OR status <> prev_status))::int AS updated,
      count(*) FILTER (WHERE how = 'record' AND vals = prev AND status = prev_status)::int AS unchanged,
      count(*) FILTER (WHERE how = 'skip')::int AS skipped,
      count(*) FILTER (WHERE how = 'identifier')::int AS merged,
      count(*) FILTER (WHERE how = 'review')::int AS queued
    FROM import_batch`,
  );
  if (!row) throw new Error('batch not counted');
  return row;
}

/** One round: organisations that share no key (see runs.ts), matched and written together. */
export async function loadRound(
  tx: Handle,
  run: { id: string; startedBy: string | null },
  rows: BatchRow[],
): Promise<BatchCounts> {
  const runId = run.id;
  await createBatchTable(tx, rows);
  await matchBatch(tx);
  await writeCreations(tx, run.startedBy);
  await writeMerges(tx, run.startedBy);
  await writeUpdates(tx, runId, run.startedBy);
  await writeRecords(tx, runId);
  await writeReviews(tx, runId);
  const counts = await countBatch(tx);
  await tx.execute(sql`DROP TABLE import_batch`);
  return counts;
}
