import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { listDiagnostics } from './service.js';

describe('demo diagnostics', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(() => database.close());

  it('holds a completed association diagnostic for Charlie Free and a company one for GEPA, in 2017', async () => {
    const page = await listDiagnostics(database.db, { page: 1, pageSize: 20, latest: false, sort: 'date' });
    expect(page.items.map((i) => [i.actorName, i.kind, i.completedAt.slice(0, 10), i.overall])).toEqual([
      ["GEPA – Groupement des entreprises du Pays d'Aix", 'company', '2017-06-20', 42],
      ['Charlie Free', 'association', '2017-03-14', 44],
    ]);
    expect(page.items[1]?.axes.map((a) => [a.id, a.score])).toEqual([
      ['humanResources', 42],
      ['fundingMix', 40],
      ['alliances', 50],
    ]);
  });
});
