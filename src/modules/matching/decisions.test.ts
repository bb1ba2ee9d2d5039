import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { rowsOf } from '../../db/rows.js';
import { partnershipPartners, partnerships } from '../partnerships/schema.js';
import type { ContactRequest, SuggestionList } from './contract.js';
import { matchDecisions, matchRequests } from './schema.js';
import {
  expectProblem,
  mailsTo,
  member,
  notificationsOf,
  planter,
  plantWorld,
  suggestionsUrl,
  type TestApp,
  type World,
} from './testing.js';

describe('decisions on suggestions and contact requests', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  let w: World;
  let duc: SignedIn;
  let hallInstant: SignedIn;
  let hallWeekly: SignedIn;
  let hallOff: SignedIn;
  let hallSilent: SignedIn;
  let observer: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    w = await plantWorld(t.db);
    duc = await member(t.db, w.duc, 'instant');
    hallInstant = await member(t.db, w.hall, 'instant');
    hallWeekly = await member(t.db, w.hall, 'weekly');
    hallOff = await member(t.db, w.hall, 'off');
    hallSilent = await member(t.db, w.hall);
    observer = await signedInAs(t.db, 'observer');
  });
  afterAll(() => t.close());

  const decide = (who: SignedIn, payload: Record<string, unknown>) =>
    call(who, 'POST', '/api/v1/matching/decisions', payload);
  const answer = (who: SignedIn, id: string, payload: Record<string, unknown>) =>
    call(who, 'POST', `/api/v1/matching/requests/${id}/answer`, payload);
  const onNeed = (candidateId: string, decision: 'accept' | 'dismiss', extra: Record<string, unknown> = {}) => ({
    subjectKind: 'need',
    subjectId: w.ducNeed,
    candidateId,
    decision,
    ...extra,
  });
  const count = async (table: string) =>
    (await rowsOf<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]?.n;
  const suggested = async (who: SignedIn, kind: string, id: string) =>
    ((await call(who, 'GET', suggestionsUrl(kind, id, 50))).body as SuggestionList).items.map((i) => i.actor.id);

  it('refuses a dismissal without a reason, naming `reason`, and writes nothing', async () => {
    const res = await decide(duc, onNeed(w.bank, 'dismiss'));
    expectProblem(res, 400, 'reason', 'dismissReasonRequired');
    expect(await count('match_decisions')).toBe(0);
    expectProblem(await decide(duc, onNeed(w.duc, 'accept')), 422, 'candidateId', 'selfSuggestion');
    expect(await count('match_decisions')).toBe(0);
  });

  it('never suggests a dismissed pair again, on either side', async () => {
    expect(await suggested(duc, 'need', w.ducNeed)).toContain(w.bank);
    expect(await suggested(w.animator, 'actor', w.bank)).toContain(w.duc);
    const res = await decide(duc, onNeed(w.bank, 'dismiss', { reason: 'tooFar', note: 'Trop loin pour nous' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ requestId: null, partnershipId: null });
    expect(await suggested(duc, 'need', w.ducNeed)).not.toContain(w.bank);
    expect(await suggested(duc, 'actor', w.duc)).not.toContain(w.bank);
    expect(await suggested(w.animator, 'actor', w.bank)).not.toContain(w.duc);
    // Nor can accepting bring it back: the other side is not asked again.
    const requests = await count('match_requests');
    expectProblem(await decide(duc, onNeed(w.bank, 'accept')), 409, 'candidateId', 'pairExcluded');
    expect(await count('match_requests')).toBe(requests);
  });

  it('lets an observer read but not decide; a member decides only for its organisation', async () => {
    expect((await call(observer, 'GET', suggestionsUrl('need', w.ducNeed))).status).toBe(200);
    expect((await decide(observer, onNeed(w.hall, 'accept'))).status).toBe(403);
    const stranger = await member(t.db, w.other);
    expect((await decide(stranger, onNeed(w.hall, 'accept'))).status).toBe(403);
    expect(await count('match_requests')).toBe(0);
  });

  let requestId = '';

  it('accepting sends a request to the other side and tells its consenting members only', async () => {
    const res = await decide(duc, onNeed(w.hall, 'accept', { note: 'Nous serions ravis de vous rencontrer.' }));
    expect(res.status).toBe(201);
    requestId = res.body.requestId;
    expect(res.body.partnershipId).toBeNull();
    const [request] = await t.db.select().from(matchRequests).where(eq(matchRequests.id, requestId));
    expect(request).toMatchObject({ fromActorId: w.duc, toActorId: w.hall, status: 'pending' });
    expect(request?.reasons[0]).toBe('propose des locaux dont vous avez besoin (« Salle de répétition équipée »)');

    const title = 'Le Petit Duc souhaite vous rencontrer';
    expect((await notificationsOf(t.db, hallInstant.user.id)).map((n) => n.title)).toEqual([title]);
    expect((await notificationsOf(t.db, hallWeekly.user.id)).map((n) => [n.title, n.mailedAt])).toEqual([
      [title, null],
    ]);
    expect(await notificationsOf(t.db, hallOff.user.id)).toEqual([]);
    expect(await notificationsOf(t.db, hallSilent.user.id)).toEqual([]);
    expect(await notificationsOf(t.db, duc.user.id)).toEqual([]);

    const mails = await mailsTo(t.db, hallInstant.user.email);
    expect(mails.map((m) => m.subject)).toEqual([`[Alliances] ${title}`]);
    for (const personal of [duc.user.email, duc.user.displayName, hallInstant.user.email])
      expect(mails[0]?.subject).not.toContain(personal);
    expect(mails[0]?.body).toContain('/mises-en-relation');
    expect(await mailsTo(t.db, hallWeekly.user.email)).toEqual([]);
    expect(await mailsTo(t.db, hallOff.user.email)).toEqual([]);
  });

  it('accepting again sends no second request, tells nobody again and counts once', async () => {
    const [decisions, requests, told] = [
      await count('match_decisions'),
      await count('match_requests'),
      (await notificationsOf(t.db, hallInstant.user.id)).length,
    ];
    const again = await decide(duc, onNeed(w.hall, 'accept'));
    expect(again.status).toBe(201);
    expect(again.body.requestId).toBe(requestId);
    expect(await count('match_decisions')).toBe(decisions);
    expect(await count('match_requests')).toBe(requests);
    expect(await notificationsOf(t.db, hallInstant.user.id)).toHaveLength(told);
  });

  it('shows the request to both sides, and on the suggestion', async () => {
    const received = await call(hallInstant, 'GET', '/api/v1/matching/requests?box=received');
    const [item] = received.body.items as ContactRequest[];
    expect(item).toMatchObject({
      id: requestId,
      from: { id: w.duc, name: 'Le Petit Duc' },
      to: { id: w.hall },
      subjectKind: 'need',
      subjectTitle: 'Salle de répétition',
      message: 'Nous serions ravis de vous rencontrer.',
      status: 'pending',
    });
    const sent = await call(duc, 'GET', '/api/v1/matching/requests?box=sent');
    expect(sent.body.items.map((r: ContactRequest) => r.id)).toEqual([requestId]);
    const list = (await call(duc, 'GET', suggestionsUrl('need', w.ducNeed))).body as SuggestionList;
    expect(list.items.find((i) => i.actor.id === w.hall)?.request).toEqual({
      id: requestId,
      direction: 'sent',
      status: 'pending',
    });
    // Accepting again does not send a second request.
    expect((await decide(duc, onNeed(w.hall, 'accept'))).body.requestId).toBe(requestId);
    expect(await count('match_requests')).toBe(1);
    // Observers see that a request exists, not what a person wrote in it.
    const seen = await call(observer, 'GET', `/api/v1/matching/requests?actorId=${w.hall}`);
    expect(seen.body.items).toMatchObject([{ id: requestId, message: '' }]);
  });

  it('refuses to act on a need that is no longer open', async () => {
    await t.db.execute(sql`UPDATE needs_offers SET status = 'closed' WHERE id = ${w.ducNeed}`);
    try {
      expectProblem(await decide(duc, onNeed(w.other, 'accept')), 409, 'subjectId', 'subjectClosed');
    } finally {
      await t.db.execute(sql`UPDATE needs_offers SET status = 'open' WHERE id = ${w.ducNeed}`);
    }
  });

  it('lets only the addressed side answer, and a refusal needs a reason', async () => {
    const res = await answer(duc, requestId, { accept: true });
    expect(res.status).toBe(403);
    expect((await answer(observer, requestId, { accept: true })).status).toBe(403);
    expect((await answer(await member(t.db, w.other), requestId, { accept: true })).status).toBe(404);
    expectProblem(await answer(hallInstant, requestId, { accept: false }), 400, 'reason', 'dismissReasonRequired');
    const [request] = await t.db.select().from(matchRequests).where(eq(matchRequests.id, requestId));
    expect(request?.status).toBe('pending');
  });

  it('the other side accepting opens a draft partnership with both, at « préparer les partenaires »', async () => {
    const res = await answer(hallWeekly, requestId, { accept: true });
    expect(res.status).toBe(200);
    const partnershipId = res.body.partnershipId as string;
    const [partnership] = await t.db.select().from(partnerships).where(eq(partnerships.id, partnershipId));
    expect(partnership).toMatchObject({ currentStep: 'preparePartners', needOfferId: w.ducNeed, mode: 'support' });
    const partners = await t.db
      .select({ actorId: partnershipPartners.actorId })
      .from(partnershipPartners)
      .where(eq(partnershipPartners.partnershipId, partnershipId));
    expect(partners.map((p) => p.actorId).sort()).toEqual([w.duc, w.hall].sort());
    const sent = await call(duc, 'GET', '/api/v1/matching/requests?box=sent');
    expect(sent.body.items[0]).toMatchObject({ id: requestId, status: 'accepted', partnershipId });
    expect((await notificationsOf(t.db, duc.user.id)).map((n) => [n.kind, n.link])).toEqual([
      ['requestAccepted', `/partenariats/${partnershipId}`],
    ]);
    const again = await answer(hallInstant, requestId, { accept: false, reason: 'notNow' });
    expect(again.status).toBe(409);
    expect(again.type).toContain('application/problem+json');
  });

  const onActor = (actorId: string, candidateId: string, decision: 'accept' | 'dismiss', reason?: string) => ({
    subjectKind: 'actor',
    subjectId: actorId,
    candidateId,
    decision,
    ...(reason ? { reason } : {}),
  });

  it('both accepting from their suggestion lists completes the pair at the second acceptance', async () => {
    const town = await member(t.db, w.town);
    const bank = await member(t.db, w.bank);
    const first = await decide(town, onActor(w.town, w.bank, 'accept'));
    expect(first.body.partnershipId).toBeNull();
    const list = (await call(bank, 'GET', suggestionsUrl('actor', w.bank, 50))).body as SuggestionList;
    expect(list.items.find((i) => i.actor.id === w.town)?.request).toEqual({
      id: first.body.requestId,
      direction: 'received',
      status: 'pending',
    });
    const second = await decide(bank, onActor(w.bank, w.town, 'accept'));
    expect(second.status).toBe(201);
    expect(second.body.requestId).toBe(first.body.requestId);
    const partners = await t.db
      .select({ actorId: partnershipPartners.actorId })
      .from(partnershipPartners)
      .where(eq(partnershipPartners.partnershipId, second.body.partnershipId));
    expect(partners.map((p) => p.actorId).sort()).toEqual([w.bank, w.town].sort());
  });

  it('dismissing a suggestion whose side had asked declines the request and tells the sender', async () => {
    const choir = await member(t.db, w.choir, 'weekly');
    const partner = await member(t.db, w.partner);
    const sent = await decide(choir, onActor(w.choir, w.partner, 'accept'));
    const res = await decide(partner, onActor(w.partner, w.choir, 'dismiss', 'notNow'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ requestId: sent.body.requestId, partnershipId: null });
    const [request] = await t.db.select().from(matchRequests).where(eq(matchRequests.id, sent.body.requestId));
    expect(request?.status).toBe('declined');
    expect((await notificationsOf(t.db, choir.user.id)).map((n) => [n.kind, n.title])).toEqual([
      ['requestDeclined', 'Théâtre Partenaire n’a pas donné suite à votre demande'],
    ]);
  });

  it('declining tells the sender and keeps the pair apart', async () => {
    const far = await member(t.db, w.far);
    const otherSide = await member(t.db, w.other, 'weekly');
    const sent = await decide(otherSide, {
      subjectKind: 'actor',
      subjectId: w.other,
      candidateId: w.far,
      decision: 'accept',
    });
    const res = await answer(far, sent.body.requestId, {
      accept: false,
      reason: 'noCapacity',
      note: 'Pas cette année',
    });
    expect(res.status).toBe(200);
    const [request] = await t.db.select().from(matchRequests).where(eq(matchRequests.id, sent.body.requestId));
    expect(request?.status).toBe('declined');
    expect((await notificationsOf(t.db, otherSide.user.id)).map((n) => n.kind)).toEqual(['requestDeclined']);
    expect(await suggested(otherSide, 'actor', w.other)).not.toContain(w.far);
  });

  it('counts acceptance per reason kind and dismissals per reason, for staff only', async () => {
    const denied = await call(duc, 'GET', '/api/v1/matching/feedback');
    expect(denied.status).toBe(403);
    const res = await call(w.animator, 'GET', '/api/v1/matching/feedback');
    expect(res.status).toBe(200);
    const decisions = await t.db.select().from(matchDecisions);
    expect(res.body.decisions).toBe(decisions.length);
    expect(res.body.dismissals).toEqual([
      { reason: 'tooFar', count: 1 },
      { reason: 'noCapacity', count: 1 },
      { reason: 'notNow', count: 1 },
    ]);
    const complementarity = res.body.perReason.find((r: { kind: string }) => r.kind === 'complementarity');
    const expected = decisions.filter((d) => d.reasonKinds.includes('complementarity'));
    expect(complementarity).toEqual({
      kind: 'complementarity',
      accepted: expected.filter((d) => d.accepted).length,
      dismissed: expected.filter((d) => !d.accepted).length,
      acceptance: expected.filter((d) => d.accepted).length / expected.length,
    });
    expect(complementarity.accepted).toBeGreaterThan(0);
    expect(complementarity.dismissed).toBeGreaterThan(0);
  });
  it('lets staff decide on behalf of any organisation, and members read only their own requests', async () => {
    const res = await decide(w.animator, onActor(w.other, w.town, 'dismiss', 'other'));
    expect(res.status).toBe(201);
    const [decision] = await t.db.select().from(matchDecisions).where(eq(matchDecisions.id, res.body.decisionId));
    expect(decision).toMatchObject({ actorId: w.other, candidateId: w.town, decidedBy: w.animator.user.id });
    expect((await call(duc, 'GET', `/api/v1/matching/requests?actorId=${w.hall}`)).status).toBe(403);
    const all = await call(observer, 'GET', '/api/v1/matching/requests');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(await count('match_requests'));
  });

  it('two sides accepting at the same instant open one partnership, with no crossed requests left', async () => {
    const plant = planter(t.db, w.animator.user);
    const [left, right] = [
      await plant.actor({ name: 'Chœur des Deux Rives', themes: ['culture-art'] }),
      await plant.actor({ family: 'company', name: 'Imprimerie du Cours', themes: ['culture-art'] }),
    ];
    const [a, b] = await Promise.all([
      decide(await member(t.db, left), onActor(left, right, 'accept')),
      decide(await member(t.db, right), onActor(right, left, 'accept')),
    ]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
    const opened = [a.body.partnershipId, b.body.partnershipId].filter(Boolean);
    expect(opened).toHaveLength(1);
    const pending = await rowsOf<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM match_requests WHERE status = 'pending'
        AND from_actor_id IN (${left}, ${right}) AND to_actor_id IN (${left}, ${right})`,
    );
    expect(pending[0]?.n).toBe(0);
  });
});
