import { describe, expect, it } from 'vitest';
import type { Axis, Question, QuestionnaireDefinition } from './definition.js';
import { currentDefinition, readQuestionnaires } from './questionnaires.js';
import { checkAnswers, deltaOf, pointsOf, progressOf, scoreDiagnostic } from './scoring.js';

const t = (fr: string) => ({ fr, en: fr });

/** A small questionnaire whose figures are easy to follow by hand. */
const small: QuestionnaireDefinition = {
  kind: 'association',
  version: 1,
  title: t('Test'),
  intro: t('Test'),
  strengthAtLeast: 70,
  weaknessBelow: 50,
  axes: [
    {
      id: 'people',
      label: t('Personnes'),
      description: t('-'),
      questions: [
        {
          id: 'volunteers',
          type: 'number',
          label: t('Bénévoles'),
          min: 0,
          max: 1000,
          integer: true,
          unit: t('bénévoles'),
          // Out of order on purpose: the highest threshold reached counts.
          thresholds: [
            { min: 10, points: 2 },
            { min: 0, points: 0 },
            { min: 3, points: 1 },
          ],
        },
        {
          id: 'governance',
          type: 'choice',
          label: t('Gouvernance'),
          options: [
            { value: 'none', label: t('Aucune'), points: 0 },
            { value: 'some', label: t('Un peu'), points: 1 },
            { value: 'planned', label: t('Organisée'), points: 2 },
          ],
        },
      ],
      checks: [],
    },
    {
      id: 'money',
      label: t('Argent'),
      description: t('-'),
      questions: [
        {
          id: 'publicShare',
          type: 'number',
          label: t('Part publique'),
          min: 0,
          max: 100,
          integer: false,
          unit: t('%'),
          thresholds: [
            { min: 0, points: 2 },
            { min: 50, points: 1 },
            { min: 80, points: 0 },
          ],
        },
        {
          id: 'privateShare',
          type: 'number',
          label: t('Part privée'),
          min: 0,
          max: 100,
          integer: false,
          unit: t('%'),
          thresholds: [
            { min: 0, points: 0 },
            { min: 20, points: 2 },
          ],
        },
      ],
      checks: [{ questions: ['publicShare', 'privateShare'], sumAtMost: 100 }],
    },
  ],
  rules: [
    { id: 'innovate', mode: 'societalInnovation', when: { axis: 'people', atLeast: 70 }, text: t('Innover') },
    { id: 'sponsor', mode: 'support', when: { question: 'publicShare', atLeast: 50 }, text: t('Mécénat') },
    { id: 'cooperate', mode: 'economicCooperation', when: { axis: 'money', below: 50 }, text: t('Coopérer') },
    { id: 'renew', mode: 'support', when: { question: 'governance', in: ['none', 'some'] }, text: t('Renouveler') },
  ],
};

