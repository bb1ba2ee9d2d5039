import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { refreshSuggestions } from './refresh.js';
import { mutualNotices, partnerSuggestions } from './schema.js';
import { mailsTo, member, notificationsOf, plantWorld, type TestApp, type World } from './testing.js';

describe('stored suggestions and mutual notices', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  let w: World;
  let admin: SignedIn;
  let ducInstant: SignedIn;
  let hallWeekly: SignedIn;
  let hallOff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    w = await plantWorld(t.db);
    admin = await signedInAs(t.db, 'admin');
    ducInstant = await member(t.db, w.duc, 'instant');
    hallWeekly = await member(t.db, w.hall, 'weekly');
    hallOff = await member(t.db, w.hall, 'off');
  });
  afterAll(() => t.close());

  const refresh = async () => {
    const res = await call(admin, 'POST', '/api/v1/matching/refresh');
    expect(res.status).toBe(200);
    return res.body as { actors: number; suggestions: number; newMutual: number };
  };
  const stored = (actorId: string) =>
    t.db
      .select()
      .from(partnerSuggestions)
      .where(eq(partnerSuggestions.actorId, actorId))
      .orderBy(partnerSuggestions.rank);
  const mutualTitle = (other: string) => `Nouvelle suggestion de partenaire : ${other}`;

  it('stores each actor’s top partners, best first, and announces the mutual pairs to consenting members', async () => {
    const result = await refresh();
    expect(result.actors).toBe(8);
    expect(result.newMutual).toBeGreaterThan(0);
    const duc = await stored(w.duc);
    expect(duc[0]).toMatchObject({ candidateId: w.hall, rank: 1 });
    expect(duc.map((s) => s.candidateId)).not.toContain(w.partner);
    expect(duc.map((s) => s.candidateId)).not.toContain(w.duc);
    expect(result.suggestions).toBe((await t.db.select().from(partnerSuggestions)).length);
    const [a, b] = [w.duc, w.hall].sort() as [string, string];
    expect(
      await t.db
        .select()
        .from(mutualNotices)
        .where(and(eq(mutualNotices.actorA, a), eq(mutualNotices.actorB, b))),
    ).toHaveLength(1);

    const ducTold = await notificationsOf(t.db, ducInstant.user.id);
    expect(ducTold.filter((n) => n.title === mutualTitle('Les Ateliers du Tholonet'))).toHaveLength(1);
    expect(ducTold.every((n) => n.kind === 'mutualSuggestion' && n.link === '/suggestions')).toBe(true);
    const mails = await mailsTo(t.db, ducInstant.user.email);
    expect(mails.map((m) => m.subject)).toContain(`[Alliances] ${mutualTitle('Les Ateliers du Tholonet')}`);
    const hallTold = await notificationsOf(t.db, hallWeekly.user.id);
    expect(hallTold.filter((n) => n.title === mutualTitle('Le Petit Duc') && n.mailedAt === null)).toHaveLength(1);
    expect(await mailsTo(t.db, hallWeekly.user.email)).toEqual([]);
    expect(await notificationsOf(t.db, hallOff.user.id)).toEqual([]);
  });

  it('announces a mutual pair once: a second refresh tells nothing new', async () => {
    const before = (await notificationsOf(t.db, ducInstant.user.id)).length;
    const firstSeen = (await stored(w.duc))[0]?.firstSuggestedAt;
    expect((await refresh()).newMutual).toBe(0);
    expect(await notificationsOf(t.db, ducInstant.user.id)).toHaveLength(before);
    expect((await stored(w.duc))[0]).toMatchObject({ candidateId: w.hall, firstSuggestedAt: firstSeen });
  });

  it('drops a dismissed pair from the stored suggestions at the next refresh', async () => {
    const dismissed = await call(ducInstant, 'POST', '/api/v1/matching/decisions', {
      subjectKind: 'actor',
      subjectId: w.duc,
      candidateId: w.hall,
      decision: 'dismiss',
      reason: 'alreadyInTouch',
    });
    expect(dismissed.status).toBe(201);
    await refresh();
    expect((await stored(w.duc)).map((s) => s.candidateId)).not.toContain(w.hall);
    expect((await stored(w.hall)).map((s) => s.candidateId)).not.toContain(w.duc);
  });

  it('skips an actor deleted while it runs, and goes on with the others', async () => {
    const gone = '00000000-0000-4000-8000-00000000dead';
    const result = await refreshSuggestions(t.db, { actorIds: [gone, w.duc], publicUrl: 'http://x' });
    expect(result.actors).toBe(2);
    expect(result.suggestions).toBe((await stored(w.duc)).length);
  });

  it('is for administrators only', async () => {
    expect((await call(w.animator, 'POST', '/api/v1/matching/refresh')).status).toBe(403);
    expect((await call(ducInstant, 'POST', '/api/v1/matching/refresh')).status).toBe(403);
  });
});
