import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database, Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { CurrentUser } from '../accounts/service.js';
import { actorHistory, actors } from '../actors/schema.js';
import { deleteActor } from '../actors/service.js';
import { aixScope, association, establishment, itemsFrom, streamOf } from './fixtures.js';
import { type ImportOptions, runImport } from './runs.js';
import { actorRegisterRecords, importRejections, importRuns } from './schema.js';
import type { RegisterItem } from './types.js';

let fileNo = 0;
/** Each call is a different file (its own hash), unless `fileHash` is given. */
const importOf = (db: Db, items: RegisterItem[], overrides: Partial<ImportOptions> = {}) =>
  runImport(db, {
    source: 'rna',
    fileName: 'rna_waldec_test.csv',
    fileHash: `hash-${++fileNo}`,
    fileSize: 1000,
    scope: aixScope,
    items: streamOf(items),
    by: null,
    batchSize: 3,
    ...overrides,
  });

const actorByRna = async (db: Db, rna: string) => {
  const rows = await db.select().from(actors).where(eq(actors.rna, rna));
  expect(rows).toHaveLength(1);
  return rows[0] as typeof actors.$inferSelect;
};
const actorCount = async (db: Db) =>
  (await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM actors`))[0]?.n;

describe('runImport', () => {
  let database: Database;
  let animator: CurrentUser;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    animator = (await signedInAs(db(), 'animator')).user;
  });
  afterAll(() => database.close());

  it('creates unclaimed actors with their register records, and stores rejected lines with their numbers', async () => {
    const items = itemsFrom([
      association(1, { themes: ['solidarity', 'no-such-theme'] }),
      { rejected: 'invalidRna' },
      association(2, { website: 'https://asso2.example.org' }),
      { skipped: 'outOfScope' },
      association(3, { communeCode: '99999' }),
      association(4),
      association(5, { rna: 'W12', registerId: 'W12' }),
      association(6, { website: 'pas une adresse', postalCode: '131' }),
    ]);
    const run = await importOf(db(), items, { by: animator });
    expect(run).toMatchObject({ status: 'done', itemsDone: 8, created: 4, rejected: 3, skipped: 1, updated: 0 });
    expect(run.startedBy).toBe(animator.id);
    const a2 = await actorByRna(db(), 'W130000002');
    expect(a2).toMatchObject({
      family: 'association',
      name: 'Association numéro 2',
      address: '2 rue des Tests',
      postalCode: '13100',
      communeCode: '13001',
      website: 'https://asso2.example.org',
      themes: ['solidarity'],
    });
    expect((await actorByRna(db(), 'W130000001')).themes).toEqual(['solidarity']);
    const [record] = await db().select().from(actorRegisterRecords).where(eq(actorRegisterRecords.actorId, a2.id));
    expect(record).toMatchObject({ source: 'rna', registerId: 'W130000002', status: 'active', claimedAt: null });
    expect(record?.values).toMatchObject({ name: 'Association numéro 2', website: 'https://asso2.example.org' });
    const rejections = await db()
      .select({ line: importRejections.line, reason: importRejections.reason })
      .from(importRejections)
      .where(eq(importRejections.runId, run.id))
      .orderBy(importRejections.line);
    expect(rejections).toEqual([
      { line: 3, reason: 'invalidRna' },
      { line: 6, reason: 'unknownCommune' },
      { line: 8, reason: 'invalidRna' },
    ]);
    // A register's malformed website or postal code is left empty, the organisation loaded all the same.
    expect(await actorByRna(db(), 'W130000006')).toMatchObject({
      website: null,
      postalCode: null,
      address: '6 rue des Tests',
    });
  });

  it('re-importing the same organisations changes nothing and counts them unchanged', async () => {
    const before = await db().select().from(actors).orderBy(actors.id);
    const run = await importOf(
      db(),
      itemsFrom([association(1), association(2, { website: 'https://asso2.example.org' }), association(4)]),
    );
    expect(run).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await db().select().from(actors).orderBy(actors.id)).toEqual(before);
  });

  it('a newer file updates only what changed; a field edited on the platform is kept', async () => {
    const a1 = await actorByRna(db(), 'W130000001');
    const a4 = await actorByRna(db(), 'W130000004');
    // The organisation edits its description on the platform.
    await db().update(actors).set({ description: 'Notre propre présentation' }).where(eq(actors.id, a1.id));
    const run = await importOf(
      db(),
      itemsFrom([
        association(1, { description: 'Nouvel objet', address: '10 boulevard Neuf' }),
        association(2, { website: 'https://asso2.example.org' }),
        association(4, { status: 'dissolved' }),
      ]),
    );
    expect(run).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const after1 = await actorByRna(db(), 'W130000001');
    expect(after1.description).toBe('Notre propre présentation');
    expect(after1.address).toBe('10 boulevard Neuf');
    expect(after1.name).toBe(a1.name);
    const [record1] = await db().select().from(actorRegisterRecords).where(eq(actorRegisterRecords.actorId, a1.id));
    expect(record1?.values.description).toBe('Nouvel objet');
    // The history tells what the import wrote: its creation, then the address only.
    const history = await db()
      .select({ action: actorHistory.action, changes: actorHistory.changes })
      .from(actorHistory)
      .where(eq(actorHistory.actorId, a1.id))
      .orderBy(actorHistory.id);
    expect(history).toEqual([
      {
        action: 'import',
        changes: expect.objectContaining({ name: [null, 'Association numéro 1'], rna: [null, 'W130000001'] }),
      },
      { action: 'import', changes: { address: ['1 rue des Tests', '10 boulevard Neuf'] } },
    ]);
    // A status change is stored on the record; the actor itself is not rewritten.
    const after4 = await actorByRna(db(), 'W130000004');
    expect(after4.updatedAt).toEqual(a4.updatedAt);
    const [record4] = await db().select().from(actorRegisterRecords).where(eq(actorRegisterRecords.actorId, a4.id));
    expect(record4?.status).toBe('dissolved');
  });

  it('does not create actors for organisations that are no longer active', async () => {
    const before = await actorCount(db());
    const run = await importOf(db(), itemsFrom([association(50, { status: 'deleted' })]));
    expect(run).toMatchObject({ created: 0, skipped: 1 });
    expect(await actorCount(db())).toBe(before);
  });

  it('an imported actor deleted by staff stays deleted: later imports skip its organisation', async () => {
    await importOf(db(), itemsFrom([association(800), association(801)]));
    const deletedActor = await actorByRna(db(), 'W130000800');
    await deleteActor(db(), animator, deletedActor.id);
    const run = await importOf(
      db(),
      itemsFrom([
        association(800, { name: 'Association renommée', address: '8 place Neuve' }),
        association(801, { address: '9 place Neuve' }),
        association(802),
      ]),
    );
    expect(run).toMatchObject({ created: 1, updated: 1, skipped: 1, merged: 0, queued: 0 });
    expect(await db().select().from(actors).where(eq(actors.rna, 'W130000800'))).toEqual([]);
    await actorByRna(db(), 'W130000802');
    expect((await actorByRna(db(), 'W130000801')).address).toBe('9 place Neuve');
    // The tombstone is not rewritten: it keeps the values of the last import before the deletion.
    const [tombstone] = await db()
      .select()
      .from(actorRegisterRecords)
      .where(eq(actorRegisterRecords.registerId, 'W130000800'));
    expect(tombstone).toMatchObject({
      actorId: null,
      values: expect.objectContaining({ name: 'Association numéro 800' }),
    });
  });

  it('merges by RNA into an existing actor, filling only its empty fields', async () => {
    const [own] = await db()
      .insert(actors)
      .values({
        family: 'association',
        name: 'Les Amis du Parc',
        rna: 'W130000060',
        communeCode: '13001',
        website: 'https://amis.example.org',
      })
      .returning();
    const run = await importOf(
      db(),
      itemsFrom([association(60, { name: 'AMIS DU PARC (LES)', website: 'https://autre.example.org' })]),
    );
    expect(run).toMatchObject({ created: 0, merged: 1 });
    const merged = await actorByRna(db(), 'W130000060');
    expect(merged.id).toBe(own?.id);
    expect(merged).toMatchObject({
      name: 'Les Amis du Parc',
      website: 'https://amis.example.org',
      address: '60 rue des Tests',
      description: 'Objet de l’association 60',
    });
    // The next file finds it by its register record; a change of a field the register filled goes through.
    const again = await importOf(
      db(),
      itemsFrom([
        association(60, {
          name: 'AMIS DU PARC (LES)',
          address: '61 rue des Tests',
          website: 'https://autre.example.org',
        }),
      ]),
    );
    expect(again).toMatchObject({ merged: 0, updated: 1 });
    expect(await actorByRna(db(), 'W130000060')).toMatchObject({
      address: '61 rue des Tests',
      website: 'https://amis.example.org',
    });
  });

  it('a SIRENE unit naming an RNA association joins its actor; another establishment of the same SIREN too', async () => {
    await importOf(db(), itemsFrom([association(70)]));
    const before = await actorCount(db());
    const run = await importOf(
      db(),
      itemsFrom([
        establishment(70, {
          rna: 'W130000070',
          family: 'association',
          name: 'ASSOCIATION NUMERO 70',
          companySize: null,
        }),
        establishment(70, {
          establishmentNo: 2,
          rna: 'W130000070',
          family: 'association',
          name: 'ASSOCIATION NUMERO 70',
        }),
      ]),
      { source: 'sirene' },
    );
    expect(run).toMatchObject({ created: 0, merged: 2 });
    expect(await actorCount(db())).toBe(before);
    const actor = await actorByRna(db(), 'W130000070');
    const [first, second] = [establishment(70), establishment(70, { establishmentNo: 2 })];
    expect(actor).toMatchObject({ siren: first.siren, siret: first.siret, name: 'Association numéro 70' });
    const records = await db().select().from(actorRegisterRecords).where(eq(actorRegisterRecords.actorId, actor.id));
    expect(records.map((r) => r.registerId).sort()).toEqual([first.siret, second.siret, 'W130000070'].sort());
  });

  it('merges by SIRET into an existing company', async () => {
    const [own] = await db()
      .insert(actors)
      .values({ family: 'company', name: 'Ma Boîte', siret: establishment(80).siret, communeCode: '13001' })
      .returning();
    const run = await importOf(db(), itemsFrom([establishment(80)]), { source: 'sirene' });
    expect(run).toMatchObject({ created: 0, merged: 1 });
    const [actor] = await db()
      .select()
      .from(actors)
      .where(eq(actors.siret, establishment(80).siret ?? ''));
    expect(actor).toMatchObject({ id: own?.id, name: 'Ma Boîte', siren: establishment(80).siren, companySize: 'TPE' });
  });

  it('keeps different RNA numbers apart even under the same name', async () => {
    const run = await importOf(
      db(),
      itemsFrom([association(90, { name: 'Comité des fêtes' }), association(91, { name: 'Comite des Fetes' })]),
    );
    expect(run).toMatchObject({ created: 2, queued: 0 });
  });

  it('two imports at once never create the same organisation twice (their batches take turns)', async () => {
    const before = await actorCount(db());
    const organisations = Array.from({ length: 12 }, (_, i) => association(200 + i));
    const runs = await Promise.all([
      importOf(db(), itemsFrom(organisations)),
      importOf(db(), itemsFrom(organisations)),
    ]);
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(12);
    expect(runs.reduce((n, r) => n + r.unchanged, 0)).toBe(12);
    expect(await actorCount(db())).toBe((before ?? 0) + 12);
  });

  it('ends a batch after its lines to write, or after 50 000 items when they are only skipped', async () => {
    const skipped = Array.from({ length: 100_000 }, () => ({ skipped: 'outOfScope' as const }));
    const items = itemsFrom([association(300), { rejected: 'invalidRna' }, ...skipped, association(301)]);
    const committed: number[] = [];
    const run = await importOf(db(), items, { batchSize: 2, onProgress: (r) => committed.push(r.itemsDone) });
    expect(committed).toEqual([2, 50_002, 100_002, 100_003]);
    expect(run).toMatchObject({ status: 'done', itemsDone: 100_003, created: 2, rejected: 1, skipped: 100_000 });
  });

  it('records the run as failed when the stream breaks, with the committed batches kept', async () => {
    async function* broken() {
      yield* streamOf(itemsFrom([association(100), association(101), association(102), association(103)]));
      throw new Error('disk read error');
    }
    await expect(importOf(db(), [], { items: broken(), fileHash: 'broken' })).rejects.toThrow('disk read error');
    const [run] = await db().select().from(importRuns).where(eq(importRuns.fileHash, 'broken'));
    expect(run).toMatchObject({ status: 'failed', error: 'disk read error', itemsDone: 3, created: 3 });
  });

  it('merges into the oldest of the actors sharing an RNA, whatever their order on disk', async () => {
    // The newer actor comes first by insertion and by id: only the creation date picks the older one.
    await db()
      .insert(actors)
      .values([
        {
          id: '00000000-0000-4000-8000-000000000001',
          family: 'association',
          name: 'Doublon récent',
          rna: 'W130000500',
          communeCode: '13001',
          createdAt: new Date('2024-01-01T00:00:00Z'),
        },
        {
          id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
          family: 'association',
          name: 'Doublon ancien',
          rna: 'W130000500',
          communeCode: '13001',
          createdAt: new Date('2020-01-01T00:00:00Z'),
        },
      ]);
    const run = await importOf(db(), itemsFrom([association(500)]));
    expect(run).toMatchObject({ created: 0, merged: 1 });
    const [record] = await db()
      .select({ actorId: actorRegisterRecords.actorId })
      .from(actorRegisterRecords)
      .where(eq(actorRegisterRecords.registerId, 'W130000500'));
    expect(record?.actorId).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('sends a same-name pair to review whatever the batch size, with names only the database finds equal', async () => {
    // œ is no accent: JavaScript's unaccenting keeps it, the database's key (unaccent) spells it "oe".
    const pair = (name: string, other: string, n: number) =>
      itemsFrom([
        association(n, { name, rna: null, registerId: `L${n}` }),
        association(n + 1, { name: other, rna: null, registerId: `L${n + 1}` }),
      ]);
    const oneByOne = await importOf(db(), pair('Cœur de ville', 'Coeur de ville', 600), { batchSize: 1 });
    const together = await importOf(db(), pair('Cœur de quartier', 'Coeur de quartier', 602), { batchSize: 10 });
    expect(oneByOne).toMatchObject({ created: 1, queued: 1 });
    expect(together).toMatchObject({ created: 1, queued: 1 });
  });

  it('records the run as failed when a batch fails to commit while the next is read, and resumes after it', async () => {
    // A real failure of the database: a trigger refusing the 5th organisation (in the 2nd batch of 3).
    await db().execute(sql`
      CREATE FUNCTION test_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'Association numéro 704' THEN RAISE EXCEPTION 'disk full'; END IF;
        RETURN NEW;
      END $$`);
    await db().execute(sql`
      CREATE TRIGGER test_refuse_insert BEFORE INSERT ON actors FOR EACH ROW EXECUTE FUNCTION test_refuse_insert()`);
    const items = itemsFrom(Array.from({ length: 9 }, (_, i) => association(700 + i)));
    let read = 0;
    async function* slow() {
      for (const item of items) {
        // The 3rd batch is read slowly: the 2nd one's transaction fails meanwhile.
        if (++read > 6) await new Promise((resolve) => setTimeout(resolve, 20));
        yield item;
      }
    }
    try {
      await expect(importOf(db(), [], { items: slow(), fileHash: 'refused' })).rejects.toThrow();
    } finally {
      await db().execute(sql`DROP TRIGGER test_refuse_insert ON actors`);
      await db().execute(sql`DROP FUNCTION test_refuse_insert()`);
    }
    const [failed] = await db().select().from(importRuns).where(eq(importRuns.fileHash, 'refused'));
    expect(failed).toMatchObject({ status: 'failed', itemsDone: 3, created: 3 });
    expect(failed?.error).toContain('disk full');
    const resumed = await importOf(db(), items, { fileHash: 'refused' });
    expect(resumed).toMatchObject({ id: failed?.id, status: 'done', error: null, itemsDone: 9, created: 9, merged: 0 });
    const loaded = await rowsOf<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM actors WHERE rna BETWEEN 'W130000700' AND 'W130000708'`,
    );
    expect(loaded[0]?.n).toBe(9);
  });
});
