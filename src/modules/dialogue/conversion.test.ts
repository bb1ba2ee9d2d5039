// Converting an accepted proposal into a flagship project (supporters become interested actors) or an alliance.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../../../tests/races.js';
import { partnerships } from '../partnerships/schema.js';
import { projects } from '../projects/schema.js';
import type { ChallengeDetail, ProposalDetail } from './contract.js';
import { proposals } from './schema.js';
import { challengeOf, dialogueSuite, proposalOf } from './testing.js';

describe('conversion of an accepted proposal', () => {
  const s = dialogueSuite();
  let challenge: string;

  beforeAll(async () => {
    challenge = await s.api.ok('POST', '/challenges', s.w.townMember, challengeOf(s.w));
  });

  const accept = (p: string) =>
    s.api.ok('PUT', `/proposals/${p}/answer`, s.w.townMember, {
      outcome: 'accepted',
      reason: 'Cette idée répond au défi.',
    });

  /** A proposal by the association, supported by a company and a citizen, with a pledge by another company. */
  async function supportedProposal(author = s.w.assocMember) {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, author, proposalOf());
    await s.api.ok('PUT', `/proposals/${p}/support`, s.w.companyMember, {});
    await s.api.ok('PUT', `/proposals/${p}/support`, s.w.citizen, {});
    await s.api.ok('POST', `/proposals/${p}/pledges`, s.w.company2Member, {
      resources: ['skills', 'equipment'],
      description: 'Un camion frigorifique et un chauffeur',
    });
    return p;
  }

  it('makes a project carried by the author’s association, listing supporters as interested actors', async () => {
    const p = await supportedProposal();
    const notYet = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'project' });
    expect(notYet.status).toBe(409);
    await accept(p);
    expect((await s.api.call('POST', `/proposals/${p}/conversion`, s.w.townMember, { kind: 'project' })).status).toBe(
      403,
    );
    const res = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'project' });
    expect(res.status).toBe(201);
    const projectId = res.body.project.id as string;
    const project = await s.t.app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}` });
    expect(project.statusCode).toBe(200);
    const detail = project.json();
    expect(detail.status).toBe('seekingPartners');
    expect(detail.carriers.map((c: { actorId: string }) => c.actorId)).toEqual([s.w.assoc]);
    expect(detail.themes).toEqual(['food-short-circuits']);
    const interested = Object.fromEntries(
      detail.interestedActors.map((a: { actorId: string; origin: string }) => [a.actorId, a.origin]),
    );
    expect(Object.keys(interested).sort()).toEqual([s.w.company, s.w.company2].sort());
    expect(interested[s.w.company]).toBe('Soutien de la proposition «\u00a0Une légumerie partagée\u00a0»');
    expect(interested[s.w.company2]).toBe('Peut apporter\u00a0: des compétences et du matériel');
    // Converted once; its answer no longer changes; the challenge's path shows the project.
    expect((await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'project' })).status).toBe(
      409,
    );
    expect(
      (
        await s.api.call('PUT', `/proposals/${p}/answer`, s.w.animator, {
          outcome: 'studied',
          reason: 'Changement d’avis.',
        })
      ).status,
    ).toBe(409);
    const path = ((await s.api.call('GET', `/challenges/${challenge}`)).body as ChallengeDetail).path;
    expect(path.find((s) => s.proposalId === p)?.project?.id).toBe(projectId);
    const proposal = (await s.api.call('GET', `/proposals/${p}`)).body as ProposalDetail;
    expect(proposal.project?.id).toBe(projectId);
    // The path lists the project's partnerships as the partnerships module shows them: published ones to the public.
    await s.t.db.insert(partnerships).values([
      { title: 'Collecte des légumes', mode: 'economicCooperation', projectId, publishedAt: new Date() },
      { title: 'Prêt du camion (en préparation)', mode: 'support', projectId },
    ]);
    const stepOf = async (who?: typeof s.w.animator) =>
      ((await s.api.call('GET', `/challenges/${challenge}`, who)).body as ChallengeDetail).path.find(
        (s) => s.proposalId === p,
      );
    expect((await stepOf())?.partnerships.map((x) => x.title)).toEqual(['Collecte des légumes']);
    expect((await stepOf(s.w.animator))?.partnerships).toHaveLength(2);
  });

  it('names carrierIds when the author is not an association, and leaves nothing behind', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.companyMember, proposalOf());
    await accept(p);
    const before = await s.t.db.$count(projects);
    const res = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'project' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('carrierIds');
    const wrong = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, {
      kind: 'project',
      carrierIds: [s.w.company2],
    });
    expect(wrong.body.errors[0].field).toBe('carrierIds.0');
    // Issues name the index in the list as given, duplicates included.
    const issuesOf = async (carrierIds: string[]) =>
      (await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'project', carrierIds })).body
        .errors;
    expect(await issuesOf([s.w.assoc, s.w.assoc])).toMatchObject([{ field: 'carrierIds.1', code: 'duplicateCarrier' }]);
    expect(await issuesOf([s.w.assoc, s.w.company2])).toMatchObject([
      { field: 'carrierIds.1', code: 'carrierNotAssociation' },
    ]);
    expect(await s.t.db.$count(projects)).toBe(before);
    const ok = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, {
      kind: 'project',
      carrierIds: [s.w.assoc2, s.w.assoc],
      title: 'Légumerie du pays de Pertuis',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.project.name).toBe('Légumerie du pays de Pertuis');
  });

  it('refuses a proposal hidden by the moderation', async () => {
    const p = await supportedProposal();
    await accept(p);
    await s.t.db
      .update(proposals)
      .set({ hiddenAt: new Date(), hiddenReason: 'Hors charte' })
      .where(eq(proposals.id, p));
    const res = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'project' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].code).toBe('contentHidden');
  });

  it.runIf(onPostgres)('converts a proposal once when two conversions cross', async () => {
    const p = await supportedProposal();
    await accept(p);
    const before = await s.t.db.$count(projects);
    const results = await Promise.all(
      [1, 2].map(() => s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'project' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await s.t.db.$count(projects)).toBe(before + 1);
  });

  it('makes an alliance of the author’s, supporters’ and pledgers’ organisations', async () => {
    const p = await supportedProposal();
    await accept(p);
    const res = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'alliance' });
    expect(res.status).toBe(201);
    const alliance = await s.t.app.inject({
      method: 'GET',
      url: `/api/v1/alliances/${res.body.alliance.id}`,
      headers: s.w.animator.headers,
    });
    const members = alliance.json().members as { actorId: string; role: string }[];
    expect(members.map((m) => m.actorId).sort()).toEqual([s.w.assoc, s.w.company, s.w.company2].sort());
    expect(members[0]?.role).toBe('Soutien (dialogue territorial)');
  });

  it('refuses an alliance of fewer than three organisations, naming kind', async () => {
    const p = await s.api.ok('POST', `/challenges/${challenge}/proposals`, s.w.assocMember, proposalOf());
    await s.api.ok('PUT', `/proposals/${p}/support`, s.w.citizen, {});
    await accept(p);
    const res = await s.api.call('POST', `/proposals/${p}/conversion`, s.w.animator, { kind: 'alliance' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('kind');
  });
});
