import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { loadDemoData } from '../../demo/load.js';
import { actors } from '../actors/schema.js';
import { alliances } from '../alliances/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import { territoryCommunes } from '../reference/schema.js';
import { suggestForAlliance } from './alliance.js';
import { suggestPartners } from './service.js';

const staff = { id: '00000000-0000-4000-8000-000000000000', role: 'animator', actorId: null, locale: 'fr' } as never;

describe('matchmaking on the Pays d’Aix demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { production: false });
  });
  afterAll(() => database.close());

  const actorId = async (name: string) => {
    const [row] = await database.db.select({ id: actors.id }).from(actors).where(eq(actors.name, name));
    if (!row) throw new Error(`missing ${name}`);
    return row.id;
  };

  it('ranks an actor offering premises in the Pays d’Aix in the top 3 for Le Petit Duc’s rehearsal room, saying so', async () => {
    const [need] = await database.db
      .select({ id: needsOffers.id })
      .from(needsOffers)
      .where(and(eq(needsOffers.actorId, await actorId('Le Petit Duc')), eq(needsOffers.kind, 'need')));
    if (!need) throw new Error('missing need');
    const list = await suggestPartners(database.db, staff, { subjectKind: 'need', subjectId: need.id, top: 10 });
    const top3 = list.items.slice(0, 3);
    const premises = top3.find((s) =>
      s.reasons.some((r) => r.text.startsWith('propose des locaux dont vous avez besoin')),
    );
    expect(
      premises,
      JSON.stringify(
        list.items.map((s) => [s.actor.name, s.score, s.reasons.map((r) => r.text)]),
        null,
        1,
      ),
    ).toBeDefined();
    const [inPaysDAix] = await database.db
      .select({ code: territoryCommunes.communeCode })
      .from(territoryCommunes)
      .innerJoin(actors, eq(actors.communeCode, territoryCommunes.communeCode))
      .where(and(eq(actors.id, premises?.actor.id ?? ''), eq(territoryCommunes.territoryId, 'pays-d-aix')));
    expect(inPaysDAix).toBeDefined();
  });

  it('suggests at least one company and one public actor for the Pertuis circular-economy alliance', async () => {
    const [pertuis] = await database.db
      .select({ id: alliances.id })
      .from(alliances)
      .where(eq(alliances.name, 'Alliance Économie circulaire et circuits courts à Pertuis'));
    if (!pertuis) throw new Error('missing alliance');
    const suggestion = await suggestForAlliance(database.db, staff, pertuis.id, 6);
    const families = suggestion.items.map((i) => i.actor.family);
    expect(families, JSON.stringify(suggestion, null, 1)).toContain('company');
    expect(families).toContain('publicAuthority');
  });
});
