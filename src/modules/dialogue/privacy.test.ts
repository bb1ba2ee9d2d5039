// What the public and the non-staff roles read of people and of content they may not see: no person's name in the
// lists nor on a proposal (its author, supporters, pledges, comments), nothing of a draft challenge's proposals nor of
// a hidden proposal in the list or the challenge's path. Staff read the names (the positive control).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import type { SignedIn } from '../../../tests/auth.js';
import type { ChallengeDetail, ParticipantLabel, ProposalDetail, ProposalPage } from './contract.js';
import { proposals } from './schema.js';
import { challengeOf, client, type DialogueWorld, dialogueWorld, proposalOf, type TestApp } from './testing.js';

describe('people and hidden content in the dialogue’s views', () => {
  let t: TestApp;
  let w: DialogueWorld;
  let api: ReturnType<typeof client>;
  let challenge: string;
  let byOrganisation: string;
  let byCitizen: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await dialogueWorld(t);
    api = client(t);
    challenge = await api.ok('POST', '/challenges', w.townMember, challengeOf(w));
    byOrganisation = await api.ok('POST', `/challenges/${challenge}/proposals`, w.assocMember, proposalOf());
    byCitizen = await api.ok(
      'POST',
      `/challenges/${challenge}/proposals`,
      w.citizen,
      proposalOf({ title: 'Un marché' }),
    );
    await api.ok('PUT', `/proposals/${byOrganisation}/support`, w.companyMember, {});
    await api.ok('PUT', `/proposals/${byOrganisation}/support`, w.citizen, {});
    await api.ok('PUT', `/proposals/${byOrganisation}/support`, w.assoc2Member, { onBehalfOfOrganisation: false });
    await api.ok('POST', `/proposals/${byOrganisation}/pledges`, w.company2Member, {
      resources: ['equipment'],
      description: 'Un camion',
    });
    await api.ok('POST', `/proposals/${byOrganisation}/pledges`, w.citizen, {
      resources: ['volunteers'],
      description: 'Deux heures par semaine',
    });
    for (const who of [w.animator, w.citizen, w.companyMember]) {
      await api.ok('POST', `/proposals/${byOrganisation}/comments`, who, { body: 'Un avis sur la proposition.' });
    }
  });
  afterAll(() => t.close());

  /** Every test account is named « Test <role> ». */
  const noName = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/Test (member|citizen|animator|admin)/);

  it.each([
    ['a member', () => w.assocMember],
    ['a citizen', () => w.citizen],
    ['an observer', () => w.observer],
    ['a visitor', () => undefined],
  ] as [string, () => SignedIn | undefined][])('gives %s no person’s name', async (_, viewer) => {
    const list = (await api.call('GET', `/proposals?challengeId=${challenge}`, viewer())).body as ProposalPage;
    expect(list.items.map((p) => p.id).sort()).toEqual([byOrganisation, byCitizen].sort());
    expect(list.items.every((p) => p.author.personName === null)).toBe(true);
    noName(list);
    const detail = (await api.call('GET', `/proposals/${byOrganisation}`, viewer())).body as ProposalDetail;
    const labels: ParticipantLabel[] = [
      detail.author,
      ...detail.supporters,
      ...detail.pledgeList.map((g) => g.by),
      ...detail.commentList.map((c) => c.by),
    ];
    expect(labels).toHaveLength(9);
    expect(labels.every((l) => l.personName === null)).toBe(true);
    noName(detail);
    // The team's comment is told as the team, the citizen's as a citizen.
    expect(detail.commentList.map((c) => [c.by.team, c.by.family])).toEqual([
      [true, 'association'],
      [false, 'citizen'],
      [false, 'company'],
    ]);
  });

  it('gives staff the names', async () => {
    const detail = (await api.call('GET', `/proposals/${byOrganisation}`, w.animator)).body as ProposalDetail;
    expect(detail.supporters.map((s) => s.personName)).toEqual(['Test member', 'Test citizen', 'Test member']);
    expect(detail.commentList[0]?.by.personName).toBe('Test animator');
  });

  it('shows the public nothing of a draft challenge’s proposals nor of a hidden proposal', async () => {
    const draft = await api.ok('POST', '/challenges', w.townMember, challengeOf(w, { status: 'draft' }));
    await t.db.insert(proposals).values({
      challengeId: draft,
      title: 'Sur un brouillon',
      authorUserId: w.assocMember.user.id,
      authorActorId: w.assoc,
      family: 'association',
    });
    const hidden = await api.ok('POST', `/challenges/${challenge}/proposals`, w.companyMember, proposalOf());
    await api.ok('PUT', `/proposals/${hidden}/answer`, w.townMember, {
      outcome: 'studied',
      reason: 'Nous regardons le coût.',
    });
    await t.db
      .update(proposals)
      .set({ hiddenAt: new Date(), hiddenReason: 'Hors charte' })
      .where(eq(proposals.id, hidden));
    for (const viewer of [undefined, w.citizen, w.otherTownMember]) {
      const onDraft = (await api.call('GET', `/proposals?challengeId=${draft}`, viewer)).body as ProposalPage;
      expect(onDraft).toMatchObject({ items: [], total: 0 });
      const list = (await api.call('GET', `/proposals?challengeId=${challenge}`, viewer)).body as ProposalPage;
      expect(list.items.map((p) => p.id)).not.toContain(hidden);
      const path = ((await api.call('GET', `/challenges/${challenge}`, viewer)).body as ChallengeDetail).path;
      expect(path.map((s) => s.proposalId)).not.toContain(hidden);
      expect(JSON.stringify(path)).not.toContain('Sur un brouillon');
    }
    const staffPath = ((await api.call('GET', `/challenges/${challenge}`, w.animator)).body as ChallengeDetail).path;
    expect(staffPath.map((s) => s.proposalId)).toContain(hidden);
    const ownDraft = (await api.call('GET', `/proposals?challengeId=${draft}`, w.townMember)).body as ProposalPage;
    expect(ownDraft.total).toBe(1);
  });
});
