// Challenges over HTTP: who posts, drafts, references, the list, closing (an answer is required before a challenge
// closes), hidden proposals, and who may do what.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ChallengeDetail, ChallengePage, ProposalDetail, ProposalPage } from './contract.js';
import { challenges, proposals } from './schema.js';
import { challengeOf, dialogueSuite, inDays, proposalOf } from './testing.js';

describe('territorial challenges', () => {
  const s = dialogueSuite();

  it('lets a public authority’s member post a challenge it answers, with the territory’s communes', async () => {
    const id = await s.api.ok('POST', '/challenges', s.w.townMember, { ...challengeOf(s.w), answeringActorId: null });
    const { body } = await s.api.call('GET', `/challenges/${id}`);
    const detail = body as ChallengeDetail;
    expect(detail.postedBy?.id).toBe(s.w.town);
    expect(detail.answeringActor?.id).toBe(s.w.town);
    expect(detail.communes.map((c) => c.code)).toEqual(['84089']);
    expect(detail.acceptsContributions).toBe(true);
    expect(detail.figures[0]?.source).toBe('Ville de Pertuis, 2024');
  });

  it('refuses a challenge from an association’s member, a citizen or an observer', async () => {
    expect((await s.api.call('POST', '/challenges', s.w.assocMember, challengeOf(s.w))).status).toBe(403);
    expect((await s.api.call('POST', '/challenges', s.w.citizen, challengeOf(s.w))).status).toBe(403);
    expect((await s.api.call('POST', '/challenges', s.w.observer, challengeOf(s.w))).status).toBe(403);
    expect((await s.api.call('POST', '/challenges', undefined, challengeOf(s.w))).status).toBe(401);
  });

  it('names the fields of bad references', async () => {
    const otherAuthority = await s.api.call(
      'POST',
      '/challenges',
      s.w.townMember,
      challengeOf(s.w, { answeringActorId: s.w.otherTown }),
    );
    expect(otherAuthority.status).toBe(422);
    expect(otherAuthority.body.errors?.[0]?.field ?? JSON.stringify(otherAuthority.body)).toContain('answeringActorId');
    const notAuthority = await s.api.call(
      'POST',
      '/challenges',
      s.w.animator,
      challengeOf(s.w, { answeringActorId: s.w.assoc }),
    );
    expect(JSON.stringify(notAuthority.body)).toContain('notPublicAuthority');
    const badTerritory = await s.api.call(
      'POST',
      '/challenges',
      s.w.animator,
      challengeOf(s.w, { territoryId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(JSON.stringify(badTerritory.body)).toContain('territoryNotInProgramme');
  });

  it('shows a draft only to staff and the posting organisation; anonymous reads open challenges', async () => {
    const draft = await s.api.ok(
      'POST',
      '/challenges',
      s.w.townMember,
      challengeOf(s.w, { title: 'Brouillon', status: 'draft' }),
    );
    const open = await s.api.ok('POST', '/challenges', s.w.animator, challengeOf(s.w, { title: 'Ouvert au public' }));
    expect((await s.api.call('GET', `/challenges/${draft}`)).status).toBe(404);
    expect((await s.api.call('GET', `/challenges/${draft}`, s.w.otherTownMember)).status).toBe(404);
    expect((await s.api.call('GET', `/challenges/${draft}`, s.w.townMember)).status).toBe(200);
    expect((await s.api.call('GET', `/challenges/${draft}`, s.w.animator)).status).toBe(200);
    expect((await s.api.call('GET', `/challenges/${open}`)).status).toBe(200);
    const list = (await s.api.call('GET', `/challenges?programmeId=${s.w.programmeId}`)).body as ChallengePage;
    expect(list.items.map((c) => c.id)).toContain(open);
    expect(list.items.map((c) => c.id)).not.toContain(draft);
    // Nobody proposes on a draft.
    expect((await s.api.call('POST', `/challenges/${draft}/proposals`, s.w.townMember, proposalOf())).status).toBe(409);
  });

  it('lists the challenges taking contributions first by deadline, then the others, with French full text', async () => {
    const post = (title: string, days: number) =>
      s.api.ok('POST', '/challenges', s.w.animator, challengeOf(s.w, { title, contributionsCloseOn: inDays(days) }));
    const past = await post('Passé', 2);
    await s.t.db
      .update(challenges)
      .set({ contributionsCloseOn: inDays(-3) })
      .where(eq(challenges.id, past));
    const later = await post('Mobilité des aînés', 50);
    const sooner = await post('Jardins des écoles', 5);
    const page = (await s.api.call('GET', `/challenges?programmeId=${s.w.programmeId}&status=open&pageSize=50`))
      .body as ChallengePage;
    const ids = page.items.map((c) => c.id);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    // Open but past its deadline: after every challenge that takes contributions.
    expect(ids.indexOf(later)).toBeLessThan(ids.indexOf(past));
    const accepting = page.items.map((c) => c.acceptsContributions);
    expect(accepting.indexOf(false)).toBeGreaterThan(accepting.lastIndexOf(true));
    const found = (await s.api.call('GET', `/challenges?programmeId=${s.w.programmeId}&q=aines`)).body as ChallengePage;
    expect(found.items.map((c) => c.id)).toEqual([later]);
  });

  it('takes no contribution after the deadline', async () => {
    // An open challenge is not posted with its deadline past (challenges-rules.test.ts): it gets there with time.
    const past = await s.api.ok('POST', '/challenges', s.w.animator, challengeOf(s.w));
    await s.t.db
      .update(challenges)
      .set({ contributionsCloseOn: inDays(-2) })
      .where(eq(challenges.id, past));
    const { body } = await s.api.call('GET', `/challenges/${past}`);
    expect((body as ChallengeDetail).acceptsContributions).toBe(false);
    expect((await s.api.call('POST', `/challenges/${past}/proposals`, s.w.assocMember, proposalOf())).status).toBe(409);
  });

  it('requires an answer to every visible proposal before closing, then takes no contributions', async () => {
    const id = await s.api.ok('POST', '/challenges', s.w.townMember, challengeOf(s.w));
    const p1 = await s.api.ok('POST', `/challenges/${id}/proposals`, s.w.assocMember, proposalOf());
    const p2 = await s.api.ok(
      'POST',
      `/challenges/${id}/proposals`,
      s.w.citizen,
      proposalOf({ title: 'Un marché paysan' }),
    );
    const close = { closingNote: 'Merci à toutes et à tous pour vos propositions.' };
    const refused = await s.api.call('POST', `/challenges/${id}/close`, s.w.townMember, close);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('unanswered');
    expect((await s.api.call('POST', `/challenges/${id}/close`, s.w.townMember, { closingNote: '' })).status).toBe(400);
    await s.api.ok('PUT', `/proposals/${p1}/answer`, s.w.townMember, {
      outcome: 'accepted',
      reason: 'Le projet répond au besoin des cantines.',
    });
    // A hidden proposal does not hold the closing back.
    await s.t.db
      .update(proposals)
      .set({ hiddenAt: new Date(), hiddenReason: 'Hors sujet' })
      .where(eq(proposals.id, p2));
    expect((await s.api.call('POST', `/challenges/${id}/close`, s.w.assocMember, close)).status).toBe(403);
    await s.api.ok('POST', `/challenges/${id}/close`, s.w.townMember, close);
    const detail = (await s.api.call('GET', `/challenges/${id}`)).body as ChallengeDetail;
    expect(detail.status).toBe('closed');
    expect(detail.closingNote).toBe(close.closingNote);
    expect(detail.path.map((p) => p.proposalId)).toEqual([p1]);
    expect(detail.path[0]?.outcome).toBe('accepted');
    expect((await s.api.call('POST', `/challenges/${id}/proposals`, s.w.assocMember, proposalOf())).status).toBe(409);
    expect((await s.api.call('PUT', `/proposals/${p1}/support`, s.w.companyMember, {})).status).toBe(409);
    expect((await s.api.call('PUT', `/challenges/${id}`, s.w.townMember, challengeOf(s.w))).status).toBe(409);
  });

  it('refuses to close a draft', async () => {
    const id = await s.api.ok('POST', '/challenges', s.w.animator, challengeOf(s.w, { status: 'draft' }));
    const res = await s.api.call('POST', `/challenges/${id}/close`, s.w.animator, { closingNote: 'Fin.' });
    expect(res.status).toBe(409);
  });

  it('hides a hidden proposal from everyone but staff, and counts it for staff only', async () => {
    const id = await s.api.ok('POST', '/challenges', s.w.animator, challengeOf(s.w));
    const p = await s.api.ok('POST', `/challenges/${id}/proposals`, s.w.citizen, proposalOf());
    await s.t.db
      .update(proposals)
      .set({ hiddenAt: new Date(), hiddenReason: 'Données personnelles' })
      .where(eq(proposals.id, p));
    expect((await s.api.call('GET', `/proposals/${p}`)).status).toBe(404);
    expect((await s.api.call('GET', `/proposals/${p}`, s.w.citizen)).status).toBe(404);
    const seen = (await s.api.call('GET', `/proposals/${p}`, s.w.animator)).body as ProposalDetail;
    expect(seen.hidden?.reason).toBe('Données personnelles');
    const publicList = (await s.api.call('GET', `/proposals?challengeId=${id}`)).body as ProposalPage;
    expect(publicList.total).toBe(0);
    const publicChallenge = (await s.api.call('GET', `/challenges/${id}`)).body as ChallengeDetail;
    expect(publicChallenge.counts.proposals).toBe(0);
    const staffChallenge = (await s.api.call('GET', `/challenges/${id}`, s.w.animator)).body as ChallengeDetail;
    expect(staffChallenge.counts.proposals).toBe(1);
  });

  it('lets only staff and the answering authority answer, with a reason; observers do not propose', async () => {
    const id = await s.api.ok('POST', '/challenges', s.w.townMember, challengeOf(s.w));
    const p = await s.api.ok('POST', `/challenges/${id}/proposals`, s.w.companyMember, proposalOf());
    const answer = { outcome: 'studied', reason: 'Nous étudions le coût du local.' };
    expect((await s.api.call('PUT', `/proposals/${p}/answer`, s.w.otherTownMember, answer)).status).toBe(403);
    expect((await s.api.call('PUT', `/proposals/${p}/answer`, s.w.companyMember, answer)).status).toBe(403);
    expect((await s.api.call('PUT', `/proposals/${p}/answer`, s.w.citizen, answer)).status).toBe(403);
    expect((await s.api.call('PUT', `/proposals/${p}/answer`, s.w.townMember, { ...answer, reason: '' })).status).toBe(
      400,
    );
    await s.api.ok('PUT', `/proposals/${p}/answer`, s.w.townMember, answer);
    await s.api.ok('PUT', `/proposals/${p}/answer`, s.w.animator, {
      outcome: 'notRetained',
      reason: 'Le budget n’est pas disponible cette année.',
    });
    const detail = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    expect(detail.outcome?.outcome).toBe('notRetained');
    expect(detail.outcome?.answeredFor).toBeNull();
    expect((await s.api.call('POST', `/challenges/${id}/proposals`, s.w.observer, proposalOf())).status).toBe(403);
    // The author cannot edit an answered proposal.
    expect((await s.api.call('PUT', `/proposals/${p}`, s.w.companyMember, proposalOf())).status).toBe(409);
  });

  it('signs contributions by organisation or « citizen » and gives the person’s name to staff only', async () => {
    const id = await s.api.ok('POST', '/challenges', s.w.animator, challengeOf(s.w));
    const p = await s.api.ok('POST', `/challenges/${id}/proposals`, s.w.assocMember, proposalOf());
    const mine = await s.api.ok(
      'POST',
      `/challenges/${id}/proposals`,
      s.w.assocMember,
      proposalOf({ onBehalfOfOrganisation: false }),
    );
    const pub = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    expect(pub.author.actor?.id).toBe(s.w.assoc);
    expect(pub.author.family).toBe('association');
    expect(pub.author.personName).toBeNull();
    expect(JSON.stringify(pub)).not.toContain('@test.local');
    const personal = (await s.api.call('GET', `/proposals/${mine}`)).body as ProposalDetail;
    expect(personal.author).toMatchObject({ actor: null, family: 'citizen', personName: null });
    const staffView = (await s.api.call('GET', `/proposals/${p}`, s.w.animator)).body as ProposalDetail;
    expect(staffView.author.personName).toBe('Test member');
  });
});
