// A citizen (self-signed-up, no organisation) gets at most what a member without organisation gets on the routes
// open to every signed-in user: their own things and public ones, never staff or observer views, nor an
// organisation's private data.
import { asc, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { actors } from '../actors/schema.js';
import { alliances } from '../alliances/schema.js';
import { contactLogs } from '../contacts/schema.js';
import { evaluations } from '../evaluation/schema.js';
import { events } from '../events/schema.js';
import { fundingApplications } from '../funding/applications/schema.js';
import type { partnerships } from '../partnerships/schema.js';
import { programmes } from '../programmes/schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const firstId = async (t: TestApp, table: typeof actors | typeof partnerships) =>
  (await t.db.select({ id: table.id }).from(table).orderBy(asc(table.id)).limit(1))[0]?.id ?? '';

describe('what a citizen reads on the signed-in routes', () => {
  let t: TestApp;
  let citizen: SignedIn;
  let orphanMember: SignedIn;
  let observer: SignedIn;
  const call = callerOf(() => t.app);
  const urls: string[] = [];
  let actor = '';

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    citizen = await signedInAs(t.db, 'citizen');
    orphanMember = await signedInAs(t.db, 'member', null);
    observer = await signedInAs(t.db, 'observer');
    // An actor and a partnership that have contacts: what a citizen must not read.
    const [contacted] = await t.db
      .select({ actorId: contactLogs.actorId, partnershipId: contactLogs.partnershipId })
      .from(contactLogs)
      .where(isNotNull(contactLogs.partnershipId))
      .limit(1);
    actor = contacted?.actorId ?? '';
    const partnership = contacted?.partnershipId ?? '';
    const [, , event, programme, application, evaluation, alliance] = await Promise.all([
      null,
      null,
      firstId(t, events as never),
      firstId(t, programmes as never),
      firstId(t, fundingApplications as never),
      firstId(t, evaluations as never),
      firstId(t, alliances as never),
    ]);
    urls.push(
      '/api/v1/partnerships?pageSize=100',
      '/api/v1/partnerships/board',
      `/api/v1/partnerships/${partnership}/timeline`,
      `/api/v1/actors/${actor}/contacts`,
      `/api/v1/partnerships/${partnership}/contacts`,
      '/api/v1/me/follow-ups',
      '/api/v1/matching/suggestions',
      '/api/v1/matching/requests',
      `/api/v1/alliances/${alliance}/suggestions`,
      '/api/v1/notifications',
      `/api/v1/events/${event}/registrations`,
      `/api/v1/events/${event}/invitations/mine`,
      `/api/v1/events/${event}/minutes`,
      `/api/v1/events/${event}/speed-dating`,
      `/api/v1/programmes/${programme}/decisions`,
      `/api/v1/programmes/${programme}/actions`,
      '/api/v1/funding/applications',
      `/api/v1/funding/applications/${application}`,
      `/api/v1/partnerships/${partnership}/evaluations`,
      `/api/v1/evaluations/${evaluation}`,
      `/api/v1/diagnostics/actors/${actor}`,
    );
  });
  afterAll(() => t.close());

  it('answers a citizen as it answers a member without organisation', async () => {
    for (const url of urls) {
      const [asCitizen, asOrphan] = [await call(citizen, 'GET', url), await call(orphanMember, 'GET', url)];
      expect({ url, status: asCitizen.status, body: asCitizen.body }).toEqual({
        url,
        status: asOrphan.status,
        body: asOrphan.body,
      });
    }
  });

  it('shows a citizen of an actor only what it shows the public (its "members" level is the network)', async () => {
    const withPeople = await t.db.select({ id: actors.id }).from(actors).orderBy(asc(actors.name)).limit(20);
    for (const { id } of withPeople) {
      const [asCitizen, asAnonymous] = [
        await call(citizen, 'GET', `/api/v1/actors/${id}`),
        await call(null, 'GET', `/api/v1/actors/${id}`),
      ];
      expect(asCitizen.body).toEqual(asAnonymous.body);
    }
  });

  it('shows a citizen no contact, funding application nor private partnership, where an observer sees some', async () => {
    const lists = ['/api/v1/funding/applications', `/api/v1/actors/${actor}/contacts`, '/api/v1/matching/requests'];
    for (const url of lists) {
      const res = await call(citizen, 'GET', url);
      const items = res.status === 200 ? (res.body.items ?? []) : [];
      expect({ url, items }).toEqual({ url, items: [] });
    }
    const seen = await call(citizen, 'GET', '/api/v1/partnerships?pageSize=100');
    const all = await call(observer, 'GET', '/api/v1/partnerships?pageSize=100');
    expect(all.body.total).toBeGreaterThan(seen.body.total);
    // The partnerships a citizen lists are those anyone may read: the published ones.
    for (const p of seen.body.items as { id: string }[]) {
      expect((await call(null, 'GET', `/api/v1/partnerships/${p.id}`)).status).toBe(200);
    }
  });
});
