// Multi-row writes are one transaction: when the last write (a notification) fails, nothing of the others remains.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { rowsOf } from '../../db/rows.js';
import { notifications } from '../notifications/schema.js';
import { matchRequests } from './schema.js';
import { member, plantWorld, type TestApp, type World } from './testing.js';

describe('matchmaking writes are all or nothing', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  let w: World;
  let duc: SignedIn;
  let hall: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    w = await plantWorld(t.db);
    duc = await member(t.db, w.duc, 'instant');
    hall = await member(t.db, w.hall, 'weekly');
    await t.db.execute(sql`CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
  });
  afterAll(() => t.close());

  /** Runs `action` while any notification insert fails. */
  async function whileNotificationsFail<T>(action: () => Promise<T>): Promise<T> {
    await t.db.execute(sql`CREATE TRIGGER refuse_for_test BEFORE INSERT ON notifications
      FOR EACH ROW EXECUTE FUNCTION refuse_for_test()`);
    try {
      return await action();
    } finally {
      await t.db.execute(sql`DROP TRIGGER refuse_for_test ON notifications`);
    }
  }
  const count = async (table: string) =>
    (await rowsOf<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]?.n;
  const accept = () =>
    call(duc, 'POST', '/api/v1/matching/decisions', {
      subjectKind: 'need',
      subjectId: w.ducNeed,
      candidateId: w.hall,
      decision: 'accept',
    });

  it('accepting a suggestion: no decision and no request without the notification', async () => {
    const res = await whileNotificationsFail(accept);
    expect(res.status).toBe(500);
    expect(await count('match_decisions')).toBe(0);
    expect(await count('match_requests')).toBe(0);
  });

  it('accepting a request: no partnership, the request still pending, without the notification', async () => {
    const sent = await accept();
    expect(sent.status).toBe(201);
    const partnershipsBefore = await count('partnerships');
    const decisionsBefore = await count('match_decisions');
    const res = await whileNotificationsFail(() =>
      call(hall, 'POST', `/api/v1/matching/requests/${sent.body.requestId}/answer`, { accept: true }),
    );
    expect(res.status).toBe(500);
    expect(await count('partnerships')).toBe(partnershipsBefore);
    expect(await count('match_decisions')).toBe(decisionsBefore);
    const [request] = await t.db.select().from(matchRequests).where(eq(matchRequests.id, sent.body.requestId));
    expect(request).toMatchObject({ status: 'pending', partnershipId: null });
  });

  it('announcing mutual suggestions: a pair is not recorded as told until both sides are', async () => {
    const admin = await signedInAs(t.db, 'admin');
    const failed = await whileNotificationsFail(() => call(admin, 'POST', '/api/v1/matching/refresh'));
    expect(failed.status).toBe(500);
    expect(await count('mutual_notices')).toBe(0);
    const res = await call(admin, 'POST', '/api/v1/matching/refresh');
    expect(res.status).toBe(200);
    expect(res.body.newMutual).toBeGreaterThan(0);
    const told = await t.db.select().from(notifications).where(eq(notifications.kind, 'mutualSuggestion'));
    expect(told.length).toBeGreaterThan(0);
  });
});
