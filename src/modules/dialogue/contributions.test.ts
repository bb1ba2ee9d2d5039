// Supports (one per person, also under concurrency on PostgreSQL), pledges that open an offer for matchmaking (closed
// while their proposal is hidden), and comments signed by the animation team.
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../../../tests/races.js';
import { matchTerms } from '../matching/schema.js';
import { needsOffers } from '../needs-offers/schema.js';
import type { ProposalDetail } from './contract.js';
import { setPledgeOffersOpen, supportProposal } from './contributions.js';
import { proposalSupports } from './schema.js';
import { challengeOf, dialogueSuite, proposalOf } from './testing.js';

describe('contributions to a proposal', () => {
  const s = dialogueSuite();
  let challenge: string;

  beforeAll(async () => {
    challenge = await s.api.ok('POST', '/challenges', s.w.townMember, challengeOf(s.w));
  });

  it('takes one support per person', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    await s.api.ok('PUT', `/proposals/${p}/support`, s.w.companyMember, {});
    const again = await s.api.call('PUT', `/proposals/${p}/support`, s.w.companyMember, {});
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('alreadySupported');
    await s.api.ok('PUT', `/proposals/${p}/support`, s.w.citizen, {});
    const detail = (await s.api.call('GET', `/proposals/${p}`, s.w.citizen)).body as ProposalDetail;
    expect(detail.supports).toBe(2);
    expect(detail.supportedByMe).toBe(true);
    expect(detail.supporters.map((s) => s.actor?.id ?? s.family)).toEqual([s.w.company, 'citizen']);
    // Withdrawn, then given again.
    await s.api.ok('DELETE', `/proposals/${p}/support`, s.w.citizen);
    expect((await s.api.call('DELETE', `/proposals/${p}/support`, s.w.citizen)).status).toBe(404);
    await s.api.ok('PUT', `/proposals/${p}/support`, s.w.citizen, {});
  });

  it('refuses supporting one’s own proposal, and observers', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.citizen, proposalOf());
    expect((await s.api.call('PUT', `/proposals/${p}/support`, s.w.citizen, {})).status).toBe(409);
    expect((await s.api.call('PUT', `/proposals/${p}/support`, s.w.observer, {})).status).toBe(403);
    expect((await s.api.call('PUT', `/proposals/${p}/support`, undefined, {})).status).toBe(401);
  });

  it.runIf(onPostgres)('keeps one row when the same person supports twice at once', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => supportProposal(s.t.db, s.w.company2Member.user, p, {})),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as { kind?: string }).kind).toBe('conflict');
    }
    const rows = await s.t.db
      .select()
      .from(proposalSupports)
      .where(and(eq(proposalSupports.proposalId, p), eq(proposalSupports.userId, s.w.company2Member.user.id)));
    expect(rows).toHaveLength(1);
  });

  it('opens an offer for an organisation’s pledge, which matchmaking sees', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    const pledge = { resources: ['premises'], description: 'Un entrepôt réfrigéré de 200 m² à Pertuis' };
    await s.api.ok('POST', `/proposals/${p}/pledges`, s.w.companyMember, pledge);
    const detail = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    const offerId = detail.pledgeList[0]?.needOfferId;
    expect(offerId).toBeTruthy();
    const [offer] = await s.t.db
      .select()
      .from(needsOffers)
      .where(eq(needsOffers.id, offerId ?? ''));
    expect(offer).toMatchObject({
      kind: 'offer',
      actorId: s.w.company,
      status: 'open',
      resources: ['premises'],
      themes: ['food-short-circuits'],
      communeCodes: ['84089'],
      modes: ['economicCooperation'],
    });
    expect(offer?.title).toBe(
      'Pour le défi «\u00a0Des circuits courts alimentaires autour de Pertuis\u00a0»\u00a0: Un entrepôt réfrigéré de 200 m² à Pertuis',
    );
    const terms = await s.t.db
      .select({ term: matchTerms.term })
      .from(matchTerms)
      .where(eq(matchTerms.actorId, s.w.company));
    expect(terms.map((r) => r.term)).toContain('offer:premises');
    // A citizen's pledge opens no offer.
    await s.api.ok('POST', `/proposals/${p}/pledges`, s.w.citizen, {
      resources: ['volunteers'],
      description: 'Deux heures par semaine',
    });
    const after = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    expect(after.pledgeList.map((g) => g.needOfferId === null)).toEqual([false, true]);
  });

  it('signs staff comments as the animation team and refuses an empty resource list', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    await s.api.ok('POST', `/proposals/${p}/comments`, s.w.animator, {
      body: 'Bonne idée, parlons-en au prochain atelier.',
    });
    await s.api.ok('POST', `/proposals/${p}/comments`, s.w.citizen, { body: 'Je suis intéressée.' });
    const detail = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    // The team is told apart from a citizen (team ⇔ no organisation and not a citizen), never as « Citoyen·ne ».
    expect(detail.commentList.map((c) => [c.by.actor, c.by.family, c.by.team])).toEqual([
      [null, 'association', true],
      [null, 'citizen', false],
    ]);
    expect(detail.comments).toBe(2);
    const empty = await s.api.call('POST', `/proposals/${p}/pledges`, s.w.companyMember, {
      resources: [],
      description: 'Rien',
    });
    expect(empty.status).toBe(400);
  });

  it('closes the pledges’ offers while a proposal is hidden, and reopens only those it closed', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    await s.api.ok('POST', `/proposals/${p}/pledges`, s.w.companyMember, {
      resources: ['skills'],
      description: 'Conseil',
    });
    await s.api.ok('POST', `/proposals/${p}/pledges`, s.w.company2Member, {
      resources: ['premises'],
      description: 'Local',
    });
    const detail = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    const [first, second] = detail.pledgeList.map((g) => g.needOfferId ?? '');
    const statuses = async () =>
      (
        await s.t.db
          .select()
          .from(needsOffers)
          .where(inArray(needsOffers.id, [first ?? '', second ?? '']))
      )
        .sort((a, b) => (a.id === first ? -1 : b.id === first ? 1 : 0))
        .map((o) => o.status);
    // The offers never carry the proposal's own title (it may be hidden).
    const offers = await s.t.db
      .select()
      .from(needsOffers)
      .where(eq(needsOffers.id, first ?? ''));
    expect(offers[0]?.title).not.toContain('légumerie');
    await s.t.db
      .update(needsOffers)
      .set({ status: 'fulfilled' })
      .where(eq(needsOffers.id, second ?? ''));
    await s.t.db.transaction((tx) => setPledgeOffersOpen(tx, p, false));
    expect(await statuses()).toEqual(['closed', 'fulfilled']);
    await s.t.db.transaction((tx) => setPledgeOffersOpen(tx, p, true));
    expect(await statuses()).toEqual(['open', 'fulfilled']);
  });

  it('lets the author edit while unanswered, and nobody else', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    await s.api.ok('PUT', `/proposals/${p}`, s.w.assocMember, proposalOf({ title: 'Une légumerie coopérative' }));
    expect((await s.api.call('PUT', `/proposals/${p}`, s.w.assoc2Member, proposalOf())).status).toBe(403);
    const detail = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    expect(detail.title).toBe('Une légumerie coopérative');
  });
});
