import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { onPostgres } from '../../../../tests/races.js';
import { actors } from '../../actors/schema.js';
import { challenges, contentReports, moderationDecisions, proposalComments, proposals } from '../schema.js';
import type { DecisionView, QueuePage } from './contract.js';
import { type DialogueFixture, insertDialogue } from './testing.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('dialogue moderation', () => {
  let t: TestApp;
  let animator: SignedIn;
  let admin: SignedIn;
  let member: SignedIn;
  let citizen: SignedIn;
  let otherCitizen: SignedIn;
  let observer: SignedIn;
  let d: DialogueFixture;
  const call = callerOf(() => t.app);
  const reports = '/api/v1/dialogue/reports';
  const decisions = '/api/v1/dialogue/moderation/decisions';
  const queue = '/api/v1/dialogue/moderation/queue';
  const history = (target: string, id: string) => `/api/v1/dialogue/moderation/history?target=${target}&id=${id}`;

  beforeAll(async () => {
    t = await createTestApp();
    const [actor] = await t.db
      .insert(actors)
      .values({ family: 'association', name: 'Les Jardins du Luberon' })
      .returning();
    animator = await signedInAs(t.db, 'animator');
    admin = await signedInAs(t.db, 'admin');
    member = await signedInAs(t.db, 'member', actor?.id ?? null);
    citizen = await signedInAs(t.db, 'citizen');
    otherCitizen = await signedInAs(t.db, 'citizen');
    observer = await signedInAs(t.db, 'observer');
  });
  afterAll(() => t.close());

  // Each test starts from a fresh challenge: the proposal by `citizen`, the comment by `member` for its association.
  beforeEach(async () => {
    d = await insertDialogue(t.db, {
      proposal: citizen.user.id,
      comment: member.user.id,
      commentActorId: member.user.actorId,
    });
  });

  const report = (who: SignedIn | null, target: 'proposal' | 'comment', id: string, extra: object = {}) =>
    call(who, 'POST', reports, { target, id, reason: 'abuse', ...extra });
  const decideOn = (
    who: SignedIn,
    target: 'proposal' | 'comment',
    id: string,
    action: string,
    reason = 'Propos injurieux',
  ) => call(who, 'POST', decisions, { target, id, action, reason });

  it('takes one open report per person and content, refuses one’s own content and asks details for "other"', async () => {
    const first = await report(member, 'proposal', d.proposalId, { reason: 'spam' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ target: 'proposal', contentId: d.proposalId, reason: 'spam', status: 'open' });

    const again = await report(member, 'proposal', d.proposalId);
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual([['id', 'alreadyReported']]);

    // Another person may report the same content; a comment has its own reports.
    expect((await report(otherCitizen, 'proposal', d.proposalId)).status).toBe(201);
    expect((await report(citizen, 'comment', d.commentId, { reason: 'personalData' })).status).toBe(201);
    expect((await report(citizen, 'comment', d.commentId)).status).toBe(409);

    const own = await report(citizen, 'proposal', d.proposalId);
    expect(own.status).toBe(403);
    expect(fieldsOf(own.body)).toEqual([['id', 'ownContentReport']]);

    const noDetails = await report(observer, 'comment', d.commentId, { reason: 'other', details: '   ' });
    expect(noDetails.status).toBe(400);
    expect(fieldsOf(noDetails.body)).toEqual([['details', 'reportDetailsRequired']]);
    const tooLong = await report(observer, 'comment', d.commentId, { reason: 'other', details: 'x'.repeat(1001) });
    expect(fieldsOf(tooLong.body)).toEqual([['details', 'tooLong']]);

    expect((await report(null, 'proposal', d.proposalId)).status).toBe(401);
    expect((await report(member, 'proposal', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // A draft challenge's proposal is not there for a reporter who cannot read it.
    await t.db.update(challenges).set({ status: 'draft' }).where(eq(challenges.id, d.challengeId));
    expect((await report(otherCitizen, 'comment', d.commentId)).status).toBe(404);
    await t.db.update(challenges).set({ status: 'open' }).where(eq(challenges.id, d.challengeId));

    const open = await t.db.select().from(contentReports).where(eq(contentReports.proposalId, d.proposalId));
    expect(open.filter((r) => r.target === 'proposal')).toHaveLength(2);
  });

  it('lists the reported contents in the queue, oldest first, with the reports and the author', async () => {
    await report(member, 'proposal', d.proposalId, { reason: 'offTopic' });
    await report(otherCitizen, 'proposal', d.proposalId, { reason: 'other', details: 'Publicité déguisée' });
    await report(citizen, 'comment', d.commentId, { reason: 'harassment' });

    const res = await call(animator, 'GET', `${queue}?status=open&pageSize=100`);
    expect(res.status).toBe(200);
    const page = res.body as QueuePage;
    const mine = page.items.filter((i) => i.proposalId === d.proposalId);
    expect(mine.map((i) => i.target)).toEqual(['proposal', 'comment']);
    const [proposal, comment] = mine;
    expect(proposal).toMatchObject({
      id: d.proposalId,
      proposalTitle: 'Un marché de producteurs le samedi',
      challengeId: d.challengeId,
      challengeTitle: 'Circuits courts autour de Pertuis',
      authorLabel: 'Citoyen·ne de Pertuis',
      authorName: 'Test citizen',
      openReports: 2,
      hidden: null,
    });
    expect(proposal?.reports.map((r) => [r.reason, r.details])).toEqual([
      ['offTopic', ''],
      ['other', 'Publicité déguisée'],
    ]);
    expect(proposal?.excerpt).toContain('Un marché de producteurs');
    expect(comment).toMatchObject({ authorLabel: 'Les Jardins du Luberon', openReports: 1 });

    const count = await call(admin, 'GET', '/api/v1/dialogue/moderation/open-count');
    expect(count.body.open).toBeGreaterThanOrEqual(2);
  });

  it('hides without deleting, keeps the reason, upholds the reports, then restores', async () => {
    await report(member, 'proposal', d.proposalId);
    const hide = await decideOn(animator, 'proposal', d.proposalId, 'hide', '  Attaque personnelle  ');
    expect(hide.status).toBe(201);
    expect(hide.body).toMatchObject({ action: 'hide', reason: 'Attaque personnelle', resolvedReports: 1 });

    const [row] = await t.db.select().from(proposals).where(eq(proposals.id, d.proposalId));
    expect(row?.title).toBe('Un marché de producteurs le samedi');
    expect(row?.hiddenAt).toBeInstanceOf(Date);
    expect(row?.hiddenBy).toBe(animator.user.id);
    expect(row?.hiddenReason).toBe('Attaque personnelle');
    const reportRows = await t.db.select().from(contentReports).where(eq(contentReports.proposalId, d.proposalId));
    expect(reportRows.map((r) => r.status)).toEqual(['upheld']);
    expect(reportRows[0]?.resolvedBy).toBe(animator.user.id);

    // Hidden content: no new report, no second hide; it is in the resolved queue, flagged.
    expect(fieldsOf((await report(otherCitizen, 'proposal', d.proposalId)).body)).toEqual([['id', 'contentHidden']]);
    expect(fieldsOf((await report(otherCitizen, 'comment', d.commentId)).body)).toEqual([['id', 'contentHidden']]);
    expect((await decideOn(admin, 'proposal', d.proposalId, 'hide')).status).toBe(409);
    const resolved = (await call(animator, 'GET', `${queue}?status=resolved&pageSize=100`)).body as QueuePage;
    const item = resolved.items.find((i) => i.id === d.proposalId);
    expect(item?.hidden?.reason).toBe('Attaque personnelle');
    expect(item?.reports.map((r) => r.status)).toEqual(['upheld']);

    const restore = await decideOn(admin, 'proposal', d.proposalId, 'restore', 'Propos reformulés par l’auteur');
    expect(restore.status).toBe(201);
    const [restored] = await t.db.select().from(proposals).where(eq(proposals.id, d.proposalId));
    expect([restored?.hiddenAt, restored?.hiddenBy, restored?.hiddenReason]).toEqual([null, null, null]);
    expect((await decideOn(admin, 'proposal', d.proposalId, 'restore')).status).toBe(409);
  });

  it('dismisses the reports and keeps the content visible; history newest first', async () => {
    await report(otherCitizen, 'comment', d.commentId);
    await report(citizen, 'comment', d.commentId, { reason: 'spam' });
    const dismiss = await decideOn(animator, 'comment', d.commentId, 'dismiss', 'Critique argumentée, pas d’abus');
    expect(dismiss.status).toBe(201);
    expect((dismiss.body as DecisionView).resolvedReports).toBe(2);
    const [comment] = await t.db.select().from(proposalComments).where(eq(proposalComments.id, d.commentId));
    expect(comment?.hiddenAt).toBeNull();
    const statuses = await t.db.select().from(contentReports).where(eq(contentReports.commentId, d.commentId));
    expect(statuses.map((r) => r.status)).toEqual(['dismissed', 'dismissed']);
    // Nothing left to dismiss; the reporter may report again once the report is decided.
    expect(fieldsOf((await decideOn(animator, 'comment', d.commentId, 'dismiss')).body)).toEqual([
      ['action', 'noOpenReports'],
    ]);
    expect((await report(citizen, 'comment', d.commentId)).status).toBe(201);

    await decideOn(admin, 'comment', d.commentId, 'hide', 'Récidive');
    const res = await call(animator, 'GET', history('comment', d.commentId));
    expect(res.status).toBe(200);
    const items = res.body.items as DecisionView[];
    expect(items.map((i) => [i.action, i.reason, i.decidedByName])).toEqual([
      ['hide', 'Récidive', 'Test admin'],
      ['dismiss', 'Critique argumentée, pas d’abus', 'Test animator'],
    ]);
    // The proposal's history holds only its own decisions.
    expect((await call(animator, 'GET', history('proposal', d.proposalId))).body.items).toEqual([]);
  });

  it('requires a reason and leaves everything unchanged when a decision fails midway', async () => {
    await report(member, 'proposal', d.proposalId);
    const blank = await decideOn(animator, 'proposal', d.proposalId, 'hide', '   ');
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank.body)).toEqual([['reason', 'required']]);

    // The decision's row is the last write: make it fail, the content and the reports must stay as they were.
    await t.db.execute(sql`
      CREATE FUNCTION refuse_decision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'decision refused for the test'; END $$`);
    await t.db.execute(
      sql`CREATE TRIGGER refuse_decision BEFORE INSERT ON moderation_decisions FOR EACH ROW EXECUTE FUNCTION refuse_decision()`,
    );
    try {
      const failed = await decideOn(animator, 'proposal', d.proposalId, 'hide');
      expect(failed.status).toBe(500);
    } finally {
      await t.db.execute(sql`DROP TRIGGER refuse_decision ON moderation_decisions`);
      await t.db.execute(sql`DROP FUNCTION refuse_decision()`);
    }
    const [row] = await t.db.select().from(proposals).where(eq(proposals.id, d.proposalId));
    expect(row?.hiddenAt).toBeNull();
    const open = await t.db.select().from(contentReports).where(eq(contentReports.proposalId, d.proposalId));
    expect(open.map((r) => r.status)).toEqual(['open']);
    expect(await t.db.$count(moderationDecisions, eq(moderationDecisions.proposalId, d.proposalId))).toBe(0);
  });

  it('lets only the animators and admins read the queue and decide', async () => {
    await report(member, 'proposal', d.proposalId);
    for (const who of [member, citizen, observer]) {
      expect((await decideOn(who, 'proposal', d.proposalId, 'hide')).status).toBe(403);
      expect((await call(who, 'GET', queue)).status).toBe(403);
      expect((await call(who, 'GET', history('proposal', d.proposalId))).status).toBe(403);
    }
    expect((await call(null, 'GET', queue)).status).toBe(401);
    const [row] = await t.db.select().from(proposals).where(eq(proposals.id, d.proposalId));
    expect(row?.hiddenAt).toBeNull();
    expect((await call(animator, 'GET', history('proposal', '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('takes a hidden proposal or comment out of the public pages, and shows it flagged to staff', async () => {
    const proposalUrl = `/api/v1/dialogue/proposals/${d.proposalId}`;
    type Detail = {
      hidden: { reason: string } | null;
      commentList: { id: string; hidden: { reason: string } | null }[];
    };
    await decideOn(animator, 'comment', d.commentId, 'hide', 'Données personnelles d’un voisin');
    for (const who of [null, otherCitizen, observer]) {
      const res = await call(who, 'GET', proposalUrl);
      expect(res.status).toBe(200);
      expect((res.body as Detail).commentList.map((c) => c.id)).not.toContain(d.commentId);
    }
    const seenByStaff = (await call(animator, 'GET', proposalUrl)).body as Detail;
    expect(seenByStaff.commentList.find((c) => c.id === d.commentId)?.hidden?.reason).toBe(
      'Données personnelles d’un voisin',
    );

    await decideOn(animator, 'proposal', d.proposalId, 'hide', 'Hors charte');
    for (const who of [null, member, observer]) expect((await call(who, 'GET', proposalUrl)).status).toBe(404);
    const hidden = await call(admin, 'GET', proposalUrl);
    expect(hidden.status).toBe(200);
    expect((hidden.body as Detail).hidden?.reason).toBe('Hors charte');

    await decideOn(animator, 'proposal', d.proposalId, 'restore', 'Erreur de manipulation');
    expect((await call(null, 'GET', proposalUrl)).status).toBe(200);
  });

  it.runIf(onPostgres)('keeps one open report when the same person reports a proposal twice at once', async () => {
    const results = await Promise.all([
      report(otherCitizen, 'proposal', d.proposalId, { reason: 'spam' }),
      report(otherCitizen, 'proposal', d.proposalId, { reason: 'abuse' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(fieldsOf(results.find((r) => r.status === 409)?.body)).toEqual([['id', 'alreadyReported']]);
    const rows = await t.db.select().from(contentReports).where(eq(contentReports.proposalId, d.proposalId));
    expect(rows.map((r) => [r.reporterUserId, r.status])).toEqual([[otherCitizen.user.id, 'open']]);
  });

  it('signs the animation team’s content « Équipe d’animation » in the queue, with the person for staff', async () => {
    // Staff write as the team: no organisation and a family other than citizen (labels.ts `isTeam`).
    const [teamComment] = await t.db
      .insert(proposalComments)
      .values({
        proposalId: d.proposalId,
        authorUserId: animator.user.id,
        family: 'association',
        body: 'Merci de garder un ton courtois.',
      })
      .returning({ id: proposalComments.id });
    await report(citizen, 'comment', teamComment?.id ?? '');
    const page = (await call(admin, 'GET', `${queue}?status=open&pageSize=100`)).body as QueuePage;
    const item = page.items.find((i) => i.id === teamComment?.id);
    expect(item).toMatchObject({
      authorLabel: 'Équipe d’animation',
      authorName: 'Test animator',
      author: { actor: null, team: true, personName: 'Test animator' },
      excerpt: 'Merci de garder un ton courtois.',
    });
  });

  it('takes a hidden proposal’s pledge offers out of the public needs and offers, and back on restore', async () => {
    await call(member, 'POST', `/api/v1/dialogue/proposals/${d.proposalId}/pledges`, {
      resources: ['premises'],
      description: 'Une salle pour les réunions du marché',
    }).then((res) => expect(res.status).toBe(201));
    const listed = async () => {
      const res = await call(null, 'GET', `/api/v1/needs-offers?actor=${member.user.actorId}&pageSize=100`);
      expect(res.status).toBe(200);
      return (res.body.items as { title: string }[]).filter((o) => o.title.includes('salle pour les réunions'));
    };
    expect(await listed()).toHaveLength(1);
    await decideOn(animator, 'proposal', d.proposalId, 'hide', 'Hors charte');
    expect(await listed()).toHaveLength(0);
    await decideOn(animator, 'proposal', d.proposalId, 'restore', 'Erreur de manipulation');
    expect(await listed()).toHaveLength(1);
  });
});
