import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { alliances } from '../alliances/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import { partnershipPartners } from '../partnerships/schema.js';
import { territoryCommunes } from '../reference/schema.js';
import { suggestForAlliance } from './alliance.js';
import { answerRequest, decide, suggestPartners } from './service.js';

const staff = { id: '00000000-0000-4000-8000-000000000000', role: 'animator', actorId: null, locale: 'fr' } as never;

describe('matchmaking on the Pays d’Aix demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
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
  it('lets Charlie Free accept its first suggestion and, once the other side accepts, opens a draft partnership', async () => {
    const db = database.db;
    const [user] = await db.select().from(users).where(eq(users.email, 'charlie-free@demo.alliances.local'));
    if (!user?.actorId) throw new Error('missing Charlie Free’s member');
    const charlie = { ...user, actorId: user.actorId } as never;
    const list = await suggestPartners(db, charlie, { subjectKind: 'actor', subjectId: user.actorId, top: 5 });
    const [first] = list.items;
    expect(first?.reasons.length).toBeGreaterThan(0);
    const sent = await decide(
      db,
      charlie,
      { subjectKind: 'actor', subjectId: user.actorId, candidateId: first?.actor.id ?? '', decision: 'accept' },
      'http://localhost',
    );
    expect(sent.requestId).not.toBeNull();
    const [animator] = await db.select().from(users).where(eq(users.email, 'animatrice@demo.alliances.local'));
    const answered = await answerRequest(
      db,
      animator as never,
      sent.requestId ?? '',
      { accept: true },
      'http://localhost',
    );
    const partners = await db
      .select({ actorId: partnershipPartners.actorId })
      .from(partnershipPartners)
      .where(eq(partnershipPartners.partnershipId, answered.partnershipId ?? ''));
    expect(partners.map((p) => p.actorId).sort()).toEqual([user.actorId, first?.actor.id].sort());
  });
});
