// The rules of a diagnostic: which answers are valid, how they become points and scores, which suggestions follow.
// Plain functions over a questionnaire (data) and answers; the service stores what they compute.
import type { FieldIssue } from '../../errors.js';
import { partnershipModes } from '../partnerships/vocabulary.js';
import type { Answers, Axis, Question, QuestionnaireDefinition, RuleCondition, SuggestionRule } from './definition.js';
import type { AxisResult, DiagnosticResult, Suggestion } from './result.js';

const fieldOf = (questionId: string) => `answers.${questionId}`;

const questionsOf = (def: QuestionnaireDefinition) => def.axes.flatMap((a) => a.questions);

/** One answer's issues: an option of the list, or a number within bounds (a whole one when asked). */
function answerIssues(q: Question, value: string | number): FieldIssue[] {
  const field = fieldOf(q.id);
  if (q.type === 'choice') {
    return typeof value === 'string' && q.options.some((o) => o.value === value)
      ? []
      : [{ field, code: 'diagnosticUnknownOption' }];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ field, code: 'diagnosticNumberExpected' }];
  if (q.integer && !Number.isInteger(value)) return [{ field, code: 'diagnosticWholeNumber' }];
  if (value < q.min) return [{ field, code: 'tooSmall', params: { min: q.min } }];
  if (value > q.max) return [{ field, code: 'tooBig', params: { max: q.max } }];
  return [];
}

/** Shares that must not add up to more than a total (public + private + own revenue ≤ 100 %): named on the last. */
function checkIssues(axis: Axis, answers: Answers): FieldIssue[] {
  return axis.checks.flatMap((check) => {
    const values = check.questions.map((id) => answers[id]);
    if (!values.every((v) => typeof v === 'number')) return [];
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    const last = check.questions[check.questions.length - 1] ?? '';
    return sum > check.sumAtMost
      ? [{ field: fieldOf(last), code: 'diagnosticSharesOver', params: { max: check.sumAtMost } }]
      : [];
  });
}

/**
 * Checks answers against a questionnaire: each unknown question, wrong option or number out of bounds is an issue
 * on its own field (`answers.<question>`); a completed diagnostic also needs every question answered. Null answers
 * are dropped (not answered yet). Returns the kept answers and the issues.
 */
export function checkAnswers(
  def: QuestionnaireDefinition,
  raw: Record<string, string | number | null>,
  opts: { complete: boolean },
): { answers: Answers; issues: FieldIssue[] } {
  const byId = new Map(questionsOf(def).map((q) => [q.id, q]));
  const answers: Answers = {};
  const issues: FieldIssue[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const q = byId.get(id);
    if (!q) {
      issues.push({ field: fieldOf(id), code: 'diagnosticUnknownQuestion' });
      continue;
    }
    if (value === null) continue;
    const own = answerIssues(q, value);
    if (own.length) issues.push(...own);
    else answers[id] = value;
  }
  for (const axis of def.axes) issues.push(...checkIssues(axis, answers));
  if (opts.complete) {
    for (const q of byId.values()) {
      if (answers[q.id] === undefined && !issues.some((i) => i.field === fieldOf(q.id))) {
        issues.push({ field: fieldOf(q.id), code: 'required' });
      }
    }
  }
  return { answers, issues };
}

/** How many questions are answered, over all. */
export function progressOf(def: QuestionnaireDefinition, answers: Answers) {
  const all = questionsOf(def);
  return { answered: all.filter((q) => answers[q.id] !== undefined).length, total: all.length };
}

/** A question's points for an answer: the option's, or the highest threshold the number reaches (0 below all). */
export function pointsOf(q: Question, value: string | number): number {
  if (q.type === 'choice') return q.options.find((o) => o.value === value)?.points ?? 0;
  let points = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const t of q.thresholds) {
    if (typeof value === 'number' && value >= t.min && t.min >= reached) {
      points = t.points;
      reached = t.min;
    }
  }
  return points;
}

export function maxPointsOf(q: Question): number {
  const all = q.type === 'choice' ? q.options.map((o) => o.points) : q.thresholds.map((t) => t.points);
  return Math.max(0, ...all);
}

