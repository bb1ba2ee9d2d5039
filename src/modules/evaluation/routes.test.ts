import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import { partnershipPartners, partnerships } from '../partnerships/schema.js';
import type { ComparisonView, EvaluationView, PartnershipEvaluations } from './contract.js';
import { answerOf, type EvaluationFixture, evaluationFixture } from './fixtures.js';
import { currentYear } from './service.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('evaluation routes', () => {
  let t: TestApp;
  let f: EvaluationFixture;
  let admin: SignedIn;
  let animator: SignedIn;
  let observer: SignedIn;
  /** A member of the association, a partner of the Aix partnership. */
  let partner: SignedIn;
  /** A member of the Pertuis company: not a partner of the Aix partnership. */
  let outsider: SignedIn;
  let evaluationId: string;
  const call = callerOf(() => t.app);
  const aixUrl = () => `/api/v1/partnerships/${f.partnerships.aix}/evaluations`;
  const evalUrl = (suffix = '') => `/api/v1/evaluations/${evaluationId}${suffix}`;

  beforeAll(async () => {
    t = await createTestApp();
    f = await evaluationFixture(t.db);
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    partner = await signedInAs(t.db, 'member', f.actors.asso);
    outsider = await signedInAs(t.db, 'member', f.actors.pertuisCompany);
  });
  afterAll(() => t.close());

  it('lets staff open a year, once, and not a year to come', async () => {
    const res = await call(animator, 'POST', aixUrl(), { year: 2017 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = res.body as EvaluationView;
    evaluationId = view.id;
    expect(view).toMatchObject({ year: 2017, closedAt: null, canManage: true, canMeasure: true, indicators: [] });
    expect(view.partners.map((p) => [p.name, p.response, p.canAnswer])).toEqual([
      ['Association aixoise', null, true],
      ['Entreprise aixoise', null, true],
    ]);
    const again = await call(admin, 'POST', aixUrl(), { year: 2017 });
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual([['year', 'evaluationExists']]);
    const future = await call(admin, 'POST', aixUrl(), { year: currentYear() + 1 });
    expect(future.status).toBe(422);
    expect(fieldsOf(future.body)).toEqual([['year', 'evaluationYearInFuture']]);
    expect((await call(admin, 'POST', aixUrl(), { year: 1999 })).status).toBe(400);
  });

  it('seeds a partner’s objectives with its framing expectations', async () => {
    await t.db
      .update(partnershipPartners)
      .set({ expectations: 'Des lieux de résidence pour les artistes' })
      .where(eq(partnershipPartners.actorId, f.actors.asso));
    const view = (await call(partner, 'GET', evalUrl())).body as EvaluationView;
    expect(view.partners.find((p) => p.actorId === f.actors.asso)?.suggestedObjectives).toEqual([
      'Des lieux de résidence pour les artistes',
    ]);
  });

  it('refuses a bad answer naming each field, and changes nothing', async () => {
    const res = await call(partner, 'PUT', evalUrl(`/responses/${f.actors.asso}`), {
      scores: {
        performance: { score: 6 },
        coherence: { score: 0 },
        efficiency: { score: 2.5 },
        relevance: { score: 3 },
        societalContribution: { score: 3 },
      },
      objectives: [
        { label: 'Exposer', status: 'met' },
        { label: 'exposer', status: 'notMet' },
        { label: 'x', status: 'maybe' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(res.body)).toEqual([
      ['scores.performance.score', 'tooBig'],
      ['scores.coherence.score', 'tooSmall'],
      ['scores.efficiency.score', 'invalid'],
      ['scores.clarityMeaning', 'required'],
      ['objectives.2.label', 'tooShort'],
      ['objectives.2.status', 'invalid'],
      ['balance', 'required'],
    ]);
    const nothing = await call(
      partner,
      'PUT',
      evalUrl(`/responses/${f.actors.asso}`),
      answerOf([null, null, null, null, null, null]),
    );
    expect(fieldsOf(nothing.body)).toEqual([['scores', 'noScoreGiven']]);
    const twice = await call(
      partner,
      'PUT',
      evalUrl(`/responses/${f.actors.asso}`),
      answerOf([3], {
        objectives: [
          { label: 'Exposer', status: 'met' },
          { label: 'exposer ', status: 'notMet' },
        ],
      }),
    );
    expect(fieldsOf(twice.body)).toEqual([['objectives.1.label', 'duplicateObjective']]);
    const view = (await call(partner, 'GET', evalUrl())).body as EvaluationView;
    expect(view.partners.every((p) => p.response === null)).toBe(true);
  });

  it('lets a member answer for its own organisation only, staff on a partner’s behalf', async () => {
    const mine = await call(
      partner,
      'PUT',
      evalUrl(`/responses/${f.actors.asso}`),
      answerOf([5, 4, 3, 5, 4, null], {
        balance: 2,
        balanceComment: 'Nous apportons le plus',
        objectives: [{ label: 'Des lieux de résidence', status: 'met' }],
      }),
    );
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    const view = mine.body as EvaluationView;
    const asso = view.partners.find((p) => p.actorId === f.actors.asso);
    expect(asso?.response).toMatchObject({
      balance: 2,
      balanceComment: 'Nous apportons le plus',
      onBehalf: false,
      objectives: [{ label: 'Des lieux de résidence', status: 'met' }],
    });
    expect(asso?.response?.scores.clarityMeaning).toEqual({ score: null, comment: '' });
    expect(view.partners.find((p) => p.actorId === f.actors.company)?.canAnswer).toBe(false);
    // Only the association answered: its normalised scores are the evaluation's.
    expect(view.scores).toEqual({
      dimensions: {
        performance: 100,
        coherence: 75,
        efficiency: 50,
        relevance: 100,
        societalContribution: 75,
        clarityMeaning: null,
      },
      overall: 80,
    });

    const forOther = await call(
      partner,
      'PUT',
      evalUrl(`/responses/${f.actors.company}`),
      answerOf([3, 3, 3, 3, 3, 3]),
    );
    expect(forOther.status).toBe(403);
    const notPartner = await call(
      animator,
      'PUT',
      evalUrl(`/responses/${f.actors.town}`),
      answerOf([3, 3, 3, 3, 3, 3]),
    );
    expect(notPartner.status).toBe(404);

    const onBehalf = await call(
      animator,
      'PUT',
      evalUrl(`/responses/${f.actors.company}`),
      answerOf([3, 4, 1, 5, 2, 3]),
    );
    expect(onBehalf.status).toBe(200);
    const both = onBehalf.body as EvaluationView;
    expect(both.partners.find((p) => p.actorId === f.actors.company)?.response?.onBehalf).toBe(true);
    // Means over the two partners; clarity from the company alone.
    expect(both.scores).toEqual({
      dimensions: {
        performance: 75,
        coherence: 75,
        efficiency: 25,
        relevance: 100,
        societalContribution: 50,
        clarityMeaning: 50,
      },
      overall: 62.5,
    });
    expect(both.balance).toBe(2.5);
    expect(both.objectives).toEqual({ met: 1, partlyMet: 0, notMet: 0 });
  });

  it('lets staff choose indicators suited to the mode, and partners enter measures', async () => {
    const wrong = await call(animator, 'PUT', evalUrl('/indicators'), {
      indicators: [
        { key: 'beneficiariesReached', target: 100 },
        { key: 'tonnesDiverted', target: 2 },
        { key: 'beneficiariesReached' },
        { key: 'nope' },
        { key: 'eventsHeld', baseline: -1, target: 1.234 },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual([
      ['indicators.3.key', 'invalid'],
      ['indicators.4.baseline', 'tooSmall'],
      ['indicators.4.target', 'twoDecimalsAtMost'],
    ]);
    const notForMode = await call(animator, 'PUT', evalUrl('/indicators'), {
      indicators: [
        { key: 'beneficiariesReached', target: 100 },
        { key: 'tonnesDiverted', target: 2 },
        { key: 'beneficiariesReached' },
      ],
    });
    expect(fieldsOf(notForMode.body)).toEqual([['indicators.2.key', 'duplicateIndicator']]);
    const mode = await call(animator, 'PUT', evalUrl('/indicators'), {
      indicators: [
        { key: 'beneficiariesReached', target: 100 },
        { key: 'tonnesDiverted', target: 2 },
      ],
    });
    expect(fieldsOf(mode.body)).toEqual([['indicators.1.key', 'indicatorNotForMode']]);
    const ok = await call(animator, 'PUT', evalUrl('/indicators'), {
      indicators: [
        { key: 'volunteerHours', baseline: 0, target: 50 },
        { key: 'beneficiariesReached', baseline: 10, target: 100 },
      ],
    });
    expect(ok.status).toBe(200);
    expect((ok.body as EvaluationView).indicators.map((i) => [i.key, i.baseline, i.target, i.measured])).toEqual([
      ['beneficiariesReached', 10, 100, null],
      ['volunteerHours', 0, 50, null],
    ]);

    expect((await call(partner, 'PUT', evalUrl('/indicators'), { indicators: [] })).status).toBe(403);
    const measured = await call(partner, 'PUT', evalUrl('/indicators/beneficiariesReached'), {
      measured: 80,
      evidence: 'https://exemple.fr/bilan',
    });
    expect(measured.status).toBe(200);
    expect((measured.body as EvaluationView).indicators[0]).toMatchObject({
      measured: 80,
      evidence: 'https://exemple.fr/bilan',
      target: 100,
    });
    expect((await call(partner, 'PUT', evalUrl('/indicators/eventsHeld'), { measured: 1 })).status).toBe(404);
    expect((await call(outsider, 'PUT', evalUrl('/indicators/beneficiariesReached'), { measured: 1 })).status).toBe(
      404,
    );
    expect((await call(observer, 'PUT', evalUrl('/indicators/beneficiariesReached'), { measured: 1 })).status).toBe(
      403,
    );
    expect((await call(null, 'PUT', evalUrl('/indicators/beneficiariesReached'), { measured: 1 })).status).toBe(401);

    // Staff save the choice again (a target changed) while the partner's measure is there: the measure stays.
    const again = await call(animator, 'PUT', evalUrl('/indicators'), {
      indicators: [
        { key: 'volunteerHours', baseline: 0, target: 50 },
        { key: 'beneficiariesReached', baseline: 10, target: 100, measured: 1, evidence: 'ignoré' },
      ],
    });
    expect(again.status).toBe(200);
    expect((again.body as EvaluationView).indicators.map((i) => [i.key, i.target, i.measured, i.evidence])).toEqual([
      ['beneficiariesReached', 100, 80, 'https://exemple.fr/bilan'],
      ['volunteerHours', 50, null, ''],
    ]);
  });

  it('shows each role what it may see: partners, staff and observers read; other members and visitors get 404', async () => {
    for (const who of [admin, animator, observer, partner]) {
      expect((await call(who, 'GET', evalUrl())).status).toBe(200);
      const history = await call(who, 'GET', aixUrl());
      expect(history.status).toBe(200);
      expect(
        (history.body as PartnershipEvaluations).evaluations.map((e) => [e.year, e.responses, e.scores.overall]),
      ).toEqual([[2017, 2, 62.5]]);
    }
    const observed = (await call(observer, 'GET', evalUrl())).body as EvaluationView;
    expect(observed).toMatchObject({ canManage: false, canMeasure: false });
    expect(observed.partners.every((p) => !p.canAnswer)).toBe(true);
    expect((await call(observer, 'PUT', evalUrl(`/responses/${f.actors.asso}`), answerOf([3]))).status).toBe(403);
    // The outsider is a member, but not of a partner; the Aix partnership is published, still not its evaluation.
    expect((await call(outsider, 'GET', evalUrl())).status).toBe(404);
    expect((await call(outsider, 'GET', aixUrl())).status).toBe(404);
    expect((await call(outsider, 'PUT', evalUrl(`/responses/${f.actors.asso}`), answerOf([3]))).status).toBe(404);
    expect((await call(null, 'GET', evalUrl())).status).toBe(401);
    expect((await call(partner, 'GET', '/api/v1/evaluations')).status).toBe(403);
    expect((await call(partner, 'POST', aixUrl(), { year: 2018 })).status).toBe(403);
    expect((await call(partner, 'PUT', evalUrl('/status'), { closed: true })).status).toBe(403);
    const unknown = '/api/v1/evaluations/00000000-0000-4000-8000-000000000000/status';
    expect((await call(animator, 'PUT', unknown, { closed: true })).status).toBe(404);
  });

  it('closes an evaluation: no more answers nor measures, until staff open it again', async () => {
    const closed = await call(animator, 'PUT', evalUrl('/status'), { closed: true });
    expect(closed.status).toBe(200);
    expect((closed.body as EvaluationView).closedAt).not.toBeNull();
    const partnerView = (await call(partner, 'GET', evalUrl())).body as EvaluationView;
    expect(partnerView.canMeasure).toBe(false);
    expect(partnerView.partners.every((p) => !p.canAnswer)).toBe(true);
    const late = await call(partner, 'PUT', evalUrl(`/responses/${f.actors.asso}`), answerOf([1, 1, 1, 1, 1, 1]));
    expect(late.status).toBe(409);
    expect((await call(partner, 'PUT', evalUrl('/indicators/beneficiariesReached'), { measured: 1 })).status).toBe(409);
    expect((await call(animator, 'PUT', evalUrl('/indicators'), { indicators: [] })).status).toBe(409);
    const reopened = await call(animator, 'PUT', evalUrl('/status'), { closed: false });
    expect((reopened.body as EvaluationView).closedAt).toBeNull();
    expect((reopened.body as EvaluationView).scores.overall).toBe(62.5);
  });

  it('opens the next year with the indicators carried over and last year’s objectives suggested', async () => {
    const res = await call(animator, 'POST', aixUrl(), { year: 2018 });
    const view = res.body as EvaluationView;
    expect(view.indicators.map((i) => [i.key, i.baseline, i.target, i.measured, i.evidence])).toEqual([
      ['beneficiariesReached', 10, 100, null, ''],
      ['volunteerHours', 0, 50, null, ''],
    ]);
    expect(view.partners.map((p) => p.suggestedObjectives)).toEqual([['Des lieux de résidence'], []]);
    const history = (await call(partner, 'GET', aixUrl())).body as PartnershipEvaluations;
    expect(history.evaluations.map((e) => [e.year, e.responses, e.partners, e.scores.overall])).toEqual([
      [2018, 0, 2, null],
      [2017, 2, 2, 62.5],
    ]);
  });

  it('carries over only the indicators that suit the partnership’s mode now', async () => {
    const pertuis2016 = (
      await call(animator, 'POST', `/api/v1/partnerships/${f.partnerships.pertuis}/evaluations`, { year: 2016 })
    ).body as EvaluationView;
    await call(animator, 'PUT', `/api/v1/evaluations/${pertuis2016.id}/indicators`, {
      indicators: [
        { key: 'tonnesDiverted', target: 2 },
        { key: 'beneficiariesReached', target: 10 },
      ],
    });
    // The partnership turns to support, which tonnes diverted do not suit.
    await t.db.update(partnerships).set({ mode: 'support' }).where(eq(partnerships.id, f.partnerships.pertuis));
    const res = await call(animator, 'POST', `/api/v1/partnerships/${f.partnerships.pertuis}/evaluations`, {
      year: 2017,
    });
    expect((res.body as EvaluationView).indicators.map((i) => i.key)).toEqual(['beneficiariesReached']);
    await t.db
      .update(partnerships)
      .set({ mode: 'economicCooperation' })
      .where(eq(partnerships.id, f.partnerships.pertuis));
  });

  it('refuses to open an evaluation of an abandoned partnership', async () => {
    await t.db.update(partnerships).set({ status: 'abandoned' }).where(eq(partnerships.id, f.partnerships.far));
    const res = await call(animator, 'POST', `/api/v1/partnerships/${f.partnerships.far}/evaluations`, {
      year: 2017,
    });
    expect(res.status).toBe(409);
  });

  it('compares the partnerships of a year for readers, best first, by mode', async () => {
    const pertuis = (await call(animator, 'GET', `/api/v1/partnerships/${f.partnerships.pertuis}/evaluations`))
      .body as PartnershipEvaluations;
    const pertuis2017 = pertuis.evaluations.find((e) => e.year === 2017);
    await call(
      animator,
      'PUT',
      `/api/v1/evaluations/${pertuis2017?.id}/responses/${f.actors.town}`,
      answerOf([5, 5, 5, 5, 5, 5]),
    );
    const latest = (await call(observer, 'GET', '/api/v1/evaluations')).body as ComparisonView;
    expect(latest.year).toBe(2018);
    expect(latest.years).toEqual([2018, 2017, 2016]);
    const y2017 = (await call(observer, 'GET', '/api/v1/evaluations?year=2017')).body as ComparisonView;
    expect(y2017.rows.map((r) => [r.partnership.title, r.scores.overall, r.responses, r.partners])).toEqual([
      ['Partenariat pertuisien', 100, 1, 2],
      ['Partenariat aixois', 62.5, 2, 2],
    ]);
    const support = (await call(animator, 'GET', '/api/v1/evaluations?year=2017&mode=support')).body as ComparisonView;
    expect(support.rows.map((r) => r.partnership.title)).toEqual(['Partenariat aixois']);
    expect((await call(observer, 'GET', '/api/v1/evaluations?mode=nope')).status).toBe(400);
    expect((await call(observer, 'GET', '/api/v1/evaluations?year=1999')).status).toBe(400);
  });

  it('lists a former partner’s answer, counted in the scores, without letting anyone answer for it again', async () => {
    const pertuis = (await call(animator, 'GET', `/api/v1/partnerships/${f.partnerships.pertuis}/evaluations`))
      .body as PartnershipEvaluations;
    const id = pertuis.evaluations.find((e) => e.year === 2017)?.id;
    // The town (scores 100) leaves the partnership after answering; the company answers all 1 (scores 0).
    await call(
      animator,
      'PUT',
      `/api/v1/evaluations/${id}/responses/${f.actors.pertuisCompany}`,
      answerOf([1, 1, 1, 1, 1, 1]),
    );
    await t.db.delete(partnershipPartners).where(eq(partnershipPartners.actorId, f.actors.town));
    const view = (await call(animator, 'GET', `/api/v1/evaluations/${id}`)).body as EvaluationView;
    expect(view.partners.map((p) => [p.name, p.response !== null, p.canAnswer])).toEqual([
      ['Entreprise pertuisienne', true, true],
      ['Ville test', true, false],
    ]);
    expect(view.scores.overall).toBe(50);
    const again = await call(animator, 'PUT', `/api/v1/evaluations/${id}/responses/${f.actors.town}`, answerOf([3]));
    expect(again.status).toBe(404);
    // Counted as the page lists them: two answers of two partners (one current, one former), never « 2 sur 1 ».
    const history = (await call(animator, 'GET', `/api/v1/partnerships/${f.partnerships.pertuis}/evaluations`))
      .body as PartnershipEvaluations;
    expect(history.evaluations.find((e) => e.year === 2017)).toMatchObject({ responses: 2, partners: 2 });
  });
});
