import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf } from '../../../tests/http.js';
import { users } from '../accounts/schema.js';
import { projectData } from '../projects/fixtures.js';
import { createProject } from '../projects/service.js';
import type { SuggestionList } from './contract.js';
import { member, plantWorld, suggestionsUrl, type TestApp, type World } from './testing.js';

describe('partner suggestions', () => {
  let t: TestApp;
  const call = callerOf(() => t.app);
  let w: World;
  let ducMember: SignedIn;
  let otherMember: SignedIn;
  let observer: SignedIn;
  let project: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await plantWorld(t.db);
    ducMember = await member(t.db, w.duc);
    otherMember = await member(t.db, w.other);
    observer = await signedInAs(t.db, 'observer');
    project = await createProject(t.db, w.animator.user, projectData(w.duc, { budgetTotal: null, budgetLines: [] }));
  });
  afterAll(() => t.close());

  const list = async (who: SignedIn, kind: string, id: string) => {
    const res = await call(who, 'GET', suggestionsUrl(kind, id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as SuggestionList;
  };
  const names = (l: SuggestionList) => l.items.map((i) => i.actor.name);

  it('ranks the planted offer first for the need, with the reasons in plain French', async () => {
    const l = await list(ducMember, 'need', w.ducNeed);
    expect(l.subject).toMatchObject({ kind: 'need', id: w.ducNeed, title: 'Salle de répétition' });
    expect(l.subject.actor).toMatchObject({ id: w.duc, name: 'Le Petit Duc', communeName: 'Aix-en-Provence' });
    const [first] = l.items;
    expect(first?.actor).toEqual({
      id: w.hall,
      name: 'Les Ateliers du Tholonet',
      family: 'company',
      communeName: 'Le Tholonet',
    });
    const texts = first?.reasons.map((r) => r.text) ?? [];
    expect(texts[0]).toBe('propose des locaux dont vous avez besoin (« Salle de répétition équipée »)');
    expect(texts).toContain('vous travaillez tous deux sur Culture & art');
    expect(texts.some((s) => /^à \d+ km$/.test(s))).toBe(true);
    expect(first?.components.complementarity).toBeGreaterThan(0.9);
    expect(first?.score).toBeGreaterThan(l.items[1]?.score ?? 0);
    expect(first?.request).toBeNull();
  });

  it('never suggests the subject itself nor an existing partner', async () => {
    for (const [kind, id] of [
      ['need', w.ducNeed],
      ['actor', w.duc],
      ['project', project],
    ] as const) {
      const l = await list(w.animator, kind, id);
      expect(l.items.map((i) => i.actor.id)).not.toContain(w.duc);
      expect(names(l)).not.toContain('Théâtre Partenaire');
    }
  });

  it('ranks the seeker first for the offer, saying what it seeks', async () => {
    const l = await list(w.animator, 'offer', w.hallOffer);
    expect(l.items[0]?.actor.id).toBe(w.duc);
    expect(l.items[0]?.reasons[0]?.text).toBe('cherche des locaux que vous proposez (« Salle de répétition »)');
    expect(names(l)).not.toContain('Les Ateliers du Tholonet');
  });

  it('ranks the planted pair first for the actor and for its flagship project', async () => {
    expect((await list(ducMember, 'actor', w.duc)).items[0]?.actor.id).toBe(w.hall);
    const l = await list(ducMember, 'project', project);
    expect(l.subject.title).toBe('Festival des Arts Éphémères');
    expect(l.items[0]?.actor.id).toBe(w.hall);
  });

  it('speaks English to a user who chose English', async () => {
    const english = await member(t.db, w.duc);
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, english.user.id));
    const texts = (await list(english, 'need', w.ducNeed)).items[0]?.reasons.map((r) => r.text) ?? [];
    expect(texts[0]).toBe('offers premises you need (“Salle de répétition équipée”)');
    expect(texts).toContain('you both work on Culture & art');
  });

  it('asks who is asking: anonymous 401, another organisation 403, observer and staff read', async () => {
    expect((await call(null, 'GET', suggestionsUrl('need', w.ducNeed))).status).toBe(401);
    const denied = await call(otherMember, 'GET', suggestionsUrl('need', w.ducNeed));
    expect(denied.status).toBe(403);
    expect(denied.type).toContain('application/problem+json');
    expect((await call(otherMember, 'GET', suggestionsUrl('project', project))).status).toBe(403);
    expect((await list(observer, 'need', w.ducNeed)).items[0]?.actor.id).toBe(w.hall);
    expect((await list(w.animator, 'actor', w.other)).subject.actor.id).toBe(w.other);
    const admin = await signedInAs(t.db, 'admin');
    expect((await list(admin, 'offer', w.hallOffer)).items.length).toBeGreaterThan(0);
  });

  it('would suggest the partner were it not one already', async () => {
    await t.db.execute(sql`DELETE FROM partnership_partners WHERE actor_id = ${w.partner}`);
    expect(names(await list(w.animator, 'need', w.ducNeed)).slice(0, 2)).toContain('Théâtre Partenaire');
  });

  it('answers 404 for an unknown subject and 400 naming a bad parameter', async () => {
    const missing = await call(w.animator, 'GET', suggestionsUrl('need', w.hallOffer));
    expect(missing.status).toBe(404);
    const bad = await call(w.animator, 'GET', suggestionsUrl('need', 'not-a-uuid'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('subjectId');
  });
});
