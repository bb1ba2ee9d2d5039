// Shared by server and web: a completed diagnostic's result, computed by scoring.ts and stored as it was computed
// (labels included), so that later versions of the questionnaire never change an old result.
import { z } from 'zod';
import { partnershipModes } from '../partnerships/vocabulary.js';
import { bilingual } from './definition.js';

export const questionResult = z.object({
  id: z.string(),
  label: bilingual,
  answer: z.union([z.string(), z.number()]),
  /** The chosen option's label (choice questions). */
  answerLabel: bilingual.nullable(),
  /** The unit of a number (« % », « bénévoles »). */
  unit: bilingual.nullable(),
  points: z.number().int(),
  maxPoints: z.number().int(),
});

export const axisResult = z.object({
  id: z.string(),
  label: bilingual,
  /** 0–100: the axis's points over its maximum. */
  score: z.number().int().min(0).max(100),
  points: z.number().int(),
  maxPoints: z.number().int(),
  questions: z.array(questionResult),
});
export type AxisResult = z.infer<typeof axisResult>;

/** What made a rule fire: an axis's score, or one question's answer (within its axis). */
export const suggestionTrigger = z.object({
  axisId: z.string(),
  axisLabel: bilingual,
  /** The axis's score when the rule is about the axis. */
  score: z.number().int().nullable(),
  questionId: z.string().nullable(),
  questionLabel: bilingual.nullable(),
  answer: z.union([z.string(), z.number()]).nullable(),
  answerLabel: bilingual.nullable(),
  unit: bilingual.nullable(),
});

export const suggestion = z.object({
  ruleId: z.string(),
  mode: z.enum(partnershipModes),
  text: bilingual,
  trigger: suggestionTrigger,
});
export type Suggestion = z.infer<typeof suggestion>;

/** The questionnaire's thresholds the result was computed with: a strength from `strengthAtLeast`, a weakness below `weaknessBelow`. */
export const scoreThresholds = z.object({
  strengthAtLeast: z.number().min(0).max(100),
  weaknessBelow: z.number().min(0).max(100),
});
export type ScoreThresholds = z.infer<typeof scoreThresholds>;

export const diagnosticResult = z.object({
  /** 0–100: the mean of the axes' scores. */
  overall: z.number().int().min(0).max(100),
  axes: z.array(axisResult),
  thresholds: scoreThresholds,
  /** Ids of the axes scoring at least the questionnaire's `strengthAtLeast`. */
  strengths: z.array(z.string()),
  /** Ids of the axes scoring below its `weaknessBelow`. */
  weaknesses: z.array(z.string()),
  /** Ordered from the simplest mode of partnership to the most impactful. */
  suggestions: z.array(suggestion),
});
export type DiagnosticResult = z.infer<typeof diagnosticResult>;