function scoreAxis(axis: Axis, answers: Answers): AxisResult {
  const questions = axis.questions.map((q) => {
    const answer = answers[q.id] ?? (q.type === 'choice' ? '' : 0);
    return {
      id: q.id,
      label: q.label,
      answer,
      answerLabel: q.type === 'choice' ? (q.options.find((o) => o.value === answer)?.label ?? null) : null,
      unit: q.type === 'number' ? q.unit : null,
      points: pointsOf(q, answer),
      maxPoints: maxPointsOf(q),
    };
  });
  const points = questions.reduce((s, q) => s + q.points, 0);
  const maxPoints = questions.reduce((s, q) => s + q.maxPoints, 0);
  return {
    id: axis.id,
    label: axis.label,
    score: maxPoints === 0 ? 0 : Math.round((100 * points) / maxPoints),
    points,
    maxPoints,
    questions,
  };
}

const within = (value: number, c: { below?: number | undefined; atLeast?: number | undefined }) =>
  (c.below === undefined || value < c.below) && (c.atLeast === undefined || value >= c.atLeast);

/** The suggestion a rule makes for these scores and answers, or null when its condition does not hold. */
function applyRule(rule: SuggestionRule, axes: AxisResult[]): Suggestion | null {
  const when: RuleCondition = rule.when;
  if ('axis' in when) {
    const axis = axes.find((a) => a.id === when.axis);
    if (!axis || !within(axis.score, when)) return null;
    const trigger = { axisId: axis.id, axisLabel: axis.label, score: axis.score };
    const none = { questionId: null, questionLabel: null, answer: null, answerLabel: null, unit: null };
    return { ruleId: rule.id, mode: rule.mode, text: rule.text, trigger: { ...trigger, ...none } };
  }
  for (const axis of axes) {
    const q = axis.questions.find((x) => x.id === when.question);
    if (!q) continue;
    const holds =
      typeof q.answer === 'number'
        ? within(q.answer, when) && when.in === undefined
        : (when.in?.includes(q.answer) ?? false);
    if (!holds) return null;
    return {
      ruleId: rule.id,
      mode: rule.mode,
      text: rule.text,
      trigger: {
        axisId: axis.id,
        axisLabel: axis.label,
        score: null,
        questionId: q.id,
        questionLabel: q.label,
        answer: q.answer,
        answerLabel: q.answerLabel,
        unit: q.unit,
      },
    };
  }
  return null;
}

/**
 * Scores complete answers: each axis 0–100 (its points over its maximum), overall the mean of the axes (rounded
 * once, from the exact ratios); strengths and weaknesses by the questionnaire's thresholds; the suggestions of the
 * rules that hold, from the simplest mode of partnership to the most impactful (the file's order within a mode).
 */
export function scoreDiagnostic(def: QuestionnaireDefinition, answers: Answers): DiagnosticResult {
  const axes = def.axes.map((a) => scoreAxis(a, answers));
  const ratios = axes.map((a) => (a.maxPoints === 0 ? 0 : a.points / a.maxPoints));
  const overall = Math.round((100 * ratios.reduce((s, r) => s + r, 0)) / Math.max(1, ratios.length));
  const suggestions = def.rules
    .map((r) => applyRule(r, axes))
    .filter((s): s is Suggestion => s !== null)
    .map((s, order) => ({ s, order }))
    .sort((a, b) => partnershipModes.indexOf(a.s.mode) - partnershipModes.indexOf(b.s.mode) || a.order - b.order)
    .map(({ s }) => s);
  return {
    overall,
    axes,
    thresholds: { strengthAtLeast: def.strengthAtLeast, weaknessBelow: def.weaknessBelow },
    strengths: axes.filter((a) => a.score >= def.strengthAtLeast).map((a) => a.id),
    weaknesses: axes.filter((a) => a.score < def.weaknessBelow).map((a) => a.id),
    suggestions,
  };
}

/** How a result moved since the previous one: overall and per axis (null for an axis the previous one lacked). */
export function deltaOf(current: DiagnosticResult, previous: DiagnosticResult) {
  const before = new Map(previous.axes.map((a) => [a.id, a.score]));
  return {
    overall: current.overall - previous.overall,
    axes: Object.fromEntries(
      current.axes.map((a) => {
        const old = before.get(a.id);
        return [a.id, old === undefined ? null : a.score - old];
      }),
    ) as Record<string, number | null>,
  };
}
