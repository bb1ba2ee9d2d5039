import { describe, expect, it } from 'vitest';
import { todayInParis } from '../needs-offers/contract.js';
import { acceptsContributions } from './access.js';
import type { ChallengeInput } from './contract.js';
import { challengeOf, dialogueSuite, inDays } from './testing.js';

describe('a challenge’s rules', () => {
  const s = dialogueSuite();

  it('lets a member of another authority neither edit nor close a town’s challenge', async () => {
    const id = await s.api.ok('POST', '/challenges', s.w.townMember, challengeOf(s.w));
    const edit = challengeOf(s.w, { title: 'Repris par une autre ville' });
    expect((await s.api.call('PUT', `/challenges/${id}`, s.w.otherTownMember, edit)).status).toBe(403);
    expect((await s.api.call('PUT', `/challenges/${id}`, s.w.assocMember, edit)).status).toBe(403);
    expect((await s.api.call('PUT', `/challenges/${id}`, s.w.townMember, edit)).status).toBe(200);
    const close = { closingNote: 'Clos par une autre ville.' };
    expect((await s.api.call('POST', `/challenges/${id}/close`, s.w.otherTownMember, close)).status).toBe(403);
  });

  // SDGs are the 17 of the reference: one outside is refused by the contract's shape (400) before the database.
  it.each<[string, Partial<ChallengeInput>, number, string]>([
    ['themes', { themes: ['food-short-circuits', 'no-such-theme'] }, 422, 'themes.1'],
    ['sdgs', { sdgs: [2, 18] }, 400, 'sdgs.1'],
    ['communeCodes', { communeCodes: ['84089', '99999'] }, 422, 'communeCodes.1'],
  ])('names %s when one is unknown', async (_, overrides, status, field) => {
    const res = await s.api.call('POST', '/challenges', s.w.animator, challengeOf(s.w, overrides));
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('refuses posting or editing an open challenge whose deadline has passed; a draft may wait', async () => {
    const yesterday = inDays(-1);
    const posted = await s.api.call(
      'POST',
      '/challenges',
      s.w.animator,
      challengeOf(s.w, { contributionsCloseOn: yesterday }),
    );
    expect(posted.status).toBe(422);
    expect(posted.body.errors).toMatchObject([{ field: 'contributionsCloseOn', code: 'deadlinePast' }]);
    const draft = await s.api.ok(
      'POST',
      '/challenges',
      s.w.animator,
      challengeOf(s.w, { contributionsCloseOn: yesterday, status: 'draft' }),
    );
    const open = await s.api.call(
      'PUT',
      `/challenges/${draft}`,
      s.w.animator,
      challengeOf(s.w, { contributionsCloseOn: yesterday }),
    );
    expect(open.status).toBe(422);
    const today = await s.api.call(
      'PUT',
      `/challenges/${draft}`,
      s.w.animator,
      challengeOf(s.w, { contributionsCloseOn: todayInParis() }),
    );
    expect(today.status).toBe(200);
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
