import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import type { TestApp } from '../matching/testing.js';
import type { Notification, NotificationPreference } from './contract.js';
import { notifications } from './schema.js';
import { kindsForRole } from './vocabulary.js';

describe('notifications routes', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  let me: SignedIn;
  let someoneElse: SignedIn;
  let theirs: string;

  beforeAll(async () => {
    t = await createTestApp();
    me = await signedInAs(t.db, 'member');
    someoneElse = await signedInAs(t.db, 'member');
    const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 9, minutes));
    await t.db.insert(notifications).values([
      { userId: me.user.id, kind: 'contactRequest', title: 'Première', link: '/mises-en-relation', createdAt: at(0) },
      { userId: me.user.id, kind: 'mutualSuggestion', title: 'Deuxième', link: '/suggestions', createdAt: at(1) },
      { userId: me.user.id, kind: 'requestAccepted', title: 'Troisième', createdAt: at(2) },
    ]);
    const [row] = await t.db
      .insert(notifications)
      .values({ userId: someoneElse.user.id, kind: 'contactRequest', title: 'Pas pour moi' })
      .returning({ id: notifications.id });
    theirs = row?.id ?? '';
  });
  afterAll(() => t.close());

  const list = async (who: SignedIn, query = '') => {
    const res = await call(who, 'GET', `/api/v1/notifications${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Notification[]; unread: number };
  };

  it('lists my notifications newest first with the number unread, and only mine', async () => {
    const mine = await list(me);
    expect(mine.items.map((n) => n.title)).toEqual(['Troisième', 'Deuxième', 'Première']);
    expect(mine.unread).toBe(3);
    expect(mine.items[0]).toMatchObject({ kind: 'requestAccepted', readAt: null, body: '', link: '' });
    expect((await list(me, '?limit=1')).items).toHaveLength(1);
    expect((await call(null, 'GET', '/api/v1/notifications')).status).toBe(401);
  });

  it('marks one read; another user’s is not found and stays unread', async () => {
    const [newest] = (await list(me)).items;
    const read = await call(me, 'POST', `/api/v1/notifications/${newest?.id}/read`);
    expect(read.status).toBe(204);
    const after = await list(me);
    expect(after.unread).toBe(2);
    const readAt = after.items[0]?.readAt;
    expect(readAt).not.toBeNull();
    await call(me, 'POST', `/api/v1/notifications/${newest?.id}/read`);
    expect((await list(me)).items[0]?.readAt).toBe(readAt);

    expect((await call(me, 'POST', `/api/v1/notifications/${theirs}/read`)).status).toBe(404);
    expect((await call(me, 'POST', `/api/v1/notifications/${randomUUID()}/read`)).status).toBe(404);
    expect((await list(someoneElse)).unread).toBe(1);
  });

  it('filters the unread ones, and `unread=false` lists them all', async () => {
    expect((await list(me, '?unread=true')).items.map((n) => n.title)).toEqual(['Deuxième', 'Première']);
    expect((await list(me, '?unread=false')).items).toHaveLength(3);
  });

  it('marks all mine read, nobody else’s', async () => {
    expect((await call(me, 'POST', '/api/v1/notifications/read-all')).status).toBe(204);
    expect((await list(me)).unread).toBe(0);
    expect((await list(someoneElse)).unread).toBe(1);
  });

  it('lists my preferences with their defaults, saves some, and names a kind my role does not receive', async () => {
    const path = '/api/v1/notifications/preferences';
    const before = (await call(me, 'GET', path)).body as { items: NotificationPreference[] };
    expect(before.items.map((p) => p.kind)).toEqual(kindsForRole.member);
    expect(before.items.find((p) => p.kind === 'contactRequest')).toEqual({
      kind: 'contactRequest',
      choice: 'off',
      isDefault: true,
    });
    const saved = await call(me, 'PUT', path, { contactRequest: 'instant' });
    expect(saved.status).toBe(200);
    expect(saved.body.items.find((p: NotificationPreference) => p.kind === 'contactRequest')).toEqual({
      kind: 'contactRequest',
      choice: 'instant',
      isDefault: false,
    });
    const notForMe = await call(me, 'PUT', path, { fundingDeadline: 'off', eventInvitation: 'off' });
    expect(notForMe.status).toBe(422);
    expect(fieldsOf(notForMe.body)).toEqual([['fundingDeadline', 'notificationKindNotForRole']]);
    expect(fieldsOf((await call(me, 'PUT', path, { daily: 'off' })).body)).toEqual([
      ['daily', 'unknownNotificationKind'],
    ]);
    const badChoice = await call(me, 'PUT', path, { contactRequest: 'daily' });
    expect(badChoice.status).toBe(400);
    expect(fieldsOf(badChoice.body).map(([field]) => field)).toContain('contactRequest');
    // Nothing of the refused requests was saved.
    const after = (await call(me, 'GET', path)).body as { items: NotificationPreference[] };
    expect(after.items.find((p) => p.kind === 'eventInvitation')?.choice).toBe('weekly');
    expect(after.items.find((p) => p.kind === 'contactRequest')?.choice).toBe('instant');
  });
});
