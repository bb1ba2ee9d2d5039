// What the public and the non-staff roles read of people and of content they may not see: no person's name in the
// lists nor on a proposal (its author, supporters, pledges, comments), nothing of a draft challenge's proposals nor of
// a hidden proposal in the list or the challenge's path. Staff read the names (the positive control).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../../tests/auth.js';
import type { ChallengeDetail, ParticipantLabel, ProposalDetail, ProposalPage } from './contract.js';
import { proposals } from './schema.js';
import { challengeOf, dialogueSuite, proposalOf } from './testing.js';

describe('people and hidden content in the dialogue’s views', () => {
  const s = dialogueSuite();
  let challenge: string;
  let byOrganisation: string;
  let byCitizen: string;

  beforeAll(async () => {
    challenge = await s.api.ok('POST', '/challenges', s.w.townMember, challengeOf(s.w));
    byOrganisation = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    byCitizen = await s.api.ok(
      'POST',
      `/challenges/${challenge}/proposals`,
      s.w.citizen,
      proposalOf({ title: 'Un marché' }),
    );
    await s.api.ok('PUT', `/proposals/${byOrganisation}/support`, s.w.companyMember, {});
    await s.api.ok('PUT', `/proposals/${byOrganisation}/support`, s.w.citizen, {});
    await s.api.ok('PUT', `/proposals/${byOrganisation}/support`, s.w.assoc2Member, { onBehalfOfOrganisation: false });
    await s.api.ok('POST', `/proposals/${byOrganisation}/pledges`, s.w.company2Member, {
      resources: ['equipment'],
      description: 'Un camion',
    });
    await s.api.ok('POST', `/proposals/${byOrganisation}/pledges`, s.w.citizen, {
      resources: ['volunteers'],
      description: 'Deux heures par semaine',
    });
    for (const who of [s.w.animator, s.w.citizen, s.w.companyMember]) {
      await s.api.ok('POST', `/proposals/${byOrganisation}/comments`, who, { body: 'Un avis sur la proposition.' });
    }
  });

  /** Every test account is named « Test <role> ». */
  const noName = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/Test (member|citizen|animator|admin)/);

  it.each([
    ['a member', () => s.w.assocMember],
    ['a citizen', () => s.w.citizen],
    ['an observer', () => s.w.observer],
    ['a visitor', () => undefined],
  ] as [string, () => SignedIn | undefined][])('gives %s no person’s name', async (_, viewer) => {
    const list = (await s.api.call('GET', `/proposals?challengeId=${challenge}`, viewer())).body as ProposalPage;
    expect(list.items.map((p) => p.id).sort()).toEqual([byOrganisation, byCitizen].sort());
    expect(list.items.every((p) => p.author.personName === null)).toBe(true);
    noName(list);
    const detail = (await s.api.call('GET', `/proposals/${byOrganisation}`, viewer())).body as ProposalDetail;
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
    const detail = (await s.api.call('GET', `/proposals/${byOrganisation}`, s.w.animator)).body as ProposalDetail;
    expect(detail.supporters.map((s) => s.personName)).toEqual(['Test member', 'Test citizen', 'Test member']);
    expect(detail.commentList[0]?.by.personName).toBe('Test animator');
  });

  it('shows the public nothing of a draft challenge’s proposals nor of a hidden proposal', async () => {
    const draft = await s.api.ok('POST', '/challenges', s.w.townMember, challengeOf(s.w, { status: 'draft' }));
    await s.t.db.insert(proposals).values({
      challengeId: draft,
      title: 'Sur un brouillon',
      authorUserId: s.w.assocMember.user.id,
      authorActorId: s.w.assoc,
      family: 'association',
    });
    const hidden = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.companyMember, proposalOf());
    await s.api.ok('PUT', `/proposals/${hidden}/answer`, s.w.townMember, {
      outcome: 'studied',
      reason: 'Nous regardons le coût.',
    });
    await s.t.db
      .update(proposals)
      .set({ hiddenAt: new Date(), hiddenReason: 'Hors charte' })
      .where(eq(proposals.id, hidden));
    for (const viewer of [undefined, s.w.citizen, s.w.otherTownMember]) {
      const onDraft = (await s.api.call('GET', `/proposals?challengeId=${draft}`, viewer)).body as ProposalPage;
      expect(onDraft).toMatchObject({ items: [], total: 0 });
      const list = (await s.api.call('GET', `/proposals?challengeId=${challenge}`, viewer)).body as ProposalPage;
      expect(list.items.map((p) => p.id)).not.toContain(hidden);
      const path = ((await s.api.call('GET', `/challenges/${challenge}`, viewer)).body as ChallengeDetail).path;
      expect(path.map((s) => s.proposalId)).not.toContain(hidden);
      expect(JSON.stringify(path)).not.toContain('Sur un brouillon');
    }
    const staffPath = ((await s.api.call('GET', `/challenges/${challenge}`, s.w.animator)).body as ChallengeDetail)
      .path;
    expect(staffPath.map((s) => s.proposalId)).toContain(hidden);
    const ownDraft = (await s.api.call('GET', `/proposals?challengeId=${draft}`, s.w.townMember)).body as ProposalPage;
    expect(ownDraft.total).toBe(1);
  });
});
