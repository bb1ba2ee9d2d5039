import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../../tests/auth.js';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { type ActorInput, actorInput } from '../actors/contract.js';
import { createActor } from '../actors/service.js';
import { loadDemoProjects } from './demo.js';
import { searchProjects } from './service.js';

type DemoActor = Omit<ActorInput, 'contributions' | 'benefits'> & { contributions: string[]; benefits: string[] };

describe('demo flagship projects', () => {
  let database: Database;
  const actorIds = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const admin = await signedInAs(database.db, 'admin');
    const file = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/demo/pays-d-aix.json'), 'utf8'),
    ) as { actors: DemoActor[] };
    for (const a of file.actors) {
      const input = {
        ...a,
        contributions: a.contributions.map((s) => `${a.family}.contribution.${s}`),
        benefits: a.benefits.map((s) => `${a.family}.benefit.${s}`),
      };
      actorIds.set(a.name, await createActor(database.db, admin.user, actorInput.parse(input)));
    }
    const summary = await loadDemoProjects(database.db, {
      system: admin.user,
      actorIds,
      users: new Map(),
      publicUrl: 'http://localhost:3000',
    });
    expect(summary).toBe('9 demo flagship projects');
  });
  afterAll(() => database.close());

  it('holds the culture & art projects of Aix, a collective among them, carried by the named associations', async () => {
    const animator = await signedInAs(database.db, 'animator');
    const page = await searchProjects(database.db, animator.user, {
      status: [],
      theme: [],
      mode: [],
      commune: [],
      page: 1,
      pageSize: 50,
    });
    expect(page.total).toBe(9);
    const collective = page.items.find((p) => p.title.startsWith('Culture & Art en entreprise'));
    expect(collective?.carriers.map((c) => c.name)).toEqual([
      'Voyons Voir',
      'Charlie Free',
      'Fontaine Obscure',
      "Les Rencontres Cinématographiques d'Aix",
      'La Nouvelle Mine',
      'Azoth Studio',
    ]);
    expect(collective?.budgetTotal).toBe(65000);
    expect(page.items.every((p) => p.carriers.every((c) => c.family === 'association'))).toBe(true);
  });

  it('shows Charlie Free’s member the draft its association co-carries, not the others', async () => {
    const member = await signedInAs(database.db, 'member', actorIds.get('Charlie Free'));
    const query = { status: ['draft'], theme: [], mode: [], commune: [], page: 1, pageSize: 50 };
    const drafts = await searchProjects(database.db, member.user, query);
    expect(drafts.items.map((p) => p.title)).toEqual(['Jazz et flamenco : une saison croisée au Petit Duc']);
    expect((await searchProjects(database.db, null, query)).total).toBe(0);
  });
});
