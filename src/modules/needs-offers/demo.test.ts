import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { actors } from '../actors/schema.js';
import { needOfferQuery } from './contract.js';
import { loadDemoNeedOffers } from './demo.js';
import { searchNeedOffers } from './service.js';

const root = path.resolve(import.meta.dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('demo needs and offers', () => {
  let database: Database;
  let summary: string;
  const demoActors = readJson('assets/demo/pays-d-aix.json').actors as { name: string; family: 'company' }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const rows = await database.db
      .insert(actors)
      .values(demoActors.map((a) => ({ name: a.name, family: a.family })))
      .returning({ id: actors.id, name: actors.name });
    const admin = await signedInAs(database.db, 'admin');
    summary = await loadDemoNeedOffers(database.db, {
      system: admin.user,
      actorIds: new Map(rows.map((r) => [r.name, r.id])),
      publicUrl: 'http://localhost:3000',
      users: new Map(),
    });
  });
  afterAll(() => database.close());

  it('loads every need and offer of the file through the service', async () => {
    const count = readJson('assets/demo/needs-offers.json').needsOffers.length;
    expect(summary).toBe(`${count} demo needs and offers`);
    const all = await searchNeedOffers(database.db, needOfferQuery.parse({ allStatuses: 'true', pageSize: 100 }));
    expect(all.total).toBe(count);
    expect(all.facets.status.map((s) => s.value).sort()).toEqual(['fulfilled', 'inDiscussion', 'open']);
  });

  it('holds a company offering premises for rehearsals in Aix-en-Provence, and Le Petit Duc’s rehearsal-room need', async () => {
    const rooms = await searchNeedOffers(
      database.db,
      needOfferQuery.parse({ q: 'salle repetition', kind: 'offer', resource: 'premises', commune: '13001' }),
    );
    expect(rooms.items.map((i) => [i.actor.name, i.actor.family])).toEqual([
      ["GEPA – Groupement des entreprises du Pays d'Aix", 'company'],
    ]);
    const needs = await searchNeedOffers(database.db, needOfferQuery.parse({ q: 'salle repetition', kind: 'need' }));
    expect(needs.items.map((i) => [i.actor.name, i.resources, i.status])).toEqual([
      ['Le Petit Duc', ['premises'], 'open'],
    ]);
  });
});
