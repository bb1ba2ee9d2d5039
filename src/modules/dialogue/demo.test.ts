import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProgrammeDatabase } from '../../../tests/demo.js';
import { uuidArray } from '../../db/arrays.js';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { getChallenge, listChallenges } from './challenge-views.js';
import { challengeListQuery, proposalListQuery } from './contract.js';
import { getProposal, listProposals } from './proposal-views.js';

describe('demo territorial dialogue', () => {
  let database: Database;
  let programmeId: string;

  beforeAll(async () => {
    ({ database, programmeId } = await demoProgrammeDatabase());
  });
  afterAll(() => database.close());

  it('holds one challenge per pilot territory, answered by its town', async () => {
    const page = await listChallenges(database.db, null, challengeListQuery.parse({ programmeId }));
    expect(page.items.map((c) => [c.territory?.name, c.answeringActor?.name, c.status])).toEqual([
      ['Pertuis', 'Ville de Pertuis', 'open'],
      ['Venelles et Gardanne', 'Ville de Venelles', 'closed'],
      ['Aix-en-Provence', "Ville d'Aix-en-Provence", 'closed'],
    ]);
    const [pertuis, venelles, aix] = page.items;
    expect(pertuis?.acceptsContributions).toBe(true);
    expect(aix?.contributionsCloseOn.slice(0, 4)).toBe('2018');
    expect(venelles?.counts).toMatchObject({ proposals: 3, answered: 3 });
    expect(pertuis?.counts.proposals).toBe(3);
    for (const c of page.items) expect(c.counts.supports).toBeGreaterThan(0);
  });

  it('gives every kind of answer with its reason, and a public path to a project', async () => {
    const page = await listChallenges(database.db, null, challengeListQuery.parse({ programmeId }));
    const aix = page.items.find((c) => c.territory?.name === 'Aix-en-Provence');
    const detail = await getChallenge(database.db, null, aix?.id ?? '');
    expect(detail.closingNote).not.toBe('');
    expect(detail.closedAt?.slice(0, 4)).toBe('2018');
    expect(detail.path.map((s) => s.outcome).sort()).toEqual(['accepted', 'notRetained', 'studied']);
    const project = detail.path.find((s) => s.project !== null);
    expect(project?.project?.status).toBe('seekingPartners');
    // « Du défi au partenariat »: the project went on into a published partnership, shown to an anonymous visitor.
    expect(project?.partnerships.length).toBeGreaterThanOrEqual(1);
    expect(project?.partnerships[0]).toMatchObject({
      title: 'Saison de jazz au Jas de Bouffan avec AG2R La Mondiale',
      step: 'run',
      status: 'active',
    });
    const [dated] = await rowsOf<{ created: Date | string; published: Date | string | null }>(
      database.db,
      sql`select created_at as created, published_at as published from partnerships where id = ${project?.partnerships[0]?.id ?? null}`,
    );
    expect(new Date(dated?.created ?? 0).toISOString().slice(0, 4)).toBe('2018');
    expect(new Date(dated?.created ?? 0).getTime()).toBeGreaterThan(Date.parse(project?.convertedAt ?? ''));
    expect(dated?.published).not.toBeNull();
    expect(detail.figures.length).toBeGreaterThanOrEqual(2);
    const all = await listProposals(database.db, null, proposalListQuery.parse({ pageSize: 50 }));
    const outcomes = new Set(all.items.map((p) => p.outcome?.outcome ?? 'none'));
    expect([...outcomes].sort()).toEqual(['accepted', 'none', 'notRetained', 'studied']);
    expect(all.items.every((p) => !p.outcome || p.outcome.reason.length > 10)).toBe(true);
    const aixProposals = all.items.filter((p) => p.challenge.id === aix?.id);
    expect(aixProposals.every((p) => p.createdAt.startsWith('2018'))).toBe(true);
  });

  it('has GEPA’s pledge open an offer, and the citizen sign as « Citoyen·ne »', async () => {
    const all = await listProposals(database.db, null, proposalListQuery.parse({ pageSize: 50 }));
    const legumerie = all.items.find((p) => p.title.startsWith('Une légumerie'));
    const detail = await getProposal(database.db, null, legumerie?.id ?? '');
    const gepa = detail.pledgeList.find((g) => g.by.actor?.name.startsWith('GEPA'));
    expect(gepa?.needOfferId).not.toBeNull();
    expect(gepa?.resources).toEqual(['skills']);
    // The 2018 challenges' pledges opened offers in 2018, closed with their challenge.
    const past = all.items.filter((p) => p.createdAt.startsWith('2018')).map((p) => p.id);
    const offers = await rowsOf<{ status: string; created_at: Date | string }>(
      database.db,
      sql`select o.status, o.created_at from needs_offers o join proposal_pledges g on g.need_offer_id = o.id
        where g.proposal_id = any(${uuidArray(past)})`,
    );
    expect(offers.length).toBeGreaterThan(0);
    for (const o of offers) {
      expect(o.status).toBe('closed');
      expect(new Date(o.created_at).toISOString().slice(0, 4)).toBe('2018');
    }
    // The project and the alliance are dated on their conversion.
    const made = await rowsOf<{ created: Date | string; converted: Date | string }>(
      database.db,
      sql`select coalesce(pr.created_at, a.created_at) as created, p.converted_at as converted from proposals p
        left join projects pr on pr.id = p.project_id left join alliances a on a.id = p.alliance_id
        where p.converted_at is not null`,
    );
    expect(made.length).toBeGreaterThanOrEqual(2);
    for (const m of made) expect(new Date(m.created).toISOString()).toBe(new Date(m.converted).toISOString());
    const market = all.items.find((p) => p.title.startsWith('Un marché de producteurs'));
    expect(market?.author).toMatchObject({ actor: null, family: 'citizen', personName: null });
  });
});
