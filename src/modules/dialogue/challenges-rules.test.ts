// Rules of a challenge beyond who posts it: who edits it, its references named field by field, a deadline not
// already past when it opens, the list's order, and when it takes contributions (a Paris day).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { todayInParis } from '../needs-offers/contract.js';
import { acceptsContributions } from './access.js';
import type { ChallengeInput, ChallengePage } from './contract.js';
import { challenges } from './schema.js';
import { challengeOf, client, type DialogueWorld, dialogueWorld, inDays, type TestApp } from './testing.js';

describe('a challenge’s rules', () => {
  let t: TestApp;
  let w: DialogueWorld;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await dialogueWorld(t);
    api = client(t);
  });
  afterAll(() => t.close());

  it('lets a member of another authority neither edit nor close a town’s challenge', async () => {
    const id = await api.ok('POST', '/challenges', w.townMember, challengeOf(w));
    const edit = challengeOf(w, { title: 'Repris par une autre ville' });
    expect((await api.call('PUT', `/challenges/${id}`, w.otherTownMember, edit)).status).toBe(403);
    expect((await api.call('PUT', `/challenges/${id}`, w.assocMember, edit)).status).toBe(403);
    expect((await api.call('PUT', `/challenges/${id}`, w.townMember, edit)).status).toBe(200);
    const close = { closingNote: 'Clos par une autre ville.' };
    expect((await api.call('POST', `/challenges/${id}/close`, w.otherTownMember, close)).status).toBe(403);
  });

  // SDGs are the 17 of the reference: one outside is refused by the contract's shape (400) before the database.
  it.each<[string, Partial<ChallengeInput>, number, string]>([
    ['themes', { themes: ['food-short-circuits', 'no-such-theme'] }, 422, 'themes.1'],
    ['sdgs', { sdgs: [2, 18] }, 400, 'sdgs.1'],
    ['communeCodes', { communeCodes: ['84089', '99999'] }, 422, 'communeCodes.1'],
  ])('names %s when one is unknown', async (_, overrides, status, field) => {
    const res = await api.call('POST', '/challenges', w.animator, challengeOf(w, overrides));
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('refuses posting or editing an open challenge whose deadline has passed; a draft may wait', async () => {
    const yesterday = inDays(-1);
    const posted = await api.call(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { contributionsCloseOn: yesterday }),
    );
    expect(posted.status).toBe(422);
    expect(posted.body.errors).toMatchObject([{ field: 'contributionsCloseOn', code: 'deadlinePast' }]);
    const draft = await api.ok(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { contributionsCloseOn: yesterday, status: 'draft' }),
    );
    const open = await api.call(
      'PUT',
      `/challenges/${draft}`,
      w.animator,
      challengeOf(w, { contributionsCloseOn: yesterday }),
    );
    expect(open.status).toBe(422);
    const today = await api.call(
      'PUT',
      `/challenges/${draft}`,
      w.animator,
      challengeOf(w, { contributionsCloseOn: todayInParis() }),
    );
    expect(today.status).toBe(200);
  });

  it('lists the challenges taking contributions first, then those past their deadline', async () => {
    const past = await api.ok(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { title: 'Passé', contributionsCloseOn: inDays(2) }),
    );
    await t.db
      .update(challenges)
      .set({ contributionsCloseOn: inDays(-3) })
      .where(eq(challenges.id, past));
    const later = await api.ok(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { title: 'Plus tard', contributionsCloseOn: inDays(40) }),
    );
    const sooner = await api.ok(
      'POST',
      '/challenges',
      w.animator,
      challengeOf(w, { title: 'Bientôt', contributionsCloseOn: inDays(4) }),
    );
    const page = (await api.call('GET', `/challenges?programmeId=${w.programmeId}&pageSize=50`)).body as ChallengePage;
    const ids = page.items.map((c) => c.id);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    expect(ids.indexOf(later)).toBeLessThan(ids.indexOf(past));
    const accepting = page.items.map((c) => c.acceptsContributions);
    expect(accepting.indexOf(false)).toBeGreaterThan(accepting.lastIndexOf(true));
  });

  it('takes contributions until the end of its last day in Paris', () => {
    const c = { status: 'open' as const, contributionsCloseOn: '2026-03-31' };
    // 21:30 UTC on 31 March 2026 is 23:30 in Paris (summer time): still the last day.
    expect(acceptsContributions(c, todayInParis(new Date('2026-03-31T21:30:00Z')))).toBe(true);
    // 22:30 UTC is 00:30 on 1 April in Paris: over, though it is still 31 March in UTC.
    expect(acceptsContributions(c, todayInParis(new Date('2026-03-31T22:30:00Z')))).toBe(false);
    expect(acceptsContributions({ ...c, status: 'draft' }, '2026-03-01')).toBe(false);
    expect(acceptsContributions({ ...c, status: 'closed' }, '2026-03-01')).toBe(false);
  });
});
