import fs from 'node:fs';
import path from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import type { ActorFamily } from '../reference/families.js';
import { loadDemoPartnerships } from './demo.js';
import { partnershipDocuments, partnershipEvents, partnerships } from './schema.js';

describe('partnerships demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('loads realistic partnerships of every mode, some published, with agreements a PDF reader can read', async () => {
    const file = path.resolve(import.meta.dirname, '../../../assets/demo/pays-d-aix.json');
    const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as { actors: { name: string; family: ActorFamily }[] };
    const rows = await database.db
      .insert(actors)
      .values(demo.actors.map((a) => ({ name: a.name, family: a.family })))
      .returning({ id: actors.id, name: actors.name });
    const admin = await signedInAs(database.db, 'admin');
    const summary = await loadDemoPartnerships(database.db, {
      system: admin.user,
      actorIds: new Map(rows.map((r) => [r.name, r.id])),
      publicUrl: 'http://localhost:3000',
      users: new Map(),
    });
    expect(summary).toMatch(/demo partnerships/);
    const all = await database.db.select().from(partnerships);
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((p) => p.mode)).size).toBe(4);
    expect(new Set(all.map((p) => p.currentStep)).size).toBeGreaterThanOrEqual(4);
    expect(await database.db.$count(partnerships, isNotNull(partnerships.publishedAt))).toBeGreaterThanOrEqual(3);
    const [agreement] = await database.db
      .select()
      .from(partnershipDocuments)
      .where(eq(partnershipDocuments.kind, 'agreement'))
      .limit(1);
    expect(agreement?.mediaType).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(agreement?.content ?? Buffer.alloc(0)), { mergePages: true });
    expect(text).toContain('Convention de partenariat');

    // The replayed history is spread over time, in order, never in the future.
    const events = await database.db.select().from(partnershipEvents).orderBy(partnershipEvents.id);
    const distinctDays = new Set(events.map((e) => e.at.toISOString().slice(0, 10)));
    expect(distinctDays.size).toBeGreaterThan(10);
    expect(events.every((e) => e.at.getTime() <= Date.now())).toBe(true);
    for (const p of all) {
      const times = events.filter((e) => e.partnershipId === p.id).map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});
