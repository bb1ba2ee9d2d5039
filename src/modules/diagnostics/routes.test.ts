import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import { actors } from '../actors/schema.js';
import { parisDay } from '../programmes/common.js';
import type { ActorDiagnosticsView, CompletedView, DiagnosticPage, DraftView } from './contract.js';
import { currentDefinition } from './questionnaires.js';
import { diagnosticQuestionnaires, diagnostics } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Charlie Free's answers of the demo (figures worked out by hand in the assertions). */
const associationAnswers = {
  volunteers: 35,
  employees: 1,
  skills: 'partial',
  governance: 'rare',
  publicShare: 65,
  privateShare: 8,
  ownRevenueShare: 22,
  funders: 4,
  reserves: 'underThreeMonths',
  partnerships: 2,
  networks: 'several',
  territorialAnchoring: 'recognised',
  companyOpenness: 'curious',
};

const companyAnswers = {
  strategy: 'informal',
  commitments: 'charter',
  reporting: 'internal',
  localPurchasing: 55,
  businessNetworks: 'leader',
  localLife: 'regular',
  skillsSponsorship: 'occasional',
  volunteeringHours: 40,
  engagedShare: 8,
  associationPartnerships: 1,
  patronage: 'occasional',
  socialEconomyPurchasing: 'none',
};