describe('diagnostic scoring', () => {
  it('gives a number the points of the highest threshold it reaches, bounds included', () => {
    const volunteers = small.axes[0]?.questions[0];
    if (!volunteers) throw new Error('fixture');
    expect([0, 2, 3, 9, 10, 500].map((v) => pointsOf(volunteers, v))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('scores each axis 0–100 and the overall as the mean of the exact axis ratios', () => {
    const r = scoreDiagnostic(small, { volunteers: 12, governance: 'some', publicShare: 60, privateShare: 5 });
    // people: 2 + 1 of 4 = 75; money: 1 + 0 of 4 = 25; overall (0.75 + 0.25) / 2 = 50.
    expect(r.axes.map((a) => [a.id, a.points, a.maxPoints, a.score])).toEqual([
      ['people', 3, 4, 75],
      ['money', 1, 4, 25],
    ]);
    expect(r.overall).toBe(50);
    expect(r.strengths).toEqual(['people']);
    expect(r.weaknesses).toEqual(['money']);
    expect(r.axes[0]?.questions[1]).toMatchObject({
      answer: 'some',
      answerLabel: t('Un peu'),
      points: 1,
      maxPoints: 2,
    });
    expect(r.axes[1]?.questions[0]).toMatchObject({ answer: 60, unit: t('%'), answerLabel: null });
  });

  it('rounds the overall once: 1/3 and 2/3 make 50, not 33 + 67 rounded apart', () => {
    const def: QuestionnaireDefinition = {
      ...small,
      axes: [
        { ...(small.axes[0] as QuestionnaireDefinition['axes'][0]), questions: [small.axes[0]?.questions[1] as never] },
      ],
      rules: [],
    };
    expect(scoreDiagnostic(def, { governance: 'some' }).overall).toBe(50);
    const file = currentDefinition('company');
    const answers = Object.fromEntries(
      file.axes
        .flatMap((a) => a.questions)
        .map((q) => [
          q.id,
          q.type === 'choice' ? (q.options[1]?.value ?? '') : (q.thresholds.find((s) => s.points === 1)?.min ?? 0),
        ]),
    );
    // Every company axis at one third of its points (the second option, the numbers at the threshold of 1 point).
    const r = scoreDiagnostic(file, answers);
    expect(r.axes.map((a) => a.score)).toEqual([33, 33, 33, 33]);
    expect(r.overall).toBe(33);
  });

  it('makes the suggestions of the rules that hold, simplest mode first, saying what triggered them', () => {
    const r = scoreDiagnostic(small, { volunteers: 12, governance: 'some', publicShare: 60, privateShare: 5 });
    expect(r.suggestions.map((s) => [s.ruleId, s.mode])).toEqual([
      ['sponsor', 'support'],
      ['renew', 'support'],
      ['cooperate', 'economicCooperation'],
      ['innovate', 'societalInnovation'],
    ]);
    const [sponsor, renew, cooperate] = r.suggestions;
    expect(sponsor?.trigger).toMatchObject({ axisId: 'money', questionId: 'publicShare', answer: 60, score: null });
    expect(renew?.trigger).toMatchObject({ questionId: 'governance', answer: 'some', answerLabel: t('Un peu') });
    expect(cooperate?.trigger).toMatchObject({ axisId: 'money', score: 25, questionId: null });
    const none = scoreDiagnostic(small, { volunteers: 1, governance: 'planned', publicShare: 10, privateShare: 30 });
    // people 2 of 4 = 50 (not ≥ 70), money 2 + 2 = 100: no rule holds.
    expect(none.suggestions).toEqual([]);
  });

  it('names each wrong answer on its own field and keeps the right ones', () => {
    const { answers, issues } = checkAnswers(
      small,
      { volunteers: 2.5, governance: 'maybe', publicShare: 120, privateShare: 'a lot', nope: 1 },
      { complete: false },
    );
    expect(answers).toEqual({});
    expect(issues).toEqual([
      { field: 'answers.volunteers', code: 'diagnosticWholeNumber' },
      { field: 'answers.governance', code: 'diagnosticUnknownOption' },
      { field: 'answers.publicShare', code: 'tooBig', params: { max: 100 } },
      { field: 'answers.privateShare', code: 'diagnosticNumberExpected' },
      { field: 'answers.nope', code: 'diagnosticUnknownQuestion' },
    ]);
    expect(checkAnswers(small, { volunteers: -1 }, { complete: false }).issues).toEqual([
      { field: 'answers.volunteers', code: 'tooSmall', params: { min: 0 } },
    ]);
  });

  it('refuses shares adding up to more than 100 %, and asks every question when completing', () => {
    expect(checkAnswers(small, { publicShare: 70, privateShare: 40 }, { complete: false }).issues).toEqual([
      { field: 'answers.privateShare', code: 'diagnosticSharesOver', params: { max: 100 } },
    ]);
    const { answers, issues } = checkAnswers(small, { volunteers: 4, governance: null }, { complete: true });
    expect(answers).toEqual({ volunteers: 4 });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['answers.governance', 'required'],
      ['answers.publicShare', 'required'],
      ['answers.privateShare', 'required'],
    ]);
    expect(progressOf(small, answers)).toEqual({ answered: 1, total: 4 });
  });

  it('compares with the previous result per axis, an axis new since then having no change', () => {
    const before = scoreDiagnostic(small, { volunteers: 1, governance: 'none', publicShare: 90, privateShare: 0 });
    const after = scoreDiagnostic(small, { volunteers: 12, governance: 'some', publicShare: 60, privateShare: 5 });
    expect(deltaOf(after, before)).toEqual({ overall: 50, axes: { people: 75, money: 25 } });
    expect(deltaOf(after, { ...before, axes: before.axes.slice(0, 1) }).axes).toEqual({ people: 75, money: null });
  });

  it('reads the questionnaires file: one association and one company version, every rule naming what exists', () => {
    const all = readQuestionnaires();
    expect(all.map((d) => [d.kind, d.version, d.axes.map((a) => a.id)])).toEqual([
      ['association', 1, ['humanResources', 'fundingMix', 'alliances']],
      ['company', 1, ['csrMaturity', 'territorialAnchoring', 'employeeEngagement', 'partnershipPractices']],
    ]);
    const broken = JSON.stringify({
      questionnaires: [{ ...small, rules: [{ id: 'x', mode: 'support', when: { axis: 'nowhere' }, text: t('x') }] }],
    });
    expect(() => readQuestionnaires(broken)).toThrow(/rule x/);
    const twice = JSON.stringify({ questionnaires: [small, small] });
    expect(() => readQuestionnaires(twice)).toThrow(/twice/);
  });

  it('refuses a questionnaire whose rules, checks, bounds or thresholds cannot work', () => {
    const file = (def: QuestionnaireDefinition) => JSON.stringify({ questionnaires: [def] });
    const withRule = (when: object) =>
      file({ ...small, rules: [{ id: 'x', mode: 'support', when: when as never, text: t('x') }] });
    expect(() => readQuestionnaires(withRule({ question: 'governance', below: 2 }))).toThrow(
      /rule x compares a choice question with a number/,
    );
    expect(() => readQuestionnaires(withRule({ question: 'governance', atLeast: 1 }))).toThrow(/rule x compares/);
    expect(() => readQuestionnaires(withRule({ question: 'volunteers', in: ['none'] }))).toThrow(
      /rule x lists options \(in\) for a number question/,
    );
    expect(() => readQuestionnaires(withRule({ question: 'volunteers' }))).toThrow(/rule x has no condition/);
    expect(() => readQuestionnaires(withRule({ question: 'governance' }))).toThrow(/rule x has no condition/);
    expect(() => readQuestionnaires(withRule({ axis: 'people' }))).toThrow(/rule x has no condition/);
    expect(() => readQuestionnaires(withRule({ question: 'governance', in: ['never'] }))).toThrow(/unknown option/);

    const [people, money] = small.axes as [Axis, Axis];
    const withCheck = (questions: string[]) =>
      file({ ...small, axes: [people, { ...money, checks: [{ questions, sumAtMost: 100 }] }] });
    expect(() => readQuestionnaires(withCheck(['publicShare', 'nowhere']))).toThrow(
      /axis money check names nowhere, not a question of the axis/,
    );
    expect(() => readQuestionnaires(withCheck(['publicShare', 'volunteers']))).toThrow(
      /names volunteers, not a question/,
    );
    const choiceInMoney = { ...money, questions: [...money.questions, people.questions[1] as Question] };
    const choiceCheck = { questions: ['publicShare', 'governance'], sumAtMost: 100 };
    expect(() => readQuestionnaires(file({ ...small, axes: [{ ...choiceInMoney, checks: [choiceCheck] }] }))).toThrow(
      /names governance, not a number question/,
    );

    const volunteers = people.questions[0] as Question;
    const reversed = { ...people, questions: [{ ...volunteers, min: 10, max: 5 }, ...people.questions.slice(1)] };
    expect(() => readQuestionnaires(file({ ...small, axes: [reversed, money] }))).toThrow(
      /question volunteers has min above max/,
    );
    expect(() => readQuestionnaires(file({ ...small, weaknessBelow: 80, strengthAtLeast: 60 }))).toThrow(
      /weaknessBelow above strengthAtLeast/,
    );
    expect(readQuestionnaires(file(small))).toHaveLength(1);
  });
});
