// Challenges over HTTP: who posts, drafts, references, the list, closing (an answer is required before a challenge
// closes), hidden proposals, and who may do what.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import type { ChallengeDetail, ChallengePage, ProposalDetail, ProposalPage } from './contract.js';
import { challenges, proposals } from './schema.js';
import { challengeOf, client, type DialogueWorld, dialogueWorld, inDays, proposalOf, type TestApp } from './testing.js';

describe('territorial challenges', () => {
  let t: TestApp;
  let w: DialogueWorld;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await dialogueWorld(t);
    api = client(t);
  });
  afterAll(() => t.close());

  it('lets a public authority’s member post a challenge it answers, with the territory’s communes', async () => {
    const id = await api.ok('POST', '/challenges', w.townMember, { ...challengeOf(w), answeringActorId: null });
    const { body } = await api.call('GET', `/challenges/${id}`);
    const detail = body as ChallengeDetail;
    expect(detail.postedBy?.id).toBe(w.town);
    expect(detail.answeringActor?.id).toBe(w.town);
    expect(detail.communes.map((c) => c.code)).toEqual(['84089']);
    expect(detail.acceptsContributions).toBe(true);
    expect(detail.figures[0]?.source).toBe('Ville de Pertuis, 2024');
  });

  it('refuses a challenge from an association’s member, a citizen or an observer', async () => {
    expect((await api.call('POST', '/challenges', w.assocMember, challengeOf(w))).status).toBe(403);
    expect((await api.call('POST', '/challenges', w.citizen, challengeOf(w))).status).toBe(403);
    expect((await api.call('POST', '/challenges', w.observer, challengeOf(w))).status).toBe(403);
    expect((await api.call('POST', '/challenges', undefined, challengeOf(w))).status).toBe(401);
  });

  it('names the fields of bad references', async () => {
    const otherAuthority = await api.call(
      'POST',
      '/challenges',
      w.townMember,
      challengeOf(w, { answeringActorId: w.otherTown }),
    );
    expect(otherAuthority.status).toBe(422);
    expect(otherAuthority.body.errors?.[0]?.field ?? JSON.stringify(otherAuthority.body)).toContain('answeringActorId');
    const notAuthority = await api.call(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { answeringActorId: w.assoc }),
    );
    expect(JSON.stringify(notAuthority.body)).toContain('notPublicAuthority');
    const badTerritory = await api.call(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { territoryId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(JSON.stringify(badTerritory.body)).toContain('territoryNotInProgramme');
  });

  it('shows a draft only to staff and the posting organisation; anonymous reads open challenges', async () => {
    const draft = await api.ok(
      'POST',
      '/challenges',
      w.townMember,
      challengeOf(w, { title: 'Brouillon', status: 'draft' }),
    );
    const open = await api.ok('POST', '/challenges', w.animator, challengeOf(w, { title: 'Ouvert au public' }));
    expect((await api.call('GET', `/challenges/${draft}`)).status).toBe(404);
    expect((await api.call('GET', `/challenges/${draft}`, w.otherTownMember)).status).toBe(404);
    expect((await api.call('GET', `/challenges/${draft}`, w.townMember)).status).toBe(200);
    expect((await api.call('GET', `/challenges/${draft}`, w.animator)).status).toBe(200);
    expect((await api.call('GET', `/challenges/${open}`)).status).toBe(200);
    const list = (await api.call('GET', `/challenges?programmeId=${w.programmeId}`)).body as ChallengePage;
    expect(list.items.map((c) => c.id)).toContain(open);
    expect(list.items.map((c) => c.id)).not.toContain(draft);
    // Nobody proposes on a draft.
    expect((await api.call('POST', `/challenges/${draft}/proposals`, w.townMember, proposalOf())).status).toBe(409);
  });

  it('lists open challenges first by deadline, with French full text', async () => {
    const later = await api.ok(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { title: 'Mobilité des aînés', contributionsCloseOn: inDays(50) }),
    );
    const sooner = await api.ok(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { title: 'Jardins des écoles', contributionsCloseOn: inDays(5) }),
    );
    const page = (await api.call('GET', `/challenges?programmeId=${w.programmeId}&status=open`)).body as ChallengePage;
    const ids = page.items.map((c) => c.id);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    const found = (await api.call('GET', `/challenges?programmeId=${w.programmeId}&q=aines`)).body as ChallengePage;
    expect(found.items.map((c) => c.id)).toEqual([later]);
  });

  it('takes no contribution after the deadline', async () => {
    // An open challenge is not posted with its deadline past (challenges-rules.test.ts): it gets there with time.
    const past = await api.ok('POST', '/challenges', w.animator, challengeOf(w));
    await t.db
      .update(challenges)
      .set({ contributionsCloseOn: inDays(-2) })
      .where(eq(challenges.id, past));
    const { body } = await api.call('GET', `/challenges/${past}`);
    expect((body as ChallengeDetail).acceptsContributions).toBe(false);
    expect((await api.call('POST', `/challenges/${past}/proposals`, w.assocMember, proposalOf())).status).toBe(409);
  });

  it('requires an answer to every visible proposal before closing, then takes no contributions', async () => {
    const id = await api.ok('POST', '/challenges', w.townMember, challengeOf(w));
    const p1 = await api.ok('POST', `/challenges/${id}/proposals`, w.assocMember, proposalOf());
    const p2 = await api.ok(
      'POST',
      `/challenges/${id}/proposals`,
      w.citizen,
      proposalOf({ title: 'Un marché paysan' }),
    );
    const close = { closingNote: 'Merci à toutes et à tous pour vos propositions.' };
    const refused = await api.call('POST', `/challenges/${id}/close`, w.townMember, close);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('unanswered');
    expect((await api.call('POST', `/challenges/${id}/close`, w.townMember, { closingNote: '' })).status).toBe(400);
    await api.ok('PUT', `/proposals/${p1}/answer`, w.townMember, {
      outcome: 'accepted',
      reason: 'Le projet répond au besoin des cantines.',
    });
    // A hidden proposal does not hold the closing back.
    await t.db.update(proposals).set({ hiddenAt: new Date(), hiddenReason: 'Hors sujet' }).where(eq(proposals.id, p2));
    expect((await api.call('POST', `/challenges/${id}/close`, w.assocMember, close)).status).toBe(403);
    await api.ok('POST', `/challenges/${id}/close`, w.townMember, close);
    const detail = (await api.call('GET', `/challenges/${id}`)).body as ChallengeDetail;
    expect(detail.status).toBe('closed');
    expect(detail.closingNote).toBe(close.closingNote);
    expect(detail.path.map((p) => p.proposalId)).toEqual([p1]);
    expect(detail.path[0]?.outcome).toBe('accepted');
    expect((await api.call('POST', `/challenges/${id}/proposals`, w.assocMember, proposalOf())).status).toBe(409);
    expect((await api.call('PUT', `/proposals/${p1}/support`, w.companyMember, {})).status).toBe(409);
    expect((await api.call('PUT', `/challenges/${id}`, w.townMember, challengeOf(w))).status).toBe(409);
  });

  it('refuses to close a draft', async () => {
    const id = await api.ok('POST', '/challenges', w.animator, challengeOf(w, { status: 'draft' }));
    const res = await api.call('POST', `/challenges/${id}/close`, w.animator, { closingNote: 'Fin.' });
    expect(res.status).toBe(409);
  });

  it('hides a hidden proposal from everyone but staff, and counts it for staff only', async () => {
    const id = await api.ok('POST', '/challenges', w.animator, challengeOf(w));
    const p = await api.ok('POST', `/challenges/${id}/proposals`, w.citizen, proposalOf());
    await t.db
      .update(proposals)
      .set({ hiddenAt: new Date(), hiddenReason: 'Données personnelles' })
      .where(eq(proposals.id, p));
    expect((await api.call('GET', `/proposals/${p}`)).status).toBe(404);
    expect((await api.call('GET', `/proposals/${p}`, w.citizen)).status).toBe(404);
    const seen = (await api.call('GET', `/proposals/${p}`, w.animator)).body as ProposalDetail;
    expect(seen.hidden?.reason).toBe('Données personnelles');
    const publicList = (await api.call('GET', `/proposals?challengeId=${id}`)).body as ProposalPage;
    expect(publicList.total).toBe(0);
    const publicChallenge = (await api.call('GET', `/challenges/${id}`)).body as ChallengeDetail;
    expect(publicChallenge.counts.proposals).toBe(0);
    const staffChallenge = (await api.call('GET', `/challenges/${id}`, w.animator)).body as ChallengeDetail;
    expect(staffChallenge.counts.proposals).toBe(1);
  });

  it('lets only staff and the answering authority answer, with a reason; observers do not propose', async () => {
    const id = await api.ok('POST', '/challenges', w.townMember, challengeOf(w));
    const p = await api.ok('POST', `/challenges/${id}/proposals`, w.companyMember, proposalOf());
    const answer = { outcome: 'studied', reason: 'Nous étudions le coût du local.' };
    expect((await api.call('PUT', `/proposals/${p}/answer`, w.otherTownMember, answer)).status).toBe(403);
    expect((await api.call('PUT', `/proposals/${p}/answer`, w.companyMember, answer)).status).toBe(403);
    expect((await api.call('PUT', `/proposals/${p}/answer`, w.citizen, answer)).status).toBe(403);
    expect((await api.call('PUT', `/proposals/${p}/answer`, w.townMember, { ...answer, reason: '' })).status).toBe(400);
    await api.ok('PUT', `/proposals/${p}/answer`, w.townMember, answer);
    await api.ok('PUT', `/proposals/${p}/answer`, w.animator, {
      outcome: 'notRetained',
      reason: 'Le budget n’est pas disponible cette année.',
    });
    const detail = (await api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    expect(detail.outcome?.outcome).toBe('notRetained');
    expect(detail.outcome?.answeredFor).toBeNull();
    expect((await api.call('POST', `/challenges/${id}/proposals`, w.observer, proposalOf())).status).toBe(403);
    // The author cannot edit an answered proposal.
    expect((await api.call('PUT', `/proposals/${p}`, w.companyMember, proposalOf())).status).toBe(409);
  });

  it('signs contributions by organisation or « citizen » and gives the person’s name to staff only', async () => {
    const id = await api.ok('POST', '/challenges', w.animator, challengeOf(w));
    const p = await api.ok('POST', `/challenges/${id}/proposals`, w.assocMember, proposalOf());
    const mine = await api.ok(
      'POST',
      `/challenges/${id}/proposals`,
      w.assocMember,
      proposalOf({ onBehalfOfOrganisation: false }),
    );
    const pub = (await api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    expect(pub.author.actor?.id).toBe(w.assoc);
    expect(pub.author.family).toBe('association');
    expect(pub.author.personName).toBeNull();
    expect(JSON.stringify(pub)).not.toContain('@test.local');
    const personal = (await api.call('GET', `/proposals/${mine}`)).body as ProposalDetail;
    expect(personal.author).toMatchObject({ actor: null, family: 'citizen', personName: null });
    const staffView = (await api.call('GET', `/proposals/${p}`, w.animator)).body as ProposalDetail;
    expect(staffView.author.personName).toBe('Test member');
  });
});
