import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { callerOf } from '../../../../tests/http.js';
import type { CallMatches, SuitedCall } from '../calendar/contract.js';
import { insertActor, insertCall, insertProject } from '../calendar/fixtures.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const isoDay = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000).toISOString().slice(0, 10);

// The calls' status and the projects a call is offered to, as the matching (calendar/matching.ts) shows them.
describe('a call for projects seen from the matching', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const region = await insertActor(t.db, { family: 'publicAuthority', name: 'Région Sud' });
    const association = await insertActor(t.db, { family: 'association', name: 'Ressourcerie du Luberon' });
    const circular = { themes: ['circular-economy'], communeCodes: ['84089'] };
    // Only a closing date: open until then, like the calls list says.
    ids.call = await insertCall(t.db, region, { title: 'Appel au fil de l’eau', ...circular, closesOn: isoDay(20) });
    for (const status of ['seekingPartners', 'inProgress', 'completed', 'abandoned', 'draft'] as const) {
      ids[status] = await insertProject(t.db, [association], { title: `Projet ${status}`, status, ...circular });
    }
  });
  afterAll(() => t.close());

  it('is open with only a closing date, in the calls list and in the project’s suited calls alike', async () => {
    const listed = await call(null, 'GET', `/api/v1/funding/calls/${ids.call}`);
    expect(listed.body).toMatchObject({ status: 'open' });
    const suited = await call(null, 'GET', `/api/v1/projects/${ids.seekingPartners}/calls`);
    expect(suited.status).toBe(200);
    expect((suited.body as { items: SuitedCall[] }).items.map((c) => [c.title, c.status])).toEqual([
      ['Appel au fil de l’eau', 'open'],
    ]);
  });

  it('is offered to the projects still looking for partners or funding only', async () => {
    const res = await call(null, 'GET', `/api/v1/funding/calls/${ids.call}/matches`);
    expect(res.status).toBe(200);
    expect((res.body as CallMatches).projects.map((p) => p.title).sort()).toEqual([
      'Projet inProgress',
      'Projet seekingPartners',
    ]);
  });
});