describe('diagnostic routes', () => {
  let t: TestApp;
  let association: string;
  let company: string;
  let town: string;
  let admin: SignedIn;
  let animator: SignedIn;
  let observer: SignedIn;
  let member: SignedIn;
  let companyMember: SignedIn;
  const call = callerOf(() => t.app);
  const base = '/api/v1/diagnostics';
  const actorUrl = (id: string) => `${base}/actors/${id}`;

  beforeAll(async () => {
    t = await createTestApp();
    const rows = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Jazz à Aix' },
        { family: 'company', name: 'Boulangerie Éthique' },
        { family: 'publicAuthority', name: 'Commune de Pertuis' },
      ])
      .returning({ id: actors.id });
    [association, company, town] = rows.map((r) => r.id) as [string, string, string];
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    member = await signedInAs(t.db, 'member', association);
    companyMember = await signedInAs(t.db, 'member', company);
  });
  afterAll(() => t.close());

  it('gives a member its organisation’s questionnaire, with no draft and no history yet', async () => {
    const res = await call(member, 'GET', actorUrl(association));
    expect(res.status).toBe(200);
    const view = res.body as ActorDiagnosticsView;
    expect(view).toMatchObject({ kind: 'association', draft: null, history: [], canAnswer: true });
    expect(view.actor).toEqual({ id: association, name: 'Jazz à Aix', family: 'association' });
    expect(view.questionnaire.version).toBe(1);
    expect(view.questionnaire.axes.map((a) => a.id)).toEqual(['humanResources', 'fundingMix', 'alliances']);
    const other = (await call(companyMember, 'GET', actorUrl(company))).body as ActorDiagnosticsView;
    expect(other.kind).toBe('company');
    expect(other.questionnaire.axes).toHaveLength(4);
    // Reading writes nothing: a questionnaire version is stored when first answered, and has no id before.
    expect([view.questionnaire.id, other.questionnaire.id]).toEqual([null, null]);
    expect(await t.db.select().from(diagnosticQuestionnaires)).toEqual([]);
  });

  it('saves a draft with its progress, then replaces its answers on the next save', async () => {
    const first = await call(member, 'PUT', `${actorUrl(association)}/draft`, {
      answers: { volunteers: 35, skills: 'partial' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body as DraftView).toMatchObject({ answered: 2, total: 13 });
    const stored = await t.db.select().from(diagnosticQuestionnaires);
    expect(stored.map((q) => [q.kind, q.version, q.id])).toEqual([
      ['association', 1, (first.body as DraftView).questionnaireId],
    ]);
    const second = await call(member, 'PUT', `${actorUrl(association)}/draft`, {
      answers: { volunteers: 35, skills: 'partial', governance: 'rare', employees: null },
    });
    expect(second.body as DraftView).toMatchObject({ id: (first.body as DraftView).id, answered: 3 });
    const view = (await call(member, 'GET', actorUrl(association))).body as ActorDiagnosticsView;
    expect(view.draft?.answers).toEqual({ volunteers: 35, skills: 'partial', governance: 'rare' });
  });

  it('refuses wrong answers naming each question, and leaves the draft as it was', async () => {
    const res = await call(member, 'PUT', `${actorUrl(association)}/draft`, {
      answers: { volunteers: 3.5, skills: 'excellent', publicShare: 70, privateShare: 20, ownRevenueShare: 20, x: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(fieldsOf(res.body)).toEqual([
      ['answers.volunteers', 'diagnosticWholeNumber'],
      ['answers.skills', 'diagnosticUnknownOption'],
      ['answers.x', 'diagnosticUnknownQuestion'],
      ['answers.ownRevenueShare', 'diagnosticSharesOver'],
    ]);
    expect(res.body.errors[3].message).toBe('Ensemble, les parts de vos ressources dépassent 100\u202f%.');
    const bad = await call(member, 'PUT', `${actorUrl(association)}/draft`, { answers: { volunteers: [1] } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)[0]?.[0]).toMatch(/^answers\.volunteers/);
    const view = (await call(member, 'GET', actorUrl(association))).body as ActorDiagnosticsView;
    expect(view.draft?.answers).toEqual({ volunteers: 35, skills: 'partial', governance: 'rare' });
  });

  it('refuses to complete while questions are unanswered, naming them, and keeps the draft', async () => {
    const res = await call(member, 'POST', `${actorUrl(association)}/completions`, { answers: { employees: 1 } });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body).map(([f, c]) => `${f} ${c}`)).toEqual([
      'answers.publicShare required',
      'answers.privateShare required',
      'answers.ownRevenueShare required',
      'answers.funders required',
      'answers.reserves required',
      'answers.partnerships required',
      'answers.networks required',
      'answers.territorialAnchoring required',
      'answers.companyOpenness required',
    ]);
    const view = (await call(member, 'GET', actorUrl(association))).body as ActorDiagnosticsView;
    expect(view.draft?.answered).toBe(3);
    expect(view.history).toEqual([]);
  });

  let first: CompletedView;

  it('completes the draft with the rest of the answers: scores, strengths, suggestions computed and kept', async () => {
    const { volunteers: _v, skills: _s, governance: _g, ...rest } = associationAnswers;
    const res = await call(member, 'POST', `${actorUrl(association)}/completions`, { answers: rest });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    first = res.body as CompletedView;
    // Human resources 2+1+1+1 of 12 = 42; funding 1+1+1+2+1 of 15 = 40; alliances 1+2+2+1 of 12 = 50;
    // overall (5/12 + 6/15 + 6/12) / 3 = 43.9 → 44.
    expect(first.result.axes.map((a) => [a.id, a.score])).toEqual([
      ['humanResources', 42],
      ['fundingMix', 40],
      ['alliances', 50],
    ]);
    expect(first.result.overall).toBe(44);
    expect(first.result.strengths).toEqual([]);
    expect(first.result.weaknesses).toEqual(['humanResources', 'fundingMix']);
    expect(first.result.suggestions.map((s) => [s.ruleId, s.mode])).toEqual([
      ['firstCompanyPartner', 'support'],
      ['reducePublicDependency', 'support'],
      ['skillsSponsorship', 'support'],
      ['jointOffer', 'economicCooperation'],
    ]);
    expect(first.result.suggestions[1]?.trigger).toMatchObject({
      axisId: 'fundingMix',
      questionId: 'publicShare',
      answer: 65,
      unit: { fr: '%', en: '%' },
    });
    expect(first.delta).toBeNull();
    const view = (await call(member, 'GET', actorUrl(association))).body as ActorDiagnosticsView;
    expect(view.draft).toBeNull();
    expect(view.history.map((h) => h.id)).toEqual([first.id]);
  });

  it('keeps every completed diagnostic with its date and compares each with the previous one', async () => {
    const better = {
      ...associationAnswers,
      volunteers: 45,
      publicShare: 45,
      privateShare: 20,
      ownRevenueShare: 30,
      companyOpenness: 'partner',
    };
    const res = await call(animator, 'POST', `${actorUrl(association)}/completions`, { answers: better });
    expect(res.status).toBe(201);
    const second = res.body as CompletedView;
    // HR 3+1+1+1 = 6/12 = 50; funding 2+2+2+2+1 = 9/15 = 60; alliances 1+2+2+3 = 8/12 = 67; overall 59.
    expect(second.result.axes.map((a) => a.score)).toEqual([50, 60, 67]);
    expect(second.result.overall).toBe(59);
    expect(second.delta).toEqual({
      previousId: first.id,
      previousCompletedAt: first.completedAt,
      overall: 15,
      axes: { humanResources: 8, fundingMix: 20, alliances: 17 },
    });
    const view = (await call(member, 'GET', actorUrl(association))).body as ActorDiagnosticsView;
    expect(view.history.map((h) => [h.id, h.delta?.overall ?? null])).toEqual([
      [second.id, 15],
      [first.id, null],
    ]);
  });

  it('lets a company member take the CSR diagnostic, and staff fill it in for any actor', async () => {
    const res = await call(companyMember, 'POST', `${actorUrl(company)}/completions`, { answers: companyAnswers });
    expect(res.status).toBe(201);
    const done = res.body as CompletedView;
    // CSR 3/9 = 33; anchoring 2+3+2 = 7/9 = 78; engagement 3/9 = 33; practices 1+1+0 = 2/9 = 22; overall 15/36 = 42.
    expect(done.result.axes.map((a) => a.score)).toEqual([33, 78, 33, 22]);
    expect(done.result.overall).toBe(42);
    expect(done.result.strengths).toEqual(['territorialAnchoring']);
    expect(done.result.suggestions.map((s) => s.mode)).toEqual([
      'support',
      'support',
      'responsiblePractices',
      'economicCooperation',
    ]);
    const draft = await call(admin, 'PUT', `${actorUrl(company)}/draft`, { answers: { strategy: 'core' } });
    expect(draft.status).toBe(200);
  });

  it('refuses other families, naming the field', async () => {
    for (const [who, method] of [
      [animator, 'GET'],
      [animator, 'PUT'],
      [admin, 'POST'],
    ] as const) {
      const url = method === 'GET' ? actorUrl(town) : `${actorUrl(town)}/${method === 'PUT' ? 'draft' : 'completions'}`;
      const res = await call(who, method, url, method === 'GET' ? undefined : { answers: {} });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual([['family', 'diagnosticFamily']]);
    }
  });

  it('hides an organisation’s diagnostic from other members and from visitors; observers only read', async () => {
    expect((await call(companyMember, 'GET', actorUrl(association))).status).toBe(404);
    expect((await call(companyMember, 'PUT', `${actorUrl(association)}/draft`, { answers: {} })).status).toBe(404);
    const post = await call(companyMember, 'POST', `${actorUrl(association)}/completions`, {
      answers: associationAnswers,
    });
    expect(post.status).toBe(404);
    expect((await call(member, 'DELETE', `${actorUrl(company)}/draft`)).status).toBe(404);
    expect((await call(null, 'GET', actorUrl(association))).status).toBe(401);
    const read = await call(observer, 'GET', actorUrl(association));
    expect(read.status).toBe(200);
    expect((read.body as ActorDiagnosticsView).canAnswer).toBe(false);
    expect((await call(observer, 'PUT', `${actorUrl(association)}/draft`, { answers: {} })).status).toBe(403);
    expect((await call(member, 'GET', `${actorUrl(crypto.randomUUID())}`)).status).toBe(404);
    expect((await call(admin, 'GET', `${actorUrl(crypto.randomUUID())}`)).status).toBe(404);
    // Nothing was written for the association by those refused calls.
    const view = (await call(admin, 'GET', actorUrl(association))).body as ActorDiagnosticsView;
    expect(view.draft).toBeNull();
    expect(view.history).toHaveLength(2);
  });

  it('discards a draft', async () => {
    expect((await call(companyMember, 'DELETE', `${actorUrl(company)}/draft`)).status).toBe(204);
    expect((await call(companyMember, 'DELETE', `${actorUrl(company)}/draft`)).status).toBe(404);
    const view = (await call(companyMember, 'GET', actorUrl(company))).body as ActorDiagnosticsView;
    expect(view.draft).toBeNull();
    expect(view.history).toHaveLength(1);
  });

  it('completes a draft with the questionnaire version it began with, and keeps that result as it was', async () => {
    // A draft begun on another version (as if the questionnaire had been edited since): one axis, one question.
    const base1 = currentDefinition('association');
    const axis = base1.axes[2];
    if (!axis) throw new Error('fixture');
    const [older] = await t.db
      .insert(diagnosticQuestionnaires)
      .values({ kind: 'association', version: 99, definition: { ...base1, version: 99, axes: [axis], rules: [] } })
      .returning({ id: diagnosticQuestionnaires.id });
    const [actor] = await t.db
      .insert(actors)
      .values({ family: 'association', name: 'Théâtre des Ateliers' })
      .returning({ id: actors.id });
    const id = actor?.id ?? '';
    await t.db
      .insert(diagnostics)
      .values({ actorId: id, questionnaireId: older?.id ?? '', answers: { partnerships: 6 } });
    const before = (await call(animator, 'GET', actorUrl(id))).body as ActorDiagnosticsView;
    expect(before.questionnaire.version).toBe(99);
    expect(before.draft).toMatchObject({ answered: 1, total: 4 });
    const rest = { networks: 'one', territorialAnchoring: 'known', companyOpenness: 'none' };
    const res = await call(animator, 'POST', `${actorUrl(id)}/completions`, { answers: rest });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const done = res.body as CompletedView;
    // 3 + 1 + 1 + 0 of 12 = 42, on the one axis of version 99.
    expect(done).toMatchObject({ questionnaireVersion: 99, result: { overall: 42 } });
    expect(done.result.axes.map((a) => a.id)).toEqual(['alliances']);
    const after = (await call(animator, 'GET', actorUrl(id))).body as ActorDiagnosticsView;
    expect(after.questionnaire.version).toBe(1);
    expect(after.history.map((h) => [h.questionnaireVersion, h.result.overall])).toEqual([[99, 42]]);
  });

  it('lists completed diagnostics for staff and observers, with filters', async () => {
    const all = (await call(observer, 'GET', base)).body as DiagnosticPage;
    expect(all.total).toBe(4);
    expect(all.items.slice(1).map((i) => [i.actorName, i.kind, i.overall])).toEqual([
      ['Boulangerie Éthique', 'company', 42],
      ['Jazz à Aix', 'association', 59],
      ['Jazz à Aix', 'association', 44],
    ]);
    expect(all.items[0]?.actorName).toBe('Théâtre des Ateliers');
    expect(all.items[2]?.axes.map((a) => a.score)).toEqual([50, 60, 67]);
    const companies = (await call(animator, 'GET', `${base}?kind=company`)).body as DiagnosticPage;
    expect(companies.items.map((i) => i.actorName)).toEqual(['Boulangerie Éthique']);
    const byName = (await call(animator, 'GET', `${base}?q=jazz%20a`)).body as DiagnosticPage;
    expect(byName.total).toBe(2);
    const latest = (await call(animator, 'GET', `${base}?latest=true`)).body as DiagnosticPage;
    expect(latest.items.map((i) => i.overall)).toEqual([42, 42, 59]);
    // Today as the filter counts days, in Paris (between 22:00 or 23:00 UTC and midnight, UTC is a day behind).
    const today = parisDay(new Date());
    expect(((await call(admin, 'GET', `${base}?from=${today}&to=${today}`)).body as DiagnosticPage).total).toBe(4);
    expect(((await call(admin, 'GET', `${base}?to=2017-01-01`)).body as DiagnosticPage).total).toBe(0);
    const reversed = await call(admin, 'GET', `${base}?from=2026-02-01&to=2026-01-01`);
    expect(reversed.status).toBe(400);
    expect(fieldsOf(reversed.body)).toEqual([['to', 'endBeforeStart']]);
    expect((await call(member, 'GET', base)).status).toBe(403);
    expect((await call(null, 'GET', base)).status).toBe(401);
  });

  it('keeps each actor’s latest among the diagnostics of the kind and dates asked, not its latest of all', async () => {
    // A diagnostic of Jazz à Aix back in 2017: its latest up to 2017 is that one, though it has newer ones since.
    const [version1] = await t.db
      .select({ id: diagnosticQuestionnaires.id })
      .from(diagnosticQuestionnaires)
      .where(and(eq(diagnosticQuestionnaires.kind, 'association'), eq(diagnosticQuestionnaires.version, 1)));
    await t.db.insert(diagnostics).values({
      actorId: association,
      questionnaireId: version1?.id ?? '',
      status: 'completed',
      answers: associationAnswers,
      result: { ...first.result, overall: 30 },
      overall: 30,
      completedAt: new Date('2017-05-10T22:30:00Z'),
    });
    const upTo2017 = (await call(admin, 'GET', `${base}?latest=true&to=2017-12-31`)).body as DiagnosticPage;
    expect(upTo2017.items.map((i) => [i.actorName, i.overall, i.completedAt])).toEqual([
      ['Jazz à Aix', 30, '2017-05-10T22:30:00.000Z'],
    ]);
    // 00:30 on 11 May in Paris: the 11th, not the 10th.
    expect(((await call(admin, 'GET', `${base}?to=2017-05-10`)).body as DiagnosticPage).total).toBe(0);
    const companiesLatest = (await call(admin, 'GET', `${base}?latest=true&kind=company`)).body as DiagnosticPage;
    expect(companiesLatest.items.map((i) => i.actorName)).toEqual(['Boulangerie Éthique']);
  });

  it('sorts by the score column, lowest first (whoever needs support most), the newest first among equals', async () => {
    const byScore = (await call(animator, 'GET', `${base}?sort=score`)).body as DiagnosticPage;
    expect(byScore.items.map((i) => [i.actorName, i.overall])).toEqual([
      ['Jazz à Aix', 30],
      ['Théâtre des Ateliers', 42],
      ['Boulangerie Éthique', 42],
      ['Jazz à Aix', 44],
      ['Jazz à Aix', 59],
    ]);
    expect(byScore.items[0]?.thresholds).toEqual({ strengthAtLeast: 70, weaknessBelow: 50 });
    expect((await call(animator, 'GET', `${base}?sort=best`)).status).toBe(400);
  });

  it('keeps the questionnaire’s thresholds with the result', () => {
    expect(first.result.thresholds).toEqual({ strengthAtLeast: 70, weaknessBelow: 50 });
  });
});
