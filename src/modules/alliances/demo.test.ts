import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { alliances } from './schema.js';
import { allianceBalance, getAlliance } from './service.js';

describe('demo alliances', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(() => database.close());

  const byName = async (name: string) => {
    const [row] = await database.db.select({ id: alliances.id }).from(alliances).where(eq(alliances.name, name));
    if (!row) throw new Error(`missing ${name}`);
    return row.id;
  };

  it('holds one alliance per pilot territory, the Aix one published', async () => {
    const aix = await getAlliance(database.db, null, await byName('Alliance Culture & Art à Aix-en-Provence'));
    expect(aix.publishedAt).not.toBeNull();
    expect(aix.members.map((m) => m.name)).toContain('Le Petit Duc');
    await byName('Alliance Silver économie & numérique Venelles–Gardanne');
  });

  it('shows the Pertuis alliance imbalanced and the others balanced', async () => {
    const staff = { id: '00000000-0000-4000-8000-000000000000', role: 'admin' } as never;
    const pertuis = await allianceBalance(
      database.db,
      staff,
      await byName('Alliance Économie circulaire et circuits courts à Pertuis'),
    );
    expect(pertuis.imbalanced).toBe(true);
    expect(pertuis.members.find((m) => m.name === 'CBE Sud Luberon')?.warnings).toContain('carriesLoad');
    expect(pertuis.members[0]).toMatchObject({ name: 'CBE Sud Luberon' });
    expect(pertuis.members[0]?.givenShare).toBeGreaterThan(0.55);
    for (const name of [
      'Alliance Culture & Art à Aix-en-Provence',
      'Alliance Silver économie & numérique Venelles–Gardanne',
    ]) {
      expect((await allianceBalance(database.db, staff, await byName(name))).imbalanced).toBe(false);
    }
  });
});
